/**
 * `npm start` and `npm run dev`: one command from a fresh clone to a running Circle.
 *
 * 1. Validates the environment (one clear line naming any bad variable, then exit 1).
 * 2. Without DATABASE_URL, starts an embedded PostgreSQL whose data persists in EMBEDDED_PG_DIR.
 * 3. Applies migrations, except in production with DATABASE_URL set, where they are their own step
 *    (`npm run db:migrate`, once per release: ADR 0047) and start-up refuses a database that lacks
 *    one; seeds demo content into an empty database (unless SEED_DEMO=false).
 * 4. Runs the job worker (RUN_WORKER) and serves on PORT: the production build from WEB_CONCURRENCY
 *    HTTP worker processes (Node's cluster, one per core by default; scripts/web-cluster.ts), or
 *    from this one process when WEB_CONCURRENCY is 1 and always under --dev (Vite, hot reload).
 *    Everything above happens once, here, whatever the number of HTTP workers.
 * 5. SIGTERM or Ctrl-C shuts down gracefully within SHUTDOWN_GRACE_SECONDS: readiness answers 503,
 *    no new connections, requests in progress finish, the job worker takes no new jobs and lets
 *    those in hand finish, then PostgreSQL stops and the process exits 0 (1 if it had to cut
 *    something off). A second Ctrl-C exits at once.
 */
import path from 'node:path'
import { EnvError, parseEnv, requireDirectDatabaseUrl, webConcurrency } from '#modules/env/env.ts'

const dev = process.argv.includes('--dev')
const root = path.resolve(import.meta.dirname, '..')

async function main() {
	let env
	try {
		env = parseEnv()
	} catch (error) {
		if (error instanceof EnvError) {
			console.error(error.message)
			process.exit(1)
		}
		throw error
	}

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

	// Demo mode: no DATABASE_URL outside production. It also runs the development identity provider.
	const demoMode = !env.DATABASE_URL && env.NODE_ENV !== 'production'
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
		console.log('Applying database migrations…')
		await migrateDeploy(databaseUrl)
	}

	// Imported only now: the Prisma client reads DATABASE_URL when it is created.
	const { prisma } = await import('#modules/db/client.ts')
	const { closeThrottles } = await import('#modules/security/throttle.ts')
	const { closeReadinessConnections } = await import('#modules/db/sql.ts')
	stops.push(() => prisma.$disconnect(), closeThrottles, closeReadinessConnections)
	const seed = await import('#prisma/seed.ts')
	const seedDemo = env.SEED_DEMO ?? env.NODE_ENV !== 'production'
	let seeded = false
	if (seedDemo && (await seed.isDatabaseEmpty())) {
		console.log('Empty database: loading demo content…')
		await seed.seedDemo()
		seeded = true
	}

	let devIdp: { issuer: string } | null = null
	if (demoMode) {
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
			devIdp = started
		} catch (error) {
			console.warn(
				`The development identity provider could not start on port ${devIdpPort(env)} (${error instanceof Error ? error.message : String(error)}): single sign-on will not work in this demo. Set DEV_IDP_PORT to a free port.`,
			)
		}
	}

	if (env.RUN_WORKER) {
		const { startWorker, stopWorker } = await import('#modules/jobs/worker.ts')
		await startWorker()
		// pg-boss stops fetching at once and gives the jobs in hand the grace period to finish.
		stopJobs = () => stopWorker({ timeoutMs: graceMs })
	}

	const workers = dev ? 1 : webConcurrency(env)
	if (workers > 1) {
		const { startWebCluster } = await import('./web-cluster.ts')
		const web = await startWebCluster({ count: workers, graceMs })
		drainHttp = web.stop
	} else {
		const { serveHttp } = await import('#app/server/serve.ts')
		const { drain } = await serveHttp({
			env,
			mode: dev ? { kind: 'development' } : { kind: 'production', buildDir: path.join(root, 'build') },
			port: env.PORT,
		})
		drainHttp = () => drain({ graceMs })
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
	if (!env.SMTP_URL && env.NODE_ENV !== 'production') console.log(`\nEmails go to the dev outbox: ${url}/dev/outbox`)
	if (!env.APP_URL && env.NODE_ENV !== 'production') {
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
