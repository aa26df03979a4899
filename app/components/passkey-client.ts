// Browser side of the passkey ceremonies, shared by the sign-in, second-factor and registration
// components: one JSON round trip to Circle, and plain words for what the browser reports.
import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication, WebAuthnError } from '@simplewebauthn/browser'

export type PasskeyReply =
	| { ok: true; options?: unknown; redirectTo?: string; passkey?: { id: string; name: string } }
	| { ok?: false; code?: string; message: string; field?: string | null; redirectTo?: string }

/** POSTs `body` as JSON to a passkey endpoint and reads its JSON answer (or a plain message). */
export async function postPasskey(url: string, body: object): Promise<PasskeyReply> {
	let response: Response
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify(body),
			credentials: 'same-origin',
		})
	} catch {
		return { ok: false, message: 'Circle could not be reached. Check your connection and try again.' }
	}
	try {
		const json = (await response.json()) as Record<string, unknown>
		if (response.ok && json.ok === true) return json as PasskeyReply
		return {
			ok: false,
			code: typeof json.code === 'string' ? json.code : undefined,
			field: typeof json.field === 'string' ? json.field : null,
			message: typeof json.message === 'string' && json.message ? json.message : 'Something went wrong.',
		}
	} catch {
		return { ok: false, message: 'Something went wrong. Please reload the page and try again.' }
	}
}

/**
 * The authentication ceremony against one endpoint, for the passwordless sign-in and the second
 * factor alike: the endpoint's options, the browser's passkey, then the endpoint's verdict (with
 * `verifyBody` added to the verify request). A failure at any step comes back as a reply to show.
 */
export async function authenticateWithPasskey(url: string, verifyBody: object = {}): Promise<PasskeyReply> {
	const options = await postPasskey(url, { intent: 'options' })
	if (!options.ok) return options
	let response: unknown
	try {
		response = await startAuthentication({ optionsJSON: options.options as PublicKeyCredentialRequestOptionsJSON })
	} catch (error) {
		return { ok: false, message: describePasskeyError(error) }
	}
	return postPasskey(url, { intent: 'verify', response, ...verifyBody })
}

/** What to tell the person when the browser's passkey step fails. */
export function describePasskeyError(error: unknown) {
	const code = error instanceof WebAuthnError ? error.code : null
	const name = error instanceof Error ? error.name : ''
	if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
		return 'This device already holds a passkey for your account.'
	}
	if (code === 'ERROR_INVALID_DOMAIN' || code === 'ERROR_INVALID_RP_ID') {
		return 'Passkeys need Circle to be opened at its own address (for example http://localhost rather than an IP address).'
	}
	if (code === 'ERROR_CEREMONY_ABORTED' || name === 'NotAllowedError' || name === 'AbortError') {
		return 'The passkey request was cancelled or timed out. Try again when you are ready.'
	}
	return 'Your browser could not use a passkey just now. Try again, or use another way to sign in.'
}
