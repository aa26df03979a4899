// The one place a version's lesson tree is written: copying a published version into a draft, a
// course imported from a folder and the demo seed all hand a plain tree to writeVersionTree, so a
// new lesson field needs adding here once rather than in three writers that drift apart.
import { type Tx } from '#modules/db/client.ts'

export type VersionTreeOption = { text: string; isCorrect: boolean; feedback: string | null }

export type VersionTreeQuestion = {
	kind: 'SINGLE' | 'MULTIPLE' | 'REFLECTION' | 'SCALE'
	prompt: string
	guidance: string | null
	explanation: string | null
	scaleMin: number | null
	scaleMax: number | null
	scaleMinLabel: string | null
	scaleMaxLabel: string | null
	options: VersionTreeOption[]
}

export type VersionTreeLesson = {
	key: string
	kind: 'VIDEO' | 'READING' | 'QUIZ'
	title: string
	required: boolean
	estimatedMinutes: number
	markdown: string | null
	videoPlaybackId: string | null
	videoSourceUrl: string | null
	videoDurationSeconds: number | null
	captionsUrl: string | null
	transcript: string | null
	passMark: number | null
	maxAttempts: number | null
	questions: VersionTreeQuestion[]
}

export type VersionTreeModule = { title: string; summary: string; lessons: VersionTreeLesson[] }

/**
 * Writes `modules` (in order, with their lessons, questions and options) into the version
 * `versionId`, inside the caller's transaction. Positions are the array order, counted from 0, so
 * a tree read from a version that has gaps in its positions is written back without them. The
 * version must have no modules yet: the caller clears a draft it replaces. Callers check who may
 * write (this is a step of their transaction, not an entry point).
 */
export async function writeVersionTree(
	tx: Tx,
	{ versionId, modules }: { versionId: string; modules: VersionTreeModule[] },
) {
	for (const [position, mod] of modules.entries()) {
		const { id: moduleId } = await tx.module.create({
			data: { versionId, position, title: mod.title, summary: mod.summary },
			select: { id: true },
		})
		for (const [lessonPosition, l] of mod.lessons.entries()) {
			await tx.lesson.create({
				data: {
					moduleId,
					versionId,
					key: l.key,
					position: lessonPosition,
					kind: l.kind,
					title: l.title,
					required: l.required,
					estimatedMinutes: l.estimatedMinutes,
					markdown: l.markdown,
					videoPlaybackId: l.videoPlaybackId,
					videoSourceUrl: l.videoSourceUrl,
					videoDurationSeconds: l.videoDurationSeconds,
					captionsUrl: l.captionsUrl,
					transcript: l.transcript,
					passMark: l.passMark,
					maxAttempts: l.maxAttempts,
					questions: {
						create: l.questions.map((q, questionPosition) => ({
							position: questionPosition,
							kind: q.kind,
							prompt: q.prompt,
							guidance: q.guidance,
							explanation: q.explanation,
							scaleMin: q.scaleMin,
							scaleMax: q.scaleMax,
							scaleMinLabel: q.scaleMinLabel,
							scaleMaxLabel: q.scaleMaxLabel,
							options: {
								create: q.options.map((o, optionPosition) => ({
									position: optionPosition,
									text: o.text,
									isCorrect: o.isCorrect,
									feedback: o.feedback,
								})),
							},
						})),
					},
				},
			})
		}
	}
}
