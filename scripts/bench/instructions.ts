/**
 * Instructions per request: the one cost figure on this machine that does not move with what else
 * the machine is doing (issue 18; docs/performance.md, "Regression check").
 *
 * CPU time per request was meant to be that figure, but on this shared host the time an instruction
 * takes is not constant: two runs of the same build six minutes apart, both on a quiet machine,
 * differed by up to 37% in CPU time per request. `perf stat -e instructions` answers "not supported"
 * here. Valgrind's callgrind counts the instructions the process executes, whatever the load.
 *
 * The bench server (server.ts) is started under `valgrind --tool=callgrind --instr-atstart=no`:
 * Node runs on Valgrind's JIT without counting (several times slower, not fifty) while each target is
 * warmed up, so that V8 has optimised the page's code as it would in production; then counting is
 * switched on (`callgrind_control -i on`), and for each target the counters are zeroed, a fixed number
 * of requests is sent, and the counters are dumped and read. Instructions ÷ requests is the figure;
 * ratios of those figures are what `--compare` checks.
 *
 * Not every instruction is the request's own. V8 compiling the server's functions (its warm-up, which
 * goes on for thousands of requests) is left out of the figure and printed beside it (`dumpCounts`).
 * Whatever else the process does meanwhile (a timer, a connection opened) is counted too; enough
 * requests per window keep that small, and the round with the fewest is taken; the bench prints the
 * spread between rounds.
 */
import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import { requestOptions, type LoadTarget } from './load.ts'

/** True when Valgrind (with callgrind_control) is installed: Debian's `valgrind` package. */
export function callgrindAvailable() {
	const valgrind = spawnSync('valgrind', ['--version'], { encoding: 'utf8' })
	const control = spawnSync('callgrind_control', ['--version'], { encoding: 'utf8' })
	return valgrind.status === 0 && control.status === 0
}

/**
 * How to start Node under callgrind with counting off: `execPath` and the arguments before Node's own
 * (for child_process.fork, whose execArgv follow execPath). Dumps go to `outDir`.
 */
export function callgrindLaunch(outDir: string, nodeArgs: readonly string[]) {
	fs.mkdirSync(outDir, { recursive: true })
	return {
		execPath: 'valgrind',
		execArgv: [
			'--tool=callgrind',
			'--instr-atstart=no',
			`--callgrind-out-file=${path.join(outDir, 'callgrind.out.%p')}`,
			// Valgrind's own messages go to a file, not among the bench's output.
			`--log-file=${path.join(outDir, 'valgrind.%p.log')}`,
			process.execPath,
			// V8's background threads (optimising compiler, concurrent GC marking) finish their work at
			// moments that depend on scheduling, and which window it lands in with them: here it is done
			// on the main thread, at the same point of the same request every run.
			'--single-threaded',
			// And no GC at a moment chosen by a timer (memory reducer, idle-time GC) or by how fast memory grew.
			'--predictable-gc-schedule',
			// V8 drops the bytecode of a function not run in the last 5 full GCs, and compiles and optimises
			// it again when it next runs. With a full GC before every window, a page's own code would be
			// dropped between its rounds and recompiled inside the next one (measured: the later rounds of
			// a page counted up to 50% more than its first).
			'--no-flush-bytecode',
			...nodeArgs,
		],
	}
}

function control(pid: number, flag: string) {
	return new Promise<void>((resolve, reject) => {
		execFile('callgrind_control', [flag, String(pid)], { timeout: 60_000 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`callgrind_control ${flag} ${pid}: ${error.message}\n${stdout}${stderr}`))
			else resolve()
		})
	})
}

/** The total instruction count ("summary:" or "totals:" line) of one callgrind dump. */
export function instructionsInDump(text: string) {
	const line = /^(?:summary|totals):\s+(\d+)/m.exec(text)
	if (!line) throw new Error('No summary or totals line in the callgrind dump')
	return Number(line[1])
}

/**
 * V8's entries into its compilers from running code: lazy compilation of a function's bytecode on its
 * first call, and Sparkplug, Maglev and TurboFan (on-stack replacement included). With
 * `--single-threaded` all of them run on the main thread and land in the count.
 */
