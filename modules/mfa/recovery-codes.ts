import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { type Tx, prisma } from '#modules/db/client.ts'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { hashToken } from '#modules/auth/tokens.ts'
import { assertNotThrottled, consumeThrottle, resetThrottle } from '#modules/security/throttle.ts'
import { MfaError } from './errors.ts'
import { sendMfaChangedEmail } from './notify.ts'

/** How many recovery codes a person gets at a time. */
export const RECOVERY_CODE_COUNT = 10

export const INVALID_RECOVERY_CODE_MESSAGE = 'That recovery code is not right, or it has been used already.'
const THROTTLED_MESSAGE = 'Too many wrong codes. Please wait 15 minutes and try again.'

/** Lower case, without the spaces and hyphens people copy along with a code. */
function normalise(code: string) {
	return code.toLowerCase().replace(/[\s-]/g, '')
}

/** One code: 10 base32 characters (50 random bits), shown as `abcde-fghij`. */
function generateRecoveryCode() {
	const bytes = new Uint8Array(10)
	crypto.getRandomValues(bytes)
	const raw = encodeBase32LowerCaseNoPadding(bytes).slice(0, 10)
	return `${raw.slice(0, 5)}-${raw.slice(5)}`
}

/**
 * Replaces the person's recovery codes with ten new ones inside the caller's transaction: only their
 * SHA-256 is stored, so the returned plain codes can be shown once and never again.
 */
export async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date) {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode)
	await tx.recoveryCode.deleteMany({ where: { userId } })
	await tx.recoveryCode.createMany({
		data: codes.map((code) => ({ userId, codeHash: hashToken(normalise(code)), createdAt: now })),
	})
	return codes
}

/**
 * A new set of ten codes in place of the old (after the caller re-authenticated the person in this
 * request), with an audit entry and an email. Refused without an authenticator app.
 */
export async function regenerateRecoveryCodes({
	userId,
	ipAddress,
	userAgent,
	now = new Date(),
}: { userId: string; now?: Date } & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		const totp = await tx.totpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } })
		if (!totp?.confirmedAt) {
			throw new MfaError('conflict', 'TOTP_NOT_ENABLED', 'Set up an authenticator app first.')
		}
		const codes = await replaceRecoveryCodes(tx, userId, now)
		await recordAudit(tx, {
			actorId: userId,
			action: 'mfa.recovery_codes_regenerated',
			targetType: 'User',
			targetId: userId,
			ipAddress,
			userAgent,
		})
		await sendMfaChangedEmail(tx, userId, 'recovery_codes_regenerated')
		return codes
	})
}

/** How many unused recovery codes the person has left. */
export async function countUnusedRecoveryCodes(userId: string) {
	return prisma.recoveryCode.count({ where: { userId, usedAt: null } })
}

/**
 * Uses one recovery code of this person: a conditional update (`usedAt` still null) marks it
 * used, so a code works once, however many requests race with it. Wrong codes count against the
 * same per-account throttle as TOTP codes. Throws INVALID_CODE (for `field`) or a throttled error.
 */
export async function redeemRecoveryCode({
	userId,
	code,
	ipAddress,
	userAgent,
	now = new Date(),
	field = 'recoveryCode',
}: {
	userId: string
	code: string
	now?: Date
	field?: string
} & RequestOrigin) {
	await assertNotThrottled('secondFactorPerAccount', userId, THROTTLED_MESSAGE)
	const normalised = normalise(code)
	const used = /^[a-z2-7]{10}$/.test(normalised)
		? await prisma.$transaction(async (tx) => {
				const { count } = await tx.recoveryCode.updateMany({
					where: { userId, codeHash: hashToken(normalised), usedAt: null },
					data: { usedAt: now },
				})
				if (count !== 1) return false
				const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } })
				await recordAudit(tx, {
					actorId: userId,
					action: 'mfa.recovery_code_used',
					targetType: 'User',
					targetId: userId,
					details: { remaining: left },
					ipAddress,
					userAgent,
				})
				return true
			})
		: false
	if (!used) {
		await consumeThrottle('secondFactorPerAccount', userId, THROTTLED_MESSAGE)
		throw new MfaError('invalid', 'INVALID_CODE', INVALID_RECOVERY_CODE_MESSAGE, { field })
	}
	await resetThrottle('secondFactorPerAccount', userId)
}
