// A learner on an older version of a course may choose to move to the published one. Progress
// comes with them for every lesson whose content is unchanged (matched by the lesson's stable key
// and compared by fingerprint), and so does a passed attempt at an unchanged quiz. Lessons that
// changed start afresh. Their old rows stay where they are, attached to the old version's lessons.
import { prisma, type Tx } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import { lessonFingerprint, loadVersionTree, type TreeLesson } from './content.ts'
import { summariseChanges } from './publish-course.ts'
import { lockLearnerEnrolment } from './sql.ts'

/**
 * Which version an enrolled learner follows and whether they may move to a newer one: null when
 * they are not enrolled (or were revoked). `newerNumber` is the published version's number when it
 * is newer than theirs and they have not completed the course (a completed enrolment stays on the
 * version its certificate names), else null. One query, for pages that only need to know whether
 * to offer the move.
 */
export async function getEnrolmentVersionStatus({ userId, courseSlug }: { userId: string; courseSlug: string }) {
	const enrolment = await prisma.enrolment.findFirst({
		where: { userId, status: 'ACTIVE', course: { slug: courseSlug } },
		select: {
			courseId: true,
			versionId: true,
			completedAt: true,
			version: { select: { number: true } },
			course: { select: { publishedVersion: { select: { id: true, number: true } } } },
		},
	})
	if (!enrolment) return null
	const target = enrolment.course.publishedVersion
	const newer = target && target.id !== enrolment.versionId && !enrolment.completedAt ? target.number : null
	return { courseId: enrolment.courseId, currentNumber: enrolment.version.number, newerNumber: newer }
}

async function plan(db: Tx | typeof prisma, { userId, courseId }: { userId: string; courseId: string }) {
	const enrolment = await db.enrolment.findUnique({
		where: { userId_courseId: { userId, courseId } },
		select: {
			id: true,
			status: true,
			versionId: true,
			completedAt: true,
			cycle: true,
			version: { select: { number: true } },
			course: {
				select: {
					slug: true,
					publishedVersion: { select: { id: true, number: true, title: true, changeSummary: true, publishedAt: true } },
				},
			},
		},
	})
	if (!enrolment || enrolment.status !== 'ACTIVE') {
		throw new AuthoringError('not_found', 'NOT_ENROLLED', 'You are not enrolled on this course.')
	}
	const target = enrolment.course.publishedVersion
	if (!target || target.id === enrolment.versionId) {
		throw new AuthoringError(
			'conflict',
			'ALREADY_ON_LATEST',
			'You are already following the latest version of this course.',
		)
	}
	if (enrolment.completedAt) {
		throw new AuthoringError(
			'conflict',
			'ENROLMENT_COMPLETED',
			'You have completed this course, so you stay on the version your certificate names.',
		)
	}
	const [oldTree, newTree, progress] = await Promise.all([
		loadVersionTree(db, enrolment.versionId),
		loadVersionTree(db, target.id),
		db.lessonProgress.findMany({
			where: { userId, enrolmentId: enrolment.id, lesson: { versionId: enrolment.versionId } },
			select: {
				lessonId: true,
				lessonKey: true,
				status: true,
				positionSeconds: true,
				secondsWatched: true,
				watchedRanges: true,
				completedAt: true,
			},
		}),
	])
	const oldByKey = new Map(oldTree.flatMap((m) => m.lessons).map((l) => [l.key, l]))
	const newLessons = newTree.flatMap((m) => m.lessons)
	const carried: Array<{ from: TreeLesson; to: TreeLesson; progress: (typeof progress)[number] }> = []
	const unchanged = new Set<string>()
	for (const lesson of newLessons) {
		const old = oldByKey.get(lesson.key)
		if (old && lessonFingerprint(old) === lessonFingerprint(lesson)) unchanged.add(lesson.key)
	}
	for (const row of progress) {
		const from = oldByKey.get(row.lessonKey)
		const to = newLessons.find((l) => l.key === row.lessonKey)
		if (from && to && unchanged.has(to.key)) carried.push({ from, to, progress: row })
	}
	return {
		enrolment,
		target,
		oldTree,
		newTree,
		newLessons,
		carried,
		unchanged,
		startedKeys: new Set(progress.map((r) => r.lessonKey)),
		startedCount: progress.length,
	}
}

/**
 * What moving would do, for the page that offers it: the version the learner is on and the new one
 * (with its change note), which lessons changed, were added or removed since their version, how
 * many of the new version's lessons are unchanged, and how many of the lessons they have started
 * keep their progress ("7 of 9 lessons keep your progress"), with the titles of those that do not.
 */
