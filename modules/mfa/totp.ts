import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding'
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp'
import { type Tx, prisma } from '#modules/db/client.ts'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { decryptSecret, encryptSecret } from '#modules/security/encryption.ts'
import { assertNotThrottled, consumeThrottle, resetThrottle } from '#modules/security/throttle.ts'
import { MfaError } from './errors.ts'
import { sendMfaChangedEmail } from './notify.ts'
import { replaceRecoveryCodes } from './recovery-codes.ts'
import { totpContext } from '#modules/security/reseal.ts'

/** RFC 6238 as every authenticator app does it: 30-second steps, six digits, HMAC-SHA-1. */
export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
/** The issuer name an authenticator app shows beside the code. */
export const TOTP_ISSUER = 'Circle'
/** A code from the step before or after the current one is accepted too (clock drift, slow typing). */
const STEP_WINDOW = 1

export const INVALID_TOTP_MESSAGE = 'That code is not right. Check your authenticator app and try again.'
const THROTTLED_MESSAGE = 'Too many wrong codes. Please wait 15 minutes and try again.'

/** The TOTP step (counter) a moment falls in. */
export function totpStep(now: Date) {
	return BigInt(Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS))
}

/** The code an authenticator app shows at `now` for a base32 secret (demo, tests). */
export function totpCodeAt(secretBase32: string, now: Date) {
	return generateHOTP(
		decodeBase32IgnorePadding(secretBase32.replace(/\s+/g, '').toUpperCase()),
		totpStep(now),
		TOTP_DIGITS,
	)
}

/** A secret as people type it into an app: upper-case base32, grouped in fours. */
export function formatSecretForPeople(secretBase32: string) {
	return secretBase32.match(/.{1,4}/g)?.join(' ') ?? secretBase32
}

/** Bound to the row, so a sealed secret copied to another person does not open (modules/security/reseal.ts). */
const context = totpContext

/** Digits only, with the spaces people type ("123 456") removed; null when it cannot be a code. */
function normaliseCode(code: string) {
	const digits = code.replace(/[\s-]/g, '')
	return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits) ? digits : null
}

/** The step within ±1 of `now` whose code `code` is, or null. */
function matchingStep(key: Uint8Array, code: string, now: Date) {
	const current = totpStep(now)
	for (let offset = -STEP_WINDOW; offset <= STEP_WINDOW; offset++) {
		const step = current + BigInt(offset)
		if (verifyHOTP(key, step, TOTP_DIGITS, code)) return step
	}
	return null
}

/**
 * Starts (or restarts) enrolment: a new random secret, sealed at rest, not yet a factor until a
 * first code confirms it. Refused when the person already has a confirmed authenticator app.
 * Returns the secret for the QR code and for typing in by hand.
 */
export async function startTotpEnrolment({
	userId,
	accountName,
	now = new Date(),
}: {
	userId: string
	accountName: string
	now?: Date
}) {
	const existing = await prisma.totpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } })
	if (existing?.confirmedAt) {
		throw new MfaError('conflict', 'TOTP_ALREADY_ENABLED', 'An authenticator app is already set up.')
	}
	const key = new Uint8Array(20)
	crypto.getRandomValues(key)
	const secret = encodeBase32UpperCaseNoPadding(key)
	const secretEncrypted = encryptSecret(secret, context(userId))
	await prisma.totpCredential.upsert({
		where: { userId },
		create: { userId, secretEncrypted, createdAt: now },
		update: { secretEncrypted, confirmedAt: null, lastUsedStep: null, createdAt: now },
		select: { userId: true },
	})
	return { secret, keyUri: createTOTPKeyURI(TOTP_ISSUER, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS) }
}

/** The secret of an enrolment in progress (to show the QR code again), or null. */
export async function pendingTotpSecret(userId: string, accountName: string) {
	const row = await prisma.totpCredential.findUnique({
		where: { userId },
		select: { secretEncrypted: true, confirmedAt: true },
	})
	if (!row || row.confirmedAt) return null
	const secret = decryptSecret(row.secretEncrypted, context(userId))
	const key = decodeBase32IgnorePadding(secret)
	return { secret, keyUri: createTOTPKeyURI(TOTP_ISSUER, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS) }
}

/**
 * Counts a wrong code against the account (throttled like passwords), and throws the message that
 * goes beside the field.
 */
async function refuse(userId: string, field: string): Promise<never> {
	await consumeThrottle('secondFactorPerAccount', userId, THROTTLED_MESSAGE)
	throw new MfaError('invalid', 'INVALID_CODE', INVALID_TOTP_MESSAGE, { field })
}

/**
 * Confirms enrolment with the first code from the app: the credential becomes a factor, ten new
 * recovery codes replace any earlier set, and the current session counts as multi-factor, all in
 * one transaction with the audit entry and the email. Returns the recovery codes (shown once).
 */
