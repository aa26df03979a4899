// A version's whole tree (modules, lessons, questions, options) and a lesson's content fingerprint.
// The fingerprint is what "this lesson changed" means everywhere: in the publish summary and when a
// learner moves to a new version and keeps progress only for lessons that did not change.
import { randomBytes } from 'node:crypto'
import { type Prisma } from '#modules/db/client.ts'
import { type Db } from './access.ts'

export const LESSON_TREE_SELECT = {
	id: true,
	key: true,
	position: true,
	kind: true,
	title: true,
	required: true,
	estimatedMinutes: true,
	revision: true,
	markdown: true,
	videoPlaybackId: true,
	videoSourceUrl: true,
	videoDurationSeconds: true,
	captionsUrl: true,
	transcript: true,
	passMark: true,
	maxAttempts: true,
	questions: {
		orderBy: { position: 'asc' },
		select: {
			id: true,
			position: true,
			kind: true,
			prompt: true,
			guidance: true,
			explanation: true,
			scaleMin: true,
			scaleMax: true,
			scaleMinLabel: true,
			scaleMaxLabel: true,
			options: {
				orderBy: { position: 'asc' },
				select: { id: true, position: true, text: true, isCorrect: true, feedback: true },
			},
		},
	},
} satisfies Prisma.LessonSelect

export type TreeLesson = Prisma.LessonGetPayload<{ select: typeof LESSON_TREE_SELECT }>

/** Every module of a version, in order, with its lessons' full content. */
export async function loadVersionTree(db: Db, versionId: string) {
	return db.module.findMany({
		where: { versionId },
		orderBy: { position: 'asc' },
		select: {
			id: true,
			position: true,
			title: true,
			summary: true,
			lessons: { orderBy: { position: 'asc' }, select: LESSON_TREE_SELECT },
		},
	})
}

export type VersionTree = Awaited<ReturnType<typeof loadVersionTree>>

/**
 * Everything a learner sees of a lesson, as one string: two lessons with the same fingerprint are
 * the same lesson to a learner. Ids, positions and the revision counter are left out (copying a
 * version renews ids; moving a lesson does not change what it teaches).
 */
export function lessonFingerprint(lesson: Omit<TreeLesson, 'id' | 'key' | 'position' | 'revision'>) {
	return JSON.stringify([
		lesson.kind,
		lesson.title,
		lesson.required,
		lesson.estimatedMinutes,
		lesson.markdown ?? '',
		lesson.videoPlaybackId,
		lesson.videoSourceUrl,
		lesson.videoDurationSeconds,
		lesson.captionsUrl,
		lesson.transcript,
		lesson.passMark,
		lesson.maxAttempts,
		lesson.questions.map((q) => [
			q.kind,
			q.prompt,
			q.guidance,
			q.explanation,
			q.scaleMin,
			q.scaleMax,
			q.scaleMinLabel,
			q.scaleMaxLabel,
			q.options.map((o) => [o.text, o.isCorrect, o.feedback]),
		]),
	])
}

/** A new lesson key: stable across versions, unique within one. */
export function newLessonKey() {
	return `l-${randomBytes(6).toString('hex')}`
}
