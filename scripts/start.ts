/**
 * `npm start` and `npm run dev`: one command from a fresh clone to a running Circle.
 *
 * `npm start` runs this file compiled (build/server/start.js) through scripts/start.mjs, which
 * first makes the production build if the sources changed since the last one; through tsx
 * (`npm run dev`, or `node --import tsx scripts/start.ts --build-if-stale`) it runs as TypeScript.
 * `--build-dir <dir>` serves a build other than build/ (the cluster test's).
 *
 * 0. With --build-if-stale, makes the production build first if the sources changed since the
 *    last one.
 * 1. Validates the environment (one clear line naming any bad variable, then exit 1), decides demo
 *    mode (DEMO_MODE, by default no DATABASE_URL outside production: ADR 0052) and, unless --dev or
 *    NODE_ENV says otherwise, sets NODE_ENV=production, so that the server runs React's and React
 *    Router's production builds, the demo included. Both are passed on to every process it starts.
 * 2. Without DATABASE_URL, starts an embedded PostgreSQL whose data persists in EMBEDDED_PG_DIR.
 * 3. Applies migrations when any is pending, except in production with DATABASE_URL set, where they are their own step
 *    (`npm run db:migrate`, once per release: ADR 0047) and start-up refuses a database that lacks
 *    one; in demo mode or outside production, seeds demo content into an empty database (unless
 *    SEED_DEMO=false).
 * 4. Serves on PORT: the production build from WEB_CONCURRENCY HTTP worker processes (Node's
 *    cluster, one per core by default; scripts/web-cluster.ts, compiled JavaScript: ADR 0054), or
 *    from this one process when WEB_CONCURRENCY is 1 and always under --dev (Vite, hot reload);
 *    then, once it answers, starts the demo's identity provider and the job worker (RUN_WORKER).
 *    Everything above happens once, here, whatever the number of HTTP workers.
 * 5. SIGTERM or Ctrl-C shuts down gracefully within SHUTDOWN_GRACE_SECONDS: readiness answers 503,
 *    no new connections, requests in progress finish, the job worker takes no new jobs and lets
 *    those in hand finish, then PostgreSQL stops and the process exits 0 (1 if it had to cut
 *    something off). A second Ctrl-C exits at once.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
	EnvError,
	isDemoMode,
	isRealDeployment,
	parseEnv,
	requireDirectDatabaseUrl,
	seedsDemoContent,
	webConcurrency,
} from '#modules/env/env.ts'

const dev = process.argv.includes('--dev')
/** The checkout: scripts/ for the TypeScript, build/server/ for the compiled file (ADR 0054). */
function projectRoot(dir: string): string {
	if (fs.existsSync(path.join(dir, 'package.json'))) return dir
	const parent = path.dirname(dir)
	if (parent === dir) throw new Error(`No package.json above ${import.meta.dirname}`)
	return projectRoot(parent)
}
const root = projectRoot(import.meta.dirname)
const buildDirArg = process.argv.indexOf('--build-dir')
const buildDir = path.resolve(root, buildDirArg >= 0 ? process.argv[buildDirArg + 1]! : 'build')

function parseEnvOrExit() {
	try {
		return parseEnv()
	} catch (error) {
		if (error instanceof EnvError) {
			console.error(error.message)
			process.exit(1)
		}
		throw error
	}
}

/**
 * `npm start`'s build step (--build-if-stale), in this process: the production build is made only
 * when the sources changed since the last one (scripts/build-stamp.ts, ADR 0020). Checked here
 * rather than by a `tsx scripts/build.ts --if-stale` before this script, which cost every restart a
 * second Node process and tsx's start-up for a hash that takes a fraction of a second (ADR 0054).
 */
async function buildIfStale() {
	const { staleBuildReason } = await import('./build-stamp.ts')
	const reason = staleBuildReason({ root, buildDir })
	if (!reason) return console.log('The build is up to date with the sources: not rebuilding.')
	const { spawnSync } = await import('node:child_process')
	const build = [path.join(root, 'scripts/build.ts'), '--if-stale', '--build-dir', buildDir]
	const result = spawnSync(process.execPath, ['--import', 'tsx', ...build], {
		cwd: root,
		stdio: 'inherit',
	})
	if (result.status !== 0) process.exit(result.status ?? 1)
}

