import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'

const root = path.resolve(import.meta.dirname, '../..')
const SLOT_PREFIX = 'circle_test_replica_'

export type TestReplica = {
	/** The replica's address for the same database as `primaryUrl`. */
	url: string
	port: number
	/** Stops replaying WAL (pg_wal_replay_pause): the replica falls behind as the primary writes. */
	pauseReplay: () => Promise<void>
	resumeReplay: () => Promise<void>
	/** Resolves once the replica has replayed everything the primary has written so far. */
	caughtUp: () => Promise<void>
	/**
	 * Stops the replica's server (it can be started again with start()): a fast shutdown (SIGINT, as
	 * `pg_ctl stop -m fast`), or an immediate one (SIGQUIT, `-m immediate`: connections cut at once).
	 */
	stop: (mode?: 'fast' | 'immediate') => Promise<void>
	start: () => Promise<void>
	/** Stops it for good: its server, its data directory and its replication slot. */
	destroy: () => Promise<void>
}

/**
 * A real streaming replica of the test PostgreSQL (tests/setup/database-server.ts), on a free port,
 * for the database of `primaryUrl`. PostgreSQL's own base backup, made with its low-level API
 * (pg_backup_start, a copy of the data directory, pg_backup_stop's backup_label), and streaming
 * replication through a physical slot: the same thing pg_basebackup does. pg_basebackup itself is
 * not used because the only one on this machine is Debian's PostgreSQL 15, which refuses a newer
 * server, and the embedded PostgreSQL (18) ships no pg_basebackup. The replica runs the primary's
 * own `postgres` binary (from its postmaster.opts) as the primary's data directory owner.
 */
export async function startTestReplica({ primaryUrl }: { primaryUrl: string }): Promise<TestReplica> {
	const admin = new pg.Client({ connectionString: primaryUrl })
	await admin.connect()
	try {
		const dataDir = (await admin.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`)).rows[0]!.dir
		const primaryPort = Number(
			(await admin.query<{ port: string }>(`SELECT current_setting('port') AS port`)).rows[0]!.port,
		)
		const opts = path.join(dataDir, 'postmaster.opts')
		if (!fs.existsSync(opts)) {
			throw new Error(
				`The test PostgreSQL's data directory (${dataDir}) is not on this machine, so no replica can be ` +
					'copied from it: run the replica tests against the embedded test PostgreSQL (DATABASE_URL unset).',
			)
		}
		const postgresBin = /^"?([^"\s]+)"?/.exec(fs.readFileSync(opts, 'utf8'))![1]!
		const owner = fs.statSync(dataDir)
		await dropAbandonedSlots(admin)

		const slot = `${SLOT_PREFIX}${process.pid}`
		const replicaDir = path.join(root, 'tests/.tmp', `replica-${process.pid}`)
		fs.rmSync(replicaDir, { recursive: true, force: true })
		// The slot keeps every WAL segment from here on until the replica has streamed it.
		await admin.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [
			slot,
		])
		await admin.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slot])
		await admin.query(`SELECT pg_backup_start('circle test replica', true)`)
		copyDataDirectory(dataDir, replicaDir)
		const stopped = await admin.query<{ labelfile: string; spcmapfile: string | null }>(
			`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`,
		)
		const { labelfile, spcmapfile } = stopped.rows[0]!
		fs.writeFileSync(path.join(replicaDir, 'backup_label'), labelfile)
		if (spcmapfile) fs.writeFileSync(path.join(replicaDir, 'tablespace_map'), spcmapfile)
		fs.writeFileSync(path.join(replicaDir, 'standby.signal'), '')
		const { username: user, password } = new URL(primaryUrl)
		fs.appendFileSync(
			path.join(replicaDir, 'postgresql.auto.conf'),
			[
				`primary_conninfo = 'host=localhost port=${primaryPort} user=${decodeURIComponent(user)} password=${decodeURIComponent(password)} application_name=${slot}'`,
				`primary_slot_name = '${slot}'`,
				`hot_standby = on`,
				// Replies often, so the tests' waits are short.
				`wal_receiver_status_interval = 1s`,
				'',
			].join('\n'),
		)
		chownRecursive(replicaDir, owner.uid, owner.gid)
		fs.chmodSync(replicaDir, 0o700)

		const port = await freePort()
		const url = new URL(primaryUrl)
		url.port = String(port)
		const log = path.join(path.dirname(replicaDir), `replica-${process.pid}.log`)
		let child: ChildProcess | null = null

		const start = async () => {
			if (child && child.exitCode === null) return
			const out = fs.openSync(log, 'a')
			fs.chownSync(log, owner.uid, owner.gid)
			child = spawn(postgresBin, ['-D', replicaDir, '-p', String(port), '-k', '/tmp'], {
				stdio: ['ignore', out, out],
				uid: owner.uid,
				gid: owner.gid,
			})
			fs.closeSync(out)
			const exited = new Promise<never>((_, reject) =>
				child!.once('exit', (code) => reject(new Error(`The test replica exited (${code}): ${tail(log)}`))),
			)
			exited.catch(() => {})
			await Promise.race([waitForStandby(url.toString()), exited])
		}
		const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
			const running = child
			child = null
			if (!running || running.exitCode !== null) return
			const exited = new Promise((resolve) => running.once('exit', resolve))
			running.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT')
			await exited
		}
		const onReplica = async <T>(sql: string) => {
			const client = new pg.Client({ connectionString: url.toString() })
			await client.connect()
			try {
				return (await client.query(sql)).rows as T[]
			} finally {
				await client.end()
			}
		}

		await start().catch(async (error) => {
			await stop()
			throw error
		})
		return {
			url: url.toString(),
			port,
			start,
			stop,
			pauseReplay: async () => void (await onReplica('SELECT pg_wal_replay_pause()')),
			resumeReplay: async () => void (await onReplica('SELECT pg_wal_replay_resume()')),
			caughtUp: async () => {
				const target = await withClient(primaryUrl, (c) =>
					c.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn').then((r) => r.rows[0]!.lsn),
				)
				for (const started = Date.now(); Date.now() - started < 30_000;) {
					const [row] = await onReplica<{ done: boolean }>(
						`SELECT pg_last_wal_replay_lsn() >= '${target}'::pg_lsn AS done`,
					)
					if (row?.done) return
					await new Promise((resolve) => setTimeout(resolve, 50))
				}
				throw new Error('The test replica did not catch up within 30 s')
			},
			destroy: async () => {
				await stop()
				await withClient(primaryUrl, (c) =>
					c.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [slot]),
				).catch(() => {})
				fs.rmSync(replicaDir, { recursive: true, force: true })
				fs.rmSync(log, { force: true })
			},
		}
	} finally {
		await admin.end()
	}
}

