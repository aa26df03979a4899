// Heavy reads on a streaming replica (ADR 0049). The replica is used only through readDb(): a
// route asks for the read client once and passes it to the module functions that take `db`.
// Everything else, and every write, stays on `prisma` (the primary).
import { isRealDeployment, parseEnv } from '#modules/env/env.ts'
import { createPrismaClient, type Prisma, prisma } from './client.ts'
import { CONNECTION_LOST, type ErrorPattern, errorMatches } from './connection-errors.ts'
import { selectReplayState, selectWalLsn } from './sql.ts'

type Client = typeof prisma
type ReadMethod =
	'findMany' | 'findFirst' | 'findFirstOrThrow' | 'findUnique' | 'findUniqueOrThrow' | 'count' | 'aggregate' | 'groupBy'
type ModelKey = Uncapitalize<Prisma.ModelName>

/**
 * What a heavy read may use: the models' read methods and $queryRaw. No create, update, delete,
 * $executeRaw or $transaction, so a write through the replica's client does not compile (and a
 * standby refuses one anyway). `prisma` and a transaction client are both a ReadDb.
 */
export type ReadDb = { readonly [M in ModelKey]: Pick<Client[M], ReadMethod & keyof Client[M]> } & Pick<
	Client,
	'$queryRaw'
>

/** The cookie that carries the primary's WAL position after a person's write (read-your-writes). */
export const WRITE_FENCE_COOKIE = 'circle-wal'
/** How often, at most, each process asks the replica how far it has replayed. */
export const REPLICA_CHECK_INTERVAL_MS = 1000
const CHECK_TIMEOUT_MS = 3000
const SAFE_METHODS = new Set(['GET', 'HEAD'])
const READ_METHODS: ReadonlySet<string> = new Set<ReadMethod>([
	'findMany',
	'findFirst',
	'findFirstOrThrow',
	'findUnique',
	'findUniqueOrThrow',
	'count',
	'aggregate',
	'groupBy',
])

export type ReplicaStatus = 'unknown' | 'in-sync' | 'lagging' | 'down'

type Replica = {
	client: Client
	reader: ReadDb
	maxLagMs: number
	status: ReplicaStatus
	/** The replay position at the last check (null until one succeeded). */
	replayLsn: bigint | null
	/** The primary's WAL positions seen at checks that the replica had not replayed at the last check. */
	behind: Array<{ lsn: bigint; at: number }>
	first: Promise<void> | null
	timer: NodeJS.Timeout | null
	closed: boolean
}

const shared = globalThis as unknown as { circleReplica?: Replica | null }

