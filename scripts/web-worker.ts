/**
 * One HTTP worker of `npm start` when WEB_CONCURRENCY is above 1, forked by scripts/web-cluster.ts.
 * The primary has already validated the environment, started the database, migrated and seeded, and
 * runs the job worker; this process only serves requests on the shared PORT.
 *
 * SIGTERM (from the primary, which passes its own on) or SIGINT (Ctrl-C reaches the whole process
 * group) drains it: readiness 503, no new connections, requests in progress finish, then it exits 0;
 * after SHUTDOWN_GRACE_SECONDS it exits 1 with whatever is left cut off.
 *
 * `npm run build` compiles this file to build/server/web-worker.js, which the cluster runs with
 * plain Node (ADR 0054); the primary passes the build directory as the first argument, since the
 * compiled file no longer sits in scripts/.
 */
import path from 'node:path'
import { parseEnv } from '#modules/env/env.ts'

const buildDir = process.argv[2] ?? path.resolve(import.meta.dirname, '../build')

async function main() {
	const env = parseEnv()
	const { serveHttp } = await import('#app/server/serve.ts')
	const { prisma } = await import('#modules/db/client.ts')
	const { closeReadinessConnections } = await import('#modules/db/sql.ts')
	const { closeThrottles } = await import('#modules/security/throttle.ts')
	const { stopBoss } = await import('#modules/jobs/boss.ts')
	const { drain } = await serveHttp({ env, mode: { kind: 'production', buildDir }, port: env.PORT })

	let stopping = false
	const shutdown = async () => {
		if (stopping) return
		stopping = true
		const inTime = await drain({ graceMs: env.SHUTDOWN_GRACE_SECONDS * 1000 })
		// This process only sends jobs (pg-boss in web processes enqueues): nothing to wait for.
		await Promise.allSettled([
			prisma.$disconnect(),
			closeThrottles(),
			closeReadinessConnections(),
			stopBoss({ timeoutMs: 1000 }),
		])
		process.exit(inTime ? 0 : 1)
	}
	process.on('SIGTERM', () => void shutdown())
	process.on('SIGINT', () => void shutdown())
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error)
	process.exit(1)
})
