import { randomBytes } from 'node:crypto'
import { resolveTxt as systemResolveTxt } from 'node:dns/promises'
import { assertPlatformAdmin } from '#modules/admin/assert-admin.ts'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { Prisma, prisma, type Tx } from '#modules/db/client.ts'
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

/** How long a claim may wait for verification: after this it is treated as gone (ADR 0023, amended). */
export const DOMAIN_CLAIM_DAYS = 14
const CLAIM_LIFETIME_MS = DOMAIN_CLAIM_DAYS * 24 * 60 * 60 * 1000

/** When an unverified claim lapses. */
export function claimExpiresAt(claim: { createdAt: Date }) {
	return new Date(claim.createdAt.getTime() + CLAIM_LIFETIME_MS)
}

/** True for an unverified claim older than DOMAIN_CLAIM_DAYS: it can no longer be verified, and counts for nothing. */
export function claimExpired(claim: { verifiedAt: Date | null; createdAt: Date }, now: Date) {
	return claim.verifiedAt === null && claimExpiresAt(claim).getTime() <= now.getTime()
}

function verifiedElsewhere(domain: string, field: string) {
	return new SsoError(
		'conflict',
		'DOMAIN_TAKEN',
		`${domain} has been verified by another organisation. If it is yours, contact Circle's support.`,
		{ field },
	)
}

function claimLapsed(domain: string, field: string) {
	return new SsoError(
		'gone',
		'DOMAIN_CLAIM_EXPIRED',
		`The claim of ${domain} lapsed because it was not verified within 14 days. Add the domain again for a new TXT record.`,
		{ field },
	)
}

/** The verified claim of `domain` by an organisation other than `organisationId`, if there is one. */
async function verifiedByAnother(db: Db | typeof prisma, domain: string, organisationId: string) {
	return db.organisationDomain.findFirst({
		where: { domain, verifiedAt: { not: null }, organisationId: { not: organisationId } },
		select: { id: true },
	})
}

/**
 * An organisation admin claims an email domain. The claim routes nothing until it is verified
 * (DNS TXT record or a platform admin). Any number of organisations may hold a pending claim of the
 * same domain, each with its own token, so a squatter's claim blocks nobody and says nothing about
 * who else claimed it; only a domain another organisation has VERIFIED is refused. A claim of this
 * organisation that lapsed (unverified for 14 days) is renewed with a new token.
 */
export async function claimDomain({
	organisationId,
	actorId,
	domain: rawDomain,
	now = new Date(),
	ipAddress,
	userAgent,
}: { organisationId: string; actorId: string; domain: string; now?: Date } & RequestOrigin) {
	const domain = normaliseDomain(rawDomain)
	const claim = () =>
		prisma.$transaction(async (tx) => {
			await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
			if (await verifiedByAnother(tx, domain, organisationId)) throw verifiedElsewhere(domain, 'domain')
			const existing = await tx.organisationDomain.findUnique({
				where: { organisationId_domain: { organisationId, domain } },
			})
			if (existing && !claimExpired(existing, now)) return { id: existing.id, domain, created: false }
			const verificationToken = randomBytes(16).toString('hex')
			const saved = existing
				? await tx.organisationDomain.update({
						where: { id: existing.id },
						data: { verificationToken, createdAt: now },
						select: { id: true },
					})
				: await tx.organisationDomain.create({
						data: { organisationId, domain, verificationToken, createdAt: now },
						select: { id: true },
					})
			await recordAudit(tx, {
				actorId,
				organisationId,
				action: 'sso.domain_claimed',
				targetType: 'OrganisationDomain',
				targetId: saved.id,
				details: existing ? { domain, renewed: true } : { domain },
				ipAddress,
				userAgent,
			})
			return { id: saved.id, domain, created: true }
		})
	try {
		return await claim()
	} catch (error) {
		// Two admins of the organisation adding the same domain at once: the second finds the first's claim.
		if (isUniqueViolation(error)) return claim()
		throw error
	}
}

