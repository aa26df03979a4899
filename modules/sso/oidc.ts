import * as client from 'openid-client'
import { getEnv, isRealDeployment } from '#modules/env/env.ts'
import { isLoopbackHostname, refusesHostname } from '#modules/security/internal-address.ts'
import { SsoError } from './errors.ts'
import { isInternalAddressRefusal, providerFetch } from './provider-fetch.ts'

/** How long Circle waits for an identity provider's discovery document or token endpoint. */
const PROVIDER_TIMEOUT_MS = 8_000

/** What decides a real deployment (isRealDeployment); tests pass one, as the xAPI settings do. */
export type DeploymentSettings = Parameters<typeof isRealDeployment>[0]

/**
 * Plain http is allowed only for a provider on this machine outside a real deployment (the
 * development identity provider of the demo, and the tests' one); every real provider is https.
 */
function allowsHttp(issuer: URL, env: DeploymentSettings) {
	return issuer.protocol === 'http:' && isLoopbackHostname(issuer.hostname) && !isRealDeployment(env)
}

/**
 * Where Circle may connect for single sign-on (modules/security/internal-address.ts): public
 * addresses only; outside a real deployment also this machine (127.0.0.1, ::1), where the demo's and
 * the tests' providers run. Never another internal address: an organisation administrator types the
 * issuer, so it must not reach into Circle's own network.
 */
function allowsLoopback(env: DeploymentSettings) {
	return !isRealDeployment(env)
}

const ISSUER_PRIVATE = 'The issuer must be a public address, not one inside Circle’s own network'

function parseIssuer(issuer: string, field: string, env: DeploymentSettings) {
	let url: URL
	try {
		url = new URL(issuer)
	} catch {
		throw new SsoError(
			'invalid',
			'NOT_AN_ISSUER',
			'Enter the issuer as a full address, like https://login.example.com',
			{
				field,
			},
		)
	}
	if (url.protocol !== 'https:' && !allowsHttp(url, env)) {
		throw new SsoError('invalid', 'NOT_AN_ISSUER', 'The issuer address must start with https://', { field })
	}
	// Refused before anything is sent, with the one answer whatever the host and port: otherwise the
	// difference between "could not reach" and "not an issuer" would map Circle's own network.
	if (refusesHostname(url.hostname, { allowLoopback: allowsLoopback(env) })) {
		throw new SsoError('invalid', 'ISSUER_PRIVATE', ISSUER_PRIVATE, { field })
	}
	return url
}

/**
 * Reads an issuer's OpenID Connect discovery document (`/.well-known/openid-configuration`) and
 * returns openid-client's configuration for this client. openid-client checks that the document
 * names the same issuer. An address that is not an OIDC issuer, or cannot be reached, is a clear
 * error beside `field`.
 */
export async function discoverIssuer({
	issuer,
	clientId,
	clientSecret,
	field = 'issuer',
	env = getEnv(),
}: {
	issuer: string
	clientId: string
	clientSecret: string
	field?: string
	env?: DeploymentSettings
}) {
	const url = parseIssuer(issuer, field, env)
	try {
		return await client.discovery(url, clientId, clientSecret, client.ClientSecretPost(clientSecret), {
			// Every request of this configuration (discovery, token, JWKS, userinfo) goes through it.
			[client.customFetch]: providerFetch({ allowLoopback: allowsLoopback(env), timeoutMs: PROVIDER_TIMEOUT_MS }),
			// openid-client skips the ID token's signature when it comes straight from the token endpoint
			// over TLS (OIDC Core 3.1.3.7 allows it); Circle checks it anyway against the provider's JWKS.
			execute: [...(allowsHttp(url, env) ? [client.allowInsecureRequests] : []), client.enableNonRepudiationChecks],
		})
	} catch (error) {
		throw discoveryError(error, url, field)
	}
}

function discoveryError(error: unknown, url: URL, field: string) {
	// A public-looking name that resolves inside the network: refused before connecting, as above.
	if (isInternalAddressRefusal(error)) return new SsoError('invalid', 'ISSUER_PRIVATE', ISSUER_PRIVATE, { field })
	const cause = (error as { cause?: { code?: string } })?.cause
	const name = (error as { name?: string })?.name
	const networkCodes = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT']
	if (
		name === 'TimeoutError' ||
		name === 'AbortError' ||
		(error instanceof TypeError && (error.message === 'fetch failed' || networkCodes.includes(cause?.code ?? '')))
	) {
		return new SsoError(
			'invalid',
			'ISSUER_UNREACHABLE',
			`Circle could not reach ${url.host}. Check the address, or try again if the provider is down.`,
			{ field },
		)
	}
	return new SsoError(
		'invalid',
		'NOT_AN_ISSUER',
		`${url.href.replace(/\/$/, '')} is not an OpenID Connect issuer: it has no matching discovery document at /.well-known/openid-configuration.`,
		{ field },
	)
}

/** The OAuth error code of a token endpoint's refusal (`invalid_client`, `invalid_grant`…), if it was one. */
export function oauthErrorOf(error: unknown): string | null {
	if (error instanceof client.ResponseBodyError) return error.error
	if (error instanceof client.WWWAuthenticateChallengeError) return error.status === 401 ? 'invalid_client' : null
	return null
}

/**
 * Checks the client id and secret without a person: a token request with a made-up code. A provider
 * authenticates the client before it looks at the code, so a wrong secret gets `invalid_client`
 * while right credentials get `invalid_grant` (the code is unknown) or a similar refusal. A token
 * endpoint inside Circle's own network (a discovery document may name any address) is never
 * contacted: that is an error beside `issuerField`.
 */
export async function checkClientCredentials(
	config: client.Configuration,
	redirectUri: string,
	{ field = 'clientSecret', issuerField = 'issuer' }: { field?: string; issuerField?: string } = {},
) {
	try {
		await client.genericGrantRequest(config, 'authorization_code', {
			code: 'circle-connection-check',
			redirect_uri: redirectUri,
			code_verifier: client.randomPKCECodeVerifier(),
		})
	} catch (error) {
		if (isInternalAddressRefusal(error)) {
			throw new SsoError(
				'invalid',
				'ISSUER_PRIVATE',
				'The provider’s token endpoint is an address inside Circle’s own network, which Circle does not send to',
				{ field: issuerField },
			)
		}
		if (oauthErrorOf(error) === 'invalid_client') {
			throw new SsoError(
				'invalid',
				'CLIENT_REJECTED',
				'The identity provider refused this client ID and secret. Check both, and that the secret has not expired.',
				{ field },
			)
		}
		if (error instanceof TypeError || (error as { name?: string })?.name === 'TimeoutError') {
			throw new SsoError('invalid', 'ISSUER_UNREACHABLE', "Circle could not reach the provider's token endpoint.", {
				field,
			})
		}
		// Any other refusal (invalid_grant and friends) means the client itself was accepted.
	}
}

export { client }
