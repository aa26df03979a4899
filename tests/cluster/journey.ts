/**
 * The failure drills' load: a learner's journey replayed through the load balancer, on the real
 * routes with the real form fields, and the check afterwards that nothing the app answered 2xx/3xx
 * for was lost (ADR 0050). Not autocannon: after a connection ends with a request unanswered (the
 * very thing a drill causes), autocannon 8 reconnects but keeps that request in its queue, so every
 * later answer on the connection is matched to the request before it (the quiz's redirect reported
 * as the reflection's answer). A drill must know which request failed, so each connection here is
 * a plain keep-alive loop, one request at a time.
 *
 * One journey is four requests on one keep-alive connection, one after another, for a learner of
 * its own (each learner is used once, so every write can be checked exactly):
 *
 *   1. POST /learn/progress      the video player's report, a one-second played range at 2k..2k+1
 *   2. POST /learn/reflection    the reflection autosave, a text with a token of its own
 *   3. POST /learn/<course>/<quiz>  the quiz form (intent=submit-quiz), the reflection with another token
 *   4. GET  /learn/<course>/<quiz>  the lesson page
 *
 * plus, when asked, GETs of report pages as the demo organisation's administrator. Sessions are
 * made beforehand (journey-fixtures.ts) rather than by logging in: a login is an Argon2 hash, the
 * costliest request Circle has, and its throttles would refuse a drill's rate from one address.
 */
import http from 'node:http'
import pg from 'pg'
import type { RunningCluster } from '../../scripts/cluster/cluster.ts'

export type Learner = { id: string; email: string; enrolmentId: string; cookie: string }

export type JourneyFixtures = {
	courseSlug: string
	quizPath: string
	quizLessonId: string
	readingPath: string
	videoLessonId: string
	videoSeconds: number
	reflectionQuestionId: string
	/** The quiz form without the reflection's text. */
	quizForm: string
	organisationSlug: string
	orgCookie: string | null
	learners: Learner[]
}

/** Makes `count` fresh learners in the cluster's database (see journey-fixtures.ts). */
export async function makeLearners(
	cluster: RunningCluster,
	count: number,
	tag: string,
	{ finishing = false } = {},
): Promise<JourneyFixtures> {
	const out = await cluster.runScript('tests/cluster/journey-fixtures.ts', [
		String(count),
		tag,
		...(finishing ? ['--finishing'] : []),
	])
	return JSON.parse(out.trim().split('\n').at(-1)!) as JourneyFixtures
}

type Kind = 'progress' | 'reflection' | 'quiz' | 'page' | 'report' | 'no answer'

/** What the server acknowledged (a 2xx, or the quiz's redirect to its result) for one learner. */
type Acks = { progressFrom?: number; draft?: string; quiz?: string; quizSent?: string; draftSent?: string }

export type JourneyResult = {
	/** Responses received plus requests that got none (connection errors, timeouts). */
	requests: number
	ok: number
	/** Error answers (e.g. HAProxy's 502 for a request whose app process died) and requests with no answer. */
	failed: number
	/** [when the request was sent, in ms since the start; what failed]. */
	failures: Array<[number, string]>
	/** Failed requests by kind of request. */
	failedByKind: Partial<Record<Kind, number>>
	acks: Map<string, Acks>
	/** Learners whose journey started (each once). */
	used: number
	/** When the last expected answer came, in ms since the start. */
	lastOkAt: number
	startedAt: number
	seconds: number
}

/**
 * Runs the journey for `seconds` (or until every learner has had one) on `connections` concurrent
 * keep-alive connections, each one journey after another, one request at a time. `during` is
 * called once the load is running and may do its damage; the result comes once both the load and
 * `during` have finished.
 */
