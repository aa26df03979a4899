import crypto from 'node:crypto'
import path from 'node:path'
import zlib from 'node:zlib'
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import type { ServerBuild } from 'react-router'
import { appUrl, type Env, isRealDeployment } from '#modules/env/env.ts'
import { loopbackOrigin, withRequestOrigin } from '#modules/env/request-origin.ts'
import { clientFiles } from './client-files.ts'
import { limitRequestBodies } from './body-limit.ts'
import { csrfGuard } from './csrf.ts'
import { healthRoutes, type Lifecycle } from './health.ts'
import { refuseMissingHost, refuseNulBytes } from './refuse-nul.ts'
import { routeSubsets } from './route-subsets.ts'
import { withWriteFence } from './write-fence.ts'
import { withUnavailablePages } from './database-unavailable.ts'

declare module 'react-router' {
	interface AppLoadContext {
		/** The client's IP address (honours TRUST_PROXY), for throttling. */
		clientIp: string
		/** Per-request nonce for the Content-Security-Policy. */
		cspNonce: string
		/** Names this request in the log and on the 500 page (also the X-Request-Id response header). */
		requestId: string
	}
}

/** zlib's level for gzip-encoded answers, and Brotli's quality (see createHttpApp). */
export const GZIP_LEVEL = 4
export const BROTLI_QUALITY = 2

// An id a trusted proxy passed on is kept only if it is short and plain: it is written into log lines.
const FORWARDED_REQUEST_ID = /^[\w.:-]{1,128}$/

/**
 * The request's id: the X-Request-Id of a trusted proxy in front of Circle (TRUST_PROXY), so one id
 * follows the request through both logs, or a new random one. A client's own header is ignored when
 * nothing trusted stands in front, so that nobody can choose the id their errors are logged under.
 */
export function requestIdFor(header: string | undefined, trustProxy: number) {
	if (trustProxy > 0 && header && FORWARDED_REQUEST_ID.test(header)) return header
	return crypto.randomUUID()
}

type Mode =
	// `build` replaces the server build imported from buildDir (the benchmarks serve altered builds).
	{ kind: 'production'; buildDir: string; build?: ServerBuild } | { kind: 'development' }

/**
 * Builds Circle's Express app: the health probes, security headers, compression, CSRF guard, static
 * assets and the React Router request handler, whose every action's answer carries the replica's
 * write fence (./write-fence.ts). Shared by `npm start`, `npm run dev` and the
 * HTTP-level tests. `lifecycle.draining` (set by serveHttp on SIGTERM) turns readiness to 503 and
 * asks each client to close its connection after the answer in hand.
 */
