import { randomBytes } from 'node:crypto'
import { resolveTxt as systemResolveTxt } from 'node:dns/promises'
import { assertPlatformAdmin } from '#modules/admin/assert-admin.ts'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'
import { SsoError } from './errors.ts'

/** Looks up TXT records: node:dns's resolveTxt, or a stand-in the tests give. */
export type ResolveTxt = (hostname: string) => Promise<string[][]>

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/** `@NHS.net.` → `nhs.net`; anything that is not a domain name is refused beside the field. */
export function normaliseDomain(input: string) {
	const domain = input.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '')
	if (!DOMAIN.test(domain)) {
		throw new SsoError('invalid', 'DOMAIN_INVALID', 'Enter a domain name, like riverside.sch.uk', { field: 'domain' })
	}
	return domain
}

/** The part of an address after its last @, lower-cased. */
export function emailDomain(email: string) {
	return email
		.slice(email.lastIndexOf('@') + 1)
		.trim()
		.toLowerCase()
}

/** Where the TXT record may go: the domain itself, or this dedicated name under it. */
export function challengeName(domain: string) {
	return `_circle-challenge.${domain}`
}

export function challengeValue(token: string) {
	return `circle-verification=${token}`
}

/**
 * An organisation admin claims an email domain. The claim routes nothing until it is verified
 * (DNS TXT record or a platform admin). A domain another organisation has claimed is refused.
 */
export async function claimDomain({
	organisationId,
	actorId,
	domain: rawDomain,
	ipAddress,
	userAgent,
}: { organisationId: string; actorId: string; domain: string } & RequestOrigin) {
	const domain = normaliseDomain(rawDomain)
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const existing = await tx.organisationDomain.findUnique({ where: { domain } })
		if (existing && existing.organisationId !== organisationId) {
			throw new SsoError(
				'conflict',
				'DOMAIN_TAKEN',
				`${domain} is already claimed by another organisation. If it is yours, contact Circle's support.`,
				{ field: 'domain' },
			)
		}
		if (existing) return { id: existing.id, domain, created: false }
		const created = await tx.organisationDomain.create({
			data: { organisationId, domain, verificationToken: randomBytes(16).toString('hex') },
			select: { id: true },
		})
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'sso.domain_claimed',
			targetType: 'OrganisationDomain',
			targetId: created.id,
			details: { domain },
			ipAddress,
			userAgent,
		})
		return { id: created.id, domain, created: true }
	})
}

/**
 * "Check now": looks for `circle-verification=<token>` in the TXT records of the domain or of
 * `_circle-challenge.<domain>`, and marks the claim verified when it is there.
 */
export async function checkDomainDns({
	organisationId,
	actorId,
	domainId,
	resolveTxt = systemResolveTxt,
	now = new Date(),
	ipAddress,
	userAgent,
}: {
	organisationId: string
	actorId: string
	domainId: string
	resolveTxt?: ResolveTxt
	now?: Date
} & RequestOrigin) {
	const claim = await prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		return findClaim(tx, organisationId, domainId)
	})
	if (claim.verifiedAt) return { domain: claim.domain, verified: true }
	const expected = challengeValue(claim.verificationToken)
	// The lookup is network I/O: done outside any transaction. A missing name is simply "not found".
	const names = [claim.domain, challengeName(claim.domain)]
	const records = await Promise.all(names.map((name) => resolveTxt(name).catch(() => [] as string[][])))
	const found = records.some((set) => set.some((chunks) => chunks.join('').trim() === expected))
	if (!found) {
		throw new SsoError(
			'invalid',
			'DNS_RECORD_MISSING',
			`No TXT record "${expected}" was found at ${claim.domain} or ${challengeName(claim.domain)} yet. DNS changes can take a while to appear: try again later.`,
			{ field: `domain-${domainId}` },
		)
	}
	await prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		await markVerified(tx, { claim, by: 'DNS', verifierId: actorId, now, ipAddress, userAgent })
	})
	return { domain: claim.domain, verified: true }
}

