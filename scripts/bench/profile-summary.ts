/**
 * `npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> [rows]`: self and total time per
 * function and per package in a V8 CPU profile (from `node --cpu-prof`), heaviest first.
 */
import fs from 'node:fs'

type Node = {
	id: number
	callFrame: { functionName: string; url: string; lineNumber: number }
	children?: number[]
	hitCount?: number
}
const [file, rowsArg = '40'] = process.argv.slice(2)
if (!file) {
	console.error('Usage: npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> [rows]')
	process.exit(1)
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as {
	nodes: Node[]
	samples: number[]
	timeDeltas: number[]
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
// Milliseconds per node: each sample stands for the time until the next one.
const hits = new Map<number, number>()
profile.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000))
const total = [...hits.values()].reduce((a, b) => a + b, 0)

const where = (n: Node) => {
	const url = n.callFrame.url.replace(/^file:\/\//, '')
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
	return pkg ?? (url.includes('/build/server/') ? 'app build' : url ? url.split('/').slice(-2).join('/') : '(native)')
}
const self = new Map<string, number>()
const inclusive = new Map<string, number>()
const packages = new Map<string, number>()
for (const [id, count] of hits) {
	const n = byId.get(id)!
	const key = `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`
	self.set(key, (self.get(key) ?? 0) + count)
	packages.set(where(n), (packages.get(where(n)) ?? 0) + count)
	const seen = new Set<string>()
	for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
		const c = byId.get(cur)!
		const k = `${c.callFrame.functionName || '(anonymous)'} ${where(c)}:${c.callFrame.lineNumber + 1}`
		if (seen.has(k)) continue
		seen.add(k)
		inclusive.set(k, (inclusive.get(k) ?? 0) + count)
	}
}
const top = (m: Map<string, number>) =>
	[...m]
		.sort((a, b) => b[1] - a[1])
		.slice(0, Number(rowsArg))
		.map(([k, v]) => `${v.toFixed(0).padStart(7)} ms ${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
		.join('\n')
console.log(
	`${total.toFixed(0)} ms sampled\n\nBy package (self)\n${top(packages)}\n\nBy function (self)\n${top(self)}\n\nBy function (total)\n${top(inclusive)}`,
)
