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
	dumpCounts,
	instructionsInDump,
	newestDump,
} from './instructions.ts'

describe('reading callgrind dumps', () => {
	test('the total comes from the summary line, or the totals line when there is none', () => {
		expect(instructionsInDump('version: 1\nevents: Ir\nsummary: 40344703\n\ntotals: 40344721\n')).toBe(40344703)
		expect(instructionsInDump('events: Ir\nfn=main\n12 3\ntotals: 987\n')).toBe(987)
		expect(() => instructionsInDump('events: Ir\n')).toThrow(/No summary/)
	})

	test("V8's compiling is the inclusive cost of the calls into its compile entries, named once and then by number", () => {
		const dump = [
			'events: Ir',
			'summary: 1000',
			'fn=(1) Builtins_CEntry_Return1_ArgvOnStack_NoBuiltinExit',
			'0 10',
			'cfn=(2) v8::internal::Runtime_CompileOptimized(int, unsigned long*, v8::internal::Isolate*)',
			'calls=1 0',
			'0 300',
			'cfn=(3) v8::internal::Runtime_LoadIC_Miss(int, unsigned long*, v8::internal::Isolate*)',
			'calls=4 0',
			'+2 50',
			'cfn=(2)',
			'calls=2 0',
			'* 200',
			'fn=(4) v8::internal::Runtime_RegExpInitializeAndCompile(int, unsigned long*, v8::internal::Isolate*)',
			'0 5',
			'fn=(5) Builtins_InterpreterEntryTrampoline',
			'cfn=(6) v8::internal::Runtime_CompileLazy(int, unsigned long*, v8::internal::Isolate*)',
			'calls=1 0',
			'0 40',
			'cfn=(4)',
			'calls=1 0',
			'0 7',
		].join('\n')
		// 300 + 200 (TurboFan, the second call by number) + 40 (lazy); not the IC miss nor the RegExp compile.
		expect(dumpCounts(dump)).toEqual({ total: 1000, compiling: 540 })
		expect(() => dumpCounts('summary: 10\ncfn=(9)\ncalls=1 0\n0 5\n')).toThrow(/before defining it/)
		expect(() => dumpCounts('summary: 10\ncfn=(9) f\ncalls=1 0\n')).toThrow(/No cost/)
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
		// /work?n=N adds up N numbers: a request whose work is known. /fresh?n=N does the same in a
		// function made anew for each request, which V8 compiles (and optimises) every time.
		fs.writeFileSync(
			server,
			`const http = require('node:http')
let made = 0
const s = http.createServer((req, res) => {
	const url = new URL(req.url, 'http://x')
	const n = Number(url.searchParams.get('n'))
	let sum = 0
	if (url.pathname === '/fresh') {
		sum = new Function('n', '// ' + made++ + '\\nlet sum = 0\\nfor (let i = 0; i < n; i++) sum += i % 7\\nreturn sum')(n)
	} else {
		for (let i = 0; i < n; i++) sum += i % 7
	}
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

	afterAll(async () => {
		// Valgrind writes its last dump as the process exits: wait for that before removing the folder.
		const exited = new Promise((resolve) => child?.once('exit', resolve))
		child?.kill()
		if (child && child.exitCode === null) await exited
		fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 })
	}, 60_000)

	test('twice the work per request counts about twice the instructions, round after round', async () => {
		const url = (n: number) => ({ url: `http://127.0.0.1:${port}/work?n=${n}` })
		const counts = await countInstructions({
			pid: child.pid!,
			outDir: dir,
			targets: {
				small: url(2_000_000),
				large: url(4_000_000),
				fresh: { url: `http://127.0.0.1:${port}/fresh?n=2000000` },
			},
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
		// The same loop in a new function each time: V8 compiles it each request, which is counted
		// apart, and the rest is the loop's work, as for the function compiled once.
		const fresh = counts.fresh!
		expect(fresh.compilingPerRequest).toBeGreaterThan(500_000)
		expect(small.compilingPerRequest).toBeLessThan(fresh.compilingPerRequest / 10)
		expect(fresh.perRequest / small.perRequest).toBeGreaterThan(0.8)
		expect(fresh.perRequest / small.perRequest).toBeLessThan(1.25)
	}, 180_000)
})
