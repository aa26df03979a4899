/**
 * `npm run seed:scale -- --size S|M|L`: a customer base at real scale, for `npm run bench -- --scale`.
 *
 *   size  organisations  learners  courses  lesson-progress rows  (largest organisation)
 *   S                 5       500       20               ~50,000  100 staff × 5 courses
 *   M                20     5,000       50              ~500,000  1,000 staff × 10 courses
 *   L               100    50,000      200            ~5,000,000  5,000 staff × 20 courses
 *
 * plus enrolments, seat pools and assignments, memberships, quiz attempts with answers and
 * certificates in proportion; the largest organisation also gets nested teams with managers and a
 * compliance requirement for every member on every one of its courses. Rows are generated deterministically (a seeded PRNG per learner) and
 * streamed into PostgreSQL with COPY (pg-copy-streams), with a progress bar on stderr.
 *
 * Targets DATABASE_URL or the embedded database (EMBEDDED_PG_DIR, EMBEDDED_PG_PORT), as
 * `npm run db:seed` does. Use a database of its own, e.g.
 *   EMBEDDED_PG_DIR=.data/scale-L npm run seed:scale -- --size L
 * It refuses to run twice on the same database. Every scale user's password is `circle-scale-2026`;
 * the trainer who owns the scale courses is trainer@scale.circle.example.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import pg from 'pg'
import { openDatabase } from './bench/database.ts'

export const SCALE_PASSWORD = 'circle-scale-2026'
/** The row triggers of prisma/migrations/*_team_report_version on the tables this script fills. */
const REPORT_VERSION_TRIGGERS = [
	['SeatAssignment', 'report_version_seat'],
	['Invitation', 'report_version_invitation'],
	['Enrolment', 'report_version_enrolment_insert_delete'],
	['Enrolment', 'report_version_enrolment_update'],
	['User', 'report_version_user_insert'],
	['User', 'report_version_user_update'],
	['Course', 'report_version_course'],
	// …and the compliance matrix's (prisma/migrations/*_compliance_matrix_version).
	['LearnerAssignment', 'matrix_version_requirement'],
	['Team', 'matrix_version_team'],
	['TeamMember', 'matrix_version_team_member'],
	['Membership', 'matrix_version_membership_insert_delete'],
] as const

export const SCALE_DOMAIN = 'scale.circle.example'

export const SIZES = {
	S: { organisations: 5, learners: 500, courses: 20, bigOrgStaff: 100, bigOrgCourses: 5 },
	M: { organisations: 20, learners: 5_000, courses: 50, bigOrgStaff: 1_000, bigOrgCourses: 10 },
	L: { organisations: 100, learners: 50_000, courses: 200, bigOrgStaff: 5_000, bigOrgCourses: 20 },
} as const
export type ScaleSize = keyof typeof SIZES

/** Lessons per course: 3 modules of reading, video, reading, quiz. */
export const LESSONS_PER_COURSE = 12
const KINDS = ['READING', 'VIDEO', 'READING', 'QUIZ'] as const
const QUESTIONS_PER_QUIZ = 3
const OPTIONS_PER_QUESTION = 4
/** Share of learners not in any organisation (individual buyers). */
const INDIVIDUAL_SHARE = 0.2
/** Enrolments of a learner outside their seats. */
const OWN_ENROLMENTS = 7

// ─── Deterministic generation ───────────────────────────────────────────────

