import { type prisma, type Tx } from '#modules/db/client.ts'
import { emailDomain } from '#modules/sso/domains.ts'

/**
 * True when `email` is at a domain the organisation has claimed and verified (OrganisationDomain,
 * verifiedAt set): the organisation then owns that identity, as its identity provider issues and
 * withdraws the mailbox. SCIM only ends every session of, or renames, people whose identity the
 * organisation owns; for anyone else it ends their access to the organisation alone.
 */
export async function organisationOwnsEmail(
	db: Tx | typeof prisma,
	{ organisationId, email }: { organisationId: string; email: string },
) {
	const domain = emailDomain(email)
	if (!domain) return false
	const claim = await db.organisationDomain.findFirst({
		where: { organisationId, domain, verifiedAt: { not: null } },
		select: { id: true },
	})
	return claim !== null
}
