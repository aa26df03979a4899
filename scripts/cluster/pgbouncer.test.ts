// startPgBouncer's restart when two callers ask at once (modules/db/reconnect.test.ts restarts it
// from two loads in parallel): one restart, and stop() then leaves no PgBouncer running.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { requireDirectDatabaseUrl } from '#modules/env/env.ts'
import { startPgBouncer, upstreamOf } from './pgbouncer.ts'
import { freePort } from './processes.ts'
import { missingPackages, skippedFor } from './requirements.ts'

const missing = missingPackages(['pgbouncer'])

/** The processes whose command line names `ini` (PgBouncer is started with its ini as argument). */
function processesWith(ini: string) {
	const pids: number[] = []
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue
		try {
			if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(ini)) pids.push(Number(entry))
		} catch {
			// gone meanwhile
		}
	}
	return pids
}

describe.skipIf(missing.length > 0)(`restarting PgBouncer${skippedFor(missing)}`, () => {
	const dir = path.resolve(import.meta.dirname, `../../tests/.tmp/pgbouncer-restart-${process.pid}`)
	const ini = path.join(dir, 'pgbouncer.ini')
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

	test('two restarts asked for at once are one; stop() leaves no PgBouncer behind', async () => {
		const upstream = new URL(requireDirectDatabaseUrl())
		const bouncer = await startPgBouncer({
			dir,
			port: await freePort(),
			upstream: upstreamOf(upstream),
		})
		try {
			const before = bouncer.pid()
			expect(processesWith(ini)).toEqual([before])
			await Promise.all([bouncer.restart(), bouncer.restart()])
			const after = bouncer.pid()
			expect(after).not.toBe(before)
			expect(processesWith(ini)).toEqual([after])
		} finally {
			await bouncer.stop()
		}
		expect(processesWith(ini)).toEqual([])
	})
})