const COMPILE_ENTRY = /^v8::internal::Runtime_Compile(?:Lazy|Baseline|Optimized|OptimizedOSR|Turbofan|Maglev)\w*\(/

/**
 * One callgrind dump read as two figures: every instruction (`total`), and those spent in V8
 * compiling JavaScript (`compiling`: the inclusive cost of every call into a compile entry).
 *
 * Compiling is V8's warm-up, not a request's work: a server optimises the long tail of its functions
 * over thousands of requests (measured: ~1,300 functions reached TurboFan over the first 4,000 lesson
 * pages of a process), far more than a bench can warm up under Valgrind, and it took 15–60% of every
 * counted window, by the round, which made the totals of the same build differ by up to 68%. The rest
 * held within 6% round to round (docs/performance.md, "The regression check counts a warm server").
 *
 * The callgrind format names a function once (`fn=(12) name`, `cfn=(12) name`) and then by its number
 * alone; a call is a `cfn=` line, a `calls=` line and the line of its inclusive cost (`position cost`).
 */
export function dumpCounts(text: string) {
	const total = instructionsInDump(text)
	const names = new Map<string, string>()
	const name = (line: string, prefix: string) => {
		const match = /^\((\d+)\)(?: (.*))?$/.exec(line.slice(prefix.length))
		if (!match) return line.slice(prefix.length)
		if (match[2] !== undefined) names.set(match[1]!, match[2])
		const known = names.get(match[1]!)
		if (known === undefined) throw new Error(`The callgrind dump names function (${match[1]}) before defining it`)
		return known
	}
	let compiling = 0
	let callee: string | null = null
	const lines = text.split('\n')
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!
		if (line.startsWith('fn=')) name(line, 'fn=')
		else if (line.startsWith('cfn=')) callee = name(line, 'cfn=')
		else if (line.startsWith('calls=') && callee !== null) {
			const cost = Number(lines[i + 1]?.trim().split(/\s+/)[1])
			if (!Number.isFinite(cost)) throw new Error(`No cost after line ${i + 1} of the callgrind dump: ${line}`)
			if (COMPILE_ENTRY.test(callee)) compiling += cost
			callee = null
			i++
		}
	}
	return { total, compiling }
}

/** The path of the newest numbered dump (`callgrind.out.<pid>.<n>`) in `outDir`. */
export function newestDump(outDir: string, pid: number) {
	const prefix = `callgrind.out.${pid}.`
	const numbered = fs
		.readdirSync(outDir)
		.filter((f) => f.startsWith(prefix) && /^\d+$/.test(f.slice(prefix.length)))
		.sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
	const last = numbered.at(-1)
	if (!last) throw new Error(`No callgrind dump for ${pid} in ${outDir}`)
	return path.join(outDir, last)
}

/** Sends exactly `amount` requests to the target, `connections` at a time; resolves with the 2xx/3xx count. */
export async function sendRequests(target: LoadTarget, amount: number, connections: number) {
	// Under callgrind a request takes tens of times longer than natively.
	const result = await autocannon({ ...requestOptions(target, connections), amount, timeout: 120 })
	const failed = result.errors + result.timeouts + result['4xx'] + result['5xx']
	if (failed > 0) {
		const statuses = JSON.stringify(result.statusCodeStats)
		throw new Error(`${failed} of ${amount} requests to ${target.url} failed under callgrind (statuses ${statuses})`)
	}
	return amount
}

export type InstructionPlan = {
	/** Requests per target before counting starts (counting off: V8 optimises the hot code meanwhile). */
	warmup: number
	/**
	 * Instructions per counted window to aim for: each target's requests per window are chosen from a
	 * first count of 3 requests, so that a cheap request (L0: half a million instructions) is counted
	 * over as many instructions as a page, and what else the process did in the window weighs as little.
	 */
	windowInstructions: number
	/** The fewest requests in a window, however dear the request. */
	requests: number
	/** Counted windows per target, taken in turns across the targets; the fewest is reported. */
	rounds: number
	connections: number
}

