import { type ChildProcess, spawn } from 'node:child_process'
import { expect, test } from 'vitest'

/** Keeps `count` processes spinning on the CPU until stopped: a machine busy with other work. */
function loadCpu(count: number) {
	const spinners: ChildProcess[] = Array.from({ length: count }, () =>
		spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
	)
	return () => spinners.forEach((p) => p.kill('SIGKILL'))
}

function runBurst(env: Record<string, string>) {
	return new Promise<{ answers: string[]; used: number; assignments: number; enrolments: number }>(
		(resolve, reject) => {
			const child = spawn(process.execPath, ['--import', 'tsx', 'tests/load/claim-burst.ts'], {
				cwd: process.cwd(),
				env: { ...process.env, ...env },
				stdio: ['ignore', 'pipe', 'pipe'],
			})
			let out = ''
			let err = ''
			child.stdout.on('data', (d) => (out += d))
			child.stderr.on('data', (d) => (err += d))
			child.on('close', (code) => {
				if (code !== 0) return reject(new Error(`claim burst exited ${code}: ${err}`))
				resolve(JSON.parse(out.trim().split('\n').at(-1)!))
			})
		},
	)
}

test('50 claims at once through a pool of 3 connections on a busy machine: each gets a seat, "no seats left" or "busy", never an internal error', async () => {
	const stop = loadCpu(2)
	let result
	try {
		result = await runBurst({ DATABASE_POOL_SIZE: '3', SEATS: '10', CLAIMS: '50' })
	} finally {
		stop()
	}
	const { answers, used, assignments, enrolments } = result
	expect(answers).toHaveLength(50)
	for (const answer of answers) expect(['SEAT', 'NO_SEATS_LEFT', 'BUSY']).toContain(answer)
	const seated = answers.filter((a) => a === 'SEAT').length
	// Never seat eleven, and the database agrees with what people were told.
	expect(seated).toBeLessThanOrEqual(10)
	expect({ used, assignments, enrolments }).toEqual({ used: seated, assignments: seated, enrolments: seated })
	// "No seats left" is only ever said when it is true.
	if (answers.includes('NO_SEATS_LEFT')) expect(used).toBe(10)
	// With nobody sent away busy, exactly the ten seats are handed out.
	if (!answers.includes('BUSY')) expect(seated).toBe(10)
}, 90_000)
