// A real OpenID provider for tests: `oidc-provider` (the certified Node implementation) on a local
// port, issuing real RS256-signed ID tokens over HTTP, so Circle's real openid-client runs end to
// end. Logins are automatic: the interaction page signs in `fake.person` (or the account named by
// login_hint) with its `amr`, and consent is granted for Circle's client. `fake.tamper` rewrites the
// next ID token the token endpoint returns (wrong nonce, audience, issuer, expiry) and re-signs it
// with the provider's own key, or with another key (a bad signature), so each of Circle's checks
// can be shown to refuse it.
import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration } from 'oidc-provider'

export type FakePerson = {
	sub: string
	email?: string
	name?: string
	email_verified?: boolean
	amr?: string[]
	/** Google Workspace's hosted-domain claim. */
	hd?: string
}

export type IdTokenTamper = {
	/** Change claims before re-signing (e.g. set a wrong nonce, aud, iss or an exp in the past). */
	claims?: (claims: Record<string, unknown>) => Record<string, unknown>
	/** Sign with a key the provider never published (same kid): a bad signature. */
	foreignKey?: boolean
}

export type FakeOidcProvider = {
	issuer: string
	clientId: string
	clientSecret: string
	/** Who the next interaction signs in (unless the request's login_hint names a known address). */
	person: FakePerson
	/** Applied to the next token response only. */
	tamper: IdTokenTamper | null
	/** Every token request's grant type and client id, for assertions. */
	tokenRequests: number
	close(): Promise<void>
}

function newKey(kid: string) {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
	const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }
	return { privateKey, jwk }
}

function b64(json: unknown) {
	return Buffer.from(JSON.stringify(json)).toString('base64url')
}

function resign(idToken: string, tamper: IdTokenTamper, key: KeyObject) {
	const [headerPart, payloadPart] = idToken.split('.')
	const header = JSON.parse(Buffer.from(headerPart!, 'base64url').toString('utf8')) as Record<string, unknown>
	let claims = JSON.parse(Buffer.from(payloadPart!, 'base64url').toString('utf8')) as Record<string, unknown>
	if (tamper.claims) claims = tamper.claims(claims)
	const input = `${b64(header)}.${b64(claims)}`
	return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`
}

/**
 * Starts the provider on a free port (or `port`). `redirectUris` are Circle's callback addresses the
 * client may use; `clientSecret` is what the token endpoint accepts.
 */
export async function startFakeOidcProvider({
	redirectUris,
	clientId = 'circle-test-client',
	clientSecret = 'the-right-client-secret',
	port = 0,
	person = { sub: 'person-1', email: 'person@example.org', name: 'Pat Example', email_verified: true },
}: {
	redirectUris: string[]
	clientId?: string
	clientSecret?: string
	port?: number
	person?: FakePerson
}): Promise<FakeOidcProvider> {
	let handler: http.RequestListener = (_req, res) => res.writeHead(503).end()
	const server = http.createServer((req, res) => handler(req, res))
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

	const own = newKey('fake-key-1')
	const foreign = newKey('fake-key-1')
	const accounts = new Map<string, FakePerson>()

	const configuration: Configuration = {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: redirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post',
			},
		],
		jwks: { keys: [own.jwk as never] },
		cookies: { keys: ['fake-oidc-cookie-key'] },
		claims: {
			// amr rides with openid, so every ID token says how the person signed in (as Entra ID's do).
			openid: ['sub', 'amr'],
			email: ['email', 'email_verified', 'hd'],
			profile: ['name'],
		},
		// Claims from the scopes go into the ID token itself, as Entra ID and Google do.
		conformIdTokenClaims: false,
		features: { devInteractions: { enabled: false } },
		pkce: { required: () => true },
		findAccount: (_ctx, sub) => {
			const account = accounts.get(sub)
			if (!account) return undefined
			return { accountId: sub, claims: () => ({ ...account }) }
		},
		// Circle's client is first-party here: consent is granted without a page.
		loadExistingGrant: async (ctx) => {
			const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId)
			if (grantId) return ctx.oidc.provider.Grant.find(grantId)
			const grant = new ctx.oidc.provider.Grant({
				clientId: ctx.oidc.client!.clientId,
				accountId: ctx.oidc.session!.accountId,
			})
			grant.addOIDCScope('openid email profile')
			await grant.save()
			return grant
		},
	}
	const provider = new Provider(issuer, configuration)
	provider.on('server_error', (_ctx, error) => console.error('[fake-oidc]', error))

	const fake: FakeOidcProvider = {
		issuer,
		clientId,
		clientSecret,
		person,
		tamper: null,
		tokenRequests: 0,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	}

	provider.use(async (ctx, next) => {
		if (ctx.path === '/token' && ctx.method === 'POST') fake.tokenRequests++
		await next()
		if (ctx.path === '/token' && ctx.status === 200 && fake.tamper) {
			const tamper = fake.tamper
			fake.tamper = null
			const body = ctx.body as { id_token?: string }
			if (body.id_token) {
				ctx.body = {
					...body,
					id_token: resign(
						body.id_token,
						tamper,
						tamper.foreignKey ? foreign.privateKey : createPrivateKey({ key: own.jwk as never, format: 'jwk' }),
					),
				}
			}
		}
	})

	const callback = provider.callback()
	handler = async (req, res) => {
		if (!req.url?.startsWith('/interaction/')) return callback(req, res)
		try {
			const details = await provider.interactionDetails(req, res)
			const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint.toLowerCase() : null
			const chosen = [...accounts.values(), fake.person].find((p) => hint && p.email === hint) ?? fake.person
			accounts.set(chosen.sub, chosen)
			await provider.interactionFinished(
				req,
				res,
				{ login: { accountId: chosen.sub, amr: chosen.amr ?? ['pwd'] } },
				{ mergeWithLastSubmission: false },
			)
		} catch (error) {
			res.writeHead(500).end(String(error))
		}
	}
	return fake
}

/** A tiny cookie jar: oidc-provider keeps the interaction in cookies between redirects. */
function remember(jar: Map<string, string>, response: Response) {
	for (const cookie of response.headers.getSetCookie()) {
		const [pair] = cookie.split(';')
		const index = pair!.indexOf('=')
		jar.set(pair!.slice(0, index), pair!.slice(index + 1))
	}
}

/**
 * Plays the browser's part: follows the authorisation URL through the provider's redirects (login
 * and consent are automatic) until it points back at Circle, and returns that callback URL.
 */
export async function followToCallback(authorisationUrl: string, callbackPrefix: string) {
	const jar = new Map<string, string>()
	let url = authorisationUrl
	for (let hop = 0; hop < 10; hop++) {
		if (url.startsWith(callbackPrefix)) return new URL(url)
		const response = await fetch(url, {
			redirect: 'manual',
			headers: { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
		})
		remember(jar, response)
		const location = response.headers.get('Location')
		if (!location) throw new Error(`The provider answered ${response.status} at ${url}: ${await response.text()}`)
		url = new URL(location, url).href
	}
	throw new Error('Too many redirects at the fake provider')
}
