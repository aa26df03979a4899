import { type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { startHaproxy } from './haproxy.ts'
import { type RunningPgBouncer, startPgBouncer } from './pgbouncer.ts'
import { promote, type RunningPostgres, startPrimary, startReplica, waitForStreaming } from './postgres.ts'
import { freePort, killTree, spawnChild, stopChild, waitForPort } from './processes.ts'

const root = path.resolve(import.meta.dirname, '../..')
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')

export type ClusterComponent = { name: string; url: string; pid?: number }

export type RunningCluster = {
	/** The load balancer: the address people use. */
	url: string
	/** One entry per component, in the order they started. */
	components: ClusterComponent[]
	/** DATABASE_URL (through PgBouncer), DATABASE_DIRECT_URL (the primary) and DATABASE_REPLICA_URL. */
	databaseUrls: { pooled: string; direct: string; replica: string }
	/** The app and worker processes, for drills that kill one (an entry is replaced on restart). */
	apps: ChildProcess[]
	workers: ChildProcess[]
	/** The environment the app and worker processes run with (for scripts run against the cluster). */
	env: Record<string, string | undefined>
	primary: RunningPostgres
	/** The standby; after `restartReplica` a new handle. */
	replica: () => RunningPostgres
	pgbouncer: RunningPgBouncer
	/** kill -9 of app process `index` (0-based) and everything it started; resolves once it is gone. */
	killApp: (index: number) => Promise<void>
	/** Starts app process `index` again on its old port (HAProxy's health check takes it back). */
	restartApp: (index: number) => Promise<void>
	/** kill -9 of worker `index` (0-based) and everything it started. */
	killWorker: (index: number) => Promise<void>
	restartWorker: (index: number) => Promise<void>
	/** Stops the replica (fast shutdown) and starts it again, from its own data directory and port. */
	stopReplica: () => Promise<void>
	startReplica: () => Promise<void>
	/**
	 * Failover: promotes the replica (the primary should be stopped first) and points PgBouncer at
	 * it. The app and worker processes keep their DATABASE_URL (PgBouncer's) and reconnect.
	 */
	failOver: () => Promise<void>
	/** Runs a script with tsx in the cluster's environment and resolves with what it printed. */
	runScript: (script: string, args?: string[]) => Promise<string>
	/** Stops everything, outermost first: HAProxy, workers, apps, PgBouncer, replica, primary. */
	stop: () => Promise<void>
}

export type ClusterOptions = {
	/** Where the databases and configuration live (kept between runs). */
	dir: string
	apps?: number
	workers?: number
	/** Every line a component prints, with its name. */
	log?: (component: string, line: string) => void
	/** Extra environment for the app and worker processes. */
	env?: Record<string, string>
}

/**
 * Circle as several processes on one machine, from the operating system's packages, without Docker
 * (ADR 0048): a PostgreSQL primary and a streaming replica made with pg_basebackup, PgBouncer in
 * transaction mode in front of the primary, `apps` app processes (scripts/start.ts, one process each,
 * no worker inside) behind HAProxy, and `workers` job workers (scripts/worker.ts). Every component
 * gets a free port. Migrations run once, straight to the primary, and the demo content is loaded into
 * an empty database, before any app process starts. If a step fails, what was started is stopped.
 */
export async function startCluster({
	dir,
	apps = 3,
	workers = 2,
	log = () => {},
	env = {},
}: ClusterOptions): Promise<RunningCluster> {
	const base = path.resolve(dir)
	fs.mkdirSync(base, { recursive: true })
	const stops: Array<() => Promise<void>> = []
	const components: ClusterComponent[] = []
	const stopAll = async () => {
		for (const stop of stops.splice(0).reverse()) await stop().catch((e: unknown) => log('cluster', String(e)))
	}
	try {
		const primary = await startPrimary({
			dataDir: path.join(base, 'primary'),
			port: await freePort(),
			log: (line) => log('primary', line),
		})
		stops.push(primary.stop)
		components.push({ name: 'PostgreSQL primary', url: redact(primary.url('circle')), pid: primary.process.pid })

		const replicaOptions = {
			dataDir: path.join(base, 'replica'),
			port: await freePort(),
			primary: { port: primary.port },
			log: (line: string) => log('replica', line),
		}
		let replica = await startReplica(replicaOptions)
		stops.push(() => replica.stop())
		await waitForStreaming(primary.url('postgres'))
		components.push({
			name: 'PostgreSQL replica (streaming)',
			url: redact(replica.url('circle')),
			pid: replica.process.pid,
		})

		const bouncer = await startPgBouncer({
			dir: path.join(base, 'pgbouncer'),
			port: await freePort(),
			upstream: { host: '127.0.0.1', port: primary.port, user: 'circle', password: 'circle' },
			poolMode: 'transaction',
			log: (line) => log('pgbouncer', line),
		})
		stops.push(bouncer.stop)
		components.push({ name: 'PgBouncer (transaction mode)', url: redact(bouncer.url('circle')) })

		const databaseUrls = {
			pooled: bouncer.url('circle'),
			direct: primary.url('circle'),
			replica: replica.url('circle'),
		}
		const balancerPort = await freePort()
		const balancerUrl = `http://127.0.0.1:${balancerPort}`
		const childEnv = processEnv({
			...env,
			DATABASE_URL: databaseUrls.pooled,
			DATABASE_DIRECT_URL: databaseUrls.direct,
			DATABASE_REPLICA_URL: databaseUrls.replica,
			APP_URL: balancerUrl,
			TRUST_PROXY: '1',
			RUN_WORKER: 'false',
			SEED_DEMO: 'false',
			WEB_CONCURRENCY: '1',
		})

		await runToEnd('migrate', [path.join(root, 'scripts/cluster/prepare-database.ts')], childEnv, log)
		await runToEnd('build', [path.join(root, 'scripts/build.ts'), '--if-stale'], childEnv, log)

		const appProcesses: ChildProcess[] = []
		const appPorts: number[] = []
		const launchApp = async (i: number) => {
			const child = startNode(
				`app${i + 1}`,
				[path.join(root, 'scripts/start.ts')],
				{ ...childEnv, PORT: String(appPorts[i]) },
				log,
			)
			appProcesses[i] = child
			await waitForPort(appPorts[i]!, { child, what: `App process ${i + 1}`, timeoutMs: 300_000 })
		}
		// One after another: scripts/start.ts still checks for pending migrations as it starts (none
		// are left by now), and three at once would queue on Prisma's migration lock and time out.
		for (let i = 0; i < apps; i++) {
			appPorts.push(await freePort())
			stops.push(() => stopChild(appProcesses[i]!, { signal: 'SIGTERM', graceMs: 30_000 }))
			await launchApp(i)
			components.push({
				name: `App process ${i + 1}`,
				url: `http://127.0.0.1:${appPorts[i]}`,
				pid: appProcesses[i]!.pid,
			})
		}

		const workerProcesses: ChildProcess[] = []
		const launchWorker = async (i: number) => {
			const child = startNode(`worker${i + 1}`, [path.join(root, 'scripts/worker.ts')], childEnv, log)
			workerProcesses[i] = child
			await waitForLine(child, /worker is running/, `Worker ${i + 1}`)
		}
		for (let i = 0; i < workers; i++) {
			stops.push(() => stopChild(workerProcesses[i]!, { signal: 'SIGTERM', graceMs: 35_000 }))
		}
		await Promise.all(Array.from({ length: workers }, (_, i) => launchWorker(i)))
		workerProcesses.forEach((child, i) =>
			components.push({ name: `Worker ${i + 1}`, url: `(pg-boss queue via PgBouncer)`, pid: child.pid }),
		)

		const balancer = await startHaproxy({
			dir: path.join(base, 'haproxy'),
			port: balancerPort,
			backends: appPorts,
			log: (line) => log('haproxy', line),
		})
		stops.push(balancer.stop)
		components.push({
			name: `HAProxy (round robin over ${apps} app processes)`,
			url: balancer.url,
			pid: balancer.process.pid,
		})

		return {
			url: balancer.url,
			components,
			databaseUrls,
			apps: appProcesses,
			workers: workerProcesses,
			env: childEnv,
			primary,
			replica: () => replica,
			pgbouncer: bouncer,
			killApp: (i) => killTree(appProcesses[i]!),
			restartApp: (i) => launchApp(i),
			killWorker: (i) => killTree(workerProcesses[i]!),
			restartWorker: (i) => launchWorker(i),
			stopReplica: () => replica.stop(),
			startReplica: async () => {
				replica = await startReplica(replicaOptions)
			},
			failOver: async () => {
				await promote(replica.url('postgres'))
				await bouncer.retarget({ host: '127.0.0.1', port: replica.port })
			},
			runScript: async (script, args = []) => {
				const child = spawnChild(process.execPath, [tsx, path.resolve(root, script), ...args], {
					cwd: root,
					env: childEnv,
					stdio: ['ignore', 'pipe', 'pipe'],
				})
				let out = ''
				let err = ''
				child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
				child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
				const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
				if (code !== 0) throw new Error(`${script} failed (exit ${code}):\n${out}\n${err}`)
				return out
			},
			stop: stopAll,
		}
	} catch (error) {
		await stopAll()
		throw error
	}
}

/** The environment for app and worker processes: ours, less what belongs to this process or a test run. */
function processEnv(extra: Record<string, string>) {
	// eslint-disable-next-line no-restricted-properties -- passed on to child processes, not read
	const inherited = { ...process.env }
	for (const name of Object.keys(inherited)) {
		if (/^(VITEST|TEST_)/.test(name) || ['NODE_ENV', 'PORT', 'DATABASE_URL', 'EMBEDDED_PG_PORT'].includes(name)) {
			delete inherited[name]
		}
	}
	return { ...inherited, ...extra }
}

function startNode(
	name: string,
	args: string[],
	env: Record<string, string | undefined>,
	log: (component: string, line: string) => void,
) {
	const child = spawnChild(process.execPath, [tsx, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
	const forward = (data: Buffer) => {
		for (const line of data.toString().split('\n')) if (line.trim()) log(name, line)
	}
	child.stdout?.on('data', forward)
	child.stderr?.on('data', forward)
	return child
}

async function runToEnd(
	name: string,
	args: string[],
	env: Record<string, string | undefined>,
	log: (component: string, line: string) => void,
) {
	const child = startNode(name, args, env, log)
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
	if (code !== 0) throw new Error(`The ${name} step failed (exit ${code}); its output is above.`)
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 120_000) {
	return new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`)), timeoutMs)
		const onData = (data: Buffer) => {
			if (pattern.test(data.toString())) {
				clearTimeout(timer)
				resolve()
			}
		}
		child.stdout?.on('data', onData)
		child.once('exit', (code) => {
			clearTimeout(timer)
			reject(new Error(`${what} exited (${code}) before it started`))
		})
	})
}

/** A database URL for printing: the password replaced. */
function redact(url: string) {
	const u = new URL(url)
	if (u.password) u.password = '***'
	return u.toString()
}
