import type { Server } from 'node:http'
import type { Env } from '#modules/env/env.ts'
import { createHttpApp } from './express.ts'
import type { Lifecycle } from './health.ts'

type Options = { env: Env; mode: Parameters<typeof createHttpApp>[0]['mode']; port: number }

/**
 * Serves Circle's HTTP app on `port` (under the cluster, the port all workers share), and returns
 * `drain`, which shuts it down gracefully: readiness answers 503 from that moment, no connection is
 * accepted, connections with no request in progress are closed, and requests in progress finish
 * (each answer closes its connection). After `graceMs` the connections left are cut, and `drain`
 * resolves false; true when everything finished in time.
 */
export async function serveHttp({ env, mode, port }: Options) {
	const lifecycle: Lifecycle = { draining: false }
	const app = await createHttpApp({ env, mode, lifecycle })
	const server: Server = await new Promise((resolve, reject) => {
		const s = app.listen(port, () => resolve(s))
		s.once('error', reject)
	})
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
	return { server, lifecycle, drain }
}
