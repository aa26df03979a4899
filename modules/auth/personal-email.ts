import { Prisma, prisma, type Tx } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { emailDomain } from '#modules/sso/domains.ts'
import { AuthError } from './errors.ts'
import { normaliseEmail } from './schemas.ts'
import { lockAddress } from './sql.ts'
import { generateEmailToken, hashToken } from './tokens.ts'

/** How long a "confirm your personal address" link works. */
export const PERSONAL_EMAIL_TTL_MS = 48 * 60 * 60 * 1000

function invalid(message: string) {
	return new AuthError('invalid', 'PERSONAL_EMAIL_INVALID', message, { field: 'personalEmail' })
}

/**
 * Adds (or changes) the personal address on the signed-in person's own account and emails it a
 * single-use link to confirm it; until then it signs nobody in. Refused: their account's own
 * address, an address another account holds (findAddressHolder: its own address or its confirmed
 * personal one), and an address at a domain an organisation has verified (that is a work address,
 * which is what this must outlive). Another account's unconfirmed personal address does not refuse
 * it: an address nobody has proved theirs reserves nothing, and whoever confirms it first has it
 * (verifyPersonalEmail). A new address retires every earlier link. Throttled per address and per IP.
 */
export async function setPersonalEmail({
	userId,
	email: raw,
	ipAddress,
	now = new Date(),
}: {
	userId: string
	email: string
	ipAddress: string
	now?: Date
}) {
	const email = normaliseEmail(raw)
	const user = await prisma.user.findUniqueOrThrow({
		where: { id: userId },
		select: { email: true, name: true, personalEmail: true, personalEmailVerifiedAt: true },
	})
	if (email === user.email) throw invalid('That is already your account’s address: add a different, personal one.')
	if (email === user.personalEmail && user.personalEmailVerifiedAt) return { sent: false }
	const domain = emailDomain(email)
	const managed = domain
		? await prisma.organisationDomain.findFirst({ where: { domain, verifiedAt: { not: null } }, select: { id: true } })
		: null
	if (managed) {
		throw invalid(
			`Addresses at ${domain} belong to an organisation: add one that stays yours if you leave, such as a personal email.`,
		)
	}
	const taken = await addressHolder(prisma, email, { exceptUserId: userId })
	if (taken) throw invalid('Another Circle account uses that address. Add a different one.')

	const message = 'We have sent several links already. Please wait an hour before asking for another one.'
	await consumeThrottle('emailPerAddress', email, message)
	await consumeThrottle('emailPerIp', ipAddress, message)

	const token = generateEmailToken()
	await prisma.$transaction(async (tx) => {
		await tx.user.update({ where: { id: userId }, data: { personalEmail: email, personalEmailVerifiedAt: null } })
		await tx.userToken.updateMany({
			where: { userId, kind: 'PERSONAL_EMAIL_VERIFICATION', usedAt: null },
			data: { usedAt: now },
		})
		await tx.userToken.create({
			data: {
				userId,
				kind: 'PERSONAL_EMAIL_VERIFICATION',
				tokenHash: hashToken(token),
				expiresAt: new Date(now.getTime() + PERSONAL_EMAIL_TTL_MS),
			},
			select: { id: true },
		})
		const verifyUrl = `${appUrl()}/account/personal-email?token=${encodeURIComponent(token)}`
		await sendEmail({ to: email, template: 'personal-email', props: { name: user.name, verifyUrl } }, tx)
	})
	return { sent: true }
}

/**
 * Confirms the personal address from its emailed link, for the signed-in owner of the account only
 * (someone else's link is INVALID_TOKEN). Works once, while fresh; because changing the address
 * retires earlier links, the link always confirms the address it was sent to. Two people may have
 * the same address waiting: the first to confirm has it. So, under the address's lock, it is
 * refused (PERSONAL_EMAIL_TAKEN, nothing changes) when another account has meanwhile confirmed it or
 * taken it as its own address; the partial unique index on confirmed personal addresses backs this.
 */
export async function verifyPersonalEmail({
	userId,
	token,
	now = new Date(),
}: {
	userId: string
	token: string
	now?: Date
}) {
	try {
		return await confirmPersonalEmail({ userId, token, now })
	} catch (error) {
		// Two confirmations of one address at once: the lock orders them, the index would catch a miss.
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw personalEmailTaken()
		throw error
	}
}

function personalEmailTaken() {
	return new AuthError(
		'conflict',
		'PERSONAL_EMAIL_TAKEN',
		'Another Circle account has taken that address since you added it. Add a different one.',
	)
}

