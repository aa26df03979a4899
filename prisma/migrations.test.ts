// The migrations and prisma/schema.prisma must say the same thing (docs/decisions/0002-prisma-offline.md):
// - the newest migration's snapshot is the schema, or `npm run db:migration` diffs from a stale
//   snapshot and writes a migration that re-adds what is already there (branches merged in parallel
//   each bring their own snapshot: the merge must refresh the newest one);
// - the database the migrations build has every table, column, enum, key and index the schema
//   declares, and no column or enum value the schema does not (hand-written CHECKs, partial indexes,
//   functions and triggers are the migrations' own and allowed beyond it).
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runPrisma } from '#modules/db/migrate.ts'
import { requireDatabaseUrl } from '#modules/env/env.ts'

const root = path.resolve(import.meta.dirname, '..')
const migrationsDir = path.join(root, 'prisma/migrations')

test('the newest migration snapshot is prisma/schema.prisma', () => {
	const newest = fs
		.readdirSync(migrationsDir)
		.filter((d) => fs.existsSync(path.join(migrationsDir, d, 'schema.prisma')))
		.sort()
		.at(-1)!
	const newestWithSql = fs
		.readdirSync(migrationsDir)
		.filter((d) => fs.existsSync(path.join(migrationsDir, d, 'migration.sql')))
		.sort()
		.at(-1)!
	expect(newest, 'every migration keeps its snapshot').toBe(newestWithSql)
	expect(
		fs.readFileSync(path.join(migrationsDir, newest, 'schema.prisma'), 'utf8'),
		`prisma/migrations/${newest}/schema.prisma is stale: copy prisma/schema.prisma there (after checking the migrations cover it)`,
	).toBe(fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8'))
})

type Catalogue = { columns: string[]; enums: string[]; indexes: string[]; keys: string[] }

async function catalogue(client: pg.Client): Promise<Catalogue> {
	const rows = async (sql: string) => (await client.query<{ v: string }>(sql)).rows.map((r) => r.v)
	return {
		columns: await rows(`
			SELECT c.table_name || '.' || c.column_name || ' ' || c.udt_name || ' '
				-- Prisma cannot declare a list NOT NULL: a migration may make one so by hand.
				|| CASE WHEN c.data_type = 'ARRAY' THEN '' ELSE c.is_nullable END
				|| ' ' || coalesce(c.column_default, '') AS v
			FROM information_schema.columns c
			WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations' ORDER BY 1`),
		enums: await rows(`
			SELECT t.typname || '.' || e.enumlabel AS v FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
			JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY 1`),
		indexes: await rows(`
			SELECT indexdef AS v FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`),
		keys: await rows(`
			SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) AS v FROM pg_constraint
			WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'f', 'u')
				AND conrelid::regclass::text <> '"_prisma_migrations"' ORDER BY 1`),
	}
}

let scratch: { url: string; drop: () => Promise<void> }
const databaseUrl = () => requireDatabaseUrl()

beforeAll(async () => {
	// A database built straight from the schema, beside this worker's migrated one.
	const name = `schema_only_${process.pid}_${Date.now()}`
	const admin = new pg.Client({ connectionString: databaseUrl() })
	await admin.connect()
	await admin.query(`CREATE DATABASE ${name}`)
	await admin.end()
	const url = new URL(databaseUrl())
	url.pathname = `/${name}`
	scratch = {
		url: url.toString(),
		drop: async () => {
			const client = new pg.Client({ connectionString: databaseUrl() })
			await client.connect()
			await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
			await client.end()
		},
	}
	const script = await runPrisma(
		['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
		scratch.url,
	)
	const sql = script
		.split('\n')
		.filter((line) => !/^(Loaded Prisma config|Prisma config detected|warn|WARNING)/.test(line))
		.join('\n')
	const client = new pg.Client({ connectionString: scratch.url })
	await client.connect()
	await client.query(sql)
	await client.end()
}, 120_000)

afterAll(async () => {
	await scratch?.drop()
})

test('the migrations build every table, column, enum, key and index the schema declares, and no column more', async () => {
	const migrated = new pg.Client({ connectionString: databaseUrl() })
	const fromSchema = new pg.Client({ connectionString: scratch.url })
	await Promise.all([migrated.connect(), fromSchema.connect()])
	try {
		const [a, b] = await Promise.all([catalogue(migrated), catalogue(fromSchema)])
		const missing = (key: keyof Catalogue) => b[key].filter((x) => !a[key].includes(x))
		const extra = (key: keyof Catalogue) => a[key].filter((x) => !b[key].includes(x))
		expect(missing('columns'), 'columns the schema declares and the migrations lack (or differ)').toEqual([])
		expect(extra('columns'), 'columns the migrations make and the schema lacks (or differ)').toEqual([])
		expect(missing('enums'), 'enum values the migrations lack').toEqual([])
		expect(extra('enums'), 'enum values the schema lacks').toEqual([])
		expect(missing('keys'), 'keys and foreign keys the migrations lack').toEqual([])
		expect(missing('indexes'), 'indexes the migrations lack').toEqual([])
	} finally {
		await Promise.all([migrated.end(), fromSchema.end()])
	}
})
