import { type Prisma, type Tx } from '#modules/db/client.ts'
import { getEnv, type Env } from '#modules/env/env.ts'
import { enqueueJobInTransaction } from '#modules/jobs/enqueue-job.ts'
import { buildStatement, type XapiActivity, type XapiResult } from './statements.ts'
import { uuidV5 } from './uuid.ts'
import type { XapiVerb } from './vocabulary.ts'

/**
 * Something a learner did that an organisation's LRS hears about. Each names the row that records
 * it, so the statement's id (a name-based UUID of that row, and of the organisation) is the same
 * however many times the event is reported.
 */
export type XapiEvent =
	/** The first learning activity of an enrolment's cycle (Enrolment.startedAt was stamped). */
	| { kind: 'launched'; userId: string; enrolmentId: string; at: Date }
	/** A lesson became COMPLETED: the course progressed. */
	| { kind: 'lesson-completed'; userId: string; lessonId: string; at: Date }
	/** A quiz attempt was marked: passed or failed (and the course failed when no attempt is left). */
	| { kind: 'quiz-attempted'; userId: string; attemptId: string; at: Date }
	/** The enrolment became complete: completed (and passed, when the course has quizzes). */
	| { kind: 'course-completed'; userId: string; enrolmentId: string; at: Date }
	/** Someone attended a reflective circle. */
	| { kind: 'attended'; userId: string; attendanceId: string; at: Date }

/** The sender's retry policy: 13 runs over about a day and a half, then FAILED (and resendable). */
export const XAPI_RETRY = { retryLimit: 12, retryDelay: 30, retryBackoff: true } as const

/** Circle's stable address for activity IRIs and the account actor's homePage (never a request's Host). */
export function xapiHomePage(env: Env = getEnv()) {
	return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
}

type Fact = {
	key: string
	verb: XapiVerb
	object: XapiActivity
	parent?: XapiActivity | null
	other?: XapiActivity | null
	registrationKey?: string
	result?: XapiResult
}

const courseActivity = (home: string, course: { slug: string; title: string }): XapiActivity => ({
	iri: `${home}/courses/${course.slug}`,
	type: 'course',
	name: course.title,
})

const enrolmentSelect = {
	id: true,
	cycle: true,
	secondsSpent: true,
	versionId: true,
	course: { select: { slug: true } },
	version: { select: { title: true } },
} as const

async function factsOf(tx: Tx, event: XapiEvent, home: string): Promise<Fact[]> {
	switch (event.kind) {
		case 'launched': {
			const e = await tx.enrolment.findFirst({
				where: { id: event.enrolmentId, userId: event.userId },
				select: enrolmentSelect,
			})
			if (!e) return []
			return [
				{
					key: `launched:${e.id}:${e.cycle}`,
					verb: 'launched',
					object: courseActivity(home, { slug: e.course.slug, title: e.version.title }),
					registrationKey: `${e.id}:${e.cycle}`,
				},
			]
		}
		case 'lesson-completed': {
			const row = await tx.lessonProgress.findUnique({
				where: { userId_lessonId: { userId: event.userId, lessonId: event.lessonId } },
				select: { id: true, lesson: { select: { key: true, title: true } }, enrolment: { select: enrolmentSelect } },
			})
			if (!row) return []
			const e = row.enrolment
			const [required, done] = await Promise.all([
				tx.lesson.count({ where: { versionId: e.versionId, required: true } }),
				tx.lessonProgress.count({ where: { enrolmentId: e.id, status: 'COMPLETED', lesson: { required: true } } }),
			])
			const course = courseActivity(home, { slug: e.course.slug, title: e.version.title })
			return [
				{
					key: `progressed:${row.id}`,
					verb: 'progressed',
					object: course,
					other: { iri: `${course.iri}/lessons/${row.lesson.key}`, type: 'lesson', name: row.lesson.title },
					registrationKey: `${e.id}:${e.cycle}`,
					result: { progressPercent: required ? (100 * Math.min(done, required)) / required : 100 },
				},
			]
		}
		case 'quiz-attempted': {
			const a = await tx.quizAttempt.findFirst({
				where: { id: event.attemptId, userId: event.userId },
				select: {
					id: true,
					passed: true,
					scorePercent: true,
					cycle: true,
					lessonId: true,
					lesson: { select: { key: true, title: true, required: true, maxAttempts: true } },
					enrolment: { select: enrolmentSelect },
				},
			})
			if (!a) return []
			const e = a.enrolment
			const course = courseActivity(home, { slug: e.course.slug, title: e.version.title })
			const registrationKey = `${e.id}:${e.cycle}`
			const facts: Fact[] = [
				{
					key: `quiz:${a.id}`,
					verb: a.passed ? 'passed' : 'failed',
					object: { iri: `${course.iri}/lessons/${a.lesson.key}`, type: 'assessment', name: a.lesson.title },
					parent: course,
					registrationKey,
					result: { scorePercent: a.scorePercent, success: a.passed, completion: a.passed },
				},
			]
			if (!a.passed && a.lesson.required && a.lesson.maxAttempts != null) {
				const used = await tx.quizAttempt.count({
					where: { userId: event.userId, lessonId: a.lessonId, cycle: a.cycle },
				})
				// The last attempt at a required quiz failed: the course cannot be passed in this cycle.
				if (used >= a.lesson.maxAttempts) {
					facts.push({
						key: `course-failed:${a.id}`,
						verb: 'failed',
						object: course,
						registrationKey,
						result: { success: false, completion: false },
					})
				}
			}
			return facts
		}
		case 'course-completed': {
			const e = await tx.enrolment.findFirst({
				where: { id: event.enrolmentId, userId: event.userId },
				select: enrolmentSelect,
			})
			if (!e) return []
			const course = courseActivity(home, { slug: e.course.slug, title: e.version.title })
			const registrationKey = `${e.id}:${e.cycle}`
			const facts: Fact[] = [
				{
					key: `completed:${e.id}:${e.cycle}`,
					verb: 'completed',
					object: course,
					registrationKey,
					result: { completion: true, durationSeconds: e.secondsSpent },
				},
			]
			const passes = await tx.quizAttempt.findMany({
				where: { enrolmentId: e.id, cycle: e.cycle, passed: true },
				select: { scorePercent: true },
			})
			if (passes.length) {
				facts.push({
					key: `course-passed:${e.id}:${e.cycle}`,
					verb: 'passed',
					object: course,
					registrationKey,
					result: {
						success: true,
						completion: true,
						scorePercent: Math.round(passes.reduce((sum, p) => sum + p.scorePercent, 0) / passes.length),
					},
				})
			}
			return facts
		}
		case 'attended': {
			const row = await tx.circleAttendance.findFirst({
				where: { id: event.attendanceId, userId: event.userId },
				select: {
					id: true,
					circle: {
						select: {
							id: true,
							title: true,
							durationMinutes: true,
							course: { select: { slug: true, publishedVersion: { select: { title: true } } } },
						},
					},
				},
			})
			if (!row) return []
			const { circle } = row
			return [
				{
					key: `attended:${row.id}`,
					verb: 'attended',
					object: { iri: `${home}/circles/${circle.id}`, type: 'meeting', name: circle.title },
					parent: circle.course
						? courseActivity(home, {
								slug: circle.course.slug,
								title: circle.course.publishedVersion?.title ?? circle.course.slug,
							})
						: null,
					result: { completion: true, durationSeconds: circle.durationMinutes * 60 },
				},
			]
		}
	}
}

