// The bench's instruction counts (instructions.ts): read from real callgrind dumps of a real Node
// server under Valgrind, they follow the work a request does and not how busy the machine is.
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
	callgrindAvailable,
	callgrindLaunch,
	countInstructions,
	instructionsInDump,
	newestDump,
} from './instructions.ts'

describe('reading callgrind dumps', () => {
	test('the total comes from the summary line, or the totals line when there is none', () => {
		expect(instructionsInDump('version: 1\nevents: Ir\nsummary: 40344703\n\ntotals: 40344721\n')).toBe(40344703)
		expect(instructionsInDump('events: Ir\nfn=main\n12 3\ntotals: 987\n')).toBe(987)
		expect(() => instructionsInDump('events: Ir\n')).toThrow(/No summary/)
	})

	test('the newest dump is the highest numbered one of that process, not the text order', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'circle-dumps-'))
		for (const name of ['callgrind.out.7', 'callgrind.out.7.2', 'callgrind.out.7.10', 'callgrind.out.8.11']) {
			fs.writeFileSync(path.join(dir, name), '')
		}
		expect(path.basename(newestDump(dir, 7))).toBe('callgrind.out.7.10')
		expect(() => newestDump(dir, 9)).toThrow(/No callgrind dump/)
		fs.rmSync(dir, { recursive: true })
	})
})

// CI machines have Valgrind (Debian's package, on every machine of this kind); a developer's machine
// without it skips this part, as the bench then does.
describe.skipIf(!callgrindAvailable())('counting a real server under callgrind', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'circle-callgrind-test-'))
	let child: ChildProcess
	let port = 0
	const server = path.join(dir, 'server.cjs')

	beforeAll(async () => {
		// /work?n=N adds up N numbers: a request whose work is known.
		fs.writeFileSync(
			server,
			`const http = require('node:http')
const s = http.createServer((req, res) => {
	const n = Number(new URL(req.url, 'http://x').searchParams.get('n'))
	let sum = 0
	for (let i = 0; i < n; i++) sum += i % 7
	res.end(String(sum))
})
s.listen(0, '127.0.0.1', () => process.send(s.address().port))
process.on('disconnect', () => process.exit(0))
`,
		)
		child = fork(server, [], { ...callgrindLaunch(dir, []), stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
		port = await new Promise<number>((resolve, reject) => {
			child.once('message', (m) => resolve(m as number))
			child.once('exit', (code) => reject(new Error(`the server under callgrind exited (${code})`)))
		})
	}, 120_000)

	afterAll(() => {
		child?.kill()
		fs.rmSync(dir, { recursive: true, force: true })
	})

	test('twice the work per request counts about twice the instructions, round after round', async () => {
		const url = (n: number) => ({ url: `http://127.0.0.1:${port}/work?n=${n}` })
		const counts = await countInstructions({
			pid: child.pid!,
			outDir: dir,
			targets: { small: url(2_000_000), large: url(4_000_000) },
			plan: { warmup: 20, requests: 5, windowInstructions: 50e6, rounds: 2, connections: 1 },
			idle: async () => undefined,
			gc: async () => undefined,
		})
		const small = counts.small!
		const large = counts.large!
		// A loop of 2 million additions is a few million instructions at the least.
		expect(small.perRequest).toBeGreaterThan(4_000_000)
		expect(large.perRequest / small.perRequest).toBeGreaterThan(1.8)
		expect(large.perRequest / small.perRequest).toBeLessThan(2.2)
		expect(small.rounds).toHaveLength(2)
		expect(small.spread).toBeLessThan(0.05)
		expect(large.spread).toBeLessThan(0.05)
	}, 180_000)
})
