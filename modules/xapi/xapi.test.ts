import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { markRegister } from '#modules/circles/attendance.ts'
import { prisma, type XapiActorFormat } from '#modules/db/client.ts'
import { getBoss } from '#modules/jobs/boss.ts'
import { enqueueJob } from '#modules/jobs/enqueue-job.ts'
import { runQueuedJobs } from '#modules/jobs/worker.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { submitQuizAttempt } from '#modules/quizzes/submit-quiz-attempt.ts'
import { decryptSecret } from '#modules/security/encryption.ts'
import { publicOnlyLookup } from '#modules/security/internal-address.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCircle } from '#tests/factories/circles.ts'
import { correctAnswers, createCourse, createEnrolment, wrongAnswers } from '#tests/factories/learning.ts'
import { addMember, createOrganisation, createUser } from '#tests/factories/organisations.ts'
import { type FakeLrs, startFakeLrs } from '#tests/fakes/lrs-server.ts'
import { statementProblems } from '#tests/xapi/statement-schema.ts'
import { getLrsSettings, resendFailedStatements, saveLrsConnection, testLrsConnection } from './connection.ts'
import { checkLrsEndpoint } from './endpoint.ts'
import { lrsRequest } from './lrs-client.ts'
import { queueXapiStatements } from './record-events.ts'
import { sendXapiStatement } from './send-statement.ts'
import { uuidV5 } from './uuid.ts'

// Statements are free-form JSON here, read and spoiled loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

let lrs: FakeLrs

beforeAll(async () => {
	lrs = await startFakeLrs()
	await getBoss()
})
afterEach(() => {
	// Every statement the fake received, in every test, was a valid xAPI 1.0.3 statement.
	expect(lrs.invalid).toEqual([])
	lrs.failNext(0)
	lrs.setDelay(0)
})
afterAll(async () => {
	await lrs.close()
	await releaseTestResources()
})

/** Silences the one-line logs of jobs these tests make fail on purpose. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
	const { error } = console
	console.error = () => {}
	try {
		return await fn()
	} finally {
		console.error = error
	}
}

async function organisationWithLrs({ actorFormat = 'MBOX' }: { actorFormat?: XapiActorFormat } = {}) {
	const org = await createOrganisation()
	await saveLrsConnection({
		organisationId: org.id,
		actorId: org.owner.id,
		endpoint: lrs.endpoint,
		authKey: lrs.key,
		authSecret: lrs.secret,
		actorFormat,
		enabled: true,
	})
	return org
}

/** Sends everything waiting on the queue for these rows (the worker's own code path). */
async function drain() {
	while ((await runQueuedJobs({ name: 'xapi-send', includeDelayed: true })) > 0) {
		/* until the queue is empty */
	}
}

describe('uuidV5', () => {
	test('matches RFC 9562’s name-based SHA-1 UUIDs', () => {
		// The DNS namespace's well-known example.
		expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
			'2ed6657d-e927-568b-95e1-2665a8aea6a2',
		)
		expect(uuidV5('completed:e1:1')).toBe(uuidV5('completed:e1:1'))
		expect(uuidV5('completed:e1:1')).not.toBe(uuidV5('completed:e1:2'))
	})
})

