// The must-show of issue 14: each reminder is emailed once with two app processes and two workers
// against one PostgreSQL, and a worker killed in the middle of a batch sends none twice and misses
// none when it is restarted. Real processes (tsx), real pg-boss, real SMTP (the sink in tests/fakes).
import { type ChildProcess, spawn } from 'node:child_process'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { getBoss } from '#modules/jobs/boss.ts'
import { enqueueJob } from '#modules/jobs/enqueue-job.ts'
import { stopWorker } from '#modules/jobs/worker.ts'
import { createCourse } from '#tests/factories/learning.ts'
import { createOrganisation } from '#tests/factories/organisations.ts'
import { type FakeSmtpServer, startFakeSmtpServer } from '#tests/fakes/smtp-server.ts'

let smtp: FakeSmtpServer
const children = new Set<ChildProcess>()

beforeAll(async () => {
	smtp = await startFakeSmtpServer()
	// Every queue exists before the processes start (as after any deployment's first start).
	await getBoss()
})

afterEach(() => {
	for (const child of children) child.kill('SIGKILL')
	children.clear()
})

afterAll(async () => {
	await smtp.close()
	await stopWorker({ timeoutMs: 1_000 })
})

function start(script: string, env: Record<string, string> = {}) {
	const child = spawn(process.execPath, ['--import', 'tsx', script], {
		cwd: process.cwd(),
		env: { ...process.env, SMTP_URL: smtp.url, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	children.add(child)
	let out = ''
	child.stdout!.on('data', (d) => (out += d))
	child.stderr!.on('data', (d) => (out += d))
	const exited = new Promise<{ code: number | null; out: string }>((resolve) =>
		child.on('close', (code) => {
			children.delete(child)
			resolve({ code, out })
		}),
	)
	return { child, exited, output: () => out }
}

/** `count` people in a new organisation, each required to finish a course by `dueOn`, with a place on it. */
async function assignedPeople({ count, dueOn, label }: { count: number; dueOn: string; label: string }) {
	const org = await createOrganisation()
	const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
	const emails = Array.from({ length: count }, (_, i) => `${label}-${i}-${org.id}@example.org`)
	await prisma.user.createMany({ data: emails.map((email, i) => ({ email, name: `${label} ${i}` })) })
	const users = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })
	await prisma.membership.createMany({ data: users.map((u) => ({ organisationId: org.id, userId: u.id })) })
	await prisma.enrolment.createMany({
		data: users.map((u) => ({
			userId: u.id,
			courseId: course.id,
			versionId: course.versionId,
			source: 'FREE' as const,
		})),
	})
	const enrolments = await prisma.enrolment.findMany({
		where: { courseId: course.id },
		select: { id: true, userId: true },
	})
	await prisma.learnerAssignment.createMany({
		data: enrolments.map((e) => ({
			organisationId: org.id,
			userId: e.userId,
			courseId: course.id,
			dueOn: new Date(`${dueOn}T00:00:00Z`),
			assignedAt: new Date('2020-01-01T00:00:00Z'),
			enrolmentId: e.id,
		})),
	})
	return { org, emails: new Set(emails), userIds: users.map((u) => u.id) }
}

/** What the SMTP sink received for `emails`: messages per address, and distinct Message-IDs per address. */
function received(emails: Set<string>) {
	const perAddress = new Map<string, { raw: number; ids: Set<string> }>()
	for (const message of smtp.messages) {
		const to = message.to[0]!
		if (!emails.has(to)) continue
		const entry = perAddress.get(to) ?? { raw: 0, ids: new Set<string>() }
		entry.raw += 1
		entry.ids.add(/^Message-ID:\s*(\S+)/im.exec(message.raw)?.[1] ?? `missing-${entry.raw}`)
		perAddress.set(to, entry)
	}
	return perAddress
}

async function waitFor(
	check: () => Promise<boolean> | boolean,
	{ timeoutMs, what }: { timeoutMs: number; what: string | (() => string) },
) {
	const deadline = Date.now() + timeoutMs
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`)
		await new Promise((resolve) => setTimeout(resolve, 50))
	}
}

function workerReady(worker: ReturnType<typeof start>) {
	return waitFor(() => worker.output().includes('Circle worker is running'), {
		timeoutMs: 60_000,
		what: () => `a worker to start: ${worker.output()}`,
	})
}

test('two app processes and two workers against one database email each reminder once', async () => {
	const now = '2031-03-24T08:00:00Z' // 7 days before 31 March 2031
	const { emails, userIds } = await assignedPeople({ count: 40, dueOn: '2031-03-31', label: 'twice' })

	const workers = [start('scripts/worker.ts'), start('scripts/worker.ts')]
	await Promise.all(workers.map(workerReady))
	const apps = [start('tests/load/reminders-app.ts', { NOW: now }), start('tests/load/reminders-app.ts', { NOW: now })]
	const results = await Promise.all(apps.map((app) => app.exited))
	for (const result of results) expect(result.code, result.out).toBe(0)

	// Both apps' queued jobs (worked by the two workers) and their own scans have all run once the
	// job queue is empty; every message is then delivered through SMTP.
	const boss = await getBoss()
	await waitFor(async () => (await boss.getQueueSize('reminders')) === 0, { timeoutMs: 60_000, what: 'the scans' })
	await waitFor(
		async () =>
			(await prisma.emailMessage.count({ where: { to: { in: [...emails] }, status: 'SENT' } })) === emails.size,
		{ timeoutMs: 60_000, what: 'every reminder to be delivered' },
	)
	// A moment for any duplicate still in flight to arrive, were there one.
	await new Promise((resolve) => setTimeout(resolve, 2_500))

	expect(await prisma.reminderEvent.count({ where: { userId: { in: userIds } } })).toBe(40)
	expect(await prisma.emailMessage.count({ where: { to: { in: [...emails] } } })).toBe(40)
	const perAddress = received(emails)
	expect(perAddress.size).toBe(40)
	for (const [, entry] of perAddress) expect(entry.raw).toBe(1)
	// Between them, the app processes' own scans and the workers' jobs sent 40: nothing was lost to the race.
	const sentByApps = results.reduce((sum, r) => sum + JSON.parse(r.out.trim().split('\n').at(-1)!).sent, 0)
	expect(sentByApps).toBeLessThanOrEqual(40)
}, 180_000)

test('a worker killed halfway through a batch, then restarted, sends none twice and misses none', async () => {
	const now = '2032-06-23T08:00:00Z' // 7 days before 30 June 2032
	const total = 250
	const { emails, userIds } = await assignedPeople({ count: total, dueOn: '2032-06-30', label: 'killed' })

	const first = start('scripts/worker.ts')
	await workerReady(first)
	// The job as a cron run would send it, but retried a second after a failure rather than 30, and
	// over this test's people only: by now the worker's database holds other files' organisations,
	// whose reminders made the retried scan outlast its minute on a loaded machine.
	const jobId = (await enqueueJob('reminders', { now, userIds }, { retryDelay: 1, retryBackoff: false }))!
	const claimed = () => prisma.reminderEvent.count({ where: { userId: { in: userIds } } })
	await waitFor(async () => (await claimed()) >= 20, { timeoutMs: 60_000, what: 'the batch to get going' })
	first.child.kill('SIGKILL')
	await first.exited

	const atKill = await claimed()
	expect(atKill).toBeGreaterThan(0)
	expect(atKill).toBeLessThan(total)
	// Every claimed event committed with its email, or not at all: none is claimed without one.
	expect(await prisma.reminderEvent.count({ where: { userId: { in: userIds }, emailMessageId: null } })).toBe(0)
	expect(await prisma.emailMessage.count({ where: { to: { in: [...emails] } } })).toBe(atKill)

	// pg-boss fails the jobs of a worker that vanished once they expire; here we do that at once
	// (what its supervisor does later): the scan, and any delivery the worker was in the middle of.
	// A new worker picks the retries up.
	const boss = await getBoss()
	await boss.fail('reminders', jobId, { message: 'worker killed' })
	const active = await prisma.$queryRaw<Array<{ id: string }>>`
		SELECT id::text FROM pgboss.job WHERE name = 'send-email' AND state = 'active'`
	for (const job of active) await boss.fail('send-email', job.id, { message: 'worker killed' })
	const second = start('scripts/worker.ts')
	await workerReady(second)
	await waitFor(async () => (await boss.getJobById('reminders', jobId))?.state === 'completed', {
		timeoutMs: 60_000,
		what: 'the retried scan to complete',
	})
	await waitFor(
		async () => (await prisma.emailMessage.count({ where: { to: { in: [...emails] }, status: 'SENT' } })) === total,
		{ timeoutMs: 90_000, what: 'every reminder to be delivered' },
	)
	await new Promise((resolve) => setTimeout(resolve, 2_500))

	expect(await claimed()).toBe(total)
	expect(await prisma.emailMessage.count({ where: { to: { in: [...emails] } } })).toBe(total)
	const perAddress = received(emails)
	expect(perAddress.size).toBe(total) // none missed
	// None twice: one Message-ID per person. (SMTP itself is at-least-once: a worker killed after the
	// server accepted a message but before it was marked sent delivers it again, with the same
	// Message-ID, which mail systems use to drop the copy. At most that one message was in flight.)
	for (const [, entry] of perAddress) expect(entry.ids.size).toBe(1)
	const raw = [...perAddress.values()].reduce((sum, e) => sum + e.raw, 0)
	expect(raw - total).toBeLessThanOrEqual(1)
}, 240_000)
