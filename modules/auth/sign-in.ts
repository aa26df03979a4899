import type { AuthMethod } from '#modules/db/client.ts'
import { prisma } from '#modules/db/client.ts'
import { recordAudit } from '#modules/audit/record.ts'
import {
	consumeSignInChallenge,
	createSignInChallenge,
	hasSecondFactor,
	type SecondFactor,
} from '#modules/mfa/challenge.ts'
import { recordSignInDevice } from './devices.ts'
import { AuthError } from './errors.ts'
import { ACCOUNT_DISABLED_MESSAGE } from './messages.ts'
import { createSession } from './sessions.ts'

/**
 * What a first factor leads to: a session, or (when the person has a second factor and did not
 * prove one already) a challenge that the second factor completes at /login/verify.
 */
export type SignInResult =
	| { kind: 'session'; userId: string; session: { token: string; expiresAt: Date }; redirectTo?: string | null }
	| { kind: 'second-factor'; userId: string; challenge: { token: string; expiresAt: Date } }

type Origin = {
	ipAddress?: string | null
	userAgent?: string | null
	/**
	 * The hash of the browser's long-lived device cookie (app/utils/sign-in.server.ts
	 * signInOrigin): stored on the session and in KnownDevice, and a new one for someone who has
	 * signed in before is emailed to them.
	 */
	deviceId?: string | null
}

/**
 * The one way every sign-in (password, SSO, passkey, sign-up, password reset) turns a proven
 * identity into a session: when the person has a second factor (TOTP or a passkey) and the first
 * factor was not itself multi-factor, a challenge comes back instead; otherwise the session starts
 * and the sign-in is written to the audit log. Callers have already checked the first factor and
 * that the account is not disabled.
 *
 * `mfaProven` is true when the first factor was itself multi-factor (a passkey with user
 * verification, or an SSO provider whose `amr` says MFA was done).
 */
export async function beginSignIn({
	userId,
	method,
	mfaProven = false,
	organisationId = null,
	redirectTo,
	ipAddress,
	userAgent,
	deviceId,
	now = new Date(),
}: {
	userId: string
	method: AuthMethod
	mfaProven?: boolean
	/** The organisation whose identity provider signed the person in (SSO). */
	organisationId?: string | null
	/** Where to go once signed in; kept with a challenge so the second step can go on there. */
	redirectTo?: string | null
	now?: Date
} & Origin): Promise<SignInResult> {
	if (!mfaProven && (await hasSecondFactor(userId))) {
		const challenge = await createSignInChallenge({ userId, method, redirectTo, ipAddress, userAgent, now })
		return { kind: 'second-factor', userId, challenge }
	}
	const session = await prisma.$transaction(async (tx) => {
		if (deviceId) await recordSignInDevice(tx, { userId, deviceId, ipAddress, userAgent, now })
		const created = await createSession({
			userId,
			method,
			mfaVerified: mfaProven,
			ipAddress,
			userAgent,
			deviceId,
			tx,
		})
		await recordAudit(tx, {
			actorId: userId,
			organisationId,
			action: 'auth.signed_in',
			targetType: 'User',
			targetId: userId,
			details: { method, mfa: mfaProven },
			ipAddress,
			userAgent,
		})
		return created
	})
	return { kind: 'session', userId, session, redirectTo }
}

/**
 * Finishes a challenged sign-in once the caller has verified its second factor for the
 * challenge's user: the challenge is used up (once only) and the session starts, marked as
 * multi-factor, in one transaction with its audit entry.
 */
export async function completeSignIn({
	challengeToken,
	factor,
	ipAddress,
	userAgent,
	deviceId,
	now = new Date(),
}: { challengeToken: string; factor: SecondFactor; now?: Date } & Origin) {
	return prisma.$transaction(async (tx) => {
		const challenge = await consumeSignInChallenge(tx, challengeToken, now)
		const user = await tx.user.findUnique({ where: { id: challenge.userId }, select: { disabledAt: true } })
		if (!user || user.disabledAt) throw new AuthError('forbidden', 'ACCOUNT_DISABLED', ACCOUNT_DISABLED_MESSAGE)
		if (deviceId) await recordSignInDevice(tx, { userId: challenge.userId, deviceId, ipAddress, userAgent, now })
		const session = await createSession({
			userId: challenge.userId,
			method: challenge.method,
			mfaVerified: true,
			ipAddress,
			userAgent,
			deviceId,
			tx,
		})
		await recordAudit(tx, {
			actorId: challenge.userId,
			action: 'auth.signed_in',
			targetType: 'User',
			targetId: challenge.userId,
			details: { method: challenge.method, mfa: true, factor },
			ipAddress,
			userAgent,
		})
		return { userId: challenge.userId, session, redirectTo: challenge.redirectTo }
	})
}
