import { z } from 'zod'
import { singleLineText } from '#modules/validation/text.ts'

// The shapes a browser sends back from @simplewebauthn/browser's startRegistration() and
// startAuthentication(), checked before SimpleWebAuthn sees them: anything else (not JSON, a field
// missing, a string that is not base64url, something huge) is refused here with one clear message,
// never a 500 from deep inside the library. The library then checks what the fields mean.

const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/

function base64url(max: number) {
	return z.string().min(1).max(max).regex(BASE64URL)
}

const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const

const ClientExtensionResults = z.record(z.string(), z.unknown()).default({})

/** A RegistrationResponseJSON, as startRegistration() returns it. */
export const RegistrationResponseSchema = z.object({
	id: base64url(1400),
	rawId: base64url(1400),
	type: z.literal('public-key'),
	response: z.object({
		clientDataJSON: base64url(4000),
		attestationObject: base64url(32_000),
		authenticatorData: base64url(16_000).optional(),
		transports: z.array(z.enum(TRANSPORTS)).max(10).optional(),
		publicKeyAlgorithm: z.number().int().optional(),
		publicKey: base64url(8000).optional(),
	}),
	authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
	clientExtensionResults: ClientExtensionResults,
})

/** An AuthenticationResponseJSON, as startAuthentication() returns it. */
export const AuthenticationResponseSchema = z.object({
	id: base64url(1400),
	rawId: base64url(1400),
	type: z.literal('public-key'),
	response: z.object({
		clientDataJSON: base64url(4000),
		authenticatorData: base64url(16_000),
		signature: base64url(2000),
		userHandle: base64url(200).optional(),
	}),
	authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
	clientExtensionResults: ClientExtensionResults,
})

export type RegistrationResponse = z.infer<typeof RegistrationResponseSchema>
export type AuthenticationResponse = z.infer<typeof AuthenticationResponseSchema>

export const PASSKEY_NAME_MAX = 60

/** The name a person gives a passkey ("Work laptop"). */
export const PasskeyNameSchema = singleLineText({ error: 'Give the passkey a name' })
	.min(1, 'Give the passkey a name')
	.max(PASSKEY_NAME_MAX, `Keep the name to ${PASSKEY_NAME_MAX} characters or fewer`)
