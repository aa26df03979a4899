/**
 * The server the browser tests run against: the production build, served by scripts/start.ts, on a
 * fresh database with the demo content. With DATABASE_URL set, a fresh `circle_e2e` database is
 * made on that server; otherwise a fresh embedded PostgreSQL under tests/.tmp.
 */
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'

const root = path.resolve(import.meta.dirname, '../..')
const port = process.env.E2E_PORT ?? '3999'

if (process.env.DATABASE_URL) {
	const url = new URL(process.env.DATABASE_URL)
	const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
	await admin.connect()
	await admin.query('DROP DATABASE IF EXISTS circle_e2e WITH (FORCE)')
	await admin.query('CREATE DATABASE circle_e2e')
	await admin.end()
	url.pathname = '/circle_e2e'
	process.env.DATABASE_URL = url.toString()
} else {
	const dir = path.join(root, 'tests/.tmp/e2e-postgres')
	fs.rmSync(dir, { recursive: true, force: true })
	process.env.EMBEDDED_PG_DIR = dir
	// 54331 for the default E2E_PORT of 3999, so parallel runs on other ports don't collide.
	process.env.EMBEDDED_PG_PORT = String(Number(port) + 50332)
}
Object.assign(process.env, {
	NODE_ENV: 'test',
	PORT: port,
	APP_URL: `http://localhost:${port}`,
	SEED_DEMO: 'true',
	RUN_WORKER: 'true',
	// One process, as before the cluster: the suite's timings and its one embedded database stay as they were.
	WEB_CONCURRENCY: '1',
})
delete process.env.SMTP_URL
await import('../../scripts/start.ts')
