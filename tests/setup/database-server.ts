import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres } from '#modules/db/embedded.ts'
import { migrateDeploy } from '#modules/db/migrate.ts'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * Where tests get PostgreSQL: DATABASE_URL's server if set, else an embedded one under tests/.tmp.
 * Several test runs may overlap (two terminals, an editor's runner): the embedded server is shared,
 * each run registers itself in `runs/`, and the last run to finish stops the server.
 */
export async function startTestDatabaseServer({ dataDir, port }: { dataDir: string; port: number }) {
	if (process.env.DATABASE_URL) {
		return { serverUrl: process.env.DATABASE_URL, stop: async () => {} }
	}
	const dir = path.join(root, dataDir)
	const runs = path.join(path.dirname(dir), 'runs')
	fs.mkdirSync(runs, { recursive: true })
	const me = path.join(runs, String(process.pid))
	fs.writeFileSync(me, '')
	const serverUrl = `postgresql://circle:circle@localhost:${port}/postgres`
	let stopEmbedded: (() => Promise<void>) | undefined
	if (!(await canConnect(serverUrl))) {
		const embedded = await startEmbeddedPostgres({ dataDir: dir, port, database: 'postgres' }).catch(async (error) => {
			// Another run may have started it between our check and our start.
			if (await canConnect(serverUrl)) return undefined
			throw error
		})
		stopEmbedded = embedded?.stop
	}
	return {
		serverUrl,
		stop: async () => {
			fs.rmSync(me, { force: true })
			const others = fs.readdirSync(runs).filter((pid) => isAlive(Number(pid)))
			if (others.length > 0) return
			if (stopEmbedded) await stopEmbedded()
			else await stopServerAt(dir)
		},
	}
}

async function canConnect(url: string) {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
	try {
		await client.connect()
		await client.end()
		return true
	} catch {
		return false
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

/** Stops a server started by an earlier run of ours, by the pid in its data directory. */
async function stopServerAt(dataDir: string) {
	const pidFile = path.join(dataDir, 'postmaster.pid')
	if (!fs.existsSync(pidFile)) return
	const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
	if (pid && isAlive(pid)) process.kill(pid, 'SIGINT')
}

export function databaseUrl(serverUrl: string, database: string) {
	const url = new URL(serverUrl)
	url.pathname = `/${database}`
	return url.toString()
}

export async function withAdminClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>) {
	const client = new pg.Client({ connectionString: serverUrl })
	await client.connect()
	try {
		return await fn(client)
	} finally {
		await client.end()
	}
}

/** A name that changes whenever a migration changes, so a stale template is never reused. */
function migrationsFingerprint() {
	const dir = path.join(root, 'prisma/migrations')
	const hash = crypto.createHash('sha256')
	for (const name of fs.readdirSync(dir).sort()) {
		const file = path.join(dir, name, 'migration.sql')
		if (fs.existsSync(file)) hash.update(name).update(fs.readFileSync(file))
	}
	return hash.digest('hex').slice(0, 12)
}

/**
 * Makes sure a database with every migration applied exists to copy from (CREATE DATABASE …
 * TEMPLATE is a file copy: ~100 ms, against ~10 s for running migrations).
 */
export async function ensureTemplateDatabase(serverUrl: string) {
	const template = `circle_template_${migrationsFingerprint()}`
	const exists = await withAdminClient(serverUrl, async (c) => {
		const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])
		return r.rowCount === 1
	})
	if (!exists) {
		// Unique per run, so two runs building the template at once don't trip over each other.
		const building = `${template}_b${process.pid}`
		await withAdminClient(serverUrl, async (c) => {
			await c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`)
			await c.query(`CREATE DATABASE "${building}"`)
		})
		await migrateDeploy(databaseUrl(serverUrl, building))
		// Renaming after a successful migration means a half-built template is never used.
		await withAdminClient(serverUrl, async (c) => {
			try {
				await c.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`)
			} catch {
				// Another run finished its template first: use that one.
				await c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`)
			}
		})
	}
	return template
}

/** Creates (or re-creates) `database` as a copy of the template. */
export async function createDatabaseFromTemplate(serverUrl: string, template: string, database: string) {
	await withAdminClient(serverUrl, async (c) => {
		await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
		await c.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`)
	})
	return databaseUrl(serverUrl, database)
}
