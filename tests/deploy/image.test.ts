// The production image, rehearsed without Docker. `docker build` cannot run on the development
// machines or in CI (no Docker daemon, and Docker Hub, where node:20-bookworm-slim comes from, is out
// of reach), so tests/deploy/manifests.test.ts alone would only say what the Dockerfile *says*. This
// test does what its stages do, on the host, reading the Dockerfile itself so that it follows every
// change to it:
//   build stage: the build context as .dockerignore filters it, the dependencies `npm ci` installs
//     (the checkout's own, from the same lockfile, hard-linked) with their postinstall, then the
//     stage's RUN after `COPY . .` (`npm run build && npm prune --omit=dev`), as written;
//   runtime stage: only what it COPYs from the build stage, its ENV, code owned by root and a user
//     who can write only .data (the USER of the image), then the commands the Dockerfile's header
//     gives: the migrations as a one-shot command against an empty database, the default CMD (the
//     server), and the job worker; each must come up, answer, and exit 0 on SIGTERM.
// What it proves that reading the file cannot: production dependencies are enough to migrate, serve
// and run jobs (nothing the runtime needs is a devDependency or under tests/ or docs/), the runtime
// stage copies every file the server reads, and nothing writes outside .data.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net, { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const NOBODY = 65534

type Stage = { name: string; lines: string[] }

/** The Dockerfile's instructions per stage, continuation lines joined, comments dropped. */
function dockerfileStages(text: string): Stage[] {
	const stages: Stage[] = []
	const logical = text
		.replace(/\\\r?\n/g, ' ')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'))
	for (const line of logical) {
		const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line)
		if (from) stages.push({ name: from[1] ?? `stage${stages.length}`, lines: [] })
		else stages.at(-1)?.lines.push(line)
	}
	return stages
}

