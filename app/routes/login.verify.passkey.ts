import { redirect } from 'react-router'
import { redirectWithSession, safeRedirectTo } from '#app/utils/auth.server.ts'
import { problemJson } from '#app/utils/errors.server.ts'
import { passkeyJson, readPasskeyRequest, redirectAsJson } from '#app/utils/passkeys.server.ts'
import {
	clearSignInChallengeCookie,
	readSignInChallengeToken,
	SECOND_FACTOR_PATH,
	signInOrigin,
} from '#app/utils/sign-in.server.ts'
import { completeSignIn } from '#modules/auth/sign-in.ts'
import { findSignInChallenge } from '#modules/mfa/challenge.ts'
import { startPasskeySecondFactor, verifyPasskeySecondFactor } from '#modules/mfa/passkeys.ts'
import type { Route } from './+types/login.verify.passkey'

/** Nothing to see here: the passkey button on /login/verify posts to this address. */
export async function loader() {
	return redirect(SECOND_FACTOR_PATH)
}

/**
 * POST /login/verify/passkey, a passkey as the second factor of a sign-in waiting at /login/verify
 * (app/components/passkey-second-factor.tsx). The waiting sign-in is the one named by the
 * `circle_signin` cookie: `{ intent: 'options' }` allows only that person's passkeys;
 * `{ intent: 'verify', response }` checks that the answer comes from one of them for a challenge
 * issued to them, then completeSignIn uses the sign-in up and starts an MFA-verified session,
 * answered as `{ ok: true, redirectTo }` with the session cookie (and the challenge cookie cleared).
 */
export async function action({ request, context }: Route.ActionArgs) {
	const read = await readPasskeyRequest(request)
	if (!read.ok) return read.response
	const { body } = read
	const challengeToken = readSignInChallengeToken(request)
	const challenge = await findSignInChallenge(challengeToken)
	if (!challengeToken || !challenge) {
		return Response.json(
			{ code: 'CHALLENGE_EXPIRED', message: 'That sign-in has expired. Please sign in again.', redirectTo: '/login' },
			{ status: 410, headers: { 'Cache-Control': 'private, no-store', 'Set-Cookie': clearSignInChallengeCookie() } },
		)
	}
	try {
		if (body.intent === 'options') {
			return passkeyJson({ ok: true, options: await startPasskeySecondFactor({ userId: challenge.userId }) })
		}
		await verifyPasskeySecondFactor({ userId: challenge.userId, input: body.response })
		const { deviceCookie, ...origin } = signInOrigin(request, context)
		const signedIn = await completeSignIn({ challengeToken, factor: 'PASSKEY', ...origin })
		return redirectAsJson(redirectWithSession(safeRedirectTo(signedIn.redirectTo ?? undefined), signedIn.session), [
			clearSignInChallengeCookie(),
			deviceCookie,
		])
	} catch (error) {
		return problemJson(error)
	}
}
