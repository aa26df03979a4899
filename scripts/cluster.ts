/**
 * `npm run cluster`: Circle as a small production-like cluster on this machine, without Docker
 * (ADR 0048). A PostgreSQL primary and a streaming replica (Debian's PostgreSQL, pg_basebackup),
 * PgBouncer in transaction mode, three app processes behind HAProxy and two job workers, all on free
 * ports, data kept in .data/cluster (or the folder given with --dir). Prints one line per component;
 * Ctrl-C stops them all, the load balancer first and the primary last.
 *
 * Options: --dir <folder>, --apps <n> (3), --workers <n> (2), --verbose (the servers' own logs too).
 * Needs: apt-get install -y postgresql pgbouncer haproxy (each missing one is named with its line).
 */
import path from 'node:path'
import { startCluster } from './cluster/cluster.ts'
import { ownProcessGroups } from './cluster/processes.ts'

const root = path.resolve(import.meta.dirname, '..')
const flag = (name: string) => {
	const i = process.argv.indexOf(`--${name}`)
	return i > 0 ? process.argv[i + 1] : undefined
}
const dir = path.resolve(root, flag('dir') ?? '.data/cluster')
// The servers' own logs (PostgreSQL, PgBouncer, HAProxy) only with --verbose; Circle's processes always.
const verbose = process.argv.includes('--verbose')
const infrastructure = new Set(['primary', 'replica', 'pgbouncer', 'haproxy'])

ownProcessGroups()
console.log(`Starting Circle's local cluster (data in ${path.relative(root, dir) || dir})…`)
let cluster: Awaited<ReturnType<typeof startCluster>>
try {
	cluster = await startCluster({
		dir,
		apps: Number(flag('apps') ?? 3),
		workers: Number(flag('workers') ?? 2),
		log: (component, line) => {
			if (verbose || !infrastructure.has(component)) console.log(`[${component}] ${line}`)
		},
	})
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exit(1)
}

console.log('\nCircle cluster is running:')
for (const c of cluster.components) console.log(`  ${c.name.padEnd(46)} ${c.url}${c.pid ? `  (pid ${c.pid})` : ''}`)
console.log(`\nOpen ${cluster.url}  ·  Press Ctrl-C to stop everything.`)

let stopping = false
const shutdown = async (signal: string) => {
	if (stopping) return
	stopping = true
	console.log(`\n${signal}: stopping the cluster (load balancer, workers, apps, PgBouncer, replica, primary)…`)
	await cluster.stop()
	console.log('Stopped.')
	process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