/** mulberry32: a tiny seeded PRNG, so that every pass regenerates the same learner plans. */
export function prng(seed: number) {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

/** Ids that look like cuids (the app validates some ids with z.cuid()): "c", a tag, base-36 digits. */
export const id = (tag: string, n: number) => `c${tag}${n.toString(36).padStart(9, '0')}`

export type Layout = ReturnType<typeof layout>

/** Which learners belong to which organisation, and which courses each organisation's pools cover. */
export function layout(size: ScaleSize) {
	const s = SIZES[size]
	const orgLearners = Math.round(s.learners * (1 - INDIVIDUAL_SHARE))
	const perOtherOrg = Math.floor((orgLearners - s.bigOrgStaff) / (s.organisations - 1))
	// Organisation 0 is the big one; the others split the remaining organisation learners.
	const orgOf = (learner: number) => {
		if (learner < s.bigOrgStaff) return 0
		const o = 1 + Math.floor((learner - s.bigOrgStaff) / perOtherOrg)
		return o < s.organisations ? o : -1
	}
	const poolCourses = (org: number) =>
		org === 0
			? Array.from({ length: s.bigOrgCourses }, (_, i) => i)
			: Array.from({ length: 5 }, (_, i) => (org * 7 + i * 3) % s.courses)
	return { ...s, size, orgOf, poolCourses, perOtherOrg }
}

export type EnrolmentPlan = {
	course: number
	/** The seat pool's organisation when the enrolment comes from a seat. */
	seatOrg: number | null
	/** Lessons completed, in course order (LESSONS_PER_COURSE when the course is complete). */
	done: number
	/** A lesson started but not finished (the one after the completed ones). */
	inProgress: boolean
	enrolledDay: number
}

/** A learner's enrolments, the same on every call: seats in their organisation's pools, then their own. */
export function planFor(l: Layout, learner: number): EnrolmentPlan[] {
	const random = prng(learner + 1)
	const org = l.orgOf(learner)
	const seen = new Set<number>()
	const plans: EnrolmentPlan[] = []
	const add = (course: number, seatOrg: number | null) => {
		if (seen.has(course)) return
		seen.add(course)
		const r = random()
		// 45% complete, 40% part-way, 15% not started.
		const done = r < 0.45 ? LESSONS_PER_COURSE : r < 0.85 ? 1 + Math.floor(random() * (LESSONS_PER_COURSE - 1)) : 0
		plans.push({
			course,
			seatOrg,
			done,
			inProgress: done < LESSONS_PER_COURSE && r < 0.85,
			enrolledDay: Math.floor(random() * 360) + 5,
		})
	}
	if (org >= 0) for (const c of l.poolCourses(org)) add(c, org)
	const own = org === 0 ? 0 : org > 0 ? OWN_ENROLMENTS : OWN_ENROLMENTS + 5
	for (let i = 0; i < own; i++) add(Math.floor(random() * l.courses), null)
	return plans
}

// ─── COPY ───────────────────────────────────────────────────────────────────

type Cell = string | number | boolean | null | Date | string[]

/** A value in PostgreSQL's COPY text format. */
export function copyValue(v: Cell): string {
	if (v === null) return '\\N'
	if (v instanceof Date) return v.toISOString()
	if (Array.isArray(v)) return escapeCopy(`{${v.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`)
	if (typeof v === 'boolean') return v ? 't' : 'f'
	return escapeCopy(String(v))
}
function escapeCopy(s: string) {
	return s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
}

class Progress {
	private done = 0
	private last = 0
	private started = Date.now()
	constructor(
		private label: string,
		private total: number,
	) {}
	tick(n = 1) {
		this.done += n
		const now = Date.now()
		if (now - this.last > 200 || this.done === this.total) {
			this.last = now
			const share = this.total > 0 ? Math.min(1, this.done / this.total) : 1
			const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '░')
			process.stderr.write(
				`\r  ${this.label.padEnd(16)} ${bar} ${Math.round(share * 100)
					.toString()
					.padStart(3)}%  ${this.done.toLocaleString('en-GB')} rows`,
			)
		}
	}
	end() {
		const seconds = (Date.now() - this.started) / 1000
		process.stderr.write(
			`\r  ${this.label.padEnd(16)} ${'█'.repeat(30)} 100%  ${this.done.toLocaleString('en-GB')} rows in ${seconds.toFixed(1)} s\n`,
		)
		return this.done
	}
}