/** The commands the Dockerfile's header runs the image with: `docker run … circle <command>`. */
function headerCommands(text: string) {
	return text
		.split('\n')
		.map((line) => /^#\s+docker run .*?\bcircle(?:\s+([^#]+?))?\s*(?:#.*)?$/.exec(line)?.[1]?.trim())
		.filter((command): command is string => Boolean(command))
}

/** A .dockerignore pattern as a RegExp over a path relative to the context (Docker's rules: a match excludes a directory's contents too). */
function ignorePattern(pattern: string) {
	const body = pattern
		.replace(/^\//, '')
		.replace(/[.+^${}()|[\]\\]/g, '\\$&')
		.split('**')
		.map((part) => part.replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
		.join('.*')
	return new RegExp(`^${body}(?:/.*)?$`)
}

/** The files of the build context: the checkout's (tracked and untracked, not git-ignored) that .dockerignore lets through. */
function buildContext() {
	const rules = fs
		.readFileSync(path.join(root, '.dockerignore'), 'utf8')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'))
		.map((line) =>
			line.startsWith('!')
				? { keep: true, re: ignorePattern(line.slice(1)) }
				: { keep: false, re: ignorePattern(line) },
		)
	const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
		cwd: root,
		encoding: 'utf8',
	})
		.split('\0')
		.filter((file) => file && fs.existsSync(path.join(root, file)))
	// The last rule that matches decides, as in Docker.
	return files.filter((file) => {
		let included = true
		for (const rule of rules) if (rule.re.test(file)) included = rule.keep
		return included
	})
}

function run(command: string, cwd: string, env: NodeJS.ProcessEnv = process.env) {
	execFileSync('sh', ['-c', command], { cwd, env, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 })
}

async function freePort() {
	const probe = net.createServer().listen(0, '127.0.0.1')
	await new Promise((resolve) => probe.once('listening', resolve))
	const { port } = probe.address() as AddressInfo
	await new Promise((resolve) => probe.close(resolve))
	return port
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, output: () => string, ms: number) {
	const deadline = Date.now() + ms
	for (;;) {
		const value = await probe().catch(() => undefined)
		if (value !== undefined) return value
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Its output:\n${output()}`)
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
}

const text = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')
const stages = dockerfileStages(text)
const buildStage = stages.find((s) => s.name === 'build')!
const runtimeStage = stages.find((s) => s.name === 'runtime')!
const asRoot = process.getuid?.() === 0

let work: string
let runtimeDir: string
let adminUrl: string
let database: string
let env: NodeJS.ProcessEnv
const started: ChildProcess[] = []

/** A command of the image, run as its user in the runtime directory (`sh -c`, as `docker run image cmd` with a shell-form command). */
function start(argv: string[]) {
	const child = spawn(argv[0]!, argv.slice(1), {
		cwd: runtimeDir,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
	})
	let output = ''
	child.stdout!.on('data', (d) => (output += d))
	child.stderr!.on('data', (d) => (output += d))
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
	started.push(child)
	return { child, output: () => output, exited }
}

beforeAll(async () => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'circle-image-'))
	fs.chmodSync(work, 0o755)
	const buildDir = path.join(work, 'build-stage')
	runtimeDir = path.join(work, 'app')

	// ── build stage ──
	for (const file of buildContext()) {
		fs.mkdirSync(path.dirname(path.join(buildDir, file)), { recursive: true })
		fs.copyFileSync(path.join(root, file), path.join(buildDir, file))
	}
	expect(buildStage.lines.some((l) => /^RUN npm ci\b/.test(l))).toBe(true)
	// `npm ci`: the same lockfile's packages, hard-linked (nothing below writes into a file in place:
	// npm prune unlinks, and the few files npm rewrites are replaced by copies first), then its postinstall.
	const modules = JSON.stringify(path.join(root, 'node_modules'))
	// Hard links need one filesystem; where the temporary directory is on another, a plain copy.
	run(`cp -al ${modules} node_modules 2>/dev/null || (rm -rf node_modules && cp -a ${modules} node_modules)`, buildDir)
	for (const own of ['node_modules/.package-lock.json', 'node_modules/.vite', 'node_modules/.cache']) {
		const at = path.join(buildDir, own)
		if (!fs.existsSync(at)) continue
		fs.rmSync(at, { recursive: true })
		if (own.endsWith('.json')) fs.copyFileSync(path.join(root, own), at)
	}
	run('npm run postinstall', buildDir)
	// Every RUN after `COPY . .`, as written (the build and the pruning of dev dependencies).
	const afterCopy = buildStage.lines.slice(buildStage.lines.findIndex((l) => /^COPY \. \.$/.test(l)) + 1)
	const runs = afterCopy.filter((l) => l.startsWith('RUN ')).map((l) => l.slice(4))
	expect(runs.length).toBeGreaterThan(0)
	for (const command of runs) run(command, buildDir, { ...process.env, NODE_ENV: 'production' })

	// ── runtime stage ──
	fs.mkdirSync(runtimeDir)
	env = { PATH: process.env.PATH, HOME: path.join(work, 'home'), TMPDIR: path.join(work, 'tmp') }
	for (const line of runtimeStage.lines) {
		const copy = /^COPY --from=build (.+)$/.exec(line)
		if (copy) {
			const parts = copy[1]!.split(/\s+/)
			const dest = parts.pop()!
			for (const source of parts) {
				const from = path.join(buildDir, path.relative('/app', source))
				const to =
					dest.endsWith('/') || parts.length > 1
						? path.join(runtimeDir, path.basename(from))
						: path.join(runtimeDir, dest)
				run(`cp -al ${JSON.stringify(from)} ${JSON.stringify(to)}`, work)
			}
		}
		const envLine = /^ENV (.+)$/.exec(line)
		if (envLine) for (const [, k, v] of envLine[1]!.matchAll(/(\w+)=(\S+)/g)) env[k!] = v
	}
	// The image's one writable place (`RUN mkdir -p /app/.data/uploads && chown -R node:node /app/.data`), its user's home and /tmp.
	expect(
		runtimeStage.lines.some((l) => /mkdir -p \/app\/\.data\/uploads && chown -R node:node \/app\/\.data/.test(l)),
	).toBe(true)
	expect(runtimeStage.lines).toContain('USER node')
	for (const dir of [path.join(runtimeDir, '.data/uploads'), env.HOME!, env.TMPDIR!]) {
		fs.mkdirSync(dir, { recursive: true })
		if (asRoot) fs.chownSync(dir, NOBODY, NOBODY)
	}
	if (asRoot) fs.chownSync(path.join(runtimeDir, '.data'), NOBODY, NOBODY)

	// An empty database of its own on the test server, for the migrations to build from nothing.
	const direct = new URL(process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL!)
	database = `circle_image_${process.pid}`
	direct.pathname = '/postgres'
	adminUrl = direct.toString()
	const admin = new pg.Client({ connectionString: adminUrl })
	await admin.connect()
	await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
	await admin.query(`CREATE DATABASE "${database}"`)
	await admin.end()
	direct.pathname = `/${database}`
	const port = await freePort()
	Object.assign(env, {
		DATABASE_URL: direct.toString(),
		PORT: String(port),
		APP_URL: `http://127.0.0.1:${port}`,
		SECRETS_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
		WEB_CONCURRENCY: '1',
		SHUTDOWN_GRACE_SECONDS: '20',
		DATABASE_POOL_SIZE: '3',
	})
}, 900_000)