/** A platform admin verifies a claim without DNS (break-glass for organisations that cannot add records). */
export async function verifyDomainAsAdmin({
	domainId,
	adminId,
	now = new Date(),
	ipAddress,
	userAgent,
}: { domainId: string; adminId: string; now?: Date } & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		await assertPlatformAdmin({ actorId: adminId, tx })
		const claim = await tx.organisationDomain.findUnique({ where: { id: domainId } })
		if (!claim) throw new SsoError('not_found', 'DOMAIN_NOT_FOUND', 'We could not find that domain claim.')
		if (!claim.verifiedAt)
			await markVerified(tx, { claim, by: 'ADMIN', verifierId: adminId, now, ipAddress, userAgent })
		return { domain: claim.domain }
	})
}

/** Withdraws a claim; sign-ins at that domain stop routing to the organisation at once. */
export async function removeDomain({
	organisationId,
	actorId,
	domainId,
	ipAddress,
	userAgent,
}: { organisationId: string; actorId: string; domainId: string } & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const claim = await findClaim(tx, organisationId, domainId)
		await tx.organisationDomain.delete({ where: { id: claim.id } })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'sso.domain_removed',
			targetType: 'OrganisationDomain',
			targetId: claim.id,
			details: { domain: claim.domain },
			ipAddress,
			userAgent,
		})
		return { domain: claim.domain }
	})
}

type Db = Tx
type Claim = NonNullable<Awaited<ReturnType<typeof prisma.organisationDomain.findUnique>>>

async function findClaim(tx: Db, organisationId: string, domainId: string) {
	const claim = await tx.organisationDomain.findFirst({ where: { id: domainId, organisationId } })
	if (!claim) throw new SsoError('not_found', 'DOMAIN_NOT_FOUND', 'We could not find that domain claim.')
	return claim
}

async function markVerified(
	tx: Db,
	{
		claim,
		by,
		verifierId,
		now,
		ipAddress,
		userAgent,
	}: { claim: Claim; by: 'DNS' | 'ADMIN'; verifierId: string; now: Date } & RequestOrigin,
) {
	await tx.organisationDomain.update({
		where: { id: claim.id },
		data: { verifiedAt: now, verifiedBy: by, verifiedById: verifierId },
	})
	await recordAudit(tx, {
		actorId: verifierId,
		organisationId: claim.organisationId,
		action: 'sso.domain_verified',
		targetType: 'OrganisationDomain',
		targetId: claim.id,
		details: { domain: claim.domain, by },
		ipAddress,
		userAgent,
	})
}

/** The organisation domains of an organisation, for its sign-in settings page. */
export async function listDomains({ organisationId }: { organisationId: string }) {
	const rows = await prisma.organisationDomain.findMany({
		where: { organisationId },
		orderBy: { domain: 'asc' },
		select: { id: true, domain: true, verificationToken: true, verifiedAt: true, verifiedBy: true },
	})
	return rows.map((r) => ({
		...r,
		txtName: challengeName(r.domain),
		txtValue: challengeValue(r.verificationToken),
	}))
}

/**
 * Home-realm discovery: the enabled identity provider of the organisation that has VERIFIED this
 * address's domain, or null. Unverified claims route nothing.
 */
export async function findSsoForEmail(email: string) {
	const domain = emailDomain(email)
	if (!domain) return null
	const claim = await prisma.organisationDomain.findUnique({
		where: { domain },
		select: {
			verifiedAt: true,
			organisation: {
				select: {
					id: true,
					name: true,
					identityProvider: { select: { id: true, kind: true, enabled: true, requireSso: true } },
				},
			},
		},
	})
	const provider = claim?.organisation.identityProvider
	if (!claim?.verifiedAt || !provider?.enabled) return null
	return {
		providerId: provider.id,
		kind: provider.kind,
		requireSso: provider.requireSso,
		organisationId: claim.organisation.id,
		organisationName: claim.organisation.name,
		domain,
	}
}
