// The production image and manifests hold what ADR 0047 promises. This machine cannot pull images
// or run a cluster, so the files themselves are read: the Dockerfile's final stage, the compose
// `production` profile, HAProxy's health check and every Kubernetes manifest under deploy/k8s.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse, parseAllDocuments } from 'yaml'

const root = path.resolve(import.meta.dirname, '../..')
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

type Instruction = { op: string; args: string }

/** The Dockerfile's instructions by stage, continuation lines joined and comments dropped. */
function dockerfileStages() {
	const lines = read('Dockerfile')
		.replace(/\\\n/g, ' ')
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l && !l.startsWith('#'))
	const stages: Array<{ from: string; name?: string; steps: Instruction[] }> = []
	for (const line of lines) {
		const [op, ...rest] = line.split(/\s+/)
		const args = rest.join(' ')
		if (op!.toUpperCase() === 'FROM') {
			const [image, , name] = args.split(/\s+/)
			stages.push({ from: image!, name, steps: [] })
		} else stages.at(-1)?.steps.push({ op: op!.toUpperCase(), args })
	}
	return stages
}

/** The command a JSON-form instruction (CMD ["node", …]) runs, as one string. */
const execForm = (args: string) => (JSON.parse(args) as string[]).join(' ')

describe('Dockerfile', () => {
	const stages = dockerfileStages()
	const runtime = stages.at(-1)!
	const last = (op: string) => runtime.steps.filter((s) => s.op === op).at(-1)

	test('multi-stage from node:20-bookworm-slim: a build stage with dev dependencies, pruned for the runtime', () => {
		expect(read('Dockerfile')).toMatch(/ARG NODE_VERSION=20\n/)
		expect(stages[0]!.from).toBe('node:${NODE_VERSION}-bookworm-slim')
		const build = stages.find((s) => s.name === 'build')!
		const runs = build.steps.filter((s) => s.op === 'RUN').map((s) => s.args)
		expect(runs.some((r) => /npm ci(?!.*--omit=dev)/.test(r))).toBe(true)
		expect(runs.some((r) => r.includes('npm run build') && r.includes('npm prune --omit=dev'))).toBe(true)
		// The runtime takes node_modules from the pruned build stage, never installs dev dependencies.
		expect(runtime.steps.some((s) => s.op === 'COPY' && s.args === '--from=build /app/node_modules ./node_modules')).toBe(
			true,
		)
		expect(runtime.steps.some((s) => s.op === 'RUN' && /npm (ci|install)/.test(s.args))).toBe(false)
		for (const needed of ['build', 'app', 'modules', 'emails', 'prisma', 'scripts']) {
			expect(runtime.steps.some((s) => s.op === 'COPY' && s.args === `--from=build /app/${needed} ./${needed}`)).toBe(true)
		}
	})

	test('runs as a non-root user, the server under tini, and no migration at start', () => {
		const user = last('USER')?.args
		expect(user).toBeDefined()
		expect(user).not.toMatch(/^(root|0)(:|$)/)
		expect(execForm(last('ENTRYPOINT')!.args)).toBe('tini --')
		const cmd = execForm(last('CMD')!.args)
		expect(cmd).toBe('node scripts/start.mjs')
		expect(cmd).not.toMatch(/migrat/)
		expect(last('ENV')!.args).toContain('NODE_ENV=production')
		expect(last('HEALTHCHECK')!.args).toContain('/healthz')
	})

	test('.dockerignore keeps secrets, dependencies and local data out of the build context', () => {
		const ignored = read('.dockerignore').split('\n')
		for (const entry of ['.env', 'node_modules', '.data', '.git', 'build']) expect(ignored).toContain(entry)
	})
})

type Service = {
	profiles?: string[]
	image?: string
	build?: unknown
	command?: string[]
	environment?: Record<string, string>
	deploy?: { replicas?: number }
	depends_on?: Record<string, { condition: string }> | string[]
	stop_grace_period?: string
}

describe('docker-compose.yml', () => {
	const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service> }
	const services = compose.services
	const production = Object.fromEntries(
		Object.entries(services).filter(([, s]) => s.profiles?.includes('production')),
	) as Record<string, Service>

	test('the development services stay outside any profile, as before', () => {
		expect(services.postgres!.profiles).toBeUndefined()
		expect(services.mailpit!.profiles).toBeUndefined()
	})

	test('the production profile: app ×3, worker ×2, PgBouncer in transaction mode, primary + replica, a load balancer, one-shot migrations', () => {
		expect(Object.keys(production).sort()).toEqual(
			['app', 'db-primary', 'db-replica', 'lb', 'migrate', 'pgbouncer', 'worker'].sort(),
		)
		expect(production.app!.deploy?.replicas).toBe(3)
		expect(production.worker!.deploy?.replicas).toBe(2)
		expect(production.pgbouncer!.environment?.POOL_MODE).toBe('transaction')
		expect(production.app!.environment?.DATABASE_URL).toMatch(/@pgbouncer:6432\/circle\?pgbouncer=true$/)
		expect(read('deploy/compose/replica-entrypoint.sh')).toMatch(/pg_basebackup .* -R /)
		expect(production.migrate!.command).toEqual(['npm', 'run', 'db:migrate'])
		expect(production.app!.command).toBeUndefined()
		expect(production.app!.depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' } })
		expect(production.worker!.command).toEqual(['node', '--import', 'tsx', 'scripts/worker.ts'])
	})

	test('Docker waits longer than the grace period before SIGKILL', () => {
		for (const name of ['app', 'worker']) {
			const grace = Number(production.app!.environment!.SHUTDOWN_GRACE_SECONDS)
			expect(Number.parseInt(production[name]!.stop_grace_period!)).toBeGreaterThan(grace)
		}
	})

	test('HAProxy sends traffic only to app containers whose /readyz answers 200', () => {
		const cfg = read('deploy/compose/haproxy.cfg')
		expect(cfg).toMatch(/option httpchk GET \/readyz/)
		expect(cfg).toMatch(/http-check expect status 200/)
		expect(cfg).toMatch(/server-template app 3 app:3000/)
	})
})

