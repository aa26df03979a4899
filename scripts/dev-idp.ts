/**
 * A development identity provider, so single sign-on can be tried without a Microsoft or Google
 * tenant: `oidc-provider` (the certified Node implementation) on 127.0.0.1:DEV_IDP_PORT, started by
 * `npm start` in demo mode. Its sign-in page takes any address at the demo organisation's domain
 * (no password: it is for trying Circle, never for production), optionally saying a second factor
 * was used (the `amr` claim), and grants Circle's demo client without a consent page.
 */
import http from 'node:http'
import { generateKeyPairSync } from 'node:crypto'
import Provider from 'oidc-provider'
import { DEMO_SSO, devIdpIssuer, devIdpSubject } from '#prisma/demo-sso.ts'

type Person = { email: string; name: string }

function escapeHtml(value: string) {
	return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function page({ uid, hint, people, error }: { uid: string; hint: string; people: Person[]; error?: string }) {
	const known = people.find((p) => p.email === hint)
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in | Development identity provider</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f5f5f4;color:#1c1917}
main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.75rem;border:1px solid #d6d3d1}
h1{font-size:1.6rem;margin:0 0 .5rem}
label{display:block;font-weight:600;margin-top:1rem}
input[type=email],input[type=text]{display:block;width:100%;box-sizing:border-box;min-height:2.75rem;padding:.5rem;font-size:1rem;border:1px solid #78716c;border-radius:.5rem}
.check{display:flex;gap:.5rem;align-items:flex-start;margin-top:1rem}.check label{margin:0;font-weight:400}
button{margin-top:1.25rem;min-height:2.75rem;padding:.5rem 1.25rem;font-size:1rem;font-weight:600;color:#fff;background:#115e59;border:0;border-radius:.5rem}
.note{background:#fef3c7;border:1px solid #b45309;padding:.75rem;border-radius:.5rem}
.error{color:#b91c1c;font-weight:600}
</style>
</head>
<body>
<main>
<h1>Development identity provider</h1>
<p class="note">This stands in for your organisation's Microsoft or Google sign-in while you try Circle. It asks for no password. Never use it in production.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="email">Work email address (at ${escapeHtml(DEMO_SSO.domain)})</label>
${error ? `<p class="error" id="email-error" role="alert">${escapeHtml(error)}</p>` : ''}
<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(hint)}"${error ? ' aria-invalid="true" aria-describedby="email-error"' : ''}>
<label for="name">Name</label>
<input id="name" name="name" type="text" autocomplete="name" value="${escapeHtml(known?.name ?? '')}">
<div class="check"><input id="mfa" name="mfa" type="checkbox"><label for="mfa">I also used a second factor (the token says <code>amr: mfa</code>)</label></div>
<button type="submit">Sign in</button>
</form>
${people.length ? `<h2>Demo staff</h2><ul>${people.map((p) => `<li>${escapeHtml(p.name)}: ${escapeHtml(p.email)}</li>`).join('')}</ul>` : ''}
</main>
</body>
</html>`
}

async function readForm(req: http.IncomingMessage) {
	const chunks: Buffer[] = []
	for await (const chunk of req) chunks.push(chunk as Buffer)
	return new URLSearchParams(Buffer.concat(chunks).toString('utf8').slice(0, 10_000))
}

/**
 * Starts the provider. `redirectUris` are Circle's callback addresses; `people` are the demo staff
 * listed on its page (any other address at the demo domain works too and is created on sign-in).
 */
export async function startDevIdp({
	port,
	redirectUris,
	people = [],
}: {
	port: number
	redirectUris: string[]
	people?: Person[]
}) {
	const issuer = devIdpIssuer(port)
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
	const accounts = new Map<string, { email: string; name: string }>()
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: DEMO_SSO.clientId,
				client_secret: DEMO_SSO.clientSecret,
				redirect_uris: redirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post',
			},
		],
		jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'dev-idp', alg: 'RS256', use: 'sig' }] },
		cookies: { keys: ['circle-dev-idp-cookie-key'] },
		claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
		conformIdTokenClaims: false,
		features: { devInteractions: { enabled: false } },
		pkce: { required: () => true },
		findAccount: (_ctx, sub) => {
			const account = accounts.get(sub)
			return account
				? { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: true, name: account.name }) }
				: undefined
		},
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
	})
	const callback = provider.callback()
	const server = http.createServer(async (req, res) => {
		if (!req.url?.startsWith('/interaction/')) return callback(req, res)
		try {
			const details = await provider.interactionDetails(req, res)
			const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint.toLowerCase() : ''
			const html = (error?: string, typed?: string) =>
				res
					.writeHead(error ? 400 : 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
					.end(page({ uid: details.uid, hint: typed ?? hint, people, error }))
			if (req.method !== 'POST') return html()
			const form = await readForm(req)
			const email = (form.get('email') ?? '').trim().toLowerCase()
			if (!email.endsWith(`@${DEMO_SSO.domain}`) || email.length > 254) {
				return html(`Enter an address at ${DEMO_SSO.domain}.`, email)
			}
			const name =
				(form.get('name') ?? '').trim().slice(0, 100) ||
				people.find((p) => p.email === email)?.name ||
				email.slice(0, email.indexOf('@'))
			const sub = devIdpSubject(email)
			accounts.set(sub, { email, name })
			await provider.interactionFinished(
				req,
				res,
				{ login: { accountId: sub, amr: form.get('mfa') ? ['pwd', 'mfa'] : ['pwd'] } },
				{ mergeWithLastSubmission: false },
			)
		} catch (error) {
			res
				.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' })
				.end(`This sign-in has expired or is not valid: go back to Circle and start again. (${String(error)})`)
		}
	})
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(port, '127.0.0.1', () => resolve())
	})
	return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
