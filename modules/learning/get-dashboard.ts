import { computeLessonStates, pickResumeLesson, progressPercent } from './outline.ts'
import { selectDashboardEnrolments, selectDashboardLessons, selectDashboardProgress } from './sql.ts'

/**
 * The learner's dashboard: their active enrolments, split into courses in progress (most recently
 * used first, each with progress, time spent and the lesson to resume) and completed courses (most
 * recently completed first). Only the learner's own enrolments are read. Three queries (enrolments,
 * the lessons of all their versions, their progress rows) however many courses they have.
 */
export async function getDashboard({ userId }: { userId: string }) {
	// Raw SQL (learning/sql.ts), one statement per table group: this page is every learner's home, and
	// Prisma would send each relation as a query of its own (and compile each query on every call).
	const enrolments = await selectDashboardEnrolments({ userId })
	if (enrolments.length === 0) return { inProgress: [], completed: [] }

	const versionIds = [...new Set(enrolments.map((e) => e.versionId))]
	const [lessons, progress] = await Promise.all([
		selectDashboardLessons({ versionIds }),
		selectDashboardProgress({ userId, enrolmentIds: enrolments.map((e) => e.id) }),
	])

	const lessonsByVersion = groupBy(lessons, (l) => l.versionId)
	const progressByEnrolment = groupBy(progress, (p) => p.enrolmentId)

	const courses = enrolments.map((e) => {
		const courseLessons = lessonsByVersion.get(e.versionId) ?? []
		const rows = progressByEnrolment.get(e.id) ?? []
		const completedIds = new Set(rows.filter((p) => p.status === 'COMPLETED').map((p) => p.lessonId))
		const states = computeLessonStates({ lessons: courseLessons, completedIds, sequential: e.sequential })
		const resumeId = pickResumeLesson({ lessons: courseLessons, progress: rows, states })
		const resume = courseLessons.find((l) => l.id === resumeId)
		return {
			enrolmentId: e.id,
			courseSlug: e.courseSlug,
			title: e.title,
			summary: e.summary,
			cpdMinutes: e.cpdMinutes,
			progressPercent: e.completedAt ? 100 : progressPercent({ lessons: courseLessons, completedIds }),
			completedLessons: courseLessons.filter((l) => completedIds.has(l.id)).length,
			totalLessons: courseLessons.length,
			started: e.started,
			resumeLesson: resume ? { id: resume.id, title: resume.title } : null,
			secondsSpent: e.secondsSpent,
			lastActivityAt: e.lastActivityAt ?? e.createdAt,
			completedAt: e.completedAt,
			certificate: e.certificateCode ? { code: e.certificateCode, revoked: e.certificateRevokedAt !== null } : null,
			// Versions are only ever published forwards, so a different published version is a newer one.
			newerVersionAvailable: !e.completedAt && e.publishedVersionId !== null && e.publishedVersionId !== e.versionId,
		}
	})
	return {
		inProgress: courses
			.filter((c) => !c.completedAt)
			.sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime()),
		completed: courses.filter((c) => c.completedAt).sort((a, b) => b.completedAt!.getTime() - a.completedAt!.getTime()),
	}
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>

function groupBy<T, K>(items: readonly T[], key: (item: T) => K) {
	const map = new Map<K, T[]>()
	for (const item of items) {
		const k = key(item)
		const list = map.get(k)
		if (list) list.push(item)
		else map.set(k, [item])
	}
	return map
}
