// Browser side of the passkey ceremonies, shared by the sign-in, second-factor and registration
// components: one JSON round trip to Circle, and plain words for what the browser reports.
import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication, WebAuthnError } from '@simplewebauthn/browser'
import i18next from 'i18next'

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
		return { ok: false, message: i18next.t('ui:passkeys.client.unreachable') }
	}
	try {
		const json = (await response.json()) as Record<string, unknown>
		if (response.ok && json.ok === true) return json as PasskeyReply
		return {
			ok: false,
			code: typeof json.code === 'string' ? json.code : undefined,
			field: typeof json.field === 'string' ? json.field : null,
			message:
				typeof json.message === 'string' && json.message ? json.message : i18next.t('ui:passkeys.client.wentWrong'),
		}
	} catch {
		return { ok: false, message: i18next.t('ui:passkeys.client.reload') }
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
		return i18next.t('ui:passkeys.client.alreadyRegistered')
	}
	if (code === 'ERROR_INVALID_DOMAIN' || code === 'ERROR_INVALID_RP_ID') {
		return i18next.t('ui:passkeys.client.invalidDomain')
	}
	if (code === 'ERROR_CEREMONY_ABORTED' || name === 'NotAllowedError' || name === 'AbortError') {
		return i18next.t('ui:passkeys.client.cancelled')
	}
	return i18next.t('ui:passkeys.client.failed')
}