export async function runJourney({
	url,
	fixtures,
	connections = 6,
	seconds = 20,
	reports = [],
	during,
}: {
	url: string
	fixtures: JourneyFixtures
	connections?: number
	seconds?: number
	/** Report pages (paths) to read as the organisation's administrator in every journey. */
	reports?: string[]
	during?: (elapsedMs: () => number) => Promise<void>
}): Promise<JourneyResult> {
	const startedAt = Date.now()
	const elapsed = () => Date.now() - startedAt
	const acks = new Map<string, Acks>()
	const failures: Array<[number, string]> = []
	const failedByKind: Partial<Record<Kind, number>> = {}
	let next = 0
	let ok = 0
	let lastOk = 0
	// A failure is dated when its request was sent: a request that hangs until its timeout failed
	// because of what happened when it went out.
	const fail = (kind: Kind, what: string, sentAt = elapsed()) => {
		failures.push([sentAt, `${kind} ${what}`])
		failedByKind[kind] = (failedByKind[kind] ?? 0) + 1
	}
	// Keep-alive connections, at most `connections`, as a browser's would be.
	const agent = new http.Agent({ keepAlive: true, maxSockets: connections })

	/** One request; true when the answer is the expected one. Never throws. */
	const send = async (
		kind: Kind,
		path: string,
		init: { method?: string; cookie: string; type?: string; body?: string },
		expected: (status: number, location: string) => boolean,
	) => {
		const sentAt = elapsed()
		try {
			const { status, location } = await new Promise<{ status: number; location: string }>((resolve, reject) => {
				const req = http.request(
					`${url}${path}`,
					{
						method: init.method ?? 'GET',
						agent,
						timeout: 10_000,
						headers: {
							cookie: init.cookie,
							...(init.type ? { 'content-type': init.type } : {}),
							...(init.body ? { 'content-length': Buffer.byteLength(init.body) } : {}),
						},
					},
					(response) => {
						response.resume()
						response.once('end', () =>
							resolve({ status: response.statusCode ?? 0, location: String(response.headers.location ?? '') }),
						)
						response.once('error', reject)
					},
				)
				req.once('timeout', () => req.destroy(new Error('no answer within 10 s')))
				req.once('error', reject)
				req.end(init.body)
			})
			if (expected(status, location)) {
				ok++
				lastOk = elapsed()
				return true
			}
			fail(kind, `${status}${location ? ` ${location}` : ''}`, sentAt)
		} catch (error) {
			fail('no answer', `${kind}: ${(error as Error).message}`, sentAt)
		}
		// A person whose click failed does not click again within microseconds: nor does the drill.
		await new Promise((r) => setTimeout(r, 250))
		return false
	}
	const is2xx = (status: number) => status >= 200 && status < 300

	const journey = async (learner: Learner) => {
		const token = `${learner.id}-${next}`
		const acked: Acks = {}
		acks.set(learner.id, acked)
		const json = 'application/json'
		if (
			await send(
				'progress',
				'/learn/progress',
				{
					method: 'POST',
					cookie: learner.cookie,
					type: json,
					body: JSON.stringify({ lessonId: fixtures.videoLessonId, positionSeconds: 1, playedRanges: [[0, 1]] }),
				},
				is2xx,
			)
		)
			acked.progressFrom = 0
		acked.draftSent = `draft ${token}`
		if (
			await send(
				'reflection',
				'/learn/reflection',
				{
					method: 'POST',
					cookie: learner.cookie,
					type: json,
					body: JSON.stringify({ questionId: fixtures.reflectionQuestionId, text: acked.draftSent }),
				},
				is2xx,
			)
		)
			acked.draft = acked.draftSent
		const form = new URLSearchParams(fixtures.quizForm)
		acked.quizSent = `quiz ${token}`
		form.set(`text.${fixtures.reflectionQuestionId}`, acked.quizSent)
		// The action answers a submitted quiz with a redirect to its result.
		if (
			await send(
				'quiz',
				fixtures.quizPath,
				{ method: 'POST', cookie: learner.cookie, type: 'application/x-www-form-urlencoded', body: form.toString() },
				(status, location) => status === 302 && location.endsWith('#quiz-result'),
			)
		)
			acked.quiz = acked.quizSent
		await send('page', fixtures.quizPath, { cookie: learner.cookie }, (status) => status === 200)
		for (const path of reports) {
			await send('report', path, { cookie: fixtures.orgCookie ?? '' }, (status) => status === 200)
		}
	}

	const deadline = startedAt + seconds * 1000
	const connection = async () => {
		while (Date.now() < deadline && next < fixtures.learners.length) await journey(fixtures.learners[next++]!)
	}
	await Promise.all([Promise.all(Array.from({ length: connections }, connection)), during?.(elapsed)])
	agent.destroy()
	return {
		requests: ok + failures.length,
		ok,
		failed: failures.length,
		failures,
		failedByKind,
		acks,
		used: Math.min(next, fixtures.learners.length),
		lastOkAt: lastOk,
		startedAt,
		seconds: Math.min(elapsed(), seconds * 1000) / 1000,
	}
}

