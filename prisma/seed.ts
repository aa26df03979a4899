import { hash } from '@node-rs/argon2'
import { generateEmailToken, hashToken } from '#modules/auth/tokens.ts'
import { type Prisma, prisma } from '#modules/db/client.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { COMPLETION_TRANSACTION, completeEnrolment } from '#modules/progress/complete-enrolment.ts'
import { courses } from './seed-content/index.ts'
import type { SeedCourse, SeedLesson } from './seed-content/types.ts'

/** The password of every demo account; printed by `npm start`. Never used outside demo data. */
export const DEMO_PASSWORD = 'circle-demo-2026'

export const DEMO_ACCOUNTS = [
	{ email: 'learner@circle.example', name: 'Siân Llewellyn-Nowak', role: 'LEARNER', label: 'Learner' },
	{ email: 'trainer@circle.example', name: 'Dr Maya Okafor', role: 'TRAINER', label: 'Trainer' },
	{ email: 'admin@circle.example', name: 'Priya Shah', role: 'ADMIN', label: 'Platform admin' },
	{ email: 'orgadmin@circle.example', name: 'Tom Hughes', role: 'LEARNER', label: 'Organisation admin' },
] as const

export const DEMO_ORGANISATION = { slug: 'riverside-academy-trust', name: 'Riverside Academy Trust' }

/** A short local clip (and its captions) so video lessons play offline (see public/media/README.md). */
export const DEMO_VIDEO = {
	url: '/media/demo-lesson.mp4',
	captionsUrl: '/media/demo-lesson.en.vtt',
	durationSeconds: 34,
}

/** True when the database holds no users and no courses: a fresh install that wants demo content. */
export async function isDatabaseEmpty() {
	const [users, courseCount] = await Promise.all([prisma.user.count(), prisma.course.count()])
	return users === 0 && courseCount === 0
}

/**
 * Loads the demo content: five-plus courses, demo accounts for each role and an organisation with
 * seats. Idempotent: accounts and courses that already exist are left as they are.
 */
export async function seedDemo({ log = console.log }: { log?: (line: string) => void } = {}) {
	const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 })
	const users: Record<string, string> = {}
	for (const account of DEMO_ACCOUNTS) {
		const user = await prisma.user.upsert({
			where: { email: account.email },
			update: {},
			create: {
				email: account.email,
				name: account.name,
				role: account.role,
				passwordHash,
				emailVerifiedAt: new Date(),
				profession: account.role === 'LEARNER' ? 'Registered nurse' : null,
				registrationBody: account.role === 'LEARNER' ? 'NMC' : null,
			},
			select: { id: true },
		})
		users[account.email] = user.id
	}
	const trainerId = users['trainer@circle.example']!

	let created = 0
	for (const course of courses) {
		if (await seedCourse(course, trainerId)) created++
	}

	const org = await prisma.organisation.upsert({
		where: { slug: DEMO_ORGANISATION.slug },
		update: {},
		create: { ...DEMO_ORGANISATION, sector: 'SCHOOLS' },
		select: { id: true },
	})
	await prisma.membership.upsert({
		where: { organisationId_userId: { organisationId: org.id, userId: users['orgadmin@circle.example']! } },
		update: {},
		create: { organisationId: org.id, userId: users['orgadmin@circle.example']!, role: 'OWNER' },
	})
	const schools = await prisma.course.findUnique({
		where: { slug: 'relational-practice-in-schools' },
		select: { id: true },
	})
	if (schools) {
		const pool = await prisma.seatPool.upsert({
			where: { organisationId_courseId: { organisationId: org.id, courseId: schools.id } },
			update: {},
			create: { organisationId: org.id, courseId: schools.id, seats: 20 },
			select: { id: true },
		})
		await seedDemoStaff({ organisationId: org.id, poolId: pool.id, invitedById: users['orgadmin@circle.example']! })
	}
	log(`Demo content: ${created} new course${created === 1 ? '' : 's'}, ${DEMO_ACCOUNTS.length} demo accounts`)
}

/**
 * Staff of the demo organisation at different points of the schools course, so that its team
 * report, chart and CSV have something to show: two part-way, one not started, six who finished
 * in recent weeks, one invitation not yet accepted. They have no password (they cannot log in). Only on a pool nobody holds a seat in
 * yet, so running the seed again changes nothing.
 */
