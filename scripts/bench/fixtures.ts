/**
 * What `npm run bench` measures against: the demo content (loaded when the database is empty) and
 * a bench learner of its own (bench-learner@circle.bench), enrolled on a course with reading, video
 * and quiz lessons, part-way through it, with a certificate for another course. Idempotent, and it
 * never touches the demo accounts.
 */
import { hashPassword } from '#modules/auth/password.ts'
import { createSession } from '#modules/auth/sessions.ts'
import { generateCertificateCode } from '#modules/certificates/code.ts'
import { prisma } from '#modules/db/client.ts'
import { SESSION_COOKIE_NAME } from '#app/utils/session.server.ts'

export const BENCH_EMAIL = 'bench-learner@circle.bench'
export const BENCH_PASSWORD = 'bench restorative circle 2026'

const lessonSelect = {
	id: true,
	key: true,
	kind: true,
	maxAttempts: true,
	questions: {
		orderBy: { position: 'asc' },
		select: { id: true, kind: true, scaleMin: true, options: { select: { id: true, isCorrect: true } } },
	},
} as const

export async function createBenchFixtures() {
	const { seedDemo, DEMO_ACCOUNTS, DEMO_ORGANISATION } = await import('#prisma/seed.ts')
	// The demo content is what the pages show (seedDemo is idempotent; skipped when already loaded).
	const demoLoaded = await prisma.user.count({ where: { email: DEMO_ACCOUNTS[0].email } })
	if (!demoLoaded) await seedDemo({ log: () => {} })

	const courses = await prisma.course.findMany({
		// Not the generated courses of `npm run seed:scale`, should this be that database.
		where: { publishedVersionId: { not: null }, archivedAt: null, NOT: { slug: { startsWith: 'scale-' } } },
		orderBy: { slug: 'asc' },
		select: {
			id: true,
			slug: true,
			publishedVersion: {
				select: {
					id: true,
					number: true,
					title: true,
					sequential: true,
					cpdMinutes: true,
					outcomes: true,
					lessons: { orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }], select: lessonSelect },
				},
			},
		},
	})
	const hasAll = (c: (typeof courses)[number]) =>
		['READING', 'VIDEO', 'QUIZ'].every((k) => c.publishedVersion!.lessons.some((l) => l.kind === k))
	// A course where the quiz can be submitted again and again and no lesson is locked.
	const course =
		courses.find(
			(c) =>
				hasAll(c) &&
				!c.publishedVersion!.sequential &&
				c.publishedVersion!.lessons.some((l) => l.kind === 'QUIZ' && l.maxAttempts === null),
		) ?? courses.find(hasAll)
	const other = courses.find((c) => c.id !== course?.id)
	if (!course || !other) throw new Error('The bench needs two published courses with reading, video and quiz lessons')
	const version = course.publishedVersion!
	const lessons = version.lessons
	const reading = lessons.find((l) => l.kind === 'READING')!
	const video = lessons.find((l) => l.kind === 'VIDEO')!
	const quiz =
		lessons.find((l) => l.kind === 'QUIZ' && l.maxAttempts === null) ?? lessons.find((l) => l.kind === 'QUIZ')!

	const user = await prisma.user.upsert({
		where: { email: BENCH_EMAIL },
		update: {},
		create: {
			email: BENCH_EMAIL,
			name: 'Bench Learner',
			passwordHash: await hashPassword(BENCH_PASSWORD),
			emailVerifiedAt: new Date(),
		},
		select: { id: true },
	})
	const enrolment = await prisma.enrolment.upsert({
		where: { userId_courseId: { userId: user.id, courseId: course.id } },
		update: {},
		create: {
			userId: user.id,
			courseId: course.id,
			versionId: version.id,
			source: 'FREE',
			startedAt: new Date(),
			lastActivityAt: new Date(),
		},
		select: { id: true },
	})
	// Part-way through: the first half of the lessons done.
	await prisma.lessonProgress.createMany({
		skipDuplicates: true,
		data: lessons.slice(0, Math.floor(lessons.length / 2)).map((l) => ({
			userId: user.id,
			enrolmentId: enrolment.id,
			lessonId: l.id,
			lessonKey: l.key,
			status: 'COMPLETED' as const,
			completedAt: new Date(),
		})),
	})

	// A completed enrolment on another course, with its certificate (for the verification page).
	const otherVersion = other.publishedVersion!
	const done = await prisma.enrolment.upsert({
		where: { userId_courseId: { userId: user.id, courseId: other.id } },
		update: {},
		create: {
			userId: user.id,
			courseId: other.id,
			versionId: otherVersion.id,
			source: 'FREE',
			startedAt: new Date(),
			completedAt: new Date(),
		},
		select: { id: true, completedAt: true },
	})
	const certificate =
		(await prisma.certificate.findFirst({ where: { enrolmentId: done.id }, select: { code: true } })) ??
		(await prisma.certificate.create({
			data: {
				code: generateCertificateCode(),
				userId: user.id,
				enrolmentId: done.id,
				courseId: other.id,
				versionId: otherVersion.id,
				learnerName: 'Bench Learner',
				courseTitle: otherVersion.title,
				versionNumber: otherVersion.number,
				cpdMinutes: otherVersion.cpdMinutes,
				outcomes: otherVersion.outcomes,
				completedAt: done.completedAt ?? new Date(),
			},
			select: { code: true },
		}))

	// No attempts left by an earlier run that stopped before its cleanup: one passed would make every
	// submission of this run "already passed".
	await prisma.quizAttempt.deleteMany({ where: { userId: user.id } })
	// Fresh sessions for this run (removed again by cleanup()).
	const learnerSession = await createSession({ userId: user.id, userAgent: 'circle-bench' })
	const orgAdmin = await prisma.membership.findFirst({
		where: { organisation: { slug: DEMO_ORGANISATION.slug }, role: { in: ['OWNER', 'ADMIN'] } },
		select: { userId: true },
	})
	const orgSession = orgAdmin ? await createSession({ userId: orgAdmin.userId, userAgent: 'circle-bench' }) : null

	// The quiz answered as a learner who has not yet got it would: a wrong option where there is one,
	// a short reflection, the scale's lowest point. A failed attempt is recorded in full (attempt,
	// answers, reflections, xAPI), and the quiz has no attempt limit, so every request of a load run
	// is a real submission answered 302. A pass would turn every later one into "already passed" (409).
	const quizForm = new URLSearchParams({ intent: 'submit-quiz' })
	for (const q of quiz.questions) {
		if (q.kind === 'SINGLE' || q.kind === 'MULTIPLE') {
			const wrong = q.options.filter((o) => !o.isCorrect).slice(0, 1)
			for (const o of wrong.length > 0 ? wrong : q.options.filter((o) => o.isCorrect)) {
				quizForm.append(`option.${q.id}`, o.id)
			}
		} else if (q.kind === 'REFLECTION') {
			quizForm.append(
				`text.${q.id}`,
				'I would start with the restorative questions and listen before deciding anything.',
			)
		} else {
			quizForm.append(`scale.${q.id}`, String(q.scaleMin ?? 1))
		}
	}

	const cookie = (token: string) => `${SESSION_COOKIE_NAME}=${token}`
	return {
		userId: user.id,
		enrolmentId: enrolment.id,
		courseSlug: course.slug,
		courseId: course.id,
		readingPath: `/learn/${course.slug}/${reading.id}`,
		quizPath: `/learn/${course.slug}/${quiz.id}`,
		videoLessonId: video.id,
		quizForm: quizForm.toString(),
		certificateCode: certificate.code,
		organisationSlug: DEMO_ORGANISATION.slug,
		learnerCookie: cookie(learnerSession.token),
		orgCookie: orgSession ? cookie(orgSession.token) : null,
	}
}

export type BenchFixtures = Awaited<ReturnType<typeof createBenchFixtures>>

/** Removes the sessions, quiz attempts and throttle rows the run created. */
export async function cleanupBenchRun(fixtures: BenchFixtures) {
	await prisma.session.deleteMany({ where: { userAgent: 'circle-bench' } })
	await prisma.quizAttempt.deleteMany({ where: { userId: fixtures.userId } })
	await prisma.$executeRaw`DELETE FROM throttle WHERE key LIKE 'verifyPerIp:10.%' OR key LIKE 'loginPer%:10.%'`.catch(
		() => 0,
	)
}