/** The time from the first failure to the last, in seconds (0 when nothing failed). */
export function failureWindowSeconds(result: JourneyResult) {
	if (result.failures.length === 0) return 0
	const times = result.failures.map(([at]) => at)
	return (Math.max(...times) - Math.min(...times)) / 1000
}

export type LostRows = { checked: number; lost: number; details: string[] }

/**
 * Checks in the database (`databaseUrl`, the primary) that every write the app acknowledged is
 * there: the progress report's played second in the stored ranges, the reflection (the quiz's
 * text once the quiz was acknowledged, else the autosaved draft or the quiz's text if that reached
 * the database unanswered) and a quiz attempt for every acknowledged submission.
 */
export async function findLostRows(databaseUrl: string, fixtures: JourneyFixtures, result: JourneyResult) {
	const ids = [...result.acks.keys()]
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		const progress = await client.query<{ userId: string; watchedRanges: Array<[number, number]> | null }>(
			`SELECT "userId", "watchedRanges" FROM "LessonProgress" WHERE "lessonId" = $1 AND "userId" = ANY($2)`,
			[fixtures.videoLessonId, ids],
		)
		const reflections = await client.query<{ userId: string; text: string }>(
			`SELECT "userId", text FROM "Reflection" WHERE "questionId" = $1 AND "userId" = ANY($2)`,
			[fixtures.reflectionQuestionId, ids],
		)
		const attempts = await client.query<{ userId: string; n: number }>(
			`SELECT "userId", count(*)::int AS n FROM "QuizAttempt" WHERE "lessonId" = $1 AND "userId" = ANY($2) GROUP BY 1`,
			[fixtures.quizLessonId, ids],
		)
		const ranges = new Map(progress.rows.map((r) => [r.userId, r.watchedRanges ?? []]))
		const texts = new Map(reflections.rows.map((r) => [r.userId, r.text]))
		const attemptCount = new Map(attempts.rows.map((r) => [r.userId, r.n]))
		const details: string[] = []
		let checked = 0
		for (const [userId, acked] of result.acks) {
			if (acked.progressFrom !== undefined) {
				checked++
				const from = acked.progressFrom
				if (!(ranges.get(userId) ?? []).some(([a, b]) => a <= from && b >= from + 1)) {
					details.push(`progress of ${userId}: second ${from} missing`)
				}
			}
			if (acked.draft !== undefined || acked.quiz !== undefined) {
				checked++
				const stored = texts.get(userId)
				const allowed = acked.quiz ? [acked.quiz] : [acked.draft, acked.quizSent]
				if (!stored || !allowed.includes(stored)) {
					details.push(`reflection of ${userId}: "${stored}", expected ${allowed.join(' or ')}`)
				}
			}
			if (acked.quiz !== undefined) {
				checked++
				if (!attemptCount.get(userId)) details.push(`quiz attempt of ${userId} missing`)
			}
		}
		return { checked, lost: details.length, details }
	} finally {
		await client.end()
	}
}

/** A one-line summary of a run for the drills' output. */
export function describeRun(result: JourneyResult) {
	const kinds = Object.entries(result.failedByKind)
		.map(([k, n]) => `${k} ${n}`)
		.join(', ')
	const answers = new Map<string, number>()
	for (const [, what] of result.failures) answers.set(what, (answers.get(what) ?? 0) + 1)
	const seen = [...answers].map(([what, n]) => `${n}× ${what}`).join('; ')
	return (
		`${result.requests} requests in ${result.seconds.toFixed(0)} s, ${result.failed} failed` +
		(kinds ? ` (${kinds}: ${seen})` : '')
	)
}
