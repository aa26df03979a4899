import { prisma } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { emailDomain } from '#modules/sso/domains.ts'
import { AuthError } from './errors.ts'
import { normaliseEmail } from './schemas.ts'
import { generateEmailToken, hashToken } from './tokens.ts'

/** How long a "confirm your personal address" link works. */
export const PERSONAL_EMAIL_TTL_MS = 48 * 60 * 60 * 1000

function invalid(message: string) {
	return new AuthError('invalid', 'PERSONAL_EMAIL_INVALID', message, { field: 'personalEmail' })
}

/**
 * Adds (or changes) the personal address on the signed-in person's own account and emails it a
 * single-use link to confirm it; until then it signs nobody in. Refused: their account's own
 * address, an address another account uses (as its address or its personal one), and an address at
 * a domain an organisation has verified (that is a work address, which is what this must outlive).
 * A new address retires every earlier link. Throttled per address and per IP.
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
		throw invalid(`Addresses at ${domain} belong to an organisation: add one that stays yours if you leave, such as a personal email.`)
	}
	const taken = await prisma.user.findFirst({
		where: { id: { not: userId }, OR: [{ email }, { personalEmail: email }] },
		select: { id: true },
	})
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
 * retires earlier links, the link always confirms the address it was sent to.
 */
export async function verifyPersonalEmail({ userId, token, now = new Date() }: { userId: string; token: string; now?: Date }) {
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
	const own = await prisma.user.findUnique({ where: { email }, select: { ...select, email: true, role: true, id: true } })
	if (own) return { user: own, via: 'primary' as const }
	const personal = await prisma.user.findFirst({
		where: { personalEmail: email, personalEmailVerifiedAt: { not: null } },
		select: { ...select, email: true, role: true, id: true },
	})
	return personal ? { user: personal, via: 'personal' as const } : null
}