async function confirmPersonalEmail({ userId, token, now }: { userId: string; token: string; now: Date }) {
	return prisma.$transaction(async (tx) => {
		const row = await tx.userToken.findUnique({
			where: { tokenHash: hashToken(token) },
			select: { id: true, kind: true, userId: true },
		})
		if (!row || row.kind !== 'PERSONAL_EMAIL_VERIFICATION' || row.userId !== userId) {
			throw new AuthError('not_found', 'INVALID_TOKEN', 'This link is not valid, or it is for another account.')
		}
		const { count } = await tx.userToken.updateMany({
			where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
			data: { usedAt: now },
		})
		if (count === 0) {
			throw new AuthError('gone', 'TOKEN_USED', 'This link has expired or was already used. Send yourself a new one.')
		}
		const { personalEmail } = await tx.user.findUniqueOrThrow({
			where: { id: userId },
			select: { personalEmail: true },
		})
		if (!personalEmail) {
			throw new AuthError('gone', 'TOKEN_USED', 'This link has expired or was already used. Send yourself a new one.')
		}
		if (await findAddressHolder(tx, personalEmail, { exceptUserId: userId })) throw personalEmailTaken()
		const user = await tx.user.update({
			where: { id: userId },
			data: { personalEmailVerifiedAt: now },
			select: { personalEmail: true },
		})
		return { personalEmail: user.personalEmail }
	})
}

/** Takes the personal address off the account (it no longer signs anyone in). */
export async function removePersonalEmail({ userId, now = new Date() }: { userId: string; now?: Date }) {
	await prisma.$transaction([
		prisma.user.update({ where: { id: userId }, data: { personalEmail: null, personalEmailVerifiedAt: null } }),
		prisma.userToken.updateMany({
			where: { userId, kind: 'PERSONAL_EMAIL_VERIFICATION', usedAt: null },
			data: { usedAt: now },
		}),
	])
}

/** The account a sign-in address names: its own address, or else a verified personal one. */
export async function findAccountByAnyEmail<S extends Record<string, true>>(email: string, select: S) {
	const own = await prisma.user.findUnique({
		where: { email },
		select: { ...select, email: true, role: true, id: true },
	})
	if (own) return { user: own, via: 'primary' as const }
	const personal = await prisma.user.findFirst({
		where: { personalEmail: email, personalEmailVerifiedAt: { not: null } },
		select: { ...select, email: true, role: true, id: true },
	})
	return personal ? { user: personal, via: 'personal' as const } : null
}

export type AddressHolder = { userId: string; via: 'primary' | 'personal' }

/**
 * The one rule for whether an address is taken (ADR 0033, amended 7 December 2026): it is when an
 * account has it as its own address, or another account has confirmed it as its personal address.
 * An unconfirmed personal address holds nothing. Every path that gives an account an address asks
 * this first: sign-up, invitation sign-up, an SSO first sign-in, SCIM provisioning and SCIM's change
 * of address, and adding and confirming a personal address. The precedence is findAccountByAnyEmail's,
 * so the holder it names is the account a sign-in with the address reaches.
 *
 * It first takes the address's lock (lockAddress) for the rest of the transaction: no unique index
 * spans the two columns, so two writers (a sign-up and a confirmation) are ordered by the lock, and
 * the second one's look (a fresh snapshot under READ COMMITTED) sees what the first one committed.
 * `exceptUserId` leaves out the account asking about an address for itself. A caller that only
 * reads, and writes nothing in the same transaction, asks addressHolder instead.
 */
export async function findAddressHolder(
	tx: Tx,
	email: string,
	options: { exceptUserId?: string } = {},
): Promise<AddressHolder | null> {
	await lockAddress(tx, email)
	return addressHolder(tx, email, options)
}

/**
 * The same rule as findAddressHolder without the lock, for a look that gives nobody the address:
 * the invitation page's "log in to accept", and the early refusal when a personal address is added
 * (its confirmation asks again, under the lock).
 */
export async function addressHolder(
	db: Tx | typeof prisma,
	email: string,
	{ exceptUserId }: { exceptUserId?: string } = {},
): Promise<AddressHolder | null> {
	const others = exceptUserId ? { id: { not: exceptUserId } } : {}
	const own = await db.user.findFirst({ where: { email, ...others }, select: { id: true } })
	if (own) return { userId: own.id, via: 'primary' }
	const personal = await db.user.findFirst({
		where: { personalEmail: email, personalEmailVerifiedAt: { not: null }, ...others },
		select: { id: true },
	})
	return personal ? { userId: personal.id, via: 'personal' } : null
}
