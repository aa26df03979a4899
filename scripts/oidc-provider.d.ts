// The few parts of oidc-provider@9 (which ships no types) that the development identity provider
// (scripts/dev-idp.ts) and the tests' one (tests/fakes/oidc-provider.ts) use.
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http'

	export type Account = { accountId: string; claims: () => Record<string, unknown> }
	export type KoaContext = {
		path: string
		method: string
		status: number
		body: unknown
		oidc: {
			result?: { consent?: { grantId?: string } }
			session?: { accountId: string; grantIdFor(clientId: string): string | undefined }
			client?: { clientId: string }
			provider: Provider
		}
	}
	export type Configuration = {
		clients: Array<Record<string, unknown>>
		jwks?: { keys: unknown[] }
		cookies?: { keys: string[] }
		claims?: Record<string, string[] | null>
		conformIdTokenClaims?: boolean
		features?: Record<string, { enabled: boolean }>
		pkce?: { required: () => boolean }
		ttl?: Record<string, number>
		findAccount: (ctx: KoaContext, sub: string) => Account | undefined | Promise<Account | undefined>
		loadExistingGrant?: (ctx: KoaContext) => Promise<unknown>
		interactions?: { url: (ctx: KoaContext, interaction: { uid: string }) => string }
		renderError?: (ctx: KoaContext, out: Record<string, string>, error: Error) => void | Promise<void>
	}
	export type InteractionDetails = { uid: string; params: Record<string, unknown>; prompt: { name: string } }
	export class Grant {
		constructor(init: { clientId: string; accountId: string })
		addOIDCScope(scope: string): void
		save(): Promise<string>
		static find(id: string): Promise<Grant | undefined>
	}
	export default class Provider {
		constructor(issuer: string, configuration: Configuration)
		Grant: typeof Grant
		proxy: boolean
		callback(): (req: IncomingMessage, res: ServerResponse) => void
		use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void
		on(event: string, listener: (ctx: KoaContext, error: Error) => void): void
		interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>
		interactionFinished(
			req: IncomingMessage,
			res: ServerResponse,
			result: Record<string, unknown>,
			options?: { mergeWithLastSubmission?: boolean },
		): Promise<void>
	}
}