export async function previewMoveToVersion({ userId, courseId }: { userId: string; courseId: string }) {
	const p = await plan(prisma, { userId, courseId })
	const changes = summariseChanges({ draft: p.newTree, published: p.oldTree })
	const keptKeys = new Set(p.carried.map((c) => c.to.key))
	const oldLessons = p.oldTree.flatMap((m) => m.lessons)
	return {
		slug: p.enrolment.course.slug,
		fromNumber: p.enrolment.version.number,
		to: p.target,
		changes,
		/** Lessons the learner started whose progress does not come with them (changed or removed). */
		lostLessons: oldLessons
			.filter((l) => p.startedKeys.has(l.key) && !keptKeys.has(l.key))
			.map((l) => ({ key: l.key, title: l.title })),
		totalLessons: p.newLessons.length,
		unchangedLessons: p.unchanged.size,
		startedLessons: p.startedCount,
		keptLessons: p.carried.length,
		keptCompleted: p.carried.filter((c) => c.progress.status === 'COMPLETED').length,
	}
}

/**
 * Moves a learner's enrolment to the course's published version in one transaction, copying their
 * progress rows to the new version's lessons for unchanged lessons, and the passing attempt (with
 * its answers mapped question by question) for unchanged quizzes. Completed enrolments do not move
 * (their certificate names the version they finished): `conflict`. So does an enrolment already
 * on the published version. The enrolment row is locked first, so a double click moves once.
 * `expectedVersionNumber` guards against moving to a version the learner has not reviewed.
 */
export async function moveEnrolmentToVersion({
	userId,
	courseId,
	expectedVersionNumber,
}: {
	userId: string
	courseId: string
	/** The version the learner reviewed; if another has been published since, nothing moves (`conflict`). */
	expectedVersionNumber?: number
}) {
	return prisma.$transaction(async (tx) => {
		await lockLearnerEnrolment(tx, { userId, courseId })
		const p = await plan(tx, { userId, courseId })
		if (expectedVersionNumber != null && p.target.number !== expectedVersionNumber) {
			throw new AuthoringError(
				'conflict',
				'VERSION_CHANGED',
				`Version ${p.target.number} has been published since you looked: please review what it changes first.`,
			)
		}
		const enrolmentId = p.enrolment.id
		for (const { from, to, progress } of p.carried) {
			await tx.lessonProgress.createMany({
				data: [
					{
						userId,
						enrolmentId,
						lessonId: to.id,
						lessonKey: to.key,
						status: progress.status,
						positionSeconds: progress.positionSeconds,
						secondsWatched: progress.secondsWatched,
						watchedRanges: progress.watchedRanges ?? undefined,
						completedAt: progress.completedAt,
					},
				],
				skipDuplicates: true,
			})
			if (to.kind !== 'QUIZ') continue
			const passed = await tx.quizAttempt.findFirst({
				where: { userId, lessonId: from.id, passed: true, cycle: p.enrolment.cycle },
				select: {
					scorePercent: true,
					submittedAt: true,
					answers: {
						select: { questionId: true, selectedOptionIds: true, text: true, scaleValue: true, isCorrect: true },
					},
				},
			})
			if (!passed) continue
			// The quiz is unchanged, so question i and option j of the old lesson are question i and option j of the new one.
			const questionMap = new Map(from.questions.map((q, i) => [q.id, to.questions[i]!]))
			const optionMap = new Map(
				from.questions.flatMap((q, i) => q.options.map((o, j) => [o.id, to.questions[i]!.options[j]!.id] as const)),
			)
			await tx.quizAttempt.create({
				data: {
					userId,
					enrolmentId,
					lessonId: to.id,
					cycle: p.enrolment.cycle,
					number: 1,
					scorePercent: passed.scorePercent,
					passed: true,
					submittedAt: passed.submittedAt,
					answers: {
						create: passed.answers.flatMap((a) => {
							const question = questionMap.get(a.questionId)
							if (!question) return []
							return [
								{
									questionId: question.id,
									selectedOptionIds: a.selectedOptionIds.flatMap((id) => optionMap.get(id) ?? []),
									text: a.text,
									scaleValue: a.scaleValue,
									isCorrect: a.isCorrect,
								},
							]
						}),
					},
				},
			})
		}
		await tx.enrolment.update({ where: { id: enrolmentId, userId }, data: { versionId: p.target.id } })
		return { versionNumber: p.target.number, keptLessons: p.carried.length, totalLessons: p.newLessons.length }
	})
}
