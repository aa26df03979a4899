// The lesson editors' reads and writes. Every save carries the revision the author started from;
// the write is one conditional UPDATE (… WHERE id = $1 AND revision = $2, revision + 1), so of two
// saves made from the same revision exactly one wins and the other is told, never silently lost.
import { prisma, type Tx } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import { assertCanEditCourse, findDraftLesson } from './access.ts'
import { LESSON_TREE_SELECT, type TreeLesson } from './content.ts'
import { firstIssue, QuizContentSchema, ReadingContentSchema, VideoContentSchema } from './schemas.ts'

/** The largest revision a lesson can reach: its column is a PostgreSQL integer. */
const MAX_REVISION = 2_147_483_647

export const CONFLICT_MESSAGE = 'Someone else saved this lesson since you opened it'

/** A lesson as its editor needs it (every field, questions with right answers), with where it sits. */
export async function getLessonForEditor({
	courseId,
	lessonId,
	actorId,
}: {
	courseId: string
	lessonId: string
	actorId: string
}) {
	await assertCanEditCourse({ courseId, actorId })
	const lesson = await prisma.lesson.findFirst({
		where: { id: lessonId, version: { courseId } },
		select: {
			...LESSON_TREE_SELECT,
			module: { select: { id: true, title: true } },
			version: { select: { id: true, number: true, status: true, title: true } },
		},
	})
	if (!lesson)
		throw new AuthoringError('not_found', 'LESSON_NOT_FOUND', 'We could not find that lesson in this course.')
	return { ...lesson, editable: lesson.version.status === 'DRAFT' }
}

export type EditorLesson = Awaited<ReturnType<typeof getLessonForEditor>>

/** The editable content of a lesson, as the editor sends it back on a conflict. */
export function editableContent(lesson: TreeLesson) {
	return {
		title: lesson.title,
		required: lesson.required,
		estimatedMinutes: lesson.estimatedMinutes,
		markdown: lesson.markdown ?? '',
		videoPlaybackId: lesson.videoPlaybackId,
		videoSourceUrl: lesson.videoSourceUrl,
		videoDurationSeconds: lesson.videoDurationSeconds,
		captionsUrl: lesson.captionsUrl,
		transcript: lesson.transcript,
		passMark: lesson.passMark,
		maxAttempts: lesson.maxAttempts,
		questions: lesson.questions.map((q) => ({
			kind: q.kind,
			prompt: q.prompt,
			guidance: q.guidance,
			explanation: q.explanation,
			scaleMin: q.scaleMin,
			scaleMax: q.scaleMax,
			scaleMinLabel: q.scaleMinLabel,
			scaleMaxLabel: q.scaleMaxLabel,
			options: q.options.map((o) => ({ text: o.text, isCorrect: o.isCorrect, feedback: o.feedback })),
		})),
	}
}

export type EditableContent = ReturnType<typeof editableContent>

/** Thrown (as a DomainError subclass) when the revision moved on; carries what is saved now. */
export class LessonConflictError extends AuthoringError {
	readonly current: { revision: number; content: EditableContent }
	constructor(current: { revision: number; content: EditableContent }) {
		super('conflict', 'LESSON_CONFLICT', CONFLICT_MESSAGE)
		this.current = current
	}
}

/**
 * Saves a lesson's content from its editor. `content` is checked against the lesson's kind
 * (reading: Markdown; video: a Mux playback id or an https:// or /media/ address, a duration for
 * addresses, .vtt captions; quiz: pass mark 0–100, 1–20 attempts or unlimited, and every choice
 * question with 2–8 answers and its correct answer(s) marked) — `invalid` naming the field
 * otherwise, with nothing saved. Only lessons of the course's DRAFT can be saved (`conflict`
 * otherwise). When `revision` is no longer the lesson's, a LessonConflictError carries the saved
 * content so the editor can show it. Returns the new revision.
 */
export async function saveLessonContent({
	courseId,
	lessonId,
	actorId,
	revision,
	content,
}: {
	courseId: string
	lessonId: string
	actorId: string
	revision: number
	content: unknown
}) {
	return prisma.$transaction(async (tx) => {
		await assertCanEditCourse({ db: tx, courseId, actorId })
		const lesson = await findDraftLesson({ db: tx, courseId, lessonId })
		const data = validateContent(lesson.kind, content)
		const { questions, ...fields } = data
		// A revision no lesson can have (negative, fractional, past PostgreSQL's integer) is a stale or
		// made-up one: the editor's answer is the conflict, with the lesson as saved.
		if (!Number.isInteger(revision) || revision < 0 || revision > MAX_REVISION) throw await conflict(tx, lessonId)
		const { count } = await tx.lesson.updateMany({
			where: { id: lessonId, versionId: lesson.versionId, revision },
			data: { ...fields, revision: { increment: 1 } },
		})
		if (count === 0) throw await conflict(tx, lessonId)
		if (questions) {
			// Questions of a draft have no answers yet (preview records nothing), so they are replaced whole.
			await tx.question.deleteMany({ where: { lessonId } })
			for (const [position, q] of questions.entries()) {
				const { options, ...question } = q
				const choice = q.kind === 'SINGLE' || q.kind === 'MULTIPLE'
				const scale = q.kind === 'SCALE'
				await tx.question.create({
					data: {
						lessonId,
						position,
						...question,
						scaleMin: scale ? (question.scaleMin ?? 1) : null,
						scaleMax: scale ? (question.scaleMax ?? 5) : null,
						scaleMinLabel: scale ? question.scaleMinLabel : null,
						scaleMaxLabel: scale ? question.scaleMaxLabel : null,
						options: choice ? { create: options.map((o, i) => ({ position: i, ...o })) } : undefined,
					},
				})
			}
		}
		return { revision: revision + 1 }
	})
}

async function conflict(tx: Tx, lessonId: string) {
	const current = await tx.lesson.findUniqueOrThrow({ where: { id: lessonId }, select: LESSON_TREE_SELECT })
	return new LessonConflictError({ revision: current.revision, content: editableContent(current) })
}

function validateContent(kind: 'VIDEO' | 'READING' | 'QUIZ', content: unknown) {
	const schema = kind === 'READING' ? ReadingContentSchema : kind === 'VIDEO' ? VideoContentSchema : QuizContentSchema
	const parsed = schema.safeParse(content)
	if (!parsed.success) {
		const { field, message } = firstIssue(parsed.error)
		throw new AuthoringError('invalid', 'INVALID_LESSON', message, { field })
	}
	const value = parsed.data
	if ('questions' in value) {
		return { ...value, questions: value.questions }
	}
	return { ...value, questions: undefined }
}
