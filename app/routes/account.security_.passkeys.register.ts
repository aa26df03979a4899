import { redirect } from 'react-router'
import { requireApiSession } from '#app/utils/auth.server.ts'
import { problemJson } from '#app/utils/errors.server.ts'
import { passkeyJson, readPasskeyRequest } from '#app/utils/passkeys.server.ts'
import { finishPasskeyRegistration, startPasskeyRegistration } from '#modules/mfa/passkeys.ts'
import type { Route } from './+types/account.security_.passkeys.register'

/** Nothing to see here: the "Add a passkey" button posts to this address. */
export async function loader() {
	return redirect('/account/security/passkeys')
}

/**
 * POST /account/security/passkeys/register, adding a passkey (app/components/passkey-registration.tsx):
 * `{ intent: 'options', password? }` answers the options for startRegistration once the person has
 * shown it is them (a recent sign-in, or the password); `{ intent: 'verify', response }` checks the
 * authenticator's answer and stores the passkey. A signed-out request gets 401, not a redirect, and
 * so does one the MFA gate ends (its session cleared).
 */
export async function action({ request, context }: Route.ActionArgs) {
	// The MFA gate as on every page: a session that must prove a second factor it never proved is
	// ended here too, rather than left to add a passkey and so count as having proved one.
	const auth = await requireApiSession(request, 'Your session has ended. Please sign in again.')
	if (auth instanceof Response) return auth
	const read = await readPasskeyRequest(request)
	if (!read.ok) return read.response
	const { body } = read
	try {
		if (body.intent === 'options') {
			const options = await startPasskeyRegistration({
				userId: auth.user.id,
				reauthentication: {
					sessionCreatedAt: auth.session.createdAt,
					sessionMfaVerified: auth.session.mfaVerified,
					password: body.password,
				},
			})
			return passkeyJson({ ok: true, options })
		}
		const passkey = await finishPasskeyRegistration({
			userId: auth.user.id,
			input: body.response,
			sessionId: auth.session.id,
			ipAddress: context.clientIp,
			userAgent: request.headers.get('User-Agent'),
		})
		return passkeyJson({ ok: true, passkey })
	} catch (error) {
		return problemJson(error)
	}
}
