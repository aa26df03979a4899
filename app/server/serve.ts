import type { Server } from 'node:http'
import type { Env } from '#modules/env/env.ts'
import { createHttpApp } from './express.ts'
import type { Lifecycle } from './health.ts'
import { giveMemoryBackWhenIdle } from './idle-memory.ts'

type Options = {
	env: Env
	mode: Parameters<typeof createHttpApp>[0]['mode']
	port: number
	/** Production only: ms without a request before V8 may give memory back (idle-memory.ts). */
	idleMs?: number
}

/**
 * Serves Circle's HTTP app on `port` (under the cluster, the port all workers share), and returns
 * `drain`, which shuts it down gracefully: readiness answers 503 from that moment, no connection is
 * accepted, connections with no request in progress are closed, and requests in progress finish
 * (each answer closes its connection). After `graceMs` the connections left are cut, and `drain`
 * resolves false; true when everything finished in time.
 *
 * In production, the heap the process grew into under load is given back once it has been idle a
 * while (`idleMemory`, ./idle-memory.ts, ADR 0058): every HTTP worker, and `npm start`'s single
 * process with WEB_CONCURRENCY=1, serves through here.
 */
export async function serveHttp({ env, mode, port, idleMs }: Options) {
	const lifecycle: Lifecycle = { draining: false }
	const app = await createHttpApp({ env, mode, lifecycle })
	const server: Server = await new Promise((resolve, reject) => {
		const s = app.listen(port, () => resolve(s))
		s.once('error', reject)
	})
	const idleMemory = mode.kind === 'production' ? giveMemoryBackWhenIdle(server, { idleMs }) : undefined
	let drained: Promise<boolean> | undefined
	const drain = ({ graceMs }: { graceMs: number }) =>
		(drained ??= new Promise<boolean>((resolve) => {
			lifecycle.draining = true
			// A connection whose request has just been answered is idle: close it rather than wait for
			// the client's keep-alive to end (Node closes those idle at close() only once).
			const sweep = setInterval(() => server.closeIdleConnections(), 100)
			let cut: NodeJS.Timeout | undefined = undefined
			const done = (inTime: boolean) => {
				clearInterval(sweep)
				clearTimeout(cut)
				resolve(inTime)
			}
			cut = setTimeout(() => {
				server.closeAllConnections()
				done(false)
			}, graceMs)
			server.close(() => done(true))
		}))
	return { server, lifecycle, drain, idleMemory }
}