afterAll(async () => {
	for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
	if (adminUrl) {
		const admin = new pg.Client({ connectionString: adminUrl })
		await admin.connect()
		await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {})
		await admin.end()
	}
	if (work) fs.rmSync(work, { recursive: true, force: true })
})

describe('the production image, stage by stage (Dockerfile)', () => {
	test('the runtime holds production dependencies only, the build, and no tests or docs', () => {
		expect(env.NODE_ENV).toBe('production')
		// What the lockfile marks dev-only (needed by no production dependency) is gone; every
		// production dependency is there.
		const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
			packages: Record<string, { dev?: boolean }>
		}
		const devOnly = Object.entries(lock.packages)
			.filter(([at, entry]) => at.startsWith('node_modules/') && entry.dev)
			.map(([at]) => at)
		expect(devOnly).toEqual(
			expect.arrayContaining(['node_modules/vitest', 'node_modules/vite', 'node_modules/@react-router/dev']),
		)
		expect(devOnly.filter((at) => fs.existsSync(path.join(runtimeDir, at)))).toEqual([])
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
			dependencies: Record<string, string>
		}
		for (const dependency of Object.keys(pkg.dependencies)) {
			expect(fs.existsSync(path.join(runtimeDir, 'node_modules', dependency)), dependency).toBe(true)
		}
		expect(fs.existsSync(path.join(runtimeDir, 'build/server/index.js'))).toBe(true)
		for (const absent of ['tests', 'docs', '.git', '.env'])
			expect(fs.existsSync(path.join(runtimeDir, absent)), absent).toBe(false)
	})

	test('the migrations, as their one-shot command, build an empty database', async () => {
		const migrate = headerCommands(text).find((c) => c.includes('migrate'))
		expect(migrate).toBe('npm run db:migrate')
		const { exited, output } = start(['sh', '-c', migrate!])
		expect(await exited, output()).toBe(0)
		const client = new pg.Client({ connectionString: env.DATABASE_URL })
		await client.connect()
		try {
			const { rows } = await client.query<{ n: string }>(
				`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
			)
			const migrations = fs.readdirSync(path.join(root, 'prisma/migrations')).filter((m) => /^\d/.test(m))
			expect(Number(rows[0]!.n)).toBe(migrations.length)
		} finally {
			await client.end()
		}
	}, 300_000)

	test('the default command serves pages as a user who owns none of the code, and drains on SIGTERM', async () => {
		const cmd = /^CMD (\[.*\])$/.exec(runtimeStage.lines.find((l) => l.startsWith('CMD '))!)
		const server = start(JSON.parse(cmd![1]!) as string[])
		const origin = env.APP_URL!
		const get = (p: string) => fetch(`${origin}${p}`, { redirect: 'manual', signal: AbortSignal.timeout(30_000) })
		await until(
			'/readyz',
			async () => ((await get('/readyz')).status === 200 ? true : undefined),
			server.output,
			240_000,
		)
		for (const page of ['/', '/courses', '/login', '/accessibility']) {
			const response = await get(page)
			expect(response.status, `${page}\n${server.output()}`).toBe(200)
			expect(await response.text()).toContain('<html')
		}
		expect((await get('/healthz')).status).toBe(200)
		// The HTTP worker and the primary both run as the image's user, not as root.
		if (asRoot) {
			const owners = execFileSync(
				'ps',
				['-o', 'uid=', '--ppid', String(server.child.pid), '-p', String(server.child.pid)],
				{ encoding: 'utf8' },
			)
			expect(owners.trim().split(/\s+/).map(Number)).toEqual(expect.arrayContaining([NOBODY]))
			expect(owners.trim().split(/\s+/).map(Number)).not.toContain(0)
		}
		server.child.kill('SIGTERM')
		expect(await server.exited, server.output()).toBe(0)
		expect(server.output()).not.toMatch(/EACCES|EROFS|permission denied/i)
	}, 300_000)

	test('the job worker command starts on the migrated database and stops on SIGTERM', async () => {
		const worker = headerCommands(text).find((c) => c.includes('worker'))
		expect(worker).toBeDefined()
		const job = start(worker!.split(/\s+/))
		await until(
			'the worker',
			async () => (job.output().includes('Circle worker is running') ? true : undefined),
			job.output,
			180_000,
		)
		job.child.kill('SIGTERM')
		expect(await job.exited, job.output()).toBe(0)
		expect(job.output()).not.toMatch(/EACCES|EROFS|permission denied/i)
	}, 240_000)
})
