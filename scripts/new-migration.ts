/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
 * the SQL that takes the schema as of the last migration to prisma/schema.prisma. Works offline,
 * where `prisma migrate dev` cannot (docs/decisions/0002-prisma-offline.md).
 *
 * Each migration folder keeps a snapshot of the schema it produced (schema.prisma beside
 * migration.sql): the new migration is the diff from the newest snapshot to the current schema.
 * Prisma's WebAssembly engine refuses to diff against a live database when an adapter is
 * configured, but it still wants a connection, so a scratch embedded database is started.
 */
import fs from 'node:fs'
import path from 'node:path'
import { startEmbeddedPostgres } from '#modules/db/embedded.ts'
import { runPrisma } from '#modules/db/migrate.ts'
import { parseEnv } from '#modules/env/env.ts'

const name = (process.argv[2] ?? '').trim()
if (!/^[a-z0-9_]+$/.test(name)) {
	console.error('Usage: npm run db:migration -- <name_in_snake_case>')
	process.exit(1)
}
const env = parseEnv()
const root = path.resolve(import.meta.dirname, '..')
const migrationsDir = path.join(root, 'prisma/migrations')
const lastSnapshot = fs
	.readdirSync(migrationsDir)
	.filter((d) => fs.existsSync(path.join(migrationsDir, d, 'schema.prisma')))
	.sort()
	.at(-1)
if (!lastSnapshot) {
	console.error('No schema snapshot found in prisma/migrations/*/schema.prisma')
	process.exit(1)
}
const db = await startEmbeddedPostgres({
	dataDir: path.join(root, 'tests/.tmp/migration-scratch'),
	port: env.EMBEDDED_PG_PORT + 7,
	database: `scratch_${Date.now()}`,
})
try {
	const from = path.join('prisma/migrations', lastSnapshot, 'schema.prisma')
	const sql = await runPrisma(
		['migrate', 'diff', '--from-schema-datamodel', from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
		db.url,
	)
	const script = sql
		.split('\n')
		.filter((line) => !/^(Loaded Prisma config|Prisma config detected|warn|WARNING)/.test(line))
		.join('\n')
		.trim()
	if (!script || /^-- This is an empty migration/.test(script)) {
		console.log('No schema changes since the last migration.')
	} else {
		const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
		const dir = path.join(root, 'prisma/migrations', `${stamp}_${name}`)
		fs.mkdirSync(dir, { recursive: true })
		fs.writeFileSync(path.join(dir, 'migration.sql'), `${script}\n`)
		fs.copyFileSync(path.join(root, 'prisma/schema.prisma'), path.join(dir, 'schema.prisma'))
		console.log(`Wrote ${path.relative(root, dir)}/migration.sql — review it, then npm run db:migrate`)
	}
} finally {
	await db.stop()
}
