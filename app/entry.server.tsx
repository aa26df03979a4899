import { Transform, type TransformCallback } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import i18next from 'i18next'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import {
	type ActionFunctionArgs,
	type AppLoadContext,
	type EntryContext,
	isRouteErrorResponse,
	type LoaderFunctionArgs,
	type Params,
	ServerRouter,
} from 'react-router'
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '#app/server/database-unavailable.ts'
import { DEFAULT_LANGUAGE, isLanguage, type Language, LANGUAGES } from '#modules/i18n/languages.ts'
import { i18nextOptions } from '#modules/i18n/options.ts'
import { type Namespace, resources } from '#modules/i18n/resources.ts'
import { InlineMessagesContext, scriptSafeJson } from '#app/utils/i18n-messages.tsx'
import { InlineStylesheetContext, styleSafeCss } from '#app/utils/inline-stylesheet.tsx'
import { loadScriptsAfterFirstPaint } from '#app/utils/scripts-after-first-paint.server.ts'
import { withMatchedRoutesOnly } from '#app/utils/scripts.tsx'
import appCss from './styles/app.css?inline'
import { bundlesFor } from '#app/utils/i18n-namespaces.ts'
import { forServerRender } from '#app/utils/i18n-render.server.ts'

// The server's global i18next holds both languages (the browser's holds only its own): each render
// gets a clone fixed to the request's language, and route `meta` functions translate through it
// (app/utils/i18n.ts).
void i18next.init({ ...i18nextOptions, resources, lng: DEFAULT_LANGUAGE })
// One clone per language, made once: nothing on the server changes an instance's language, so
// requests share them (cloning per request was 2% of a page's CPU time), through forServerRender.
const perLanguage = new Map(
	LANGUAGES.map((language) => [language, forServerRender(i18next.cloneInstance({ lng: language }))]),
)

export const streamTimeout = 5_000

// The built stylesheet (Vite compiles and minifies it into the server build), inlined in every page's
// head instead of linked, so that no request delays the first paint (ADR 0057). In development the
// root route links the stylesheet, as Vite's dev server expects.
const inlinedCss = import.meta.env.DEV ? '' : styleSafeCss(appCss)

// The JSON of each set of message bundles a page has needed (ADR 0053), made once: a few hundred at
// most (each route's set, in each language), and serialising a page's messages per request would
// cost more than the map.
const inlinedMessages = new Map<string, string>()

/** The messages a page made of these routes needs, as the JSON its HTML carries to the browser. */
function messagesFor(routeIds: readonly string[], language: Language) {
	const bundles = bundlesFor(routeIds, language)
	const key = bundles.map(([lng, ns]) => `${lng}:${ns}`).join(',')
	let json = inlinedMessages.get(key)
	if (json === undefined) {
		const messages: Partial<Record<Language, Record<string, unknown>>> = {}
		for (const [lng, ns] of bundles) (messages[lng] ??= {})[ns] = resources[lng][ns as Namespace]
		json = scriptSafeJson(messages)
		inlinedMessages.set(key, json)
	}
	return json
}

/**
 * Every error React Router catches in a loader, action or render comes here. An unexpected one is
 * logged once, on a line that starts with the request id the 500 page shows, so that a person quoting
 * it leads to the stack. The line names the method and the path with its parameters blanked (an
 * invitation's path carries its token); never the query string, headers or body.
 */
export function handleError(error: unknown, { request, params, context }: LoaderFunctionArgs | ActionFunctionArgs) {
	if (request.signal.aborted) return
	// Refusals the app meant (a 404 for an unknown address, a thrown 4xx) are answers, not faults.
	if (isRouteErrorResponse(error) && error.status < 500) return
	logUnexpectedError(error, {
		requestId: context?.requestId,
		method: request.method,
		path: redactedPath(request, params),
	})
}

function logUnexpectedError(
	error: unknown,
	{ requestId, method, path }: { requestId?: string; method: string; path: string },
) {
	console.error(`[error] request ${requestId ?? 'unknown'} ${method} ${path}:`, error)
}

