import type { Server } from 'node:http'
import v8 from 'node:v8'

/** How long an HTTP process goes without a request before it lets V8 give memory back. */
export const IDLE_BEFORE_GIVING_MEMORY_BACK_MS = 10_000

/**
 * Lets V8 hand the memory its heap grew into under load back to the system once `server` has had no
 * request for `idleMs` (issue 18: an HTTP worker back within 10% of its idle memory a minute after a
 * load run; ADR 0058).
 *
 * After a load run the heap stays committed but nearly empty (heapUsed back at its idle figure,
 * heapTotal two to three times it). V8's memory reducer, which compacts the old generation and
 * shrinks the young one, looks every 8 s but acts only once the allocation-rate samples of the load
 * have aged out of its average, 40-100 s later. It acts at its next look, though, when V8 is set to
 * optimise for size: so that flag (`--optimize-for-size`) is set at run time while no request comes,
 * and the next request clears it. Requests never run with it (set for good, it halves the requests a
 * worker serves, docs/performance.md); a busy server pays a counter increment per request. The
 * reducer does nothing unless the heap grew since it last ran, so an idle worker that served nothing
 * is not disturbed.
 *
 * Returns whether the flag is set now (`giving`) and `stop` (also run when the server closes).
 */
export function giveMemoryBackWhenIdle(server: Server, { idleMs = IDLE_BEFORE_GIVING_MEMORY_BACK_MS } = {}) {
	let requests = 0
	let seen = 0
	let quietSince = Date.now()
	let giving = false
	const set = (on: boolean) => {
		giving = on
		v8.setFlagsFromString(on ? '--optimize-for-size' : '--no-optimize-for-size')
	}
	const onRequest = () => {
		requests++
		if (giving) set(false)
	}
	server.on('request', onRequest)
	// A counter read a few times per idle period: cheaper per request than resetting a timer.
	const check = setInterval(
		() => {
			const now = Date.now()
			if (requests !== seen) {
				seen = requests
				quietSince = now
			} else if (!giving && now - quietSince >= idleMs) set(true)
		},
		Math.max(25, idleMs / 4),
	)
	check.unref()
	const stop = () => {
		clearInterval(check)
		server.off('request', onRequest)
		if (giving) set(false)
	}
	server.once('close', stop)
	return { giving: () => giving, stop }
}