async function seedDemoStaff({
	organisationId,
	poolId,
	invitedById,
}: {
	organisationId: string
	poolId: string
	invitedById: string
}) {
	if ((await prisma.seatAssignment.count({ where: { poolId } })) > 0) return
	const pool = await prisma.seatPool.findUniqueOrThrow({
		where: { id: poolId },
		select: { course: { select: { publishedVersionId: true } } },
	})
	const lessons = await prisma.lesson.findMany({
		where: { versionId: pool.course.publishedVersionId! },
		orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
		select: { id: true, key: true },
	})
	const DAY = 24 * 60 * 60 * 1000
	const staff = [
		{ email: 'aisha.rahman@riverside.example', name: 'Aisha Rahman', lessonsDone: 2, startedDaysAgo: 12 },
		{ email: 'gareth.evans@riverside.example', name: 'Gareth Evans', lessonsDone: 1, startedDaysAgo: 4 },
		{ email: 'chloe.bennett@riverside.example', name: 'Chloe Bennett', lessonsDone: 0, startedDaysAgo: null },
	]
	for (const person of staff) {
		const user = await prisma.user.upsert({
			where: { email: person.email },
			update: {},
			create: { email: person.email, name: person.name, emailVerifiedAt: new Date() },
			select: { id: true },
		})
		const { assignmentId, enrolmentId } = await claimSeat({ poolId, userId: user.id })
		// Given their seats a fortnight ago, before any of them started.
		await prisma.seatAssignment.update({
			where: { id: assignmentId },
			data: { assignedAt: new Date(Date.now() - 14 * DAY) },
		})
		if (!enrolmentId || person.startedDaysAgo === null) continue
		const startedAt = new Date(Date.now() - person.startedDaysAgo * DAY)
		await prisma.$transaction([
			prisma.lessonProgress.createMany({
				data: lessons.slice(0, person.lessonsDone).map((lesson, i) => ({
					userId: user.id,
					enrolmentId,
					lessonId: lesson.id,
					lessonKey: lesson.key,
					status: 'COMPLETED' as const,
					completedAt: new Date(startedAt.getTime() + i * DAY),
				})),
			}),
			prisma.enrolment.update({
				where: { id: enrolmentId },
				data: { startedAt, lastActivityAt: new Date(startedAt.getTime() + (person.lessonsDone - 1) * DAY) },
			}),
		])
	}
	await seedDemoCompletions({ poolId, lessons })
	await prisma.invitation.create({
		data: {
			organisationId,
			seatPoolId: poolId,
			email: 'sam.morgan@riverside.example',
			tokenHash: hashToken(generateEmailToken()),
			invitedById,
			expiresAt: new Date(Date.now() + 14 * DAY),
		},
	})
}

/**
 * Demo staff who finished the schools course in recent weeks, so that the team report's
 * "Completions per week" chart has bars (and the report has certificates to link to). Each one is
 * completed the way a learner completes it, through completeEnrolment (every lesson done, every quiz
 * passed), which issues the certificate; then the dates are moved back to the week it happened.
 */
async function seedDemoCompletions({
	poolId,
	lessons,
}: {
	poolId: string
	lessons: Array<{ id: string; key: string }>
}) {
	const DAY = 24 * 60 * 60 * 1000
	const completers = [
		{ email: 'dylan.price@riverside.example', name: 'Dylan Price', completedDaysAgo: 5 },
		{ email: 'fatima.begum@riverside.example', name: 'Fatima Begum', completedDaysAgo: 17 },
		{ email: 'owen.jones@riverside.example', name: 'Owen Jones', completedDaysAgo: 20 },
		{ email: 'niamh.kelly@riverside.example', name: 'Niamh Kelly', completedDaysAgo: 40 },
		{ email: 'ravi.patel@riverside.example', name: 'Ravi Patel', completedDaysAgo: 44 },
		{ email: 'eleri.thomas@riverside.example', name: 'Eleri Thomas', completedDaysAgo: 66 },
	]
	const quizzes = await prisma.lesson.findMany({
		where: { id: { in: lessons.map((l) => l.id) }, kind: 'QUIZ' },
		select: { id: true },
	})
	for (const person of completers) {
		const completedAt = new Date(Date.now() - person.completedDaysAgo * DAY)
		const startedAt = new Date(completedAt.getTime() - 9 * DAY)
		const user = await prisma.user.upsert({
			where: { email: person.email },
			update: {},
			create: { email: person.email, name: person.name, emailVerifiedAt: new Date() },
			select: { id: true },
		})
		const { assignmentId, enrolmentId } = await claimSeat({ poolId, userId: user.id })
		if (!enrolmentId) continue
		await prisma.$transaction(async (tx) => {
			await tx.seatAssignment.update({
				where: { id: assignmentId },
				data: { assignedAt: new Date(startedAt.getTime() - 3 * DAY) },
			})
			await tx.lessonProgress.createMany({
				data: lessons.map((lesson, i) => ({
					userId: user.id,
					enrolmentId,
					lessonId: lesson.id,
					lessonKey: lesson.key,
					status: 'COMPLETED' as const,
					completedAt: new Date(
						startedAt.getTime() + (i * (completedAt.getTime() - startedAt.getTime())) / lessons.length,
					),
				})),
			})
			await tx.quizAttempt.createMany({
				data: quizzes.map((quiz) => ({
					userId: user.id,
					enrolmentId,
					lessonId: quiz.id,
					number: 1,
					scorePercent: 100,
					passed: true,
					submittedAt: completedAt,
				})),
			})
			await completeEnrolment({ tx, enrolmentId, userId: user.id })
			await tx.enrolment.update({
				where: { id: enrolmentId },
				data: { startedAt, lastActivityAt: completedAt, completedAt },
			})
			const certificate = await tx.certificate.update({
				where: { enrolmentId },
				data: { completedAt, issuedAt: completedAt },
				select: { id: true },
			})
			await tx.cpdEntry.updateMany({ where: { certificateId: certificate.id }, data: { date: completedAt } })
		}, COMPLETION_TRANSACTION)
	}
}

