import type { AuthMethod } from '#modules/db/client.ts'
import { prisma } from '#modules/db/client.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { createSession } from './sessions.ts'

/**
 * What a first factor leads to: a session, or (once the person has a second factor and did not
 * prove one already) a challenge that the second factor completes.
 */
export type SignInResult =
	| { kind: 'session'; userId: string; session: { token: string; expiresAt: Date } }
	| { kind: 'second-factor'; userId: string; challenge: { token: string; expiresAt: Date } }

/**
 * The one way every sign-in (password, SSO, passkey, sign-up, password reset) turns a proven
 * identity into a session: it records the sign-in in the audit log and returns the session.
 * Callers have already checked the first factor and that the account is not disabled.
 *
 * `mfaProven` is true when the first factor was itself multi-factor (a passkey with user
 * verification, or an SSO provider whose `amr` says MFA was done).
 */
export async function beginSignIn({
	userId,
	method,
	mfaProven = false,
	organisationId = null,
	ipAddress,
	userAgent,
}: {
	userId: string
	method: AuthMethod
	mfaProven?: boolean
	/** The organisation whose identity provider signed the person in (SSO). */
	organisationId?: string | null
	ipAddress?: string | null
	userAgent?: string | null
}): Promise<SignInResult> {
	const session = await prisma.$transaction(async (tx) => {
		const created = await createSession({ userId, method, mfaVerified: mfaProven, ipAddress, userAgent, tx })
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
	return { kind: 'session', userId, session }
}