describe('checkLrsEndpoint', () => {
	test('https only outside development; loopback http only for tests; never credentials in the address', () => {
		expect(checkLrsEndpoint('http://lrs.example.org/xapi', { NODE_ENV: 'production' })).toMatchObject({ ok: false })
		expect(checkLrsEndpoint('http://lrs.example.org/xapi', { NODE_ENV: 'test' })).toMatchObject({ ok: false })
		expect(checkLrsEndpoint('http://127.0.0.1:9/xapi', { NODE_ENV: 'production' })).toMatchObject({ ok: false })
		expect(checkLrsEndpoint('https://10.0.0.5/xapi', { NODE_ENV: 'production' })).toMatchObject({ ok: false })
		expect(checkLrsEndpoint('ftp://lrs.example.org/', { NODE_ENV: 'development' })).toMatchObject({ ok: false })
		expect(checkLrsEndpoint('https://key:secret@lrs.example.org/', { NODE_ENV: 'development' })).toMatchObject({
			ok: false,
		})
		expect(checkLrsEndpoint('http://lrs.example.org/xapi', { NODE_ENV: 'development' })).toEqual({
			ok: true,
			endpoint: 'http://lrs.example.org/xapi/',
		})
		expect(checkLrsEndpoint('https://lrs.example.org/xapi/statements', { NODE_ENV: 'production' })).toEqual({
			ok: true,
			endpoint: 'https://lrs.example.org/xapi/',
		})
	})

	test('production refuses every spelling of an internal address, not only the common ones', () => {
		for (const endpoint of [
			'https://localhost./xapi/',
			'https://lrs.localhost/xapi/',
			'https://[::ffff:127.0.0.1]/xapi/',
			'https://[::ffff:a9fe:a9fe]/xapi/',
			'https://[::]/xapi/',
			'https://[::1]/xapi/',
			'https://[fd00::1]/xapi/',
			'https://0x7f000001/xapi/',
			'https://2852039166/xapi/',
			'https://100.100.100.200/xapi/',
			'https://192.0.0.1/xapi/',
			'https://metadata.google.internal/xapi/',
			'https://lrs/xapi/',
			'https://lrs.local/xapi/',
		]) {
			expect(checkLrsEndpoint(endpoint, { NODE_ENV: 'production' }), endpoint).toMatchObject({
				ok: false,
				code: 'LRS_ENDPOINT_PRIVATE',
			})
		}
		expect(checkLrsEndpoint('https://[2001:4860:4860::8888]/xapi/', { NODE_ENV: 'production' })).toMatchObject({
			ok: true,
		})
		expect(checkLrsEndpoint('https://8.8.8.8/xapi/', { NODE_ENV: 'production' })).toMatchObject({ ok: true })
	})
})

describe('saveLrsConnection', () => {
	test('a non-https address in production is refused beside its field and nothing is saved', async () => {
		const org = await createOrganisation()
		const attempt = saveLrsConnection({
			organisationId: org.id,
			actorId: org.owner.id,
			endpoint: 'http://lrs.example.org/xapi/',
			authKey: 'key',
			authSecret: 'secret',
			actorFormat: 'MBOX',
			enabled: true,
			env: { NODE_ENV: 'production' },
		})
		await expect(attempt).rejects.toMatchObject({ code: 'LRS_ENDPOINT_NOT_HTTPS', field: 'endpoint' })
		expect(await prisma.lrsConnection.count({ where: { organisationId: org.id } })).toBe(0)
		expect(await prisma.auditLog.count({ where: { organisationId: org.id, action: 'xapi.lrs_saved' } })).toBe(0)
	})

	test('members who are not administrators cannot save; the secret is sealed, bound to the organisation and never audited', async () => {
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		const options = {
			organisationId: org.id,
			endpoint: lrs.endpoint,
			authKey: 'key-1',
			authSecret: 'a-very-secret-value',
			actorFormat: 'MBOX' as const,
			enabled: true,
		}
		await expect(saveLrsConnection({ ...options, actorId: member.id })).rejects.toMatchObject({
			code: 'NOT_AN_ORGANISATION_ADMIN',
		})
		expect(await prisma.lrsConnection.count({ where: { organisationId: org.id } })).toBe(0)

		await saveLrsConnection({ ...options, actorId: org.owner.id })
		const row = await prisma.lrsConnection.findUniqueOrThrow({ where: { organisationId: org.id } })
		expect(row.authSecretEncrypted).not.toContain('a-very-secret-value')
		expect(decryptSecret(row.authSecretEncrypted, `xapi:${org.id}`)).toBe('a-very-secret-value')
		expect(() => decryptSecret(row.authSecretEncrypted, `xapi:someone-else`)).toThrow()
		const audit = await prisma.auditLog.findFirstOrThrow({
			where: { organisationId: org.id, action: 'xapi.lrs_saved' },
		})
		expect(JSON.stringify(audit)).not.toContain('a-very-secret-value')
		// The page never gets the secret back.
		expect(JSON.stringify(await getLrsSettings({ organisationId: org.id }))).not.toContain(row.authSecretEncrypted)

		// Saving again with the secret left empty keeps it.
		await saveLrsConnection({ ...options, authSecret: '', actorFormat: 'ACCOUNT', actorId: org.owner.id })
		const again = await prisma.lrsConnection.findUniqueOrThrow({ where: { organisationId: org.id } })
		expect(decryptSecret(again.authSecretEncrypted, `xapi:${org.id}`)).toBe('a-very-secret-value')
		expect(again.actorFormat).toBe('ACCOUNT')
	})
})