type K8sObject = { kind: string; metadata: { name: string }; spec: Record<string, unknown> }
type Container = {
	name: string
	command?: string[]
	resources?: { requests?: Record<string, string>; limits?: Record<string, string> }
	readinessProbe?: { httpGet?: { path: string } }
	livenessProbe?: { httpGet?: { path: string } }
	lifecycle?: { preStop?: { sleep?: { seconds: number } } }
	env?: Array<{ name: string; value?: string; valueFrom?: unknown }>
}
type PodSpec = { terminationGracePeriodSeconds?: number; containers: Container[]; restartPolicy?: string }

describe('Kubernetes manifests (deploy/k8s)', () => {
	const dir = path.join(root, 'deploy/k8s')
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))
	const objects = files
		.filter((f) => f !== 'kustomization.yaml')
		.flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS() as K8sObject))
	const find = (kind: string, name: string) => {
		const found = objects.find((o) => o.kind === kind && o.metadata.name === name)
		if (!found) throw new Error(`No ${kind} ${name} in deploy/k8s`)
		return found
	}
	const pod = (o: K8sObject) => (o.spec.template as { spec: PodSpec }).spec
	const config = find('ConfigMap', 'circle-config') as unknown as { data: Record<string, string> }
	const grace = Number(config.data.SHUTDOWN_GRACE_SECONDS)

	test('kustomization lists every manifest', () => {
		const kustomization = parse(read('deploy/k8s/kustomization.yaml')) as { resources: string[] }
		expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml').sort())
	})

	test('web: 3 replicas, readiness /readyz, liveness /healthz, resources, a preStop sleep and room for the grace period', () => {
		const web = find('Deployment', 'circle-web')
		expect(web.spec.replicas).toBe(3)
		const spec = pod(web)
		const [container] = spec.containers
		expect(container!.readinessProbe?.httpGet?.path).toBe('/readyz')
		expect(container!.livenessProbe?.httpGet?.path).toBe('/healthz')
		expect(container!.resources?.requests?.cpu).toBeDefined()
		expect(container!.resources?.requests?.memory).toBeDefined()
		expect(container!.resources?.limits?.memory).toBeDefined()
		const preStop = container!.lifecycle?.preStop?.sleep?.seconds ?? 0
		expect(preStop).toBeGreaterThan(0)
		expect(grace).toBeGreaterThan(0)
		expect(spec.terminationGracePeriodSeconds).toBeGreaterThan(preStop + grace)
		// The image's CMD serves; nothing here runs migrations at a pod's start.
		expect(container!.command).toBeUndefined()
	})

	test('worker: 2 replicas with resources and room for the jobs in hand', () => {
		const worker = find('Deployment', 'circle-worker')
		expect(worker.spec.replicas).toBe(2)
		const spec = pod(worker)
		expect(spec.containers[0]!.command).toEqual(['tini', '--', 'node', '--import', 'tsx', 'scripts/worker.ts'])
		expect(spec.containers[0]!.resources?.requests?.cpu).toBeDefined()
		expect(spec.terminationGracePeriodSeconds).toBeGreaterThan(grace)
	})

	test('a Service, PodDisruptionBudgets and a HorizontalPodAutoscaler for the web pods', () => {
		const labels = (find('Deployment', 'circle-web').spec.selector as { matchLabels: Record<string, string> })
			.matchLabels
		expect(find('Service', 'circle-web').spec.selector).toEqual(labels)
		const pdb = find('PodDisruptionBudget', 'circle-web')
		expect((pdb.spec.selector as { matchLabels: unknown }).matchLabels).toEqual(labels)
		expect(pdb.spec.minAvailable).toBeLessThan(3)
		find('PodDisruptionBudget', 'circle-worker')
		const hpa = find('HorizontalPodAutoscaler', 'circle-web')
		expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'circle-web' })
		expect(hpa.spec.minReplicas).toBe(3)
		expect(hpa.spec.maxReplicas).toBeGreaterThan(3)
	})

	test('migrations run as a Job, once, never restarted in place', () => {
		const job = find('Job', 'circle-migrate')
		const spec = pod(job)
		expect(spec.restartPolicy).toBe('Never')
		expect(spec.containers[0]!.command).toEqual(['npm', 'run', 'db:migrate'])
	})

	test('every pod runs as a non-root user', () => {
		for (const o of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
			const security = (pod(o) as PodSpec & { securityContext?: { runAsNonRoot?: boolean; runAsUser?: number } })
				.securityContext
			expect(security?.runAsNonRoot, o.metadata.name).toBe(true)
			expect(security?.runAsUser, o.metadata.name).not.toBe(0)
		}
	})

	test('the example Secret holds placeholders only', () => {
		const secret = find('Secret', 'circle-secrets') as unknown as { stringData: Record<string, string> }
		for (const [key, value] of Object.entries(secret.stringData)) expect(value, key).toContain('CHANGE-ME')
	})
})
