import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { findBinary, handOver, keepRecentLines, spawnAsServer, stopChild, waitForPort } from './processes.ts'

export const PGBOUNCER_INSTALL = 'apt-get install -y pgbouncer'

export type PgBouncerOptions = {
	/** Where the ini and userlist are written (created if missing). */
	dir: string
	/** Where PgBouncer listens, on 127.0.0.1. */
	port: number
	/** The PostgreSQL server behind it. Every database name is passed through (`* =`). */
	upstream: { host: string; port: number; user?: string; password?: string }
	/** Circle runs in transaction mode (ADR 0048); session mode is there for comparisons. */
	poolMode?: 'transaction' | 'session'
	maxClientConn?: number
	/** Server connections per database and user. */
	defaultPoolSize?: number
	/** Called with each line PgBouncer logs (the last few are kept for errors either way). */
	log?: (line: string) => void
}

/** The server, user and password of a PostgreSQL URL, as `upstream` takes them. */
export function upstreamOf(url: URL): PgBouncerOptions['upstream'] {
	return {
		host: url.hostname,
		port: Number(url.port || 5432),
		user: decodeURIComponent(url.username),
		password: decodeURIComponent(url.password),
	}
}

export type RunningPgBouncer = {
	port: number
	/** A connection URL for `db` through PgBouncer, with the upstream user and password. */
	url: (db: string) => string
	/** The admin console (`SHOW POOLS`, `RECONNECT`, `PAUSE`…): the `pgbouncer` database. */
	adminUrl: string
	stop: () => Promise<void>
	/** Stops PgBouncer (SIGTERM: every connection closed at once) and starts it again on the same port. */
	restart: () => Promise<void>
	/**
	 * Sends every database to another PostgreSQL server: rewrites the ini and tells PgBouncer to
	 * `RELOAD` it through the admin console. Server connections to the old address are dropped; the
	 * clients stay connected to PgBouncer and get server connections to the new one.
	 */
	retarget: (upstream: { host: string; port: number }) => Promise<void>
	/** The PgBouncer process now running (a new one after restart). */
	pid: () => number | undefined
}

/**
 * Starts PgBouncer from the operating system's package in the foreground, as a child process, in
 * front of `upstream`, and resolves once it accepts connections. The ini and userlist are written
 * into `dir`. Clients authenticate to PgBouncer with the upstream user and password (SCRAM), and
 * PgBouncer logs in to PostgreSQL with the same (trust when no password is given). That user may also
 * use the admin console. Throws with the install line when the binary is missing.
 */
export async function startPgBouncer({
	dir,
	port,
	upstream,
	poolMode = 'transaction',
	maxClientConn = 500,
	defaultPoolSize = 20,
	log,
}: PgBouncerOptions): Promise<RunningPgBouncer> {
	const binary = findBinary('pgbouncer')
	if (!binary) {
		throw new Error(
			`PgBouncer is not installed (no pgbouncer binary on PATH or in /usr/sbin). Install it: ${PGBOUNCER_INSTALL}`,
		)
	}
	const user = upstream.user ?? 'postgres'
	fs.mkdirSync(dir, { recursive: true })
	const ini = path.join(dir, 'pgbouncer.ini')
	const userlist = path.join(dir, 'userlist.txt')
	const quote = (s: string) => `"${s.replace(/"/g, '""')}"`
	fs.writeFileSync(userlist, `${quote(user)} ${quote(upstream.password ?? '')}\n`, { mode: 0o600 })
	const writeIni = (target: { host: string; port: number }) =>
		fs.writeFileSync(
			ini,
			[
				'[databases]',
				// Any database name goes to the same-named database upstream (tests make one per worker).
				`* = host=${target.host} port=${target.port}`,
				'',
				'[pgbouncer]',
				'listen_addr = 127.0.0.1',
				`listen_port = ${port}`,
				// No Unix socket: two PgBouncers on one machine would fight over /tmp/.s.PGSQL.<port>.
				'unix_socket_dir =',
				`auth_type = ${upstream.password ? 'scram-sha-256' : 'trust'}`,
				`auth_file = ${userlist}`,
				`admin_users = ${user}`,
				`stats_users = ${user}`,
				`pool_mode = ${poolMode}`,
				`max_client_conn = ${maxClientConn}`,
				`default_pool_size = ${defaultPoolSize}`,
				// JDBC-style clients send it; harmless to accept and ignore.
				'ignore_startup_parameters = extra_float_digits',
				// One line per connection would drown everything else: pooled clients come and go all the time.
				'log_connections = 0',
				'log_disconnections = 0',
				// After a failed login to the server (it restarting, a failover), try again after 1 s, not 15.
				'server_login_retry = 1',
				'',
			].join('\n'),
		)
	writeIni(upstream)
	handOver(dir)
	const credentials = `${encodeURIComponent(user)}${upstream.password ? `:${encodeURIComponent(upstream.password)}` : ''}`
	const url = (db: string) => `postgresql://${credentials}@127.0.0.1:${port}/${encodeURIComponent(db)}`

	const launch = async () => {
		const child = spawnAsServer(binary, [ini], { stdio: ['ignore', 'pipe', 'pipe'] })
		const recent = keepRecentLines(child, log)
		try {
			await waitForPort(port, { child, what: 'PgBouncer' })
		} catch (error) {
			await stopChild(child, { signal: 'SIGKILL' })
			throw new Error(`${(error as Error).message}. PgBouncer said:\n${recent.join('\n')}`)
		}
		return child
	}
	let child = await launch()
	// SIGTERM: PgBouncer closes every connection and exits at once.
	const stop = () => stopChild(child, { signal: 'SIGTERM' })
	// Two callers restarting at once get one restart. Each used to stop the same process and launch
	// its own: the first new PgBouncer took the port, the second exited (port in use) and was the one
	// remembered, so the first was never stopped (a PgBouncer left running after every test run).
	let restarting: Promise<void> | null = null
	return {
		port,
		url,
		adminUrl: url('pgbouncer'),
		stop,
		restart: () =>
			(restarting ??= (async () => {
				try {
					await stop()
					child = await launch()
				} finally {
					restarting = null
				}
			})()),
		retarget: async (target) => {
			writeIni(target)
			handOver(ini)
			const admin = new pg.Client({ connectionString: url('pgbouncer') })
			await admin.connect()
			try {
				await admin.query('RELOAD')
			} finally {
				await admin.end()
			}
		},
		pid: () => child.pid,
	}
}