function isUniqueViolation(error: unknown) {
	return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

/**
 * Runs a verification. The partial unique index on verified domains is the last word when two
 * organisations verify the same domain at the same moment: the second's update fails there, and it
 * gets the same answer as one that came later.
 */
async function firstToVerify<T>(domain: () => string, field: string, verify: () => Promise<T>) {
	try {
		return await verify()
	} catch (error) {
		if (isUniqueViolation(error)) throw verifiedElsewhere(domain(), field)
		throw error
	}
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
	const field = `domain-${domainId}`
	if (claimExpired(claim, now)) throw claimLapsed(claim.domain, field)
	if (await verifiedByAnother(prisma, claim.domain, organisationId)) throw verifiedElsewhere(claim.domain, field)
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
			{ field },
		)
	}
	await firstToVerify(
		() => claim.domain,
		field,
		() =>
			prisma.$transaction(async (tx) => {
				await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
				// Read again: the claim may have been removed, verified or renewed during the look-up.
				const current = await findClaim(tx, organisationId, domainId)
				if (current.verifiedAt) return
				if (current.verificationToken !== claim.verificationToken || claimExpired(current, now)) {
					throw claimLapsed(claim.domain, field)
				}
				await markVerified(tx, { claim: current, by: 'DNS', verifierId: actorId, now, field, ipAddress, userAgent })
			}),
	)
	return { domain: claim.domain, verified: true }
}

/**
 * A platform admin verifies a claim without DNS (break-glass for organisations that cannot add
 * records). The same rules as DNS: not a lapsed claim, and not a domain another organisation has
 * verified first.
 */
export async function verifyDomainAsAdmin({
	domainId,
	adminId,
	now = new Date(),
	ipAddress,
	userAgent,
}: { domainId: string; adminId: string; now?: Date } & RequestOrigin) {
	let domain = ''
	return firstToVerify(
		() => domain,
		'domain',
		() =>
			prisma.$transaction(async (tx) => {
				await assertPlatformAdmin({ actorId: adminId, tx })
				const claim = await tx.organisationDomain.findUnique({ where: { id: domainId } })
				if (!claim) throw new SsoError('not_found', 'DOMAIN_NOT_FOUND', 'We could not find that domain claim.')
				domain = claim.domain
				if (!claim.verifiedAt) {
					if (claimExpired(claim, now)) throw claimLapsed(claim.domain, 'domain')
					await markVerified(tx, {
						claim,
						by: 'ADMIN',
						verifierId: adminId,
						now,
						field: 'domain',
						ipAddress,
						userAgent,
					})
				}
				return { domain: claim.domain }
			}),
	)
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
		field,
		ipAddress,
		userAgent,
	}: { claim: Claim; by: 'DNS' | 'ADMIN'; verifierId: string; now: Date; field: string } & RequestOrigin,
) {
	// First to verify wins: a domain another organisation verified first stays theirs. Two at the same
	// moment both pass this read, and the partial unique index refuses the second (firstToVerify).
	if (await verifiedByAnother(tx, claim.domain, claim.organisationId)) throw verifiedElsewhere(claim.domain, field)
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

export type DomainClaimStatus = 'verified' | 'pending' | 'expired' | 'verified-elsewhere'

/**
 * The organisation domains of an organisation, for its sign-in settings page and the admin page,
 * each with its status: verified (by this organisation), pending (until `expiresAt`), expired (the
 * claim lapsed: add it again), or verified-elsewhere (another organisation verified it first).
 */
export async function listDomains({ organisationId, now = new Date() }: { organisationId: string; now?: Date }) {
	const rows = await prisma.organisationDomain.findMany({
		where: { organisationId },
		orderBy: { domain: 'asc' },
		select: {
			id: true,
			domain: true,
			verificationToken: true,
			verifiedAt: true,
			verifiedBy: true,
			createdAt: true,
		},
	})
	const pending = rows.filter((r) => !r.verifiedAt).map((r) => r.domain)
	const taken = new Set(
		pending.length
			? (
					await prisma.organisationDomain.findMany({
						where: { domain: { in: pending }, verifiedAt: { not: null }, organisationId: { not: organisationId } },
						select: { domain: true },
					})
				).map((r) => r.domain)
			: [],
	)
	return rows.map(({ createdAt, ...r }) => {
		const status: DomainClaimStatus = r.verifiedAt
			? 'verified'
			: taken.has(r.domain)
				? 'verified-elsewhere'
				: claimExpired({ verifiedAt: r.verifiedAt, createdAt }, now)
					? 'expired'
					: 'pending'
		return {
			...r,
			status,
			expiresAt: r.verifiedAt ? null : claimExpiresAt({ createdAt }),
			txtName: challengeName(r.domain),
			txtValue: challengeValue(r.verificationToken),
		}
	})
}

/**
 * Home-realm discovery: the enabled identity provider of the organisation that has VERIFIED this
 * address's domain, or null. Unverified claims route nothing.
 */
export async function findSsoForEmail(email: string) {
	const domain = emailDomain(email)
	if (!domain) return null
	// Only a verified claim (at most one per domain, by the partial unique index) routes anything.
	const claim = await prisma.organisationDomain.findFirst({
		where: { domain, verifiedAt: { not: null } },
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