export type InstructionResult = {
	/**
	 * Instructions per request outside V8's compilers (`dumpCounts`): the fewest of the rounds.
	 * Whatever else the process did during a window (a timer, a connection opened) only adds to its
	 * count, so the lowest round is the one nearest the requests' own work.
	 */
	perRequest: number
	rounds: number[]
	/** (most − fewest) ÷ fewest of the rounds: how far the count moved between rounds. */
	spread: number
	/** V8 compiling per request, in the round `perRequest` comes from (left out of it; printed). */
	compilingPerRequest: number
}

/**
 * Counts the instructions per request of each target in the process `pid` (running under
 * `callgrindLaunch`, counting off). `idle` waits until the server has finished what a window sent.
 */
export async function countInstructions({
	pid,
	outDir,
	targets,
	plan,
	idle,
	gc,
	reset,
	progress,
}: {
	pid: number
	outDir: string
	targets: Record<string, LoadTarget>
	plan: InstructionPlan
	idle: () => Promise<unknown>
	/** A full garbage collection, before each window: each starts from the same heap, not mid-way to a major GC. */
	gc: () => Promise<unknown>
	/**
	 * Run (by the caller, outside the counted process) before each target's warm-up and window: puts
	 * back what the requests change that would change their cost (e.g. quiz attempts piling up).
	 */
	reset?: () => Promise<unknown>
	progress?: (line: string) => void
}): Promise<Record<string, InstructionResult>> {
	const entries = Object.entries(targets)
	for (const [name, target] of entries) {
		await reset?.()
		await sendRequests(target, plan.warmup, plan.connections)
		progress?.(`  ${name} warmed up (${plan.warmup} requests, not counted)`)
	}
	await idle()
	await control(pid, '--instr=on')
	// The first window after counting starts holds more than its requests (measured: 2.05 M
	// instructions per request of L0 in it, 0.44 M in every later one): one is sent and thrown away.
	await control(pid, '--zero')
	await sendRequests(entries[0]![1], plan.requests, plan.connections)
	await idle()
	// How many requests make a window of about `windowInstructions` for each target.
	const windowRequests: Record<string, number> = {}
	for (const [name, target] of entries) {
		await reset?.()
		await idle()
		await control(pid, '--zero')
		await sendRequests(target, 3, plan.connections)
		await idle()
		await control(pid, '--dump')
		const first = dumpCounts(fs.readFileSync(newestDump(outDir, pid), 'utf8'))
		const estimate = Math.max(1, first.total - first.compiling) / 3
		windowRequests[name] = Math.min(1000, Math.max(plan.requests, Math.ceil(plan.windowInstructions / estimate)))
	}
	progress?.(`  requests per window: ${entries.map(([name]) => `${name} ${windowRequests[name]}`).join(', ')}`)
	const rounds: Record<string, { steady: number; compiling: number }[]> = Object.fromEntries(
		Object.keys(targets).map((name) => [name, []]),
	)
	for (let round = 0; round < plan.rounds; round++) {
		for (const [name, target] of entries) {
			await reset?.()
			// One request first, uncounted: a database connection the pool closed while idle (10 s) is
			// opened again here (with its password exchange), not in the counted window.
			await sendRequests(target, 1, 1)
			await idle()
			await gc()
			await control(pid, '--zero')
			const sent = await sendRequests(target, windowRequests[name]!, plan.connections)
			await idle()
			await control(pid, '--dump')
			const { total, compiling } = dumpCounts(fs.readFileSync(newestDump(outDir, pid), 'utf8'))
			rounds[name]!.push({ steady: (total - compiling) / sent, compiling: compiling / sent })
		}
		progress?.(`  round ${round + 1} of ${plan.rounds} counted`)
	}
	await control(pid, '--instr=off')
	return Object.fromEntries(
		Object.entries(rounds).map(([name, counted]): [string, InstructionResult] => {
			const values = counted.map((r) => r.steady)
			const fewest = Math.min(...values)
			const compilingPerRequest = counted[values.indexOf(fewest)]!.compiling
			return [
				name,
				{ perRequest: fewest, rounds: values, spread: (Math.max(...values) - fewest) / fewest, compilingPerRequest },
			]
		}),
	)
}
