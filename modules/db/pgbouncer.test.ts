import pg from 'pg'
import { expect, inject, test } from 'vitest'
import { requireDatabaseUrl, requireDirectDatabaseUrl } from '#modules/env/env.ts'

// TEST_VIA_PGBOUNCER=1 runs the whole suite through PgBouncer in transaction mode (ADR 0048). Without
// this test, a setup that quietly handed workers the direct address would still pass and prove nothing.
const viaPgBouncer = process.env.TEST_VIA_PGBOUNCER === '1'

test(`the app's queries go ${viaPgBouncer ? 'through PgBouncer in transaction mode' : 'straight to PostgreSQL'}, as TEST_VIA_PGBOUNCER says`, async () => {
	// DATABASE_URL is what the Prisma client's pool (client.ts), the queue and the throttles connect to.
	const url = new URL(requireDatabaseUrl())
	// The port PostgreSQL itself listens on, as the server sees the connection: through a pooler, the
	// pooler's upstream port, not the one in DATABASE_URL.
	const client = new pg.Client({ connectionString: url.toString() })
	await client.connect()
	const answeredOn = await client
		.query<{ port: number }>('SELECT inet_server_port() AS port')
		.then((r) => r.rows[0]!.port)
		.finally(() => client.end())
	const direct = new URL(requireDirectDatabaseUrl())
	expect(answeredOn).toBe(Number(direct.port))
	const bouncer = inject('testPgBouncer')
	if (!viaPgBouncer) {
		expect(bouncer).toBeNull()
		expect(Number(url.port)).toBe(answeredOn)
		return
	}
	expect(bouncer).not.toBeNull()
	expect(Number(url.port)).toBe(bouncer!.port)
	expect(Number(url.port)).not.toBe(answeredOn)
	// Only PgBouncer's admin console answers SHOW POOLS; this worker's database is pooled per transaction.
	const admin = new pg.Client({ connectionString: bouncer!.adminUrl })
	await admin.connect()
	try {
		const { rows } = await admin.query<{ database: string; pool_mode: string }>('SHOW POOLS')
		const database = url.pathname.slice(1)
		expect(rows.find((r) => r.database === database)?.pool_mode).toBe('transaction')
	} finally {
		await admin.end()
	}
})