async function copy(client: pg.PoolClient, table: string, columns: string[], rows: Iterable<Cell[]>, estimate: number) {
	const progress = new Progress(table, estimate)
	function* lines() {
		let chunk: string[] = []
		for (const row of rows) {
			chunk.push(row.map(copyValue).join('\t'))
			progress.tick()
			if (chunk.length === 2000) {
				yield `${chunk.join('\n')}\n`
				chunk = []
			}
		}
		if (chunk.length) yield `${chunk.join('\n')}\n`
	}
	const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`
	await pipeline(Readable.from(lines()), client.query(copyFrom(sql)))
	return progress.end()
}

// ─── The dataset ────────────────────────────────────────────────────────────

const DAY = 86_400_000
const epoch = Date.UTC(2025, 10, 1)
const day = (n: number) => new Date(epoch + n * DAY)

/** Months a scale course's certificates stay valid: 12, 24 or 36, or no expiry for every fourth. */
export const validityMonths = (course: number) => [12, 24, 36, null][course % 4]!

/** The big organisation's requirement due dates: from 30 to 450 days after the person enrolled. */
export const requirementDueOn = (learner: number, p: EnrolmentPlan) =>
	day(p.enrolledDay + 30 + ((learner * 31 + p.course * 17) % 420))
		.toISOString()
		.slice(0, 10)

/** Top-level teams in the big organisation, each with SUB_TEAMS teams beneath it. */
const TOP_TEAMS = 10
const SUB_TEAMS = 4

/**
 * The big organisation's teams: 10 sites, each with 4 wards. Everyone is in one ward and every tenth
 * person in a second (so a person can count in two teams); the second person of each site's first
 * ward manages the site (and so every ward in it).
 */
export function teamLayout() {
	const teams: Array<{ id: string; parentId: string | null; name: string }> = []
	for (let t = 0; t < TOP_TEAMS; t++) teams.push({ id: id('tm', t), parentId: null, name: `Site ${t + 1}` })
	for (let w = 0; w < TOP_TEAMS * SUB_TEAMS; w++) {
		const top = Math.floor(w / SUB_TEAMS)
		teams.push({
			id: id('tm', TOP_TEAMS + w),
			parentId: id('tm', top),
			name: `Site ${top + 1} ward ${(w % SUB_TEAMS) + 1}`,
		})
	}
	const wards = TOP_TEAMS * SUB_TEAMS
	const membershipsOf = (learner: number) => {
		const rows = [{ teamId: id('tm', TOP_TEAMS + (learner % wards)), isManager: false }]
		if (learner % 10 === 9) rows.push({ teamId: id('tm', TOP_TEAMS + ((learner + 1) % wards)), isManager: false })
		if (learner < wards && learner % SUB_TEAMS === 1)
			rows.push({ teamId: id('tm', Math.floor(learner / SUB_TEAMS)), isManager: true })
		return rows
	}
	return { teams, membershipsOf }
}

async function seedScale(client: pg.PoolClient, size: ScaleSize) {
	const l = layout(size)
	const { certificateValidUntil } = await import('#modules/certificates/validity.ts')
	const { hashPassword } = await import('#modules/auth/password.ts')
	const { generateCertificateCode } = await import('#modules/certificates/code.ts')
	const passwordHash = await hashPassword(SCALE_PASSWORD)
	const now = new Date()
	const trainerId = id('tr', 0)
	const userId = (n: number) => id('u', n)
	const courseId = (c: number) => id('co', c)
	const versionId = (c: number) => id('cv', c)
	const lessonId = (c: number, i: number) => id('le', c * LESSONS_PER_COURSE + i)
	const questionId = (c: number, quiz: number, q: number) => id('qu', (c * 3 + quiz) * QUESTIONS_PER_QUIZ + q)
	const optionId = (c: number, quiz: number, q: number, o: number) =>
		id('op', ((c * 3 + quiz) * QUESTIONS_PER_QUIZ + q) * OPTIONS_PER_QUESTION + o)
	const orgId = (o: number) => id('or', o)
	const poolId = (o: number, c: number) => id('po', o * 1000 + c)
	const enrolmentId = (learner: number, k: number) => id('en', learner * 64 + k)
	const assignmentId = (learner: number, k: number) => id('sa', learner * 64 + k)

	const totals: Record<string, number> = {}
	const users = function* () {
		yield [trainerId, `trainer@${SCALE_DOMAIN}`, 'Dr Scale Trainer', passwordHash, now, 'TRAINER', now, now] as Cell[]
		for (let n = 0; n < l.learners; n++) {
			yield [
				userId(n),
				`learner${n}@${SCALE_DOMAIN}`,
				`Learner ${n.toString().padStart(5, '0')}`,
				passwordHash,
				now,
				'LEARNER',
				day(n % 300),
				now,
			]
		}
	}
	totals.users = await copy(
		client,
		'User',
		['id', 'email', 'name', 'passwordHash', 'emailVerifiedAt', 'role', 'createdAt', 'updatedAt'],
		users(),
		l.learners + 1,
	)

	// Courses: one published version each, 3 modules of 4 lessons, 3 quizzes of 3 questions.
	const courseRows = function* () {
		for (let c = 0; c < l.courses; c++)
			yield [
				courseId(c),
				`scale-course-${c}`,
				c % 3 === 0 ? 0 : 4900,
				'{SCHOOLS}',
				null,
				validityMonths(c),
				trainerId,
				day(0),
				now,
			]
	}
	totals.courses = await copy(
		client,
		'Course',
		[
			'id',
			'slug',
			'pricePence',
			'sectors',
			'publishedVersionId',
			'validityMonths',
			'createdById',
			'createdAt',
			'updatedAt',
		],
		courseRows(),
		l.courses,
	)
	const outcomes = [
		'Explain the social discipline window',
		'Use restorative questions after harm',
		'Plan a check-in circle',
	]
	const versions = function* () {
		for (let c = 0; c < l.courses; c++) {
			yield [
				versionId(c),
				courseId(c),
				1,
				'PUBLISHED',
				`Scale course ${c}: restorative practice`,
				'A course of the scale dataset.',
				90,
				outcomes,
				false,
				trainerId,
				day(0),
				day(0),
				now,
			]
		}
	}
	await copy(
		client,
		'CourseVersion',
		[
			'id',
			'courseId',
			'number',
			'status',
			'title',
			'summary',
			'cpdMinutes',
			'outcomes',
			'sequential',
			'createdById',
			'publishedAt',
			'createdAt',
			'updatedAt',
		],
		versions(),
		l.courses,
	)
	await client.query(
		`UPDATE "Course" SET "publishedVersionId" = 'ccv' || substr(id, 4) WHERE slug LIKE 'scale-course-%'`,
	)
	await copy(
		client,
		'CourseAuthor',
		['courseId', 'userId', 'role'],
		(function* () {
			for (let c = 0; c < l.courses; c++) yield [courseId(c), trainerId, 'OWNER']
		})(),
		l.courses,
	)
	await copy(
		client,
		'Module',
		['id', 'versionId', 'position', 'title'],
		(function* () {
			for (let c = 0; c < l.courses; c++)
				for (let m = 0; m < 3; m++) yield [id('mo', c * 3 + m), versionId(c), m, `Module ${m + 1}`]
		})(),
		l.courses * 3,
	)
	const markdown =
		'## Restorative questions\n\nWhat happened? What were you thinking at the time? Who has been affected, and how?\n\n- Listen first\n- Separate the deed from the doer\n'
	totals.lessons = await copy(
		client,
		'Lesson',
		[
			'id',
			'moduleId',
			'versionId',
			'key',
			'position',
			'kind',
			'title',
			'markdown',
			'videoSourceUrl',
			'videoDurationSeconds',
			'passMark',
			'maxAttempts',
		],
		(function* () {
			for (let c = 0; c < l.courses; c++) {
				for (let i = 0; i < LESSONS_PER_COURSE; i++) {
					const kind = KINDS[i % 4]!
					yield [
						lessonId(c, i),
						id('mo', c * 3 + Math.floor(i / 4)),
						versionId(c),
						`lesson-${i}`,
						i % 4,
						kind,
						`Lesson ${i + 1}`,
						kind === 'READING' ? markdown : null,
						kind === 'VIDEO' ? '/media/demo-lesson.mp4' : null,
						kind === 'VIDEO' ? 34 : null,
						kind === 'QUIZ' ? 70 : null,
						null,
					]
				}
			}
		})(),
		l.courses * LESSONS_PER_COURSE,
	)
	await copy(
		client,
		'Question',
		['id', 'lessonId', 'position', 'kind', 'prompt'],
		(function* () {
			for (let c = 0; c < l.courses; c++)
				for (let quiz = 0; quiz < 3; quiz++)
					for (let q = 0; q < QUESTIONS_PER_QUIZ; q++)
						yield [questionId(c, quiz, q), lessonId(c, quiz * 4 + 3), q, 'SINGLE', `Question ${q + 1}`]
		})(),
		l.courses * 9,
	)
	await copy(
		client,
		'Option',
		['id', 'questionId', 'position', 'text', 'isCorrect'],
		(function* () {
			for (let c = 0; c < l.courses; c++)
				for (let quiz = 0; quiz < 3; quiz++)
					for (let q = 0; q < QUESTIONS_PER_QUIZ; q++)
						for (let o = 0; o < OPTIONS_PER_QUESTION; o++)
							yield [optionId(c, quiz, q, o), questionId(c, quiz, q), o, `Option ${o + 1}`, o === 0]
		})(),
		l.courses * 9 * OPTIONS_PER_QUESTION,
	)

	// Organisations, their members (the first learner of each is its owner) and seat pools.
	await copy(
		client,
		'Organisation',
		['id', 'slug', 'name', 'sector', 'createdAt', 'updatedAt'],
		(function* () {
			for (let o = 0; o < l.organisations; o++)
				yield [
					orgId(o),
					`scale-org-${o}`,
					o === 0 ? 'Scale NHS Trust (big)' : `Scale organisation ${o}`,
					'HEALTH_SOCIAL_CARE',
					day(0),
					now,
				]
		})(),
		l.organisations,
	)
	const firstOf = (o: number) => (o === 0 ? 0 : l.bigOrgStaff + (o - 1) * l.perOtherOrg)
	totals.memberships = await copy(
		client,
		'Membership',
		['id', 'organisationId', 'userId', 'role'],
		(function* () {
			for (let n = 0; n < l.learners; n++) {
				const o = l.orgOf(n)
				if (o >= 0) yield [id('me', n), orgId(o), userId(n), n === firstOf(o) ? 'OWNER' : 'MEMBER']
			}
		})(),
		Math.round(l.learners * (1 - INDIVIDUAL_SHARE)),
	)
	const poolSize = (o: number) => (o === 0 ? l.bigOrgStaff : l.perOtherOrg)
	await copy(
		client,
		'SeatPool',
		['id', 'organisationId', 'courseId', 'seats', 'used', 'createdAt', 'updatedAt'],
		(function* () {
			for (let o = 0; o < l.organisations; o++)
				for (const c of l.poolCourses(o))
					yield [poolId(o, c), orgId(o), courseId(c), poolSize(o) + 10, poolSize(o), day(0), now]
		})(),
		l.organisations * 5,
	)

	// Seats, enrolments, progress, quiz attempts, answers and certificates: one pass per table over
	// the same deterministic plans.
	const learnersPlans = function* () {
		for (let n = 0; n < l.learners; n++) yield [n, planFor(l, n)] as const
	}
	let estimate = 0
	for (const [, plans] of learnersPlans()) estimate += plans.length
	totals.seats = await copy(
		client,
		'SeatAssignment',
		['id', 'poolId', 'userId', 'email', 'status', 'assignedAt'],
		(function* () {
			for (const [n, plans] of learnersPlans())
				for (const [k, p] of plans.entries())
					if (p.seatOrg !== null)
						yield [
							assignmentId(n, k),
							poolId(p.seatOrg, p.course),
							userId(n),
							`learner${n}@${SCALE_DOMAIN}`,
							'ASSIGNED',
							day(p.enrolledDay - 1),
						]
		})(),
		estimate,
	)
	const lastDay = (p: EnrolmentPlan) => Math.min(p.enrolledDay + 2 + p.done * 2, 385)
	totals.enrolments = await copy(
		client,
		'Enrolment',
		[
			'id',
			'userId',
			'courseId',
			'versionId',
			'source',
			'seatAssignmentId',
			'startedAt',
			'completedAt',
			'lastActivityAt',
			'secondsSpent',
			'createdAt',
		],
		(function* () {
			for (const [n, plans] of learnersPlans())
				for (const [k, p] of plans.entries()) {
					const started = p.done > 0 || p.inProgress
					yield [
						enrolmentId(n, k),
						userId(n),
						courseId(p.course),
						versionId(p.course),
						p.seatOrg !== null ? 'SEAT' : p.course % 3 === 0 ? 'FREE' : 'PURCHASE',
						p.seatOrg !== null ? assignmentId(n, k) : null,
						started ? day(p.enrolledDay) : null,
						p.done === LESSONS_PER_COURSE ? day(lastDay(p)) : null,
						started ? day(lastDay(p)) : null,
						p.done * 600,
						day(p.enrolledDay),
					]
				}
		})(),
		estimate,
	)
	totals.progress = await copy(
		client,
		'LessonProgress',
		[
			'id',
			'userId',
			'enrolmentId',
			'lessonId',
			'lessonKey',
			'status',
			'positionSeconds',
			'secondsWatched',
			'completedAt',
			'createdAt',
			'updatedAt',
		],
		(function* () {
			let row = 0
			for (const [n, plans] of learnersPlans())
				for (const [k, p] of plans.entries()) {
					for (let i = 0; i < p.done + (p.inProgress ? 1 : 0); i++) {
						const completed = i < p.done
						const video = KINDS[i % 4] === 'VIDEO'
						const at = day(Math.min(p.enrolledDay + 1 + i * 2, 385))
						yield [
							id('lp', row++),
							userId(n),
							enrolmentId(n, k),
							lessonId(p.course, i),
							`lesson-${i}`,
							completed ? 'COMPLETED' : 'IN_PROGRESS',
							video ? (completed ? 34 : 12) : 0,
							video ? (completed ? 34 : 12) : 0,
							completed ? at : null,
							at,
							at,
						]
					}
				}
		})(),
		estimate * 8,
	)
	const quizzesDone = function* () {
		let attempt = 0
		for (const [n, plans] of learnersPlans())
			for (const [k, p] of plans.entries())
				for (let quiz = 0; quiz < 3; quiz++)
					if (quiz * 4 + 3 < p.done)
						yield { n, k, p, quiz, attempt: attempt++, random: prng((n + 1) * 977 + k * 31 + quiz) }
	}
	totals.attempts = await copy(
		client,
		'QuizAttempt',
		['id', 'userId', 'enrolmentId', 'lessonId', 'number', 'scorePercent', 'passed', 'submittedAt'],
		(function* () {
			for (const a of quizzesDone())
				yield [
					id('qa', a.attempt),
					userId(a.n),
					enrolmentId(a.n, a.k),
					lessonId(a.p.course, a.quiz * 4 + 3),
					1,
					100,
					true,
					day(a.p.enrolledDay + 2 + a.quiz * 8),
				]
		})(),
		estimate * 2,
	)
	totals.answers = await copy(
		client,
		'Answer',
		['id', 'attemptId', 'questionId', 'selectedOptionIds', 'isCorrect'],
		(function* () {
			for (const a of quizzesDone())
				for (let q = 0; q < QUESTIONS_PER_QUIZ; q++) {
					// Most learners choose the right option; the item analysis then has something to show.
					const o = a.random() < 0.8 ? 0 : 1 + Math.floor(a.random() * (OPTIONS_PER_QUESTION - 1))
					yield [
						id('an', a.attempt * QUESTIONS_PER_QUIZ + q),
						id('qa', a.attempt),
						questionId(a.p.course, a.quiz, q),
						[optionId(a.p.course, a.quiz, q, o)],
						o === 0,
					]
				}
		})(),
		estimate * 6,
	)
	totals.certificates = await copy(
		client,
		'Certificate',
		[
			'id',
			'code',
			'userId',
			'enrolmentId',
			'courseId',
			'versionId',
			'learnerName',
			'courseTitle',
			'versionNumber',
			'cpdMinutes',
			'outcomes',
			'completedAt',
			'issuedAt',
			'validUntil',
		],
		(function* () {
			for (const [n, plans] of learnersPlans())
				for (const [k, p] of plans.entries())
					if (p.done === LESSONS_PER_COURSE)
						yield [
							id('ce', n * 64 + k),
							generateCertificateCode(),
							userId(n),
							enrolmentId(n, k),
							courseId(p.course),
							versionId(p.course),
							`Learner ${n.toString().padStart(5, '0')}`,
							`Scale course ${p.course}: restorative practice`,
							1,
							90,
							outcomes,
							day(lastDay(p)),
							day(lastDay(p)),
							certificateValidUntil(day(lastDay(p)), validityMonths(p.course)),
						]
		})(),
		Math.round(estimate * 0.45),
	)

	// The largest organisation's teams, team managers and compliance requirements: every member must
	// complete every one of its courses, with due dates spread from a year ago to a year ahead, so
	// the matrix has every state (modules/compliance/matrix.ts).
	const teams = teamLayout()
	totals.teams = await copy(
		client,
		'Team',
		['id', 'organisationId', 'parentId', 'name', 'createdAt', 'updatedAt'],
		teams.teams.map((t) => [t.id, orgId(0), t.parentId, t.name, day(0), now]),
		teams.teams.length,
	)
	totals.teamMembers = await copy(
		client,
		'TeamMember',
		['teamId', 'membershipId', 'isManager'],
		(function* () {
			for (let n = 0; n < l.bigOrgStaff; n++)
				for (const m of teams.membershipsOf(n)) yield [m.teamId, id('me', n), m.isManager]
		})(),
		l.bigOrgStaff,
	)
	await copy(
		client,
		'Assignment',
		['id', 'organisationId', 'courseId', 'target', 'newStarterDays', 'createdById', 'createdAt'],
		Array.from({ length: l.bigOrgCourses }, (_, c) => [
			id('as', c),
			orgId(0),
			courseId(c),
			'EVERYONE',
			90,
			userId(0),
			day(0),
		]),
		l.bigOrgCourses,
	)
	totals.requirements = await copy(
		client,
		'LearnerAssignment',
		[
			'id',
			'organisationId',
			'assignmentId',
			'userId',
			'courseId',
			'kind',
			'cycle',
			'dueOn',
			'assignedAt',
			'enrolmentId',
			'completedAt',
			'certificateId',
			'createdAt',
		],
		(function* () {
			for (let n = 0; n < l.bigOrgStaff; n++)
				for (const [k, p] of planFor(l, n).entries()) {
					if (p.seatOrg !== 0) continue
					const done = p.done === LESSONS_PER_COURSE
					yield [
						id('la', n * 64 + k),
						orgId(0),
						id('as', p.course),
						userId(n),
						courseId(p.course),
						'INITIAL',
						1,
						requirementDueOn(n, p),
						day(p.enrolledDay - 1),
						enrolmentId(n, k),
						done ? day(lastDay(p)) : null,
						done ? id('ce', n * 64 + k) : null,
						day(p.enrolledDay - 1),
					]
				}
		})(),
		l.bigOrgStaff * l.bigOrgCourses,
	)
	return totals
}

async function main() {
	const args = process.argv.slice(2)
	const sizeArg = (
		args[args.indexOf('--size') + 1] ??
		args.find((a) => a.startsWith('--size='))?.slice(7) ??
		''
	).toUpperCase()
	if (!args.some((a) => a.startsWith('--size')) || !(sizeArg in SIZES)) {
		console.error('Usage: npm run seed:scale -- --size S|M|L')
		process.exit(1)
	}
	const size = sizeArg as ScaleSize
	const started = Date.now()
	const db = await openDatabase()
	const pool = new pg.Pool({ connectionString: db.url, max: 1 })
	// Stopping the embedded database ends the idle connection: expected, not a crash.
	pool.on('error', () => {})
	const client = await pool.connect()
	try {
		const existing = await client.query(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [
			`trainer@${SCALE_DOMAIN}`,
		])
		if (existing.rows[0].n > 0) {
			console.error('This database already holds a scale dataset. Use a fresh one, e.g. EMBEDDED_PG_DIR=.data/scale-L.')
			process.exitCode = 1
			return
		}
		console.error(`Seeding the ${size} dataset (${JSON.stringify(SIZES[size])})`)
		// One transaction: an interrupted run leaves nothing behind. Commit waits for the disk once.
		await client.query('BEGIN')
		await client.query('SET LOCAL synchronous_commit = off')
		// The generator writes consistent rows in dependency order, so the per-row foreign-key
		// triggers (three look-ups for every progress row) are skipped when the role allows it
		// (superusers, as with the embedded database); otherwise they simply run.
		const superuser = await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)
		if (superuser.rows[0]?.rolsuper) await client.query(`SET LOCAL session_replication_role = replica`)
		// The team report's version triggers would bump an organisation once per seat, enrolment and
		// user row written; the new organisations start at version 0 with nothing cached, so they are
		// switched off for the load (inside the transaction, so an interrupted run leaves them on).
		for (const [table, trigger] of REPORT_VERSION_TRIGGERS) {
			await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${trigger}"`)
		}
		const totals = await seedScale(client, size)
		for (const [table, trigger] of REPORT_VERSION_TRIGGERS) {
			await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER "${trigger}"`)
		}
		process.stderr.write('  committing and analysing…\n')
		await client.query('COMMIT')
		await client.query('ANALYZE')
		const seconds = (Date.now() - started) / 1000
		console.log(
			`Seeded ${size} in ${seconds.toFixed(1)} s: ${Object.entries(totals)
				.map(([k, v]) => `${v.toLocaleString('en-GB')} ${k}`)
				.join(', ')}`,
		)
	} catch (error) {
		await client.query('ROLLBACK').catch(() => undefined)
		throw error
	} finally {
		client.release()
		await pool.end()
		await db.stop()
	}
}

if (process.argv[1]?.endsWith('seed-scale.ts')) await main()
