// The rules that turn a course outline and a learner's progress rows into what the learner sees:
// which lessons are done, which are locked, how far through they are and where to pick up. Pure
// functions so the dashboard, the course page and the player agree, and so they cost no queries.

export type OutlineLesson = { id: string; required: boolean }
export type ProgressRow = { lessonId: string; status: 'IN_PROGRESS' | 'COMPLETED'; updatedAt: Date }

export type LessonState = { completed: boolean; locked: boolean }

/**
 * Marks each lesson (given in course order) completed and/or locked. In a sequential course a lesson
 * is locked until every earlier *required* lesson is complete; optional lessons never hold anyone up.
 */
export function computeLessonStates({
	lessons,
	completedIds,
	sequential,
}: {
	lessons: readonly OutlineLesson[]
	completedIds: ReadonlySet<string>
	sequential: boolean
}) {
	const states = new Map<string, LessonState>()
	let blocked = false
	for (const lesson of lessons) {
		const completed = completedIds.has(lesson.id)
		states.set(lesson.id, { completed, locked: sequential && blocked })
		if (lesson.required && !completed) blocked = true
	}
	return states
}

/** Percentage (0–100, whole) of required lessons completed; a course with none required counts all. */
export function progressPercent({
	lessons,
	completedIds,
}: {
	lessons: readonly OutlineLesson[]
	completedIds: ReadonlySet<string>
}) {
	const counted = lessons.some((l) => l.required) ? lessons.filter((l) => l.required) : lessons
	if (counted.length === 0) return 0
	const done = counted.filter((l) => completedIds.has(l.id)).length
	return Math.floor((done / counted.length) * 100)
}

/**
 * Where a learner picks up: the lesson they touched last if it is unfinished; otherwise the next
 * unfinished, unlocked lesson after it (wrapping round to the start); otherwise, with everything
 * done, the first lesson. A learner who has not started begins at the first lesson.
 */
export function pickResumeLesson({
	lessons,
	progress,
	states,
}: {
	lessons: readonly OutlineLesson[]
	progress: readonly ProgressRow[]
	states: ReadonlyMap<string, LessonState>
}): string | null {
	if (lessons.length === 0) return null
	const lastTouched = [...progress].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0]
	const startIndex = lastTouched
		? Math.max(
				0,
				lessons.findIndex((l) => l.id === lastTouched.lessonId),
			)
		: 0
	for (let i = 0; i < lessons.length; i++) {
		const lesson = lessons[(startIndex + i) % lessons.length]!
		const state = states.get(lesson.id)
		if (state && !state.completed && !state.locked) return lesson.id
	}
	return lessons[0]!.id
}