export async function confirmTotpEnrolment({
	userId,
	code,
	sessionId,
	ipAddress,
	userAgent,
	now = new Date(),
}: {
	userId: string
	code: string
	sessionId: string
	now?: Date
} & RequestOrigin) {
	await assertNotThrottled('secondFactorPerAccount', userId, THROTTLED_MESSAGE)
	const row = await prisma.totpCredential.findUnique({
		where: { userId },
		select: { secretEncrypted: true, confirmedAt: true },
	})
	if (!row) throw new MfaError('conflict', 'TOTP_NOT_STARTED', 'Start setting up your authenticator app again.')
	if (row.confirmedAt) {
		throw new MfaError('conflict', 'TOTP_ALREADY_ENABLED', 'An authenticator app is already set up.')
	}
	const digits = normaliseCode(code)
	const key = decodeBase32IgnorePadding(decryptSecret(row.secretEncrypted, context(userId)))
	const step = digits ? matchingStep(key, digits, now) : null
	if (step === null) return refuse(userId, 'code')

	const codes = await prisma.$transaction(async (tx) => {
		const { count } = await tx.totpCredential.updateMany({
			where: { userId, confirmedAt: null, secretEncrypted: row.secretEncrypted },
			data: { confirmedAt: now, lastUsedStep: step },
		})
		if (count !== 1) {
			throw new MfaError('conflict', 'TOTP_NOT_STARTED', 'Start setting up your authenticator app again.')
		}
		const recoveryCodes = await replaceRecoveryCodes(tx, userId, now)
		await tx.session.updateMany({ where: { id: sessionId, userId }, data: { mfaVerifiedAt: now } })
		await recordAudit(tx, {
			actorId: userId,
			action: 'mfa.totp_enabled',
			targetType: 'User',
			targetId: userId,
			ipAddress,
			userAgent,
		})
		await sendMfaChangedEmail(tx, userId, 'totp_enabled')
		return recoveryCodes
	})
	await resetThrottle('secondFactorPerAccount', userId)
	return { recoveryCodes: codes }
}

/**
 * Checks a code from the person's authenticator app at `now`: the current step or the one either
 * side. A step that has been used (for a sign-in or anything else) cannot be used again: a single
 * conditional UPDATE moves lastUsedStep forward only when it is below the code's step, so of two
 * requests (or processes) with the same code only one is accepted. Wrong codes are throttled per
 * account (`secondFactorPerAccount`); once throttled, even a right code is refused.
 * Throws INVALID_CODE (for `field`) or a throttled error; returns on success.
 */
export async function verifyTotp({
	userId,
	code,
	now = new Date(),
	field = 'code',
}: {
	userId: string
	code: string
	now?: Date
	field?: string
}) {
	await assertNotThrottled('secondFactorPerAccount', userId, THROTTLED_MESSAGE)
	const row = await prisma.totpCredential.findUnique({
		where: { userId },
		select: { secretEncrypted: true, confirmedAt: true },
	})
	if (!row?.confirmedAt) return refuse(userId, field)
	const digits = normaliseCode(code)
	const key = decodeBase32IgnorePadding(decryptSecret(row.secretEncrypted, context(userId)))
	const step = digits ? matchingStep(key, digits, now) : null
	if (step === null) return refuse(userId, field)
	const { count } = await prisma.totpCredential.updateMany({
		where: {
			userId,
			confirmedAt: { not: null },
			OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }],
		},
		data: { lastUsedStep: step },
	})
	// The code was right but its step has been used already: a replay, refused like a wrong code.
	if (count !== 1) return refuse(userId, field)
	await resetThrottle('secondFactorPerAccount', userId)
}

/** True when the person has a confirmed authenticator app. */
export async function hasConfirmedTotp(userId: string, db: Tx | typeof prisma = prisma) {
	const row = await db.totpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } })
	return Boolean(row?.confirmedAt)
}

/**
 * Turns the authenticator app off (after the caller re-authenticated the person in this request,
 * see reauthenticate in reauth.ts): the credential and every recovery code go, with an audit entry
 * and an email, in one transaction.
 */
export async function disableTotp({
	userId,
	ipAddress,
	userAgent,
}: {
	userId: string
} & RequestOrigin) {
	await prisma.$transaction(async (tx) => {
		const { count } = await tx.totpCredential.deleteMany({ where: { userId, confirmedAt: { not: null } } })
		if (count !== 1) throw new MfaError('conflict', 'TOTP_NOT_ENABLED', 'No authenticator app is set up.')
		await tx.recoveryCode.deleteMany({ where: { userId } })
		await recordAudit(tx, {
			actorId: userId,
			action: 'mfa.totp_disabled',
			targetType: 'User',
			targetId: userId,
			ipAddress,
			userAgent,
		})
		await sendMfaChangedEmail(tx, userId, 'totp_disabled')
	})
}