/**
 * Stores the xAPI statements an event makes for every organisation the learner is an active member
 * of whose LRS is switched on, and queues the job that sends each, all inside the caller's
 * transaction: the statements exist exactly when the event does. Each statement's id is a
 * name-based UUID of the organisation and the event's own row, so reporting an event twice stores
 * nothing new and queues nothing new. Returns how many statements were stored.
 *
 * Several events (a transaction's, collected as it goes) may be queued in one call: the learner's
 * LRS connections are then looked up once, not once per event. For a learner in no such
 * organisation it is one indexed query, however many events.
 */
export async function queueXapiStatements(
	tx: Tx,
	events: XapiEvent | readonly XapiEvent[],
	env: Env = getEnv(),
): Promise<number> {
	const list: readonly XapiEvent[] = Array.isArray(events) ? events : [events as XapiEvent]
	let stored = 0
	for (const userId of new Set(list.map((e) => e.userId))) {
		stored += await queueForLearner(
			tx,
			userId,
			list.filter((e) => e.userId === userId),
			env,
		)
	}
	return stored
}

async function queueForLearner(tx: Tx, userId: string, events: XapiEvent[], env: Env) {
	const connections = await tx.lrsConnection.findMany({
		where: { enabled: true, organisation: { memberships: { some: { userId, deactivatedAt: null } } } },
		select: { id: true, organisationId: true, actorFormat: true },
	})
	if (connections.length === 0) return 0
	const home = xapiHomePage(env)
	const person = await tx.user.findUniqueOrThrow({
		where: { id: userId },
		select: { id: true, name: true, email: true },
	})
	const rows = []
	for (const event of events) {
		const facts = await factsOf(tx, event, home)
		for (const connection of connections) {
			for (const fact of facts) {
				const id = uuidV5(`${connection.organisationId}:${fact.key}`)
				rows.push({
					id,
					organisationId: connection.organisationId,
					connectionId: connection.id,
					userId: person.id,
					verb: fact.verb,
					statement: buildStatement({
						id,
						verb: fact.verb,
						person,
						actorFormat: connection.actorFormat,
						homePage: home,
						object: fact.object,
						parent: fact.parent,
						other: fact.other,
						registrationKey: fact.registrationKey,
						result: fact.result,
						timestamp: event.at,
					}) as Prisma.InputJsonObject,
				})
			}
		}
	}
	if (rows.length === 0) return 0
	const created = await tx.xapiStatement.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } })
	for (const { id } of created) {
		// Keyed by the statement's id: pg-boss ignores a second job with the same id.
		await enqueueJobInTransaction(tx, 'xapi-send', { statementId: id }, { ...XAPI_RETRY, id })
	}
	return created.length
}
