/**
 * The arithmetic of the benchmarks, kept pure so that it can be tested: medians, percentiles,
 * ratios, and the comparison of a run's ratios with a recorded baseline.
 */

/** The median of a list of numbers (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]) {
	if (values.length === 0) return Number.NaN
	const sorted = [...values].sort((a, b) => a - b)
	const mid = Math.floor(sorted.length / 2)
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest value with at least p% of
 * the values at or below it. NaN when empty.
 */
export function percentile(values: readonly number[], p: number) {
	if (values.length === 0) return Number.NaN
	if (p < 0 || p > 100) throw new RangeError('percentile must be between 0 and 100')
	const sorted = [...values].sort((a, b) => a - b)
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
	return sorted[rank - 1]!
}

/** a ÷ b, or NaN when b is not a positive finite number (a ratio against nothing means nothing). */
export function ratio(a: number, b: number) {
	return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN
}

/** Growth of a series (e.g. RSS after each repeated run) from its first value to its last. */
export function growth(values: readonly number[]) {
	return values.length < 2 ? 0 : values.at(-1)! - values[0]!
}

export type RatioComparison = {
	name: string
	baseline: number
	current: number | null
	/** current ÷ baseline − 1: −0.15 means the ratio (or count) fell by 15%. */
	change: number | null
	status: 'ok' | 'regressed' | 'missing'
}

/**
 * Compares a run's ratios with the baseline's. Every ratio is "higher is better" (a share of the
 * physical limit, or one rate over another), so a ratio that fell by more than `tolerance`
 * (default 10%) is a regression; one that the run did not measure is reported as missing, which
 * does not fail the check (a --quick run skips nothing, but a --scale run measures other things).
 */
export function compareRatios(
	baseline: Readonly<Record<string, number>>,
	current: Readonly<Record<string, number>>,
	tolerance = 0.1,
	/** Wider tolerances for named ratios known to be noisier (see the caller). */
	tolerances: Readonly<Record<string, number>> = {},
): { rows: RatioComparison[]; regressed: boolean } {
	const rows = Object.entries(baseline).map(([name, base]): RatioComparison => {
		const allowed = tolerances[name] ?? tolerance
		const now = current[name]
		if (now === undefined || !Number.isFinite(now) || !Number.isFinite(base) || base <= 0) {
			return { name, baseline: base, current: now ?? null, change: null, status: 'missing' }
		}
		const change = now / base - 1
		// The epsilon keeps a fall of exactly the tolerance (0.18 against 0.2) from failing on float rounding.
		return { name, baseline: base, current: now, change, status: change < -allowed - 1e-9 ? 'regressed' : 'ok' }
	})
	return { rows, regressed: rows.some((r) => r.status === 'regressed') }
}

/**
 * Compares a run's instructions per request with the baseline's, by level or page. A count is a cost
 * (lower is better), and it does not move with the machine's load, so it is compared as it is, not
 * as a ratio over L0: a count more than `tolerance` above the baseline's is a regression. The
 * tolerance covers what still moves between runs of the same build (the rest of a window: a timer, a
 * connection, a garbage collection falling in it or not), measured in docs/performance.md.
 */
export function compareInstructionCounts(
	baseline: Readonly<Record<string, number>>,
	current: Readonly<Record<string, number>>,
	tolerance: number,
): { rows: RatioComparison[]; regressed: boolean } {
	const rows = Object.entries(baseline).map(([name, base]): RatioComparison => {
		const now = current[name]
		if (now === undefined || !Number.isFinite(now) || !Number.isFinite(base) || base <= 0) {
			return { name, baseline: base, current: now ?? null, change: null, status: 'missing' }
		}
		const change = now / base - 1
		return { name, baseline: base, current: now, change, status: change > tolerance + 1e-9 ? 'regressed' : 'ok' }
	})
	return { rows, regressed: rows.some((r) => r.status === 'regressed') }
}

/** Formats rows as a plain-text table with the given columns, right-aligning numbers. */
export function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>) {
	const cells = [headers, ...rows.map((r) => r.map(String))]
	const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
	const numeric = headers.map(
		(_, i) =>
			rows.length > 0 &&
			rows.every((r) => typeof r[i] === 'number' || /^[\d.,×%+−-]+( ?[a-zA-Z/%]*)?$/.test(String(r[i]))),
	)
	const line = (r: ReadonlyArray<string>) =>
		r
			.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd()
	return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

/** A number with a fixed count of decimals and thousands separators. */
export function fmt(value: number, decimals = 0) {
	if (!Number.isFinite(value)) return 'n/a'
	return value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
}

/** Parses the bench's command-line flags. */
export function parseArgs(argv: readonly string[]) {
	const options = {
		quick: false,
		scale: false,
		processes: false,
		/** Only the instruction counts (and --compare): the regression check, without the timed runs. */
		instructions: false,
		compare: null as string | null,
		write: null as string | null,
	}
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!
		if (arg === '--quick') options.quick = true
		else if (arg === '--scale') options.scale = true
		else if (arg === '--processes') options.processes = true
		else if (arg === '--instructions') options.instructions = true
		else if (arg === '--compare' || arg === '--write') {
			const value = argv[++i]
			if (!value || value.startsWith('--')) throw new Error(`${arg} needs a file name`)
			options[arg === '--compare' ? 'compare' : 'write'] = value
		} else if (arg.startsWith('--compare=')) options.compare = arg.slice('--compare='.length)
		else if (arg.startsWith('--write=')) options.write = arg.slice('--write='.length)
		else
			throw new Error(
				`Unknown option ${arg} (use --quick, --scale, --processes, --instructions, --compare <file>, --write <file>)`,
			)
	}
	return options
}