/** The request's path with each route parameter's value replaced by its name: /invitations/:token. */
function redactedPath(request: Request, params: Params) {
	const names = new Map(Object.entries(params).map(([name, value]) => [value, name]))
	return new URL(request.url).pathname
		.split('/')
		.map((segment) => {
			let decoded = segment
			try {
				decoded = decodeURIComponent(segment)
			} catch {
				// A malformed escape is not any parameter's value.
			}
			const name = segment ? names.get(decoded) : undefined
			return name ? `:${name === '*' ? 'splat' : name}` : segment
		})
		.join('/')
}

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	routerContext: EntryContext,
	loadContext: AppLoadContext,
) {
	return new Promise<Response>((resolve, reject) => {
		let shellRendered = false
		const userAgent = request.headers.get('user-agent')
		// Crawlers and SPA-mode builds get the whole document at once; browsers get it streamed.
		const readyOption = (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'
		const nonce = loadContext?.cspNonce
		// The root loader decided the language (app/utils/i18n.server.ts); when it failed, English.
		const rootData = routerContext.staticHandlerContext.loaderData.root as { language?: unknown } | undefined
		const language = isLanguage(rootData?.language) ? rootData.language : DEFAULT_LANGUAGE
		const i18n = perLanguage.get(language)!
		const messages = messagesFor(
			routerContext.staticHandlerContext.matches.map((match) => match.route.id),
			language,
		)
		// A thrown Response's headers do not reach the document: the database's "unavailable" page
		// (app/server/database-unavailable.ts) gets its Retry-After here.
		if (responseStatusCode === 503 && !responseHeaders.has('Retry-After')) {
			responseHeaders.set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
		}

		const { pipe, abort } = renderToPipeableStream(
			<I18nextProvider i18n={i18n}>
				<InlineStylesheetContext.Provider value={inlinedCss}>
					<InlineMessagesContext.Provider value={messages}>
						<ServerRouter context={withMatchedRoutesOnly(routerContext)} url={request.url} nonce={nonce} />
					</InlineMessagesContext.Provider>
				</InlineStylesheetContext.Provider>
			</I18nextProvider>,
			{
				nonce,
				// A Suspense boundary that has finished rendering is sent in its place in the page, however
				// large. React's default (12,800 bytes) sends one that comes after that much of the page
				// later, as a hidden chunk that an inline script moves into place: the lazily hydrated
				// sign-up form (app/components/newsletter/lazy-signup-form.tsx) would then show only with
				// JavaScript, and only once that script ran.
				progressiveChunkSize: Number.POSITIVE_INFINITY,
				[readyOption]() {
					shellRendered = true
					const body = new CoalescingStream()
					const stream = createReadableStreamFromReadable(body)
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }))
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					// Before the shell, React Router reports the error itself (handleError above).
					if (shellRendered) {
						logUnexpectedError(error, {
							requestId: loadContext?.requestId,
							method: request.method,
							path: redactedPath(request, routerContext.staticHandlerContext.matches.at(-1)?.params ?? {}),
						})
					}
				},
			},
		)
		setTimeout(abort, streamTimeout + 1000)
	})
}

/**
 * Passes React's output through in as few chunks as possible. React writes a page as dozens of
 * ~2 KB chunks in one synchronous burst, and each chunk would otherwise cross the web stream and
 * reach the socket as a write of its own (a 90 KB report page: ~45 writes); joined per tick, a page
 * goes out in one or two. Anything React writes later (a Suspense boundary resolving) still streams.
 */
class CoalescingStream extends Transform {
	#chunks: Buffer[] = []
	#scheduled = false

	override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
		this.#chunks.push(chunk)
		if (!this.#scheduled) {
			this.#scheduled = true
			setImmediate(() => this.#release())
		}
		callback()
	}

	override _flush(callback: TransformCallback) {
		this.#release()
		callback()
	}

	#release() {
		this.#scheduled = false
		if (this.#chunks.length === 0) return
		const joined = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks)
		this.#chunks = []
		if (this.#shellSent) return void this.push(joined)
		// The shell is one synchronous burst, so the first write holds the whole head and React
		// Router's scripts: in a production build its JavaScript is held until after the first paint
		// (ADR 0057). Vite's dev server keeps its own way of loading modules.
		this.#shellSent = true
		this.push(import.meta.env.DEV ? joined : loadScriptsAfterFirstPaint(joined))
	}

	#shellSent = false
}
