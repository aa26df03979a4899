import cluster from 'node:cluster'
import express from 'express'
import { databaseAnswers } from '#modules/db/sql.ts'

/** Whether this process is shutting down: set on SIGTERM, read by /readyz and every response. */
export type Lifecycle = { draining: boolean }

/** How long /readyz waits for the database before answering 503: well inside any probe's timeout. */
export const READINESS_TIMEOUT_MS = 2_000

/**
 * The probes of load balancers and orchestrators, answered before any other middleware (no session,
 * no React Router, nothing logged):
 *
 * - GET /healthz (liveness): 200 whenever the process answers at all. It never touches the database,
 *   so a database outage does not make Kubernetes restart every replica at once.
 * - GET /readyz (readiness): 200 once `SELECT 1` answers within two seconds on a connection of its
 *   own; 503 while it does not, and from SIGTERM on (`lifecycle.draining`), so that traffic moves
 *   away from a process that is about to stop.
 *
 * Under the cluster (`WEB_CONCURRENCY` above 1) both carry X-Circle-Worker, the cluster's number for
 * the worker that answered (a new number for each replacement), so an operator can see them all answer.
 */
export function healthRoutes({
	databaseUrl,
	lifecycle,
	timeoutMs = READINESS_TIMEOUT_MS,
}: {
	databaseUrl: string | undefined
	lifecycle: Lifecycle
	timeoutMs?: number
}) {
	const router = express.Router()
	router.use(['/healthz', '/readyz'], (_req, res, next) => {
		res.setHeader('Cache-Control', 'no-store')
		res.type('text/plain')
		if (cluster.isWorker) res.setHeader('X-Circle-Worker', String(cluster.worker?.id))
		next()
	})
	router.get('/healthz', (_req, res) => {
		res.send('OK')
	})
	router.get('/readyz', async (_req, res) => {
		if (lifecycle.draining) {
			res.status(503).send('Shutting down')
			return
		}
		const answers = databaseUrl ? await databaseAnswers({ url: databaseUrl, timeoutMs }) : false
		if (answers) res.send('OK')
		else res.status(503).send('Database unavailable')
	})
	return router
}
