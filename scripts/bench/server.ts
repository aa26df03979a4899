/**
 * The server side of `npm run bench`, run as a child process (fork-server.ts compiles and forks it) so
 * that its memory and CPU are its own. Serves the five levels of the lesson-page ladder on five
 * ports, all from the real production build:
 *
 *   L0  node:http writing the exact bytes of a rendered lesson page
 *   L1  Circle's Express app and React Router handler, the lesson route answering with those bytes
 *   L2  real server rendering, every loader returning fixed data (no database)
 *   L3  L2 + session validation (the loaders check the cookie as the real ones do)
 *   L4  the real app: session, Prisma, PostgreSQL
 *
 * and answers the parent over IPC: its RSS, a forced GC, the number of SQL statements Prisma
 * sent between two messages (to count queries per page), and the CPU time this process used and
 * the requests it answered between two messages (CPU time per request: a figure that, unlike
 * latency, barely moves when other work shares the machine's cores).
 */
import http from 'node:http'
import path from 'node:path'
import type { Express } from 'express'
import type { AppLoadContext, ServerBuild } from 'react-router'
// Imported before the build: the first import creates the shared Prisma client, so that its query
// events reach onQuery here even though the build bundles its own copy of modules/db/client.ts.
import { onQuery, prisma } from '#modules/db/client.ts'
import { getOptionalUser, requireUser } from '#app/utils/auth.server.ts'
import { createHttpApp } from '#app/server/express.ts'
import { parseEnv } from '#modules/env/env.ts'

export type LadderPorts = { L0: number; L1: number; L2: number; L3: number; L4: number }
export type ServerRequest =
	| { id: number; type: 'start'; ports: LadderPorts; lessonPath: string; cookie: string }
	| { id: number; type: 'start-app'; ports: LadderPorts }
	| { id: number; type: 'rss' | 'gc' | 'idle' | 'count-start' | 'count-stop' | 'cpu-start' | 'cpu-stop' | 'stop' }

/** What `cpu-stop` answers: CPU time (user + system) and requests answered since `cpu-start`. */
export type CpuWindow = { cpuMs: number; userMs: number; systemMs: number; requests: number; seconds: number }

const LESSON_ROUTE = 'routes/learn.$courseSlug.$lessonId'
// Passed by fork-server.ts, since the compiled file sits in build/bench/, not here.
const buildDir = process.argv[2] ?? path.resolve(import.meta.dirname, '../../build')
const env = parseEnv()

let counting = false
let queries = 0
let lastQueryAt = 0
onQuery(() => {
	lastQueryAt = Date.now()
	if (counting) queries++
})

const servers: http.Server[] = []
// Requests still being answered: a load run ends with some queued, which must not be counted in
// the next measurement.
let active = 0
// Requests answered in full (for CPU time per request).
let answered = 0
let cpuWindow: { usage: NodeJS.CpuUsage; answered: number; at: number } | null = null

async function listen(handler: http.RequestListener | Express, port: number) {
	const server = http.createServer((req, res) => {
		active++
		res.once('close', () => active--)
		res.once('finish', () => answered++)
		;(handler as http.RequestListener)(req, res)
	})
	// Keep-alive as autocannon uses it; the default 5 s would close idle bench connections mid-run.
	server.keepAliveTimeout = 60_000
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(port, '127.0.0.1', resolve)
	})
	servers.push(server)
}

/** A copy of the build in which some route modules are replaced (the original is never touched). */
function withModules(build: ServerBuild, modules: Record<string, Record<string, unknown>>): ServerBuild {
	const routes = { ...build.routes }
	for (const [id, module] of Object.entries(modules)) {
		const route = routes[id]
		if (!route) throw new Error(`No route ${id} in the build`)
		routes[id] = { ...route, module: module as never }
	}
	return { ...build, routes }
}

