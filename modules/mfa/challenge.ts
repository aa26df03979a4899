import type { AuthMethod, Tx } from '#modules/db/client.ts'
import { prisma } from '#modules/db/client.ts'
import { generateSessionToken, hashToken } from '#modules/auth/tokens.ts'
import { MfaError } from './errors.ts'

/** A sign-in waits this long for its second factor. */
export const SIGN_IN_CHALLENGE_MS = 10 * 60 * 1000

/** The factors that complete a challenge (and appear in the audit log). */
export type SecondFactor = 'TOTP' | 'RECOVERY_CODE' | 'PASSKEY'

/** True when the user has a second factor that a sign-in must ask for. */
export async function hasSecondFactor(userId: string, db: Tx | typeof prisma = prisma) {
	const user = await db.user.findUnique({
		where: { id: userId },
		select: {
			totpCredential: { select: { confirmedAt: true } },
			_count: { select: { passkeys: true } },
		},
	})
	return Boolean(user?.totpCredential?.confirmedAt) || (user?._count.passkeys ?? 0) > 0
}

/**
 * Starts a challenge for a person who has passed their first factor. The token goes in a
 * short-lived cookie; only its SHA-256 is stored.
 */
export async function createSignInChallenge({
	userId,
	method,
	redirectTo,
	ipAddress,
	userAgent,
	now = new Date(),
	tx,
}: {
	userId: string
	method: AuthMethod
	redirectTo?: string | null
	ipAddress?: string | null
	userAgent?: string | null
	now?: Date
	tx?: Tx
}) {
	const token = generateSessionToken()
	const expiresAt = new Date(now.getTime() + SIGN_IN_CHALLENGE_MS)
	await (tx ?? prisma).signInChallenge.create({
		data: {
			id: hashToken(token),
			userId,
			method,
			redirectTo: redirectTo ?? null,
			ipAddress: ipAddress?.slice(0, 100) ?? null,
			userAgent: userAgent?.slice(0, 500) ?? null,
			expiresAt,
			createdAt: now,
		},
		select: { id: true },
	})
	return { token, expiresAt }
}

/** The pending challenge behind a cookie token (and whose it is), or null when unknown or expired. */
export async function findSignInChallenge(token: string | null | undefined, now: Date = new Date()) {
	if (!token || !/^[a-z2-7]{32}$/.test(token)) return null
	const row = await prisma.signInChallenge.findUnique({
		where: { id: hashToken(token) },
		select: {
			id: true,
			userId: true,
			method: true,
			redirectTo: true,
			expiresAt: true,
			user: { select: { email: true, name: true, disabledAt: true } },
		},
	})
	if (!row || row.expiresAt <= now || row.user.disabledAt) return null
	return row
}

/**
 * Uses up a challenge once its second factor has been verified by the caller, inside the caller's
 * transaction: exactly one caller wins (the row is deleted with a guard on its expiry), so a
 * challenge cannot be completed twice. Throws CHALLENGE_EXPIRED otherwise. The caller then starts
 * the session (modules/auth/sign-in.ts completeSignIn does both).
 */
export async function consumeSignInChallenge(tx: Tx, token: string, now: Date = new Date()) {
	const id = hashToken(token)
	const row = await tx.signInChallenge.findUnique({
		where: { id },
		select: { userId: true, method: true, redirectTo: true },
	})
	const { count } = await tx.signInChallenge.deleteMany({ where: { id, expiresAt: { gt: now } } })
	if (!row || count !== 1) {
		throw new MfaError('gone', 'CHALLENGE_EXPIRED', 'That sign-in has expired. Please sign in again.')
	}
	return row
}