/** Parses a pg_lsn (`16/B374D848`) into a number that compares as WAL positions do. */
export function parseLsn(lsn: string): bigint {
	const [high, low] = lsn.split('/')
	if (high === undefined || low === undefined) throw new Error(`Not a WAL position: ${lsn}`)
	return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`)
}

function replica(): Replica | null {
	if (shared.circleReplica !== undefined) return shared.circleReplica
	const env = parseEnv()
	if (!env.DATABASE_REPLICA_URL) return (shared.circleReplica = null)
	const client = createPrismaClient({
		url: env.DATABASE_REPLICA_URL,
		poolSize: env.DATABASE_POOL_SIZE,
		// A replica that does not answer must not hold a request for long: the read falls back.
		connectionTimeoutMillis: CHECK_TIMEOUT_MS,
		// Nor wait for the replica to come back: the primary answers at once.
		reconnectWithinMs: 0,
		label: 'db replica',
	})
	const state: Replica = {
		client,
		reader: prisma,
		maxLagMs: env.REPLICA_MAX_LAG_SECONDS * 1000,
		status: 'unknown',
		replayLsn: null,
		behind: [],
		first: null,
		timer: null,
		closed: false,
	}
	state.reader = withFallback(state)
	return (shared.circleReplica = state)
}

function transition(state: Replica, status: ReplicaStatus, why: string) {
	if (state.status === status) return
	const was = state.status
	state.status = status
	// Logged once per change, not per request: a replica that stays down says so once.
	if (status === 'in-sync') {
		if (was !== 'unknown') console.info(`[db replica] ${why}: heavy reads go to the replica again`)
	} else {
		console.warn(`[db replica] ${why}: heavy reads go to the primary`)
	}
}

function timeout<T>(promise: Promise<T>, ms: number) {
	let timer: NodeJS.Timeout | undefined
	return Promise.race([
		promise,
		new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
		}),
	]).finally(() => clearTimeout(timer))
}

/**
 * One health check: the primary's WAL position and the replica's replay position, side by side.
 * The lag is how long ago the primary was first seen at a position the replica has not replayed,
 * measured with this process's clock: an idle primary writes no WAL, so an idle replica is never
 * "behind" (the time since its last replayed transaction would grow without end there).
 */
async function check(state: Replica) {
	const at = Date.now()
	try {
		// Only the replica's answer has a time limit: a slow primary slows every request anyway.
		const [primaryLsn, standby] = await Promise.all([
			selectWalLsn(prisma),
			timeout(selectReplayState(state.client), CHECK_TIMEOUT_MS),
		])
		if (!standby.inRecovery || standby.replayLsn === null) {
			state.replayLsn = null
			return transition(state, 'down', 'the replica is not a standby (promoted, or not a replica at all)')
		}
		const replayed = parseLsn(standby.replayLsn)
		state.replayLsn = replayed
		state.behind.push({ lsn: parseLsn(primaryLsn), at })
		state.behind = state.behind.filter((sample) => sample.lsn > replayed)
		// Paused for hours: only the oldest sample matters, so the list stays short.
		if (state.behind.length > 100) state.behind.splice(1, state.behind.length - 100)
		const lagMs = state.behind.length > 0 ? at - state.behind[0]!.at : 0
		if (lagMs > state.maxLagMs) {
			transition(state, 'lagging', `the replica is ${Math.round(lagMs / 1000)} s behind the primary`)
		} else {
			transition(state, 'in-sync', 'the replica has caught up')
		}
	} catch (error) {
		state.behind = []
		transition(state, 'down', `the replica cannot be reached (${describe(error)})`)
	}
}

function schedule(state: Replica) {
	if (state.closed) return
	state.timer = setTimeout(() => void check(state).finally(() => schedule(state)), REPLICA_CHECK_INTERVAL_MS)
	// The checks never keep a script or a test process alive.
	state.timer.unref()
}

function started(state: Replica) {
	state.first ??= check(state).finally(() => schedule(state))
	return state.first
}

/**
 * The client for a heavy read made for `request`: the replica's when one is configured, it is
 * reachable and no further behind than REPLICA_MAX_LAG_SECONDS, and it has replayed the person's
 * own last write (the write-fence cookie, see writeFenceCookie); otherwise the primary. A request
 * that may write (not GET or HEAD) always reads the primary. The replica's health is checked at
 * most once a second per process, not per request; if a statement on the replica fails because
 * the replica went away, that statement is run again on the primary, so a reader never sees a 500
 * for it.
 */
export async function readDb(request?: Request): Promise<ReadDb> {
	const state = replica()
	if (!state) return prisma
	if (request && !SAFE_METHODS.has(request.method.toUpperCase())) return prisma
	await started(state)
	if (state.status !== 'in-sync') return prisma
	const fence = request ? writeFenceOf(request) : null
	if (fence !== null && (state.replayLsn === null || state.replayLsn < fence)) return prisma
	return state.reader
}

/** The WAL position in the request's write-fence cookie, if it has a valid one. */
export function writeFenceOf(request: Request): bigint | null {
	const header = request.headers.get('Cookie')
	if (!header) return null
	for (const part of header.split(';')) {
		const [name, value] = part.trim().split('=')
		if (name !== WRITE_FENCE_COOKIE || !value) continue
		if (!/^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i.test(value)) return null
		return parseLsn(value)
	}
	return null
}

/**
 * The Set-Cookie value that sends the person's next reads to the primary until the replica has
 * replayed what they just wrote: the primary's WAL position now, after their request's writes
 * committed. Null when no replica is configured or the request could not have written (GET, HEAD).
 * It lives a minute beyond REPLICA_MAX_LAG_SECONDS: a replica further behind than that is not read
 * by anyone, so an older fence could never send a read elsewhere than the lag check already does.
 */
export async function writeFenceCookie(request: Request): Promise<string | null> {
	const state = replica()
	if (!state || SAFE_METHODS.has(request.method.toUpperCase())) return null
	let lsn: string
	try {
		lsn = await selectWalLsn(prisma)
	} catch {
		// The write itself went through; without a position, the person's next reads may be a
		// moment stale, which is better than turning a saved change into an error.
		return null
	}
	const secure = isRealDeployment(parseEnv()) ? '; Secure' : ''
	return `${WRITE_FENCE_COOKIE}=${lsn}; Path=/; Max-Age=${state.maxLagMs / 1000 + 60}; HttpOnly; SameSite=Lax${secure}`
}

/** The replica's last known state (for health endpoints and tests). */
export function replicaStatus(): { configured: boolean; status: ReplicaStatus; replayLsn: bigint | null } {
	const state = replica()
	return { configured: state !== null, status: state?.status ?? 'unknown', replayLsn: state?.replayLsn ?? null }
}

/** Runs a health check now rather than at the next tick (tests, and a health endpoint that must be fresh). */
export async function checkReplica() {
	const state = replica()
	if (state) await started(state).then(() => check(state))
}

/** Closes the replica's pool and forgets it; the next readDb() reads the environment again. */
export async function closeReplica() {
	const state = shared.circleReplica
	shared.circleReplica = undefined
	if (!state) return
	state.closed = true
	if (state.timer) clearTimeout(state.timer)
	await state.client.$disconnect()
}

// What the primary's client rides out (connection-errors.ts), and two failures only a standby has.
const REPLICA_UNAVAILABLE: ErrorPattern = {
	codes: new Set([
		...CONNECTION_LOST.codes,
		// A long read cancelled because replay needed its rows (a recovery conflict): the primary has none.
		'40001',
	]),
	// The replica is full; the primary has its own connections.
	kinds: new Set([...CONNECTION_LOST.kinds, 'TooManyConnections']),
	message: new RegExp(
		`${CONNECTION_LOST.message.source}|timeout exceeded when trying to connect|conflict with recovery`,
		'i',
	),
}

/** Whether `error` says the replica could not answer (as opposed to a mistake in the query). */
export function isReplicaUnavailable(error: unknown): boolean {
	return errorMatches(error, REPLICA_UNAVAILABLE)
}

function describe(error: unknown) {
	const text = error instanceof Error ? error.message : String(error)
	return (
		text
			.split('\n')
			.find((line) => line.trim())
			?.trim() ?? 'unknown error'
	)
}

/**
 * The replica's client as a ReadDb whose every statement, should the replica be unreachable, is
 * run again on the primary (reads are safe to repeat) and marks the replica down until the next
 * health check finds it again.
 */
function withFallback(state: Replica): ReadDb {
	const fallback = <A extends unknown[], R>(
		onReplica: (...args: A) => PromiseLike<R>,
		onPrimary: (...args: A) => PromiseLike<R>,
	) =>
		async function read(...args: A): Promise<R> {
			try {
				return await onReplica(...args)
			} catch (error) {
				if (!isReplicaUnavailable(error)) throw error
				state.behind = []
				transition(state, 'down', `a read failed on the replica (${describe(error)})`)
				return onPrimary(...args)
			}
		}
	type Fn = (...args: unknown[]) => PromiseLike<unknown>
	const replicaClient = state.client as unknown as Record<string, Record<string, Fn> | Fn>
	const primaryClient = prisma as unknown as Record<string, Record<string, Fn> | Fn>
	const models = new Map<string, unknown>()
	const raw = '$queryRaw'
	return new Proxy({} as ReadDb, {
		get(_, key) {
			if (typeof key !== 'string') return undefined
			if (key === raw) {
				return fallback(
					(...args: unknown[]) => (replicaClient[raw] as Fn).apply(state.client, args),
					(...args: unknown[]) => (primaryClient[raw] as Fn).apply(prisma, args),
				)
			}
			const delegate = replicaClient[key]
			if (!delegate || typeof delegate !== 'object') return undefined
			if (!models.has(key)) {
				const onPrimary = primaryClient[key] as Record<string, Fn>
				const methods = new Map<string, Fn>()
				models.set(
					key,
					new Proxy(
						{},
						{
							get(__, method) {
								// Only the read methods exist here, at run time as in the type.
								if (typeof method !== 'string' || !READ_METHODS.has(method)) return undefined
								if (!methods.has(method)) {
									methods.set(
										method,
										fallback(
											(...args: unknown[]) => delegate[method]!(...args),
											(...args: unknown[]) => onPrimary[method]!(...args),
										),
									)
								}
								return methods.get(method)
							},
						},
					),
				)
			}
			return models.get(key)
		},
	})
}

/** Whether `db` is the replica's client (tests prove where a read went). */
export function isReplicaClient(db: ReadDb) {
	const state = shared.circleReplica
	return !!state && db === state.reader
}
