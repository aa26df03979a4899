import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningCluster, startCluster } from '../../scripts/cluster/cluster.ts'
import { replicationStatus } from '../../scripts/cluster/postgres.ts'
import { missingPackages, skippedFor } from '../../scripts/cluster/requirements.ts'

// `npm run cluster` needs three operating-system packages; .ci/run installs them. On a machine
// without them this suite says which line to run instead of failing for a reason nobody chose.
const missing = missingPackages()
const reason = skippedFor(missing)

describe.skipIf(missing.length > 0)(`npm run cluster${reason}`, () => {
	const dir = path.resolve(import.meta.dirname, `../.tmp/cluster-${process.pid}`)
	const recent: string[] = []
	let cluster: RunningCluster

	beforeAll(async () => {
		fs.rmSync(dir, { recursive: true, force: true })
		try {
			cluster = await startCluster({
				dir,
				log: (component, line) => {
					recent.push(`[${component}] ${line}`)
					recent.splice(0, Math.max(0, recent.length - 60))
				},
			})
		} catch (error) {
			throw new Error(`${(error as Error).message}\nLast lines:\n${recent.join('\n')}`)
		}
		// Migrations, the demo seed and (on a fresh checkout) a production build come first.
	}, 15 * 60_000)

	afterAll(async () => {
		await cluster?.stop()
		fs.rmSync(dir, { recursive: true, force: true })
	}, 120_000)

	test('three app processes and two workers come up, and HAProxy serves pages from them', async () => {
		expect(cluster.apps).toHaveLength(3)
		expect(cluster.workers).toHaveLength(2)
		for (const child of [...cluster.apps, ...cluster.workers]) expect(child.exitCode).toBeNull()
		// Round robin: six requests reach every app process twice; every one of them answers.
		for (let i = 0; i < 6; i++) {
			const response = await fetch(`${cluster.url}/courses`)
			expect(response.status).toBe(200)
			expect(await response.text()).toContain('<html')
		}
		for (const component of cluster.components.filter((c) => c.name.startsWith('App process'))) {
			expect((await fetch(`${component.url}/resources/healthcheck`)).status).toBe(200)
		}
		// Each app process renders its first page cold: seconds each on a busy machine.
	}, 300_000)

	test('the replica streams from the primary and holds the seeded data', async () => {
		const rows = await replicationStatus(cluster.databaseUrls.direct)
		expect(rows.map((r) => r.state)).toContain('streaming')
		const count = async (url: string) => {
			const client = new pg.Client({ connectionString: url })
			await client.connect()
			try {
				return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "User"')).rows[0]!.n
			} finally {
				await client.end()
			}
		}
		const onPrimary = await count(cluster.databaseUrls.direct)
		expect(onPrimary).toBeGreaterThan(0)
		// Replay is asynchronous: give it a moment to catch up with the seed.
		let onReplica = 0
		for (let tries = 0; tries < 50 && onReplica !== onPrimary; tries++) {
			onReplica = await count(cluster.databaseUrls.replica)
			if (onReplica !== onPrimary) await new Promise((r) => setTimeout(r, 200))
		}
		expect(onReplica).toBe(onPrimary)
	}, 60_000)

	test('the app reaches PostgreSQL through PgBouncer in transaction mode', async () => {
		const pooled = new URL(cluster.databaseUrls.pooled)
		const admin = new pg.Client({
			connectionString: Object.assign(new URL(pooled), { pathname: '/pgbouncer' }).toString(),
		})
		await admin.connect()
		try {
			const pools = (await admin.query<{ database: string; pool_mode: string }>('SHOW POOLS')).rows
			expect(pools.find((p) => p.database === 'circle')?.pool_mode).toBe('transaction')
			// Each app process and worker holds client connections to PgBouncer.
			const clients = (await admin.query<{ database: string }>('SHOW CLIENTS')).rows
			expect(clients.filter((c) => c.database === 'circle').length).toBeGreaterThanOrEqual(3)
		} finally {
			await admin.end()
		}
	})
})