export async function createHttpApp({
	env,
	mode,
	lifecycle = { draining: false },
}: {
	env: Env
	mode: Mode
	lifecycle?: Lifecycle
}) {
	// Plain http on one's own machine (development, tests, the demo) or https for real (ADR 0052).
	const secureTransport = isRealDeployment(env)
	const app = express()
	app.disable('x-powered-by')
	app.set('trust proxy', env.TRUST_PROXY)
	app.use((_req, res, next) => {
		// A kept-alive connection would otherwise carry the client's next request to a closing process.
		if (lifecycle.draining) res.setHeader('Connection', 'close')
		next()
	})
	app.use(healthRoutes({ databaseUrl: env.DATABASE_URL, lifecycle }))
	// For each encoding, the cheapest setting within 5% of its default's bytes: compressing a lesson
	// page (~125 KB of HTML) cost 11.4 M instructions at gzip's default level 6, about half of
	// rendering it; gzip level 4 costs 9.0 M for 4% more bytes, Brotli quality 2 costs 6.8 M for the
	// bytes of gzip's default (docs/performance.md, "Compression, session 17").
	app.use(
		compression({ level: GZIP_LEVEL, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } }),
	)

	app.use((req, res, next) => {
		res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
		res.locals.requestId = requestIdFor(req.get('X-Request-Id'), env.TRUST_PROXY)
		res.setHeader('X-Request-Id', res.locals.requestId)
		next()
	})
	app.use(
		helmet({
			// Vite's dev server injects inline scripts, so the policy applies to production builds only.
			contentSecurityPolicy:
				mode.kind === 'production'
					? {
							useDefaults: true,
							directives: {
								'script-src': ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
								'img-src': ["'self'", 'data:', 'blob:', 'https://image.mux.com'],
								'media-src': ["'self'", 'blob:', 'https://stream.mux.com'],
								'connect-src': ["'self'", 'https://*.mux.com', 'https://*.litix.io', 'https://storage.googleapis.com'],
								'worker-src': ["'self'", 'blob:'],
								// The same hosts the Markdown sanitiser allows iframes from (modules/markdown).
								'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://player.mux.com'],
								'upgrade-insecure-requests': secureTransport ? [] : null,
							},
						}
					: false,
			crossOriginEmbedderPolicy: false,
			// helmet's default (no-referrer) makes Chromium send `Origin: null` on same-origin form posts.
			referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
			strictTransportSecurity: secureTransport,
		}),
	)
	app.use(limitRequestBodies())
	app.use(csrfGuard({ appOrigin: new URL(appUrl(env)).origin }))
	app.use(refuseNulBytes())
	app.use(refuseMissingHost())
	app.use(followLoopbackHost(env))

	let build: ServerBuild | (() => Promise<ServerBuild>)
	if (mode.kind === 'development') {
		const vite = await import('vite')
		const viteServer = await vite.createServer({ server: { middlewareMode: true } })
		app.use(viteServer.middlewares)
		build = async () =>
			withUnavailablePages(
				withWriteFence((await viteServer.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild),
			)
	} else {
		const clientDir = path.join(mode.buildDir, 'client')
		// Fingerprinted assets never change: cache them for a year.
		app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }))
		app.use(clientFiles(clientDir, { maxAge: '1h' }))
		build = withUnavailablePages(
			withWriteFence(mode.build ?? ((await import(path.join(mode.buildDir, 'server/index.js'))) as ServerBuild)),
		)
	}

	const handlerFor = (build: ServerBuild | (() => Promise<ServerBuild>)) =>
		createRequestHandler({
			build,
			mode: env.NODE_ENV,
			getLoadContext: (req, res) => ({
				clientIp: req.ip ?? 'unknown',
				cspNonce: String(res.locals.cspNonce),
				requestId: String(res.locals.requestId),
			}),
		})
	app.all('/{*splat}', typeof build === 'function' ? handlerFor(build) : bySubsetOfRoutes(build, handlerFor))
	return app
}

/**
 * One request handler per first path segment, each matching against only the routes that segment
 * can reach (./route-subsets.ts), made when the segment is first asked for.
 */
function bySubsetOfRoutes(build: ServerBuild, handlerFor: (build: ServerBuild) => express.RequestHandler) {
	const subsets = routeSubsets(build)
	const handlers = new Map<string | null, express.RequestHandler>()
	return ((req, res, next) => {
		const key = subsets.keyFor(req.path)
		let handler = handlers.get(key)
		if (!handler) {
			handler = handlerFor(subsets.buildFor(req.path))
			handlers.set(key, handler)
		}
		return handler(req, res, next)
	}) satisfies express.RequestHandler
}

/**
 * Outside a real deployment and without APP_URL, links in emails point where the page was opened
 * (127.0.0.1 or localhost, whichever the person typed) rather than always at localhost, where their
 * session cookie does not exist. Only loopback hosts are followed (ADR 0020).
 */
export function followLoopbackHost(
	env: Pick<Env, 'APP_URL' | 'NODE_ENV' | 'DATABASE_URL' | 'EMBEDDED_PG_PORT' | 'DEMO_MODE'>,
): express.RequestHandler {
	if (env.APP_URL || isRealDeployment(env)) return (_req, _res, next) => next()
	return (req, _res, next) => withRequestOrigin(loopbackOrigin({ host: req.get('host'), protocol: req.protocol }), next)
}
