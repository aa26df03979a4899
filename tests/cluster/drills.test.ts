// `npm run test:cluster`: the failure drills of issue 17 (ADR 0050). One cluster (scripts/cluster:
// PostgreSQL primary and streaming replica, PgBouncer, three app processes behind HAProxy, two
// workers) is started once and damaged drill by drill, each under a bounded load of learner journeys
// (journey.ts). Each drill prints its figures on one line beginning "drill ". The last drill fails
// the primary over to the replica, so the order matters and the cluster is not reused afterwards.
// Not part of `npm test` (vitest.config.ts leaves this file out): it takes minutes.
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningCluster, startCluster } from '../../scripts/cluster/cluster.ts'
import { setReplayDelay, waitForStreaming } from '../../scripts/cluster/postgres.ts'
import { ownProcessGroups } from '../../scripts/cluster/processes.ts'
import { missingPackages, skippedFor } from '../../scripts/cluster/requirements.ts'
import { type FakeSmtpServer, startFakeSmtpServer } from '../fakes/smtp-server.ts'
import {
	describeRun,
	failureWindowSeconds,
	findLostRows,
	type JourneyFixtures,
	makeLearners,
	runJourney,
} from './journey.ts'

const missing = missingPackages()
const reason = skippedFor(missing)

// Concurrent journeys: each connection has at most one request in flight.
const CONNECTIONS = 6
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const report: string[] = []
function print(line: string) {
	report.push(line)
	console.log(line)
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		return (await client.query<T>(sql, params)).rows
	} finally {
		await client.end()
	}
}

async function waitFor(check: () => Promise<boolean>, { timeoutMs, what }: { timeoutMs: number; what: string }) {
	const deadline = Date.now() + timeoutMs
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
		await sleep(200)
	}
}

/** Marks the reading lesson done for a learner who has done everything else: the course completes. */
async function finishCourse(url: string, fixtures: JourneyFixtures, cookie: string) {
	const response = await fetch(`${url}${fixtures.readingPath}`, {
		method: 'POST',
		headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ intent: 'complete-reading' }).toString(),
		redirect: 'manual',
		signal: AbortSignal.timeout(60_000),
	})
	return response.status === 302
}