describe('testLrsConnection', () => {
	test('reports success, refused credentials and an unreachable address in words; members may not probe', async () => {
		const org = await organisationWithLrs()
		expect(await testLrsConnection({ organisationId: org.id, actorId: org.owner.id })).toEqual({
			ok: true,
			kind: 'connected',
			versions: '1.0.3',
		})
		const member = await addMember({ organisationId: org.id })
		await expect(testLrsConnection({ organisationId: org.id, actorId: member.id })).rejects.toMatchObject({
			code: 'NOT_AN_ORGANISATION_ADMIN',
		})

		await saveLrsConnection({
			organisationId: org.id,
			actorId: org.owner.id,
			endpoint: lrs.endpoint,
			authKey: lrs.key,
			authSecret: 'wrong-secret',
			actorFormat: 'MBOX',
			enabled: true,
		})
		const refused = await testLrsConnection({ organisationId: org.id, actorId: org.owner.id })
		expect(refused).toEqual({ ok: false, kind: 'credentials-refused' })

		await saveLrsConnection({
			organisationId: org.id,
			actorId: org.owner.id,
			endpoint: 'http://127.0.0.1:9/xapi/',
			authKey: lrs.key,
			authSecret: lrs.secret,
			actorFormat: 'MBOX',
			enabled: true,
		})
		expect(await testLrsConnection({ organisationId: org.id, actorId: org.owner.id })).toEqual({
			ok: false,
			kind: 'unreachable',
			detail: expect.stringContaining('Could not reach the LRS'),
		})
	})
})

describe('lrsRequest', () => {
	test('refusing internal addresses, it never reaches one, by name (resolved at connection) or by number', async () => {
		const credentials = { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret }
		// The fake answers on loopback, as an internal service would.
		expect((await lrsRequest(credentials, { method: 'GET', path: 'about' }, { refuseInternal: false })).status).toBe(
			200,
		)
		const byName = { ...credentials, endpoint: lrs.endpoint.replace('127.0.0.1', 'localhost') }
		const received = lrs.requests.length
		for (const target of [credentials, byName]) {
			await expect(lrsRequest(target, { method: 'GET', path: 'about' }, { refuseInternal: true })).rejects.toThrow(
				/Could not reach the LRS at .*: that is an address inside Circle’s own network/,
			)
		}
		expect(lrs.requests.length).toBe(received)
	})

	test('the connection’s DNS lookup refuses a name that resolves inside the network', async () => {
		const lookup = (options: { all?: boolean }) =>
			new Promise((resolve, reject) =>
				publicOnlyLookup('localhost', options, (error, address) => (error ? reject(error) : resolve(address))),
			)
		for (const all of [true, false]) await expect(lookup({ all })).rejects.toMatchObject({ code: 'EINTERNALADDRESS' })
	})
})

