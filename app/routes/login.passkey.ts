import { redirect } from 'react-router'
import { safeRedirectTo } from '#app/utils/auth.server.ts'
import { problemJson } from '#app/utils/errors.server.ts'
import { passkeyJson, readPasskeyRequest, redirectAsJson } from '#app/utils/passkeys.server.ts'
import { redirectAfterSignIn, signInOrigin } from '#app/utils/sign-in.server.ts'
import { beginSignIn } from '#modules/auth/sign-in.ts'
import { startPasskeySignIn, verifyPasskeySignIn } from '#modules/mfa/passkeys.ts'
import type { Route } from './+types/login.passkey'

/** Nothing to see here: the passkey button on /login posts to this address. */
export async function loader() {
	return redirect('/login')
}

/**
 * POST /login/passkey, the passwordless sign-in (app/components/passkey-sign-in.tsx):
 * `{ intent: 'options' }` answers the options for startAuthentication (any passkey Circle knows);
 * `{ intent: 'verify', response, redirectTo }` checks the answer and starts the sign-in through
 * beginSignIn, whose redirect comes back as `{ ok: true, redirectTo }` with the session cookie. A
 * passkey that verified the person (PIN or biometric) counts as both factors; one that did not goes
 * on to the second factor like a password.
 */
export async function action({ request, context }: Route.ActionArgs) {
	const read = await readPasskeyRequest(request)
	if (!read.ok) return read.response
	const { body } = read
	try {
		if (body.intent === 'options') return passkeyJson({ ok: true, options: await startPasskeySignIn() })
		const { userId, userVerified } = await verifyPasskeySignIn({ input: body.response })
		const redirectTo = body.redirectTo ? safeRedirectTo(body.redirectTo) : null
		const { deviceCookie, ...origin } = signInOrigin(request, context)
		const result = await beginSignIn({ userId, method: 'PASSKEY', mfaProven: userVerified, redirectTo, ...origin })
		return redirectAsJson(redirectAfterSignIn(result, redirectTo, { deviceCookie }))
	} catch (error) {
		return problemJson(error)
	}
}