async function main() {
	if (process.argv.includes('--build-if-stale') && !dev) await buildIfStale()
	// Demo mode is decided on the environment as given (a fresh clone sets nothing: a demo), before
	// NODE_ENV=production is filled in below; the processes started from here read the decision.
	const demoMode = isDemoMode(parseEnvOrExit())
	/* eslint-disable no-restricted-properties -- setting them for this process and its children, not reading them */
	process.env.DEMO_MODE = String(demoMode)
	// Before anything imports React: it picks its production or development build once, on import.
	if (!dev && !process.env.NODE_ENV) process.env.NODE_ENV = 'production'
	/* eslint-enable no-restricted-properties */
	const env = parseEnvOrExit()

	const graceMs = env.SHUTDOWN_GRACE_SECONDS * 1000
	// Closed in reverse order once the requests and jobs in hand are done: the database last.
	const stops: Array<() => Promise<unknown>> = []
	let drainHttp: (() => Promise<boolean>) | undefined
	let stopJobs: (() => Promise<void>) | undefined
	let stopping = false
	const shutdown = async (signal: string) => {
		if (stopping) {
			console.log(`${signal} again: stopping now`)
			process.exit(1)
		}
		stopping = true
		console.log(`\n${signal}: stopping Circle (requests and jobs in progress get ${env.SHUTDOWN_GRACE_SECONDS} s)…`)
		// The backstop: whatever hangs (a database that never answers), the process still ends.
		setTimeout(() => {
			console.error(`Circle did not stop within ${env.SHUTDOWN_GRACE_SECONDS} s: exiting now.`)
			process.exit(1)
		}, graceMs + 5_000).unref()
		const [httpInTime] = await Promise.all([
			drainHttp?.() ?? true,
			stopJobs?.().catch((e: unknown) => console.error(e)),
		])
		for (const stop of stops.reverse()) {
			await stop().catch((e: unknown) => console.error(e))
		}
		process.exit(httpInTime ? 0 : 1)
	}
	// Ctrl-C in a terminal reaches the embedded PostgreSQL too, which then ends every connection
	// (error 57P01) while we are still closing things in order: expected, not a crash. So is a closed
	// stdout (EPIPE: whatever read our output has gone), which must not skip stopping the database.
	process.on('uncaughtException', (error: Error & { code?: string }) => {
		if (stopping && (error.code === '57P01' || error.code === 'EPIPE')) return
		console.error(error)
		process.exit(1)
	})
	process.on('SIGINT', () => void shutdown('SIGINT'))
	process.on('SIGTERM', () => void shutdown('SIGTERM'))

	if (!env.DATABASE_URL) {
		const { startEmbeddedPostgres } = await import('#modules/db/embedded.ts')
		console.log(`Starting embedded PostgreSQL (data in ${env.EMBEDDED_PG_DIR}, port ${env.EMBEDDED_PG_PORT})…`)
		const db = await startEmbeddedPostgres({
			dataDir: path.resolve(root, env.EMBEDDED_PG_DIR),
			port: env.EMBEDDED_PG_PORT,
			// Stopped by shutdown() after the requests in progress, not the moment a signal arrives.
			keepSignalHandlers: false,
		})
		stops.push(db.stop)
		// Provides the address for the Prisma client and the queue, which read it through modules/env.
		// eslint-disable-next-line no-restricted-properties -- setting it, not reading it
		process.env.DATABASE_URL = db.url
	}
	// Straight to PostgreSQL, past any PgBouncer: migrate holds a session-level lock (ADR 0048).
	const databaseUrl = requireDirectDatabaseUrl()

	const { migrateDeploy, pendingMigrations } = await import('#modules/db/migrate.ts')
	if (env.NODE_ENV === 'production' && env.DATABASE_URL) {
		// Replicas starting must not change the schema under those serving; nor serve an older one.
		const pending = await pendingMigrations(databaseUrl)
		if (pending.length > 0) {
			console.error(
				`The database lacks ${pending.length} migration(s) (${pending.join(', ')}): run \`npm run db:migrate\` (the image's migrate step) first.`,
			)
			process.exit(1)
		}
	} else {
		// Asking the database is a query; Prisma's CLI is a second Node process and a second or two
		// of every restart, so it runs only when there is something to apply.
		const pending = await pendingMigrations(databaseUrl)
		if (pending.length > 0) {
			console.log(`Applying ${pending.length} database migration(s)…`)
			await migrateDeploy(databaseUrl)
		}
	}

	// Imported only now: the Prisma client reads DATABASE_URL when it is created.
	const { prisma } = await import('#modules/db/client.ts')
	const { closeThrottles } = await import('#modules/security/throttle.ts')
	const { closeReadinessConnections } = await import('#modules/db/sql.ts')
	stops.push(() => prisma.$disconnect(), closeThrottles, closeReadinessConnections)
	const { isDatabaseEmpty } = await import('#prisma/database-empty.ts')
	const seedDemo = seedsDemoContent(env)
	let seeded = false
	if (seedDemo && (await isDatabaseEmpty())) {
		console.log('Empty database: loading demo content…')
		await (await import('#prisma/seed.ts')).seedDemo()
		seeded = true
	}

	// Serving comes first: the identity provider and the job worker start once the HTTP workers
	// answer, rather than compete with them for the CPU while they load the server build (on two
	// cores, two workers and this process). Nothing a first page needs waits on either.
	const workers = dev ? 1 : webConcurrency(env)
	if (workers > 1) {
		const { startWebCluster } = await import('./web-cluster.ts')
		drainHttp = (await startWebCluster({ count: workers, graceMs, buildDir })).stop
	} else {
		const { serveHttp } = await import('#app/server/serve.ts')
		const { drain } = await serveHttp({
			env,
			mode: dev ? { kind: 'development' } : { kind: 'production', buildDir },
			port: env.PORT,
		})
		drainHttp = () => drain({ graceMs })
	}
	// Imported after serving starts: the demo's accounts and organisation, for the identity provider
	// and the banner below (the module pulls in most of the domain code).
	const seed = await import('#prisma/seed.ts')

	/** The development identity provider, or null if it could not start (a warning says why). */
	const startDemoIdp = async (): Promise<{ issuer: string } | null> => {
		const { startDevIdp } = await import('./dev-idp.ts')
		const { configureDemoSso, DEMO_SSO } = await import('#prisma/demo-sso.ts')
		const { devIdpPort } = await import('#modules/env/env.ts')
		const origins = [
			`http://localhost:${env.PORT}`,
			`http://127.0.0.1:${env.PORT}`,
			...(env.APP_URL ? [env.APP_URL] : []),
		]
		const people = await prisma.user.findMany({
			where: { email: { endsWith: `@${DEMO_SSO.domain}` } },
			select: { email: true, name: true },
			orderBy: { name: 'asc' },
		})
		try {
			const started = await startDevIdp({
				port: devIdpPort(env),
				redirectUris: origins.map((o) => `${o.replace(/\/$/, '')}/sso/callback`),
				people,
			})
			stops.push(started.close)
			await configureDemoSso({ issuer: started.issuer, organisationSlug: seed.DEMO_ORGANISATION.slug })
			return started
		} catch (error) {
			console.warn(
				`The development identity provider could not start on port ${devIdpPort(env)} (${error instanceof Error ? error.message : String(error)}): single sign-on will not work in this demo. Set DEV_IDP_PORT to a free port.`,
			)
			return null
		}
	}
	let devIdp: { issuer: string } | null = null
	try {
		// The development identity provider signs anyone in: demo mode only (never a real deployment).
		if (demoMode) devIdp = await startDemoIdp()
		if (env.RUN_WORKER) {
			const { startWorker, stopWorker } = await import('#modules/jobs/worker.ts')
			await startWorker()
			// pg-boss stops fetching at once and gives the jobs in hand the grace period to finish.
			stopJobs = () => stopWorker({ timeoutMs: graceMs })
		}
	} catch (error) {
		// Ctrl-C just after the first page: the database may stop under these steps, which is no error.
		if (stopping) return
		throw error
	}
	// A signal that arrived while starting finds nothing to drain yet: start-up stops here.
	if (stopping) return

	const url = env.APP_URL ?? `http://localhost:${env.PORT}`
	const processes = workers > 1 ? ` (${workers} HTTP worker processes)` : ''
	console.log(`\nCircle is running at ${url}${dev ? ' (development, hot reload)' : processes}`)
	const hasDemoAccounts = seeded || (await prisma.user.count({ where: { email: seed.DEMO_ACCOUNTS[0].email } })) > 0
	if (hasDemoAccounts) {
		console.log(`\nDemo logins (password: ${seed.DEMO_PASSWORD})`)
		for (const account of seed.DEMO_ACCOUNTS) {
			const totp = seed.DEMO_TOTP_ACCOUNTS.includes(account.email) ? '  (+ authenticator code, below)' : ''
			console.log(`  ${account.label.padEnd(20)} ${account.email}${totp}`)
		}
		console.log(
			`\nThe trainer and platform admin use two-step sign-in. Add this key to any authenticator app\n(time-based, 6 digits, 30 seconds) and type its code when asked:\n  ${seed.DEMO_TOTP_SECRET.match(/.{4}/g)?.join(' ')}`,
		)
	}
	if (devIdp) {
		console.log(
			`\nSingle sign-on: log in with any address at riverside.example (e.g. aisha.rahman@riverside.example, or a new one)\n  and an empty password. The development identity provider at ${devIdp.issuer} signs you in without a password.`,
		)
	}
	if (!env.SMTP_URL && !isRealDeployment(env)) console.log(`\nEmails go to the dev outbox: ${url}/dev/outbox`)
	if (!env.APP_URL && !isRealDeployment(env)) {
		console.log(
			`Links in emails point where you opened Circle (${url} or http://127.0.0.1:${env.PORT}); set APP_URL to fix one address.`,
		)
	}
	console.log('\nPress Ctrl-C to stop.')
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error)
	process.exit(1)
})