describe('statements from learning', () => {
	test('launched, progressed, failed, passed and completed reach the LRS once each, valid, with the chosen actor', async () => {
		const mboxOrg = await organisationWithLrs({ actorFormat: 'MBOX' })
		const accountOrg = await organisationWithLrs({ actorFormat: 'ACCOUNT' })
		const learner = await addMember({ organisationId: mboxOrg.id, name: 'Lena Learner' })
		await addMember({ organisationId: accountOrg.id, userId: learner.id })
		const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'QUIZ'], maxAttempts: null })
		const enrolment = await createEnrolment({ userId: learner.id, course })
		const [reading, quiz] = course.lessons

		await completeReading({ userId: learner.id, lessonId: reading!.id })
		const failed = await submitQuizAttempt({ userId: learner.id, lessonId: quiz!.id, answers: wrongAnswers(quiz!) })
		const passed = await submitQuizAttempt({ userId: learner.id, lessonId: quiz!.id, answers: correctAnswers(quiz!) })
		expect(passed.courseCompletedNow).toBe(true)

		const rows = await prisma.xapiStatement.findMany({ where: { userId: learner.id }, orderBy: { createdAt: 'asc' } })
		const verbs = (orgId: string) =>
			rows
				.filter((r) => r.organisationId === orgId)
				.map((r) => r.verb)
				.sort()
		const expected = ['completed', 'failed', 'launched', 'passed', 'passed', 'progressed', 'progressed'].sort()
		expect(verbs(mboxOrg.id)).toEqual(expected)
		expect(verbs(accountOrg.id)).toEqual(expected)

		// Each statement's id is the name-based UUID of its organisation and its event.
		const completedId = uuidV5(`${mboxOrg.id}:completed:${enrolment.id}:1`)
		expect(rows.map((r) => r.id)).toContain(completedId)
		expect(rows.map((r) => r.id)).toContain(uuidV5(`${accountOrg.id}:quiz:${failed.attemptId}`))

		await drain()
		for (const row of rows) {
			const sent = lrs.statements.get(row.id)
			expect(sent, `${row.verb} reached the LRS`).toBeDefined()
			expect(statementProblems(sent)).toEqual([])
		}
		expect(await prisma.xapiStatement.count({ where: { userId: learner.id, status: { not: 'SENT' } } })).toBe(0)
		const puts = lrs.requests.filter((r) => r.method === 'PUT' && rows.some((row) => r.path.includes(row.id)))
		expect(puts).toHaveLength(rows.length)
		expect(puts.every((r) => r.version === '1.0.3' && r.authorised)).toBe(true)

		const fromMbox = lrs.statements.get(completedId) as Json
		expect(fromMbox.actor).toEqual({ objectType: 'Agent', name: 'Lena Learner', mbox: `mailto:${learner.email}` })
		expect(fromMbox.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed')
		const fromAccount = lrs.statements.get(uuidV5(`${accountOrg.id}:quiz:${passed.attemptId}`)) as Json
		expect(fromAccount.actor.account).toEqual({ homePage: expect.stringMatching(/^https?:\/\//), name: learner.id })
		expect(fromAccount.actor.mbox).toBeUndefined()
		expect(fromAccount.result).toMatchObject({ success: true, completion: true, score: { scaled: 1, raw: 100 } })
		expect(fromAccount.context.contextActivities.parent[0].id).toMatch(new RegExp(`/courses/${course.slug}$`))

		const settings = await getLrsSettings({ organisationId: mboxOrg.id })
		expect(settings.counts).toMatchObject({ sent: 7, pending: 0, failed: 0 })
		expect(settings.connection?.lastSuccessAt).toBeInstanceOf(Date)
	})

	test('attending a circle is an "attended" statement about the circle; nothing for non-members or a switched-off LRS', async () => {
		const org = await organisationWithLrs()
		const off = await createOrganisation()
		await saveLrsConnection({
			organisationId: off.id,
			actorId: off.owner.id,
			endpoint: lrs.endpoint,
			authKey: lrs.key,
			authSecret: lrs.secret,
			actorFormat: 'MBOX',
			enabled: false,
		})
		const member = await addMember({ organisationId: org.id })
		await addMember({ organisationId: off.id, userId: member.id })
		const outsider = await createUser()
		const facilitator = await createUser({ role: 'TRAINER' })
		const circle = await createCircle({
			facilitatorId: facilitator.id,
			startsAt: new Date(Date.now() - 10 * 60_000),
			durationMinutes: 60,
		})
		for (const userId of [member.id, outsider.id]) {
			await prisma.circleBooking.create({
				data: { circleId: circle.id, userId, status: 'BOOKED', bookedAt: new Date() },
			})
		}
		await markRegister({
			circleId: circle.id,
			actorId: facilitator.id,
			userIds: [member.id, outsider.id],
			now: new Date(),
		})

		expect(await prisma.xapiStatement.count({ where: { userId: outsider.id } })).toBe(0)
		expect(await prisma.xapiStatement.count({ where: { organisationId: off.id } })).toBe(0)
		const [row] = await prisma.xapiStatement.findMany({ where: { userId: member.id } })
		expect(row).toMatchObject({ verb: 'attended', organisationId: org.id })
		await drain()
		const sent = lrs.statements.get(row!.id) as Json
		expect(sent.object).toMatchObject({
			id: expect.stringMatching(new RegExp(`/circles/${circle.id}$`)),
			definition: { type: 'http://adlnet.gov/expapi/activities/meeting' },
		})
		expect(sent.result).toEqual({ completion: true, duration: 'PT1H' })
	})
})

describe('sending', () => {
	async function oneStatement() {
		const org = await organisationWithLrs()
		const learner = await addMember({ organisationId: org.id })
		const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'READING'] })
		await createEnrolment({ userId: learner.id, course })
		await completeReading({ userId: learner.id, lessonId: course.lessons[0]!.id })
		const rows = await prisma.xapiStatement.findMany({
			where: { userId: learner.id },
			select: { id: true, verb: true },
		})
		// Drop the queued jobs: each test drives the sending itself.
		await (
			await getBoss()
		).deleteJob(
			'xapi-send',
			rows.map((r) => r.id),
		)
		return { org, learner, course, id: rows.find((r) => r.verb === 'progressed')!.id }
	}

	test('an LRS that fails is retried until it accepts; the failure is recorded where the page shows it', async () => {
		const { org, id } = await oneStatement()
		lrs.failNext(2, 503)
		const now = new Date()
		await expect(sendXapiStatement({ statementId: id, now })).rejects.toMatchObject({ code: 'LRS_SEND_FAILED' })
		const afterFailure = await getLrsSettings({ organisationId: org.id })
		expect(afterFailure.connection?.lastError).toContain('503')
		expect(afterFailure.recentErrors[0]).toMatchObject({ id, status: 'PENDING', attempts: 1 })
		expect(afterFailure.connection?.lastError).not.toContain(lrs.secret)

		await expect(sendXapiStatement({ statementId: id, now })).rejects.toMatchObject({ code: 'LRS_SEND_FAILED' })
		expect(await sendXapiStatement({ statementId: id, now })).toBe('sent')
		expect(await prisma.xapiStatement.findUniqueOrThrow({ where: { id } })).toMatchObject({
			status: 'SENT',
			attempts: 3,
			lastError: null,
		})
		expect(lrs.statements.has(id)).toBe(true)
	})

	test('through the queue: a failed run is left to pg-boss’s retry, and the retry delivers it', async () => {
		const { id } = await oneStatement()
		await enqueueJob('xapi-send', { statementId: id }, { retryLimit: 3, retryDelay: 1 })
		lrs.failNext(1, 500)
		await quietly(() => runQueuedJobs({ name: 'xapi-send' }))
		expect((await prisma.xapiStatement.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING')
		await quietly(() => runQueuedJobs({ name: 'xapi-send', includeDelayed: true }))
		expect((await prisma.xapiStatement.findUniqueOrThrow({ where: { id } })).status).toBe('SENT')
	})

	test('the last attempt, or a statement the LRS refuses as bad, is FAILED; an administrator can send failures again', async () => {
		const { org, id } = await oneStatement()
		lrs.failNext(1, 503)
		await expect(sendXapiStatement({ statementId: id, now: new Date(), isLastAttempt: true })).rejects.toThrow()
		expect((await prisma.xapiStatement.findUniqueOrThrow({ where: { id } })).status).toBe('FAILED')
		expect((await getLrsSettings({ organisationId: org.id })).counts.failed).toBe(1)

		const member = await addMember({ organisationId: org.id })
		await expect(resendFailedStatements({ organisationId: org.id, actorId: member.id })).rejects.toMatchObject({
			code: 'NOT_AN_ORGANISATION_ADMIN',
		})
		expect(await resendFailedStatements({ organisationId: org.id, actorId: org.owner.id })).toEqual({ requeued: 1 })
		await drain()
		expect((await prisma.xapiStatement.findUniqueOrThrow({ where: { id } })).status).toBe('SENT')
	})

	test('exactly once under two workers: two jobs for one statement at the same moment make one PUT', async () => {
		const { id } = await oneStatement()
		lrs.setDelay(300)
		// Two jobs for the same statement (a duplicate enqueue, a retry racing a slow first run).
		await enqueueJob('xapi-send', { statementId: id })
		await enqueueJob('xapi-send', { statementId: id })
		const outcomes = await Promise.all([
			sendXapiStatement({ statementId: id, now: new Date() }),
			sendXapiStatement({ statementId: id, now: new Date() }),
			runQueuedJobs({ name: 'xapi-send', limit: 1 }),
			runQueuedJobs({ name: 'xapi-send', limit: 1 }),
		])
		// Any one of the four may win the claim (a queued job can start before either direct call), so the
		// direct calls say "sent" at most once, and the LRS sees exactly one PUT.
		expect(outcomes.slice(0, 2).filter((outcome) => outcome === 'sent').length).toBeLessThanOrEqual(1)
		expect(outcomes.slice(0, 2).every((outcome) => outcome === 'sent' || outcome === 'skipped')).toBe(true)
		expect(lrs.requests.filter((r) => r.method === 'PUT' && r.path.includes(id))).toHaveLength(1)
		expect((await prisma.xapiStatement.findUniqueOrThrow({ where: { id } })).status).toBe('SENT')
	})

	test('reporting an event again stores and queues nothing new; a resend after a lost acknowledgement is not stored twice', async () => {
		const { learner, course, id } = await oneStatement()
		const again = await prisma.$transaction((tx) =>
			queueXapiStatements(tx, {
				kind: 'lesson-completed',
				userId: learner.id,
				lessonId: course.lessons[0]!.id,
				at: new Date(),
			}),
		)
		expect(again).toBe(0)
		expect(await sendXapiStatement({ statementId: id, now: new Date() })).toBe('sent')
		// Circle crashed before recording the success: the row says PENDING, the LRS has it.
		await prisma.xapiStatement.update({ where: { id }, data: { status: 'PENDING' } })
		expect(await sendXapiStatement({ statementId: id, now: new Date() })).toBe('sent')
		expect(lrs.requests.filter((r) => r.method === 'PUT' && r.path.includes(id))).toHaveLength(2)
		expect([...lrs.statements.keys()].filter((k) => k === id)).toHaveLength(1)
	})

	test('a job enqueued in a transaction that rolls back never exists', async () => {
		const { learner, course } = await oneStatement()
		const lesson = course.lessons[1]!
		await prisma.lessonProgress.create({
			data: {
				userId: learner.id,
				enrolmentId: (await prisma.enrolment.findFirstOrThrow({ where: { userId: learner.id } })).id,
				lessonId: lesson.id,
				lessonKey: lesson.key,
			},
		})
		await expect(
			prisma.$transaction(async (tx) => {
				await queueXapiStatements(tx, {
					kind: 'lesson-completed',
					userId: learner.id,
					lessonId: lesson.id,
					at: new Date(),
				})
				throw new Error('the event failed')
			}),
		).rejects.toThrow('the event failed')
		const progressed = await prisma.xapiStatement.count({ where: { userId: learner.id, verb: 'progressed' } })
		expect(progressed).toBe(1)
		const boss = await getBoss()
		const row = await prisma.lessonProgress.findFirstOrThrow({ where: { userId: learner.id, lessonId: lesson.id } })
		const orgId = (await prisma.xapiStatement.findFirstOrThrow({ where: { userId: learner.id } })).organisationId
		expect(await boss.getJobById('xapi-send', uuidV5(`${orgId}:progressed:${row.id}`))).toBeNull()
	})
})
