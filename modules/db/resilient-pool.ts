import pg from 'pg'
import { isConnectionLost, neverReachedServer } from './connection-errors.ts'

/** How long a request waits, at most, for the database to take connections again (ADR 0056). */
export const RECONNECT_WITHIN_MS = 5_000
const FIRST_RETRY_DELAY_MS = 50
const MAX_RETRY_DELAY_MS = 1_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// A statement that only reads: what Prisma sends for find*, count, aggregate and groupBy, and a
// $queryRaw that selects. Conservative on purpose: anything naming a write, a lock or a function
// with an effect counts as a write, and a write is never sent twice on a guess.
const READ_START = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(?:SELECT|WITH)\b/i
const WRITE_WORD =
	/\b(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|CALL|DO|LOCK|NOTIFY|nextval|setval|set_config|pg_advisory\w*|pg_try_advisory\w*|pg_notify|pg_terminate_backend|pg_cancel_backend)\b/i

/** Whether `sql` only reads, so that running it a second time cannot change anything. */
export function isReadOnlyStatement(sql: string) {
	return READ_START.test(sql) && !WRITE_WORD.test(sql)
}

function statementText(config: unknown): string {
	if (typeof config === 'string') return config
	if (config && typeof config === 'object' && 'text' in config && typeof config.text === 'string') return config.text
	return ''
}

/**
 * A pg pool that rides out a PgBouncer restart or a failover (ADR 0056):
 * - `connect()` (every statement and every transaction starts here) tries again, with a growing
 *   pause, for up to `reconnectWithinMs` while the database cannot be reached: nothing has been
 *   sent yet, so this is safe for anything.
 * - `query()` (a statement outside a transaction) is sent a second time, on a fresh connection,
 *   when the connection was lost before its answer and either the statement only reads or pg
 *   proves it was never sent. A write whose connection died after it was sent may have been
 *   applied: it is not sent again, and its error reaches the caller.
 * Only the promise forms are changed (what @prisma/adapter-pg uses); the callback forms are pg's.
 */
export class ResilientPool extends pg.Pool {
	readonly #reconnectWithinMs: number

	constructor(config: pg.PoolConfig & { reconnectWithinMs?: number }) {
		const { reconnectWithinMs = RECONNECT_WITHIN_MS, ...poolConfig } = config
		super(poolConfig)
		this.#reconnectWithinMs = reconnectWithinMs
	}

	override connect(): Promise<pg.PoolClient>
	override connect(
		callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
	): void
	// A callback call (pg's own pool.query, when it is used) is passed to pg unchanged.
	override connect(callback?: Parameters<pg.Pool['connect']>[0]): Promise<pg.PoolClient> | void {
		if (callback) return super.connect(callback)
		return this.#connectRetrying()
	}

	async #connectRetrying(): Promise<pg.PoolClient> {
		const deadline = Date.now() + this.#reconnectWithinMs
		for (let delay = FIRST_RETRY_DELAY_MS; ; delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS)) {
			try {
				return await super.connect()
			} catch (error) {
				// A pool that found no free connection in time is busy, not gone (isBusyError, a 429).
				if (!isConnectionLost(error) || Date.now() + delay > deadline || this.ending) throw error
				await sleep(delay)
			}
		}
	}

	// `any`: one signature that stands for all of pg's overloads. Only the promise form with text (or
	// a config object) and values is retried; a callback or a submittable goes to pg unchanged.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	override query(...args: any[]): any {
		const [config, values, callback] = args as [unknown, unknown, unknown]
		const submittable = typeof config === 'object' && config !== null && 'submit' in config
		if (typeof values === 'function' || typeof callback === 'function' || submittable || !statementText(config)) {
			return (super.query as (...a: unknown[]) => unknown).apply(this, args)
		}
		return this.#queryRetrying(config, values)
	}

	async #queryRetrying(config: unknown, values: unknown) {
		const sql = statementText(config)
		for (let attempt = 1; ; attempt++) {
			const client = await this.#connectRetrying()
			// A connection that breaks mid-statement also emits 'error' on its client: the statement's
			// own rejection carries it, and a checked-out client with no listener would end the process.
			const ignore = () => {}
			client.on('error', ignore)
			let result: unknown
			try {
				result = await (client.query as (...args: unknown[]) => Promise<unknown>).call(client, config, values)
			} catch (error) {
				// As pg's own pool.query does: a client whose statement failed is not reused. `ignore`
				// stays: a server stopping sends its FATAL to a client that is already being closed.
				client.release(error as Error)
				const again =
					attempt === 1 && isConnectionLost(error) && (neverReachedServer(error) || isReadOnlyStatement(sql))
				if (!again) throw error
				continue
			}
			client.removeListener('error', ignore)
			client.release()
			return result
		}
	}
}
