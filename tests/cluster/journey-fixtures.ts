/**
 * Run inside the cluster's environment (RunningCluster.runScript): makes `count` learners for one
 * failure drill, each enrolled on the bench's course (scripts/bench/fixtures.ts: reading, video and
 * an unlimited quiz with a reflection question) with a session of their own, and prints, as the last
 * line of its output, JSON describing them and the routes the learner journey uses.
 *
 *   tsx tests/cluster/journey-fixtures.ts <count> <tag> [--finishing]
 *
 * With --finishing every lesson but the bench's reading lesson is already done, so that marking that
 * one done (a POST of the real form) completes the course and issues the certificate, whose email
 * (with the PDF) goes through the job queue.
 */
import { createSession } from '#modules/auth/sessions.ts'
import { prisma } from '#modules/db/client.ts'
import { createBenchFixtures } from '../../scripts/bench/fixtures.ts'
import { SESSION_COOKIE_NAME } from '#app/utils/session.server.ts'

const [countArg, tag] = process.argv.slice(2)
const count = Number(countArg)
const finishing = process.argv.includes('--finishing')
if (!Number.isInteger(count) || count < 1 || !tag || !/^[a-z0-9-]+$/.test(tag)) {
	throw new Error('Usage: journey-fixtures.ts <count> <tag> [--finishing]')
}

const bench = await createBenchFixtures()
const quizLessonId = bench.quizPath.split('/').at(-1)!
const readingLessonId = bench.readingPath.split('/').at(-1)!
const form = new URLSearchParams(bench.quizForm)
const reflectionQuestionId = [...form.keys()].find((k) => k.startsWith('text.'))?.slice('text.'.length)
if (!reflectionQuestionId) throw new Error('The bench quiz has no reflection question')
const video = await prisma.lesson.findUniqueOrThrow({
	where: { id: bench.videoLessonId },
	select: { videoDurationSeconds: true },
})
const course = await prisma.course.findUniqueOrThrow({
	where: { id: bench.courseId },
	select: {
		publishedVersionId: true,
		publishedVersion: { select: { lessons: { select: { id: true, key: true, kind: true } } } },
	},
})

const emails = Array.from({ length: count }, (_, i) => `drill-${tag}-${i}@circle.drill`)
await prisma.user.createMany({
	data: emails.map((email, i) => ({ email, name: `Drill ${tag} ${i}`, emailVerifiedAt: new Date() })),
	skipDuplicates: true,
})
const users = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })
await prisma.enrolment.createMany({
	data: users.map((u) => ({
		userId: u.id,
		courseId: bench.courseId,
		versionId: course.publishedVersionId!,
		source: 'FREE' as const,
		startedAt: new Date(),
		lastActivityAt: new Date(),
	})),
	skipDuplicates: true,
})
const enrolments = await prisma.enrolment.findMany({
	where: { courseId: bench.courseId, userId: { in: users.map((u) => u.id) } },
	select: { id: true, userId: true },
})
if (finishing) {
	const others = course.publishedVersion!.lessons.filter((l) => l.id !== readingLessonId)
	await prisma.lessonProgress.createMany({
		skipDuplicates: true,
		data: enrolments.flatMap((e) =>
			others.map((l) => ({
				userId: e.userId,
				enrolmentId: e.id,
				lessonId: l.id,
				lessonKey: l.key,
				status: 'COMPLETED' as const,
				completedAt: new Date(),
			})),
		),
	})
	// A quiz counts as done once passed.
	await prisma.quizAttempt.createMany({
		skipDuplicates: true,
		data: enrolments.flatMap((e) =>
			others
				.filter((l) => l.kind === 'QUIZ')
				.map((l) => ({
					userId: e.userId,
					enrolmentId: e.id,
					lessonId: l.id,
					number: 1,
					scorePercent: 100,
					passed: true,
				})),
		),
	})
}
const learners = []
for (const user of users) {
	const { token } = await createSession({ userId: user.id, userAgent: 'circle-drill' })
	learners.push({
		id: user.id,
		email: user.email,
		enrolmentId: enrolments.find((e) => e.userId === user.id)!.id,
		cookie: `${SESSION_COOKIE_NAME}=${token}`,
	})
}
form.delete(`text.${reflectionQuestionId}`)
await prisma.$disconnect()

console.log(
	JSON.stringify({
		courseSlug: bench.courseSlug,
		quizPath: bench.quizPath,
		quizLessonId,
		readingPath: bench.readingPath,
		videoLessonId: bench.videoLessonId,
		videoSeconds: video.videoDurationSeconds ?? 0,
		reflectionQuestionId,
		quizForm: form.toString(),
		organisationSlug: bench.organisationSlug,
		orgCookie: bench.orgCookie,
		learners,
	}),
)
process.exit(0)