describe.skipIf(missing.length > 0)(`failure drills${reason}`, () => {
	const dir = path.resolve(import.meta.dirname, '../.tmp/cluster-drills')
	const recent: string[] = []
	let cluster: RunningCluster
	let smtp: FakeSmtpServer

	beforeAll(async () => {
		ownProcessGroups()
		fs.rmSync(dir, { recursive: true, force: true })
		smtp = await startFakeSmtpServer()
		const started = Date.now()
		try {
			cluster = await startCluster({
				dir,
				env: { SMTP_URL: smtp.url },
				log: (component, line) => {
					recent.push(`[${component}] ${line}`)
					recent.splice(0, Math.max(0, recent.length - 80))
				},
			})
		} catch (error) {
			throw new Error(`${(error as Error).message}\nLast lines:\n${recent.join('\n')}`)
		}
		print(`cluster started in ${((Date.now() - started) / 1000).toFixed(0)} s`)
	}, 15 * 60_000)

	afterAll(async () => {
		await cluster?.stop()
		await smtp?.close()
		if (report.length) {
			console.log(`\n${report.join('\n')}`)
			fs.mkdirSync(path.join(dir, '..'), { recursive: true })
			fs.writeFileSync(path.resolve(dir, '../cluster-drills.log'), `${report.join('\n')}\n`)
		}
		fs.rmSync(dir, { recursive: true, force: true })
	}, 180_000)

	/** A page from every app process directly, so that no drill measures a cold first render. */
	async function warmUp(fixtures: JourneyFixtures) {
		const cookie = fixtures.learners[0]!.cookie
		for (const app of cluster.components.filter((c) => c.name.startsWith('App process'))) {
			const response = await fetch(`${app.url}${fixtures.quizPath}`, { headers: { cookie } })
			expect(response.status).toBe(200)
			await response.text()
		}
	}

	test('kill -9 of an app process under load: only its requests in flight fail, nothing answered is lost', async () => {
		const fixtures = await makeLearners(cluster, 800, 'kill-app')
		await warmUp(fixtures)
		const times: Record<string, number> = {}
		const result = await runJourney({
			url: cluster.url,
			fixtures,
			connections: CONNECTIONS,
			seconds: 25,
			during: async (elapsed) => {
				await sleep(6_000)
				times.kill = elapsed()
				await cluster.killApp(1)
				await sleep(6_000)
				// scripts/cluster does not restart a process by itself: a supervisor (systemd,
				// Kubernetes) would. The drill plays the supervisor; HAProxy's check takes it back.
				times.restart = elapsed()
				await cluster.restartApp(1)
				times.restarted = elapsed()
			},
		})
		const lost = await findLostRows(cluster.databaseUrls.direct, fixtures, result)
		const failedAt = result.failures.map(([at]) => ((at - times.kill!) / 1000).toFixed(2))
		print(
			`drill kill-app: ${describeRun(result)}, all in flight at the kill (at +${failedAt.join(', +')} s after it); ` +
				`rows lost ${lost.lost} of ${lost.checked} acknowledged writes; HAProxy routed around it; ` +
				`restarted by the drill in ${((times.restarted! - times.restart!) / 1000).toFixed(1)} s`,
		)
		expect(lost.details).toEqual([])
		// One request in flight per connection at most, and only at the moment of the kill.
		expect(result.failed).toBeLessThanOrEqual(CONNECTIONS)
		for (const [at] of result.failures) expect(at - times.kill!).toBeLessThan(2_000)
		expect(result.ok).toBeGreaterThan(100)
		for (const app of cluster.apps) expect(app.exitCode).toBeNull()
	}, 600_000)

	test('kill -9 of a worker mid-batch: every email and certificate job runs exactly once', async () => {
		const finishing = await makeLearners(cluster, 40, 'kill-worker-certificates', { finishing: true })
		const learners = await makeLearners(cluster, 600, 'kill-worker')
		const plainCount = 300
		const direct = cluster.databaseUrls.direct
		const emails = finishing.learners.map((l) => l.email)
		let plainIds: string[] = []
		let ours: string[] = []
		let certificateIds: string[] = []
		let held: string[] = []
		let sentAtKill = 0
		const result = await runJourney({
			url: cluster.url,
			fixtures: learners,
			connections: CONNECTIONS,
			seconds: 20,
			during: async () => {
				// Certificates: the learners finish the course through the real form; each completion
				// issues the certificate and queues its email with the PDF, in one transaction.
				const results: boolean[] = []
				for (let i = 0; i < finishing.learners.length; i += 4) {
					const some = finishing.learners.slice(i, i + 4)
					results.push(...(await Promise.all(some.map((l) => finishCourse(cluster.url, finishing, l.cookie)))))
				}
				expect(results.every(Boolean)).toBe(true)
				// The emails are queued one by one while the workers deliver them; worker 1 is killed
				// once the first 20 have arrived, with a batch (workers take twenty at a time) in hand.
				const queued = cluster.runScript('tests/cluster/enqueue-emails.ts', [String(plainCount), 'kill-worker'])
				const plainSent = () => smtp.messages.filter((m) => m.to[0]?.startsWith('drill-mail-kill-worker-')).length
				await waitFor(async () => plainSent() >= 20, { timeoutMs: 120_000, what: 'the batch to get going' })
				await cluster.killWorker(0)
				sentAtKill = plainSent()
				const out = await queued
				plainIds = JSON.parse(out.trim().split('\n').at(-1)!) as string[]
				certificateIds = (
					await query<{ id: string }>(
						direct,
						`SELECT id FROM "EmailMessage" WHERE template = 'certificate-issued' AND "to" = ANY($1)`,
						[emails],
					)
				).map((r) => r.id)
				ours = [...plainIds, ...certificateIds]

				// The jobs the dead worker held stay 'active' until pg-boss's expiry (15 minutes by default).
				// Once the live worker has taken everything else, whatever is still active for longer than a
				// few seconds is the dead worker's; what a supervisor (or the expiry) does is put it back.
				const active = async () =>
					(
						await query<{ id: string }>(
							direct,
							`SELECT id::text FROM pgboss.job WHERE name = 'send-email' AND state = 'active' AND data->>'messageId' = ANY($1) ORDER BY id`,
							[ours],
						)
					).map((r) => r.id)
				let previous = ''
				let steadySince = Date.now()
				await waitFor(
					async () => {
						const waiting = await query<{ n: number }>(
							direct,
							`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'send-email' AND state IN ('created', 'retry') AND data->>'messageId' = ANY($1)`,
							[ours],
						)
						const now = (await active()).join(',')
						if (now !== previous) {
							previous = now
							steadySince = Date.now()
						}
						return waiting[0]!.n === 0 && Date.now() - steadySince > 5_000
					},
					{ timeoutMs: 180_000, what: 'the live worker to take every other job' },
				)
				held = await active()
				if (held.length) {
					await query(
						direct,
						`UPDATE pgboss.job SET state = 'retry', start_after = now() WHERE name = 'send-email' AND id = ANY($1::uuid[])`,
						[held],
					)
				}
				await cluster.restartWorker(0)
				await waitFor(
					async () =>
						(
							await query<{ n: number }>(
								direct,
								`SELECT count(*)::int AS n FROM "EmailMessage" WHERE id = ANY($1) AND status = 'SENT'`,
								[ours],
							)
						)[0]!.n === ours.length,
					{ timeoutMs: 180_000, what: 'every email to be sent' },
				)
				// A moment for a duplicate still on its way, were there one.
				await sleep(3_000)
			},
		})
		const copies = new Map<string, number>()
		for (const m of smtp.messages) {
			const id = /^Message-ID:\s*<([^@>]+)@/im.exec(m.raw)?.[1]
			if (id && ours.includes(id)) copies.set(id, (copies.get(id) ?? 0) + 1)
		}
		const secondCopies = [...copies.values()].reduce((n, c) => n + c - 1, 0)
		const certificates = await query<{ enrolmentId: string; n: number }>(
			direct,
			`SELECT "enrolmentId", count(*)::int AS n FROM "Certificate" WHERE "enrolmentId" = ANY($1) GROUP BY 1`,
			[finishing.learners.map((l) => l.enrolmentId)],
		)
		const certificateEmails = await query<{ to: string; n: number }>(
			direct,
			`SELECT "to", count(*)::int AS n FROM "EmailMessage" WHERE template = 'certificate-issued' AND "to" = ANY($1) GROUP BY 1`,
			[emails],
		)
		const duplicateCertificates = certificates.filter((c) => c.n > 1).length
		const duplicateMessages = certificateEmails.filter((c) => c.n > 1).length
		print(
			`drill kill-worker: ${ours.length} email jobs (${plainIds.length} emails, ${certificateIds.length} certificate emails with PDF), ` +
				`worker 1 killed with ${sentAtKill} of the emails delivered and ${held.length} jobs in its hands; ` +
				`delivered ${copies.size} of ${ours.length}, duplicates ${secondCopies} (second copies in the SMTP sink); ` +
				`certificates ${certificates.length} of ${finishing.learners.length}, duplicates ${duplicateCertificates + duplicateMessages}; ` +
				`load ${describeRun(result)}`,
		)
		expect(copies.size).toBe(ours.length)
		expect(secondCopies).toBe(0)
		expect(certificates).toHaveLength(finishing.learners.length)
		expect(duplicateCertificates + duplicateMessages).toBe(0)
		expect(result.failed).toBe(0)
	}, 900_000)

	test('PgBouncer restarted under load: the app reconnects by itself', async () => {
		const fixtures = await makeLearners(cluster, 800, 'pgbouncer')
		const pids = cluster.apps.map((a) => a.pid)
		const times: Record<string, number> = {}
		const result = await runJourney({
			url: cluster.url,
			fixtures,
			connections: CONNECTIONS,
			seconds: 25,
			during: async (elapsed) => {
				await sleep(6_000)
				times.stop = elapsed()
				await cluster.pgbouncer.restart()
				times.started = elapsed()
			},
		})
		const lost = await findLostRows(cluster.databaseUrls.direct, fixtures, result)
		const window = failureWindowSeconds(result)
		const lastFailure = Math.max(times.stop!, ...result.failures.map(([at]) => at))
		const okAfter = result.ok
		print(
			`drill restart-pgbouncer: ${describeRun(result)}; PgBouncer down for ${((times.started! - times.stop!) / 1000).toFixed(2)} s, ` +
				`failures within ${window.toFixed(2)} s, the last ${((lastFailure - times.started!) / 1000).toFixed(2)} s after it was back; ` +
				`app processes restarted 0; rows lost ${lost.lost} of ${lost.checked}`,
		)
		expect(cluster.apps.map((a) => a.pid)).toEqual(pids)
		for (const app of cluster.apps) expect(app.exitCode).toBeNull()
		expect(lost.details).toEqual([])
		// Reconnected: nothing fails once PgBouncer has been back for a few seconds.
		expect(lastFailure - times.started!).toBeLessThan(5_000)
		expect(okAfter).toBeGreaterThan(100)
	}, 600_000)

	test('replica stopped: reports answer from the primary; replica lagging: a learner sees their answer at once', async () => {
		const fixtures = await makeLearners(cluster, 600, 'replica')
		const slug = fixtures.organisationSlug
		expect(fixtures.orgCookie).toBeTruthy()
		const reports = [`/org/${slug}/report`, `/org/${slug}/compliance`]
		const result = await runJourney({
			url: cluster.url,
			fixtures,
			connections: CONNECTIONS,
			seconds: 25,
			reports,
			during: async () => {
				await sleep(5_000)
				await cluster.stopReplica()
				await sleep(10_000)
				await cluster.startReplica()
			},
		})
		print(`drill stop-replica: ${describeRun(result)}; report pages failed ${result.failedByKind.report ?? 0}`)
		// Soft: the lag half below still runs and prints when this fails.
		expect.soft(result.failedByKind.report ?? 0).toBe(0)
		expect.soft(result.failed).toBe(0)
		await waitForStreaming(cluster.databaseUrls.direct)

		// Lag: the replica receives WAL but applies it 60 s late.
		const replicaUrl = cluster.replica().url('circle')
		await setReplayDelay(replicaUrl, '60s')
		try {
			const lagging = await makeLearners(cluster, 1, 'replica-lag')
			const learner = lagging.learners[0]!
			const text = `lagged answer ${Date.now()}`
			const form = new URLSearchParams(lagging.quizForm)
			form.set(`text.${lagging.reflectionQuestionId}`, text)
			// As the browser submits it: a data request, whose answer carries the write fence.
			const submitted = await fetch(`${cluster.url}${lagging.quizPath}.data`, {
				method: 'POST',
				headers: { cookie: learner.cookie, 'content-type': 'application/x-www-form-urlencoded' },
				body: form.toString(),
				redirect: 'manual',
			})
			expect(submitted.status).toBeLessThan(400)
			const fence = submitted.headers.getSetCookie().find((c) => c.startsWith('circle-wal='))
			expect(fence).toBeTruthy()
			const started = Date.now()
			const page = await fetch(`${cluster.url}${lagging.quizPath}`, {
				headers: { cookie: `${learner.cookie}; ${fence!.split(';')[0]}` },
			})
			const seesIt = (await page.text()).includes(text)
			const seenAfterMs = Date.now() - started
			// The replica really is behind: it has not applied the answer yet.
			const onReplica = await query<{ n: number }>(
				replicaUrl,
				`SELECT count(*)::int AS n FROM "Reflection" WHERE "userId" = $1 AND text = $2`,
				[learner.id, text],
			)
			print(
				`drill lag-replica: replica applying 60 s late (answer on the replica: ${onReplica[0]!.n ? 'yes' : 'not yet'}); ` +
					`the learner saw their answer ${seesIt ? 'at once' : 'NOT'} (${seenAfterMs} ms), write fence ${fence!.split(';')[0]}`,
			)
			expect(page.status).toBe(200)
			expect(seesIt).toBe(true)
			expect(onReplica[0]!.n).toBe(0)
		} finally {
			await setReplayDelay(replicaUrl, '0')
		}
	}, 600_000)

	test('failover: primary stopped, replica promoted, PgBouncer repointed; writes resume, nothing duplicated', async () => {
		const fixtures = await makeLearners(cluster, 800, 'failover')
		const finishing = await makeLearners(cluster, 30, 'failover-certificates', { finishing: true })
		const ordersBefore = (
			await query<{ n: number }>(cluster.databaseUrls.direct, `SELECT count(*)::int AS n FROM "Order"`)
		)[0]!.n
		const times: Record<string, number> = {}
		let completionTries = 0
		const result = await runJourney({
			url: cluster.url,
			fixtures,
			connections: CONNECTIONS,
			seconds: 30,
			during: async (elapsed) => {
				// Learners finishing the course throughout, each retrying (as a person would) until it works.
				const finish = (async () => {
					for (const learner of finishing.learners) {
						for (let attempt = 0; attempt < 60; attempt++) {
							completionTries++
							if (await finishCourse(cluster.url, finishing, learner.cookie).catch(() => false)) break
							await sleep(500)
						}
						await sleep(300)
					}
				})()
				await sleep(6_000)
				times.stop = elapsed()
				await cluster.primary.stop()
				times.stopped = elapsed()
				await cluster.failOver()
				times.promoted = elapsed()
				await finish
			},
		})
		const newPrimary = cluster.replica().url('circle')
		const window = failureWindowSeconds(result)
		const lost = await findLostRows(newPrimary, fixtures, result)
		const certificates = await query<{ enrolmentId: string; n: number }>(
			newPrimary,
			`SELECT "enrolmentId", count(*)::int AS n FROM "Certificate" WHERE "enrolmentId" = ANY($1) GROUP BY 1`,
			[finishing.learners.map((l) => l.enrolmentId)],
		)
		const duplicateCertificates = (
			await query<{ n: number }>(
				newPrimary,
				`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Certificate" GROUP BY "enrolmentId", cycle HAVING count(*) > 1) d`,
			)
		)[0]!.n
		const ordersAfter = (await query<{ n: number }>(newPrimary, `SELECT count(*)::int AS n FROM "Order"`))[0]!.n
		const lastFailure = Math.max(times.stop!, ...result.failures.map(([at]) => at))
		// Writes resumed: answers keep coming after the last failure.
		const okAfterFailover = result.lastOkAt > lastFailure
		print(
			`drill failover: ${describeRun(result)}; error window ${window.toFixed(1)} s ` +
				`(primary stopped at +${(times.stop! / 1000).toFixed(1)} s, promoted and PgBouncer repointed ` +
				`${((times.promoted! - times.stopped!) / 1000).toFixed(1)} s after it was down, last failure at ` +
				`+${(lastFailure / 1000).toFixed(1)} s); writes ${okAfterFailover ? 'resumed' : 'DID NOT resume'}; ` +
				`rows lost ${lost.lost} of ${lost.checked}; certificates ${certificates.length} of ${finishing.learners.length} ` +
				`(${completionTries} tries), duplicates ${duplicateCertificates}; orders ${ordersBefore} → ${ordersAfter} (none placed, none duplicated)`,
		)
		expect(lost.details).toEqual([])
		expect(certificates).toHaveLength(finishing.learners.length)
		expect(certificates.every((c) => c.n === 1)).toBe(true)
		expect(duplicateCertificates).toBe(0)
		expect(ordersAfter).toBe(ordersBefore)
		expect(okAfterFailover).toBe(true)
		// Writes go to the new primary through PgBouncer.
		const inRecovery = await query<{ r: boolean }>(cluster.databaseUrls.pooled, 'SELECT pg_is_in_recovery() AS r')
		expect(inRecovery[0]!.r).toBe(false)
	}, 600_000)
})