async function start({ ports, lessonPath, cookie }: { ports: LadderPorts; lessonPath: string; cookie: string }) {
	const real = (await import(path.join(buildDir, 'server/index.js'))) as ServerBuild
	const app = (build?: ServerBuild) => createHttpApp({ env, mode: { kind: 'production', buildDir, build } })

	// L4 first: it renders the page whose bytes L0 and L1 serve.
	await listen(await app(), ports.L4)
	const response = await fetch(`http://127.0.0.1:${ports.L4}${lessonPath}`, { headers: { cookie } })
	if (response.status !== 200) throw new Error(`The lesson page answered ${response.status}, not 200`)
	const bytes = Buffer.from(await response.arrayBuffer())
	const contentType = response.headers.get('content-type') ?? 'text/html; charset=utf-8'

	await listen((_req: http.IncomingMessage, res: http.ServerResponse) => {
		res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': bytes.length })
		res.end(bytes)
	}, ports.L0)

	// L1: the lesson route as a resource route (a loader and no component) returning the same bytes.
	await listen(
		await app(
			withModules(real, {
				[LESSON_ROUTE]: {
					loader: () =>
						new Response(bytes, { headers: { 'Content-Type': contentType, 'Content-Length': String(bytes.length) } }),
				},
			}),
		),
		ports.L1,
	)

	// The loaders' real results for this page, captured once, to be handed back on every request.
	const rootModule = real.routes.root!.module
	const lessonModule = real.routes[LESSON_ROUTE]!.module
	const url = new URL(lessonPath, `http://127.0.0.1:${ports.L4}`)
	const [, , courseSlug, lessonId] = url.pathname.split('/')
	const loaderArgs = (request: Request, params: Record<string, string>) => ({
		request,
		params,
		context: { clientIp: '127.0.0.1', cspNonce: 'bench', requestId: 'bench' } satisfies AppLoadContext,
		unstable_pattern: '',
	})
	const request = () => new Request(url, { headers: { cookie } })
	type Loader = (args: unknown) => Promise<unknown>
	const rootData = await (rootModule.loader as Loader)(loaderArgs(request(), {}))
	const lessonData = await (lessonModule.loader as Loader)(
		loaderArgs(request(), { courseSlug: courseSlug!, lessonId: lessonId! }),
	)

	// L2: the real components rendered from that fixed data; no loader touches the database.
	await listen(
		await app(
			withModules(real, {
				root: { ...rootModule, loader: async () => rootData },
				[LESSON_ROUTE]: { ...lessonModule, loader: async () => lessonData },
			}),
		),
		ports.L2,
	)

	// L3: the same, with the session validated as the real loaders do (one query, cached per request).
	await listen(
		await app(
			withModules(real, {
				root: {
					...rootModule,
					loader: async ({ request }: { request: Request }) => {
						await getOptionalUser(request)
						return rootData
					},
				},
				[LESSON_ROUTE]: {
					...lessonModule,
					loader: async ({ request }: { request: Request }) => {
						await requireUser(request)
						return lessonData
					},
				},
			}),
		),
		ports.L3,
	)
	return bytes.length
}

async function handle(message: ServerRequest): Promise<unknown> {
	switch (message.type) {
		case 'start':
			return start(message)
		case 'start-app':
			// Only the real app (L4), for `npm run bench -- --scale`.
			await listen(await createHttpApp({ env, mode: { kind: 'production', buildDir } }), message.ports.L4)
			return 0
		case 'rss':
			return process.memoryUsage().rss
		case 'gc': {
			globalThis.gc?.()
			const { rss, heapUsed } = process.memoryUsage()
			return { rss, heapUsed }
		}
		case 'idle':
			// A closed connection does not stop its handler: also wait for the queries to stop.
			while (active > 0 || Date.now() - lastQueryAt < 500) await new Promise((resolve) => setTimeout(resolve, 50))
			return 0
		case 'count-start':
			queries = 0
			counting = true
			return 0
		case 'count-stop':
			counting = false
			return queries
		case 'cpu-start':
			cpuWindow = { usage: process.cpuUsage(), answered, at: performance.now() }
			return 0
		case 'cpu-stop': {
			if (!cpuWindow) throw new Error('cpu-stop without cpu-start')
			const { user, system } = process.cpuUsage(cpuWindow.usage)
			const window: CpuWindow = {
				cpuMs: (user + system) / 1000,
				userMs: user / 1000,
				systemMs: system / 1000,
				requests: answered - cpuWindow.answered,
				seconds: (performance.now() - cpuWindow.at) / 1000,
			}
			cpuWindow = null
			return window
		}
		case 'stop':
			await Promise.all(
				servers.map((s) => {
					const closed = new Promise((resolve) => s.close(resolve))
					s.closeAllConnections()
					return closed
				}),
			)
			await prisma.$disconnect()
			setImmediate(() => process.exit(0))
			return 0
	}
}

process.on('message', (message: ServerRequest) => {
	handle(message).then(
		(value) => process.send!({ id: message.id, value }),
		(error: unknown) => process.send!({ id: message.id, error: error instanceof Error ? error.stack : String(error) }),
	)
})
// The parent is gone (finished, or stopped with Ctrl-C): stop too, rather than hold the ports.
process.on('disconnect', () => process.exit(0))
process.send!({ id: 0, value: 'ready' })
