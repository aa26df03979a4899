import pg from 'pg'

/**
 * A pg client that sends one query at a time. Prisma's query interpreter loads a query's relations
 * in parallel, which inside an interactive transaction (one client) means several `query()` calls
 * at once: pg queues them, but that queueing is deprecated (a warning at run time) and goes in
 * pg 9. Chaining each query on the previous one is the "external flow control" pg asks for; the
 * order and the results are what pg's own queue gave.
 */
export class SerialClient extends pg.Client {
	#tail: Promise<unknown> = Promise.resolve()

	// pg's query() has many overloads; only the promise form is chained (Prisma's adapter uses it).
	query(...args: unknown[]): never {
		const forward = () => (super.query as (...a: unknown[]) => unknown).apply(this, args)
		const callbackOrSubmittable =
			typeof args[args.length - 1] === 'function' ||
			(typeof args[0] === 'object' && args[0] !== null && 'submit' in args[0] && typeof args[0].submit === 'function')
		if (callbackOrSubmittable) return forward() as never
		const run = this.#tail.then(forward)
		this.#tail = run.catch(() => undefined)
		return run as never
	}
}