async function seedCourse(course: SeedCourse, trainerId: string) {
	const existing = await prisma.course.findUnique({ where: { slug: course.slug }, select: { id: true } })
	if (existing) return false
	await prisma.$transaction(async (tx) => {
		const row = await tx.course.create({
			data: {
				slug: course.slug,
				pricePence: course.pricePence,
				sectors: course.sectors,
				volumeTiers: course.volumeTiers ?? undefined,
				createdById: trainerId,
				authors: { create: { userId: trainerId, role: 'OWNER' } },
			},
			select: { id: true },
		})
		const version = await tx.courseVersion.create({
			data: {
				courseId: row.id,
				number: 1,
				status: 'PUBLISHED',
				publishedAt: new Date(),
				title: course.title,
				summary: course.summary,
				description: course.description,
				cpdMinutes: course.cpdMinutes,
				outcomes: course.outcomes,
				sequential: course.sequential,
			},
			select: { id: true },
		})
		for (const [moduleIndex, mod] of course.modules.entries()) {
			await tx.module.create({
				data: {
					versionId: version.id,
					position: moduleIndex,
					title: mod.title,
					summary: mod.summary,
					lessons: { create: mod.lessons.map((lesson, i) => lessonData(lesson, i, version.id)) },
				},
			})
		}
		await tx.course.update({ where: { id: row.id }, data: { publishedVersionId: version.id } })
	})
	return true
}

function lessonData(lesson: SeedLesson, position: number, versionId: string) {
	const base = {
		key: lesson.key,
		position,
		title: lesson.title,
		kind: lesson.kind,
		estimatedMinutes: lesson.estimatedMinutes,
		version: { connect: { id: versionId } },
	}
	switch (lesson.kind) {
		case 'VIDEO':
			return {
				...base,
				// Every demo video lesson plays the same short clip, so its real length is what counts
				// for progress; the transcript is the lesson's own script, as a real recording would have.
				videoSourceUrl: DEMO_VIDEO.url,
				captionsUrl: DEMO_VIDEO.captionsUrl,
				videoDurationSeconds: DEMO_VIDEO.durationSeconds,
				transcript: lesson.transcript,
			} satisfies Prisma.LessonCreateWithoutModuleInput
		case 'READING':
			return { ...base, markdown: lesson.markdown } satisfies Prisma.LessonCreateWithoutModuleInput
		case 'QUIZ':
			return {
				...base,
				passMark: lesson.passMark,
				maxAttempts: lesson.maxAttempts,
				questions: {
					create: lesson.questions.map((q, qi) => {
						if (q.kind === 'REFLECTION') return { position: qi, kind: q.kind, prompt: q.prompt, guidance: q.guidance }
						if (q.kind === 'SCALE') {
							return {
								position: qi,
								kind: q.kind,
								prompt: q.prompt,
								scaleMin: q.min,
								scaleMax: q.max,
								scaleMinLabel: q.minLabel,
								scaleMaxLabel: q.maxLabel,
							}
						}
						return {
							position: qi,
							kind: q.kind,
							prompt: q.prompt,
							explanation: q.explanation,
							options: { create: q.options.map((o, oi) => ({ position: oi, ...o })) },
						}
					}),
				},
			} satisfies Prisma.LessonCreateWithoutModuleInput
	}
}
