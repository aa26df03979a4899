import { finishPasskeyRegistration, startPasskeyRegistration } from '#modules/mfa/passkeys.ts'
import { appUrl } from '#modules/env/env.ts'
import { createSoftAuthenticator, type SoftAuthenticator } from '#tests/fakes/webauthn-authenticator.ts'

/** A soft authenticator on Circle's own origin (what a browser on appUrl() would use). */
export function createAuthenticator(options: { userVerified?: boolean; counting?: boolean } = {}) {
	return createSoftAuthenticator({ origin: appUrl(), ...options })
}

/**
 * Registers a passkey for `userId` through the real ceremony (options, the authenticator's answer,
 * verification) and returns the authenticator holding it and the stored passkey's id.
 */
export async function enrolPasskey({
	userId,
	authenticator = createAuthenticator(),
	userAgent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
}: {
	userId: string
	authenticator?: SoftAuthenticator
	userAgent?: string
}) {
	const options = await startPasskeyRegistration({
		userId,
		reauthentication: { sessionCreatedAt: new Date(), sessionMfaVerified: true },
	})
	const passkey = await finishPasskeyRegistration({ userId, input: authenticator.register(options), userAgent })
	return { authenticator, passkeyId: passkey.id, name: passkey.name }
}
/** A POST with a JSON body, as the passkey components send it (optionally with cookies). */
export function jsonRequest(path: string, body: unknown, { cookie }: { cookie?: string } = {}) {
	const headers = new Headers({ 'Content-Type': 'application/json', 'User-Agent': 'vitest' })
	if (cookie) headers.set('Cookie', cookie)
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		body: typeof body === 'string' ? body : JSON.stringify(body),
		headers,
	})
}

/** The route context every action reads. */
export const routeContext = { clientIp: '2001:db8::77', cspNonce: 'test' }