// What a base backup leaves out (PostgreSQL's "Making a Base Backup Using the Low Level API"): the
// running server's files, WAL (the replica streams what it needs through its slot) and the
// contents of directories the server rebuilds at start. Their directories themselves are kept.
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'standby.signal'])
const EMPTY_DIRS = new Set([
	'pg_wal',
	'pg_replslot',
	'pg_dynshmem',
	'pg_notify',
	'pg_serial',
	'pg_snapshots',
	'pg_stat_tmp',
	'pg_subtrans',
])

function copyDataDirectory(from: string, to: string) {
	fs.mkdirSync(to, { recursive: true, mode: 0o700 })
	for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
		if (SKIP_FILES.has(entry.name) || entry.name.startsWith('pgsql_tmp')) continue
		const source = path.join(from, entry.name)
		const target = path.join(to, entry.name)
		if (entry.isDirectory()) {
			if (EMPTY_DIRS.has(entry.name)) {
				fs.mkdirSync(target, { mode: 0o700 })
				if (entry.name === 'pg_wal') {
					fs.mkdirSync(path.join(target, 'archive_status'))
					fs.mkdirSync(path.join(target, 'summaries'))
				}
			} else {
				copyDirectory(source, target)
			}
		} else if (entry.isFile()) {
			copyFile(source, target)
		}
	}
}

function copyDirectory(from: string, to: string) {
	fs.mkdirSync(to, { recursive: true, mode: 0o700 })
	let entries: fs.Dirent[]
	try {
		entries = fs.readdirSync(from, { withFileTypes: true })
	} catch (error) {
		// A database dropped while we copy (another test run's): WAL replay removes it too.
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
		throw error
	}
	for (const entry of entries) {
		if (entry.name.startsWith('pgsql_tmp')) continue
		const source = path.join(from, entry.name)
		const target = path.join(to, entry.name)
		if (entry.isDirectory()) copyDirectory(source, target)
		else if (entry.isFile()) copyFile(source, target)
	}
}

function copyFile(from: string, to: string) {
	try {
		fs.copyFileSync(from, to)
	} catch (error) {
		// Files come and go while the server runs; replay from the backup's start recreates them.
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
	}
}

function chownRecursive(dir: string, uid: number, gid: number) {
	fs.chownSync(dir, uid, gid)
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const target = path.join(dir, entry.name)
		if (entry.isDirectory()) chownRecursive(target, uid, gid)
		else fs.chownSync(target, uid, gid)
	}
}

/** Slots left by test runs that died before dropping theirs: each would keep WAL forever. */
async function dropAbandonedSlots(admin: pg.Client) {
	const { rows } = await admin.query<{ slot_name: string }>(
		`SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE $1 AND NOT active`,
		[`${SLOT_PREFIX}%`],
	)
	for (const { slot_name } of rows) {
		const pid = Number(slot_name.slice(SLOT_PREFIX.length))
		if (pid && isAlive(pid)) continue
		await admin.query('SELECT pg_drop_replication_slot($1)', [slot_name]).catch(() => {})
	}
}

function isAlive(pid: number) {
	try {
		process.kill(pid, 0)
		return true
	} catch {
		return false
	}
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		return await fn(client)
	} finally {
		await client.end()
	}
}

async function waitForStandby(url: string) {
	let last: unknown
	for (const started = Date.now(); Date.now() - started < 60_000;) {
		try {
			const inRecovery = await withClient(url, (c) =>
				c.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r').then((r) => r.rows[0]!.r),
			)
			if (inRecovery) return
			throw new Error('the replica is not in recovery')
		} catch (error) {
			last = error
			await new Promise((resolve) => setTimeout(resolve, 200))
		}
	}
	throw new Error(`The test replica did not accept connections within 60 s: ${String(last)}`)
}

function freePort() {
	return new Promise<number>((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

function tail(file: string) {
	try {
		return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-5).join(' | ')
	} catch {
		return '(no log)'
	}
}
