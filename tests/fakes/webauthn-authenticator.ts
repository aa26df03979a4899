// A software WebAuthn authenticator for Vitest: the third party at the edge of a passkey ceremony,
// faked where the browser would hand its answer to Circle. It makes real P-256 keys, real CBOR
// attestation objects ("none" attestation) and real ECDSA signatures over real authenticator data,
// so SimpleWebAuthn checks them exactly as it checks a phone's or a security key's. The browser
// tests use Chromium's own virtual authenticator instead.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'
import type {
	AuthenticationResponseJSON,
	PublicKeyCredentialCreationOptionsJSON,
	PublicKeyCredentialRequestOptionsJSON,
	RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers'

type Credential = {
	id: string
	privateKey: KeyObject
	publicKeyCose: Uint8Array
	userHandle: string
	rpId: string
	counter: number
}

const FLAG_UP = 0x01
const FLAG_UV = 0x04
const FLAG_AT = 0x40

function sha256(data: Uint8Array | string) {
	return new Uint8Array(createHash('sha256').update(data).digest())
}

function concat(...parts: Uint8Array[]) {
	return new Uint8Array(Buffer.concat(parts))
}

function uint32(value: number) {
	const bytes = Buffer.alloc(4)
	bytes.writeUInt32BE(value)
	return new Uint8Array(bytes)
}

function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) {
	return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }))
}

/**
 * A fresh authenticator for `origin` (the page the "browser" is on). `userVerified` says whether
 * it reports the UV flag (a PIN or fingerprint); `counting` whether it keeps a signature counter.
 */
export function createSoftAuthenticator({
	origin,
	userVerified = true,
	counting = true,
}: {
	origin: string
	userVerified?: boolean
	counting?: boolean
}) {
	const credentials = new Map<string, Credential>()
	const flags = (extra = 0) => FLAG_UP | (userVerified ? FLAG_UV : 0) | extra

	return {
		credentials,
		/** Makes a credential for the options, as navigator.credentials.create() would. */
		register(options: PublicKeyCredentialCreationOptionsJSON): RegistrationResponseJSON {
			const rpId = options.rp.id ?? new URL(origin).hostname
			const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
			const jwk = publicKey.export({ format: 'jwk' })
			const publicKeyCose = isoCBOR.encode(
				new Map<number, number | Uint8Array>([
					[1, 2], // kty: EC2
					[3, -7], // alg: ES256
					[-1, 1], // crv: P-256
					[-2, isoBase64URL.toBuffer(jwk.x!)],
					[-3, isoBase64URL.toBuffer(jwk.y!)],
				]),
			)
			const rawId = new Uint8Array(randomBytes(32))
			const id = isoBase64URL.fromBuffer(rawId)
			const counter = counting ? 1 : 0
			const authData = concat(
				sha256(rpId),
				new Uint8Array([flags(FLAG_AT)]),
				uint32(counter),
				new Uint8Array(16), // AAGUID: none
				new Uint8Array([0, rawId.length]),
				rawId,
				publicKeyCose,
			)
			const attestationObject = isoCBOR.encode(
				new Map<string, string | Uint8Array | Map<string, string>>([
					['fmt', 'none'],
					['attStmt', new Map<string, string>()],
					['authData', authData],
				]),
			)
			credentials.set(id, { id, privateKey, publicKeyCose, userHandle: options.user.id, rpId, counter })
			return {
				id,
				rawId: id,
				type: 'public-key',
				response: {
					clientDataJSON: isoBase64URL.fromBuffer(clientData('webauthn.create', options.challenge, origin)),
					attestationObject: isoBase64URL.fromBuffer(attestationObject),
					transports: ['internal'],
				},
				authenticatorAttachment: 'platform',
				clientExtensionResults: {},
			}
		},
		/**
		 * Signs the options' challenge with `credentialId` (or the only credential it holds), as
		 * navigator.credentials.get() would. Like a real authenticator asked by a hostile page, it
		 * signs whatever it is given: allowCredentials is the server's business to enforce.
		 */
		authenticate(
			options: PublicKeyCredentialRequestOptionsJSON,
			{ credentialId, counter }: { credentialId?: string; counter?: number } = {},
		): AuthenticationResponseJSON {
			const credential = credentialId ? credentials.get(credentialId) : [...credentials.values()][0]
			if (!credential) throw new Error('The soft authenticator holds no such credential')
			credential.counter = counter ?? (counting ? credential.counter + 1 : 0)
			const authenticatorData = concat(sha256(credential.rpId), new Uint8Array([flags()]), uint32(credential.counter))
			const clientDataJSON = clientData('webauthn.get', options.challenge, origin)
			const signature = sign('sha256', concat(authenticatorData, sha256(clientDataJSON)), credential.privateKey)
			return {
				id: credential.id,
				rawId: credential.id,
				type: 'public-key',
				response: {
					clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
					authenticatorData: isoBase64URL.fromBuffer(authenticatorData),
					signature: isoBase64URL.fromBuffer(new Uint8Array(signature)),
					userHandle: credential.userHandle,
				},
				authenticatorAttachment: 'platform',
				clientExtensionResults: {},
			}
		},
	}
}

export type SoftAuthenticator = ReturnType<typeof createSoftAuthenticator>
