// The lesson editor's form ⇄ content mapping and its field errors. Pure (no Prisma): the editor uses
// it in the browser to show errors as the author types, and the route's action uses it on the server.
import type { z } from 'zod'
import {
	QuizContentSchema,
	ReadingContentSchema,
	VideoContentSchema,
	type QuestionInput,
} from '#modules/authoring/schemas.ts'

export type LessonKindName = 'VIDEO' | 'READING' | 'QUIZ'

export type EditorQuestion = {
	kind: 'SINGLE' | 'MULTIPLE' | 'REFLECTION' | 'SCALE'
	prompt: string
	guidance: string | null
	explanation: string | null
	scaleMin: number | null
	scaleMax: number | null
	scaleMinLabel: string | null
	scaleMaxLabel: string | null
	options: Array<{ text: string; isCorrect: boolean; feedback: string | null }>
}

export type FieldErrors = Record<string, string[]>

export function schemaFor(kind: LessonKindName) {
	return kind === 'READING' ? ReadingContentSchema : kind === 'VIDEO' ? VideoContentSchema : QuizContentSchema
}

/** A form number: blank is `blank` (undefined for required fields, null for optional ones). */
function num(form: FormData, name: string, blank: null | undefined) {
	const value = form.get(name)
	if (typeof value !== 'string' || value.trim() === '') return blank
	return Number(value.trim())
}

function str(form: FormData, name: string) {
	const value = form.get(name)
	return typeof value === 'string' ? value : undefined
}

/**
 * The content a lesson form describes. Reading and video lessons and the quiz settings are plain
 * named fields (so saving works without JavaScript); quiz questions travel as JSON in `questions`.
 */
export function contentFromForm(kind: LessonKindName, form: FormData): Record<string, unknown> {
	const common = {
		title: str(form, 'title') ?? '',
		required: form.get('required') === 'on',
		estimatedMinutes: num(form, 'estimatedMinutes', undefined),
	}
	if (kind === 'READING') return { ...common, markdown: str(form, 'markdown') ?? '' }
	if (kind === 'VIDEO') {
		return {
			...common,
			videoPlaybackId: str(form, 'videoPlaybackId') ?? null,
			videoSourceUrl: str(form, 'videoSourceUrl') ?? null,
			videoDurationSeconds: num(form, 'videoDurationSeconds', null),
			captionsUrl: str(form, 'captionsUrl') ?? null,
			transcript: str(form, 'transcript') ?? null,
		}
	}
	let questions: unknown = []
	try {
		questions = JSON.parse(str(form, 'questions') ?? '[]')
	} catch {
		questions = null
	}
	return {
		...common,
		passMark: num(form, 'passMark', undefined),
		maxAttempts: num(form, 'maxAttempts', null),
		questions: questions as QuestionInput[],
	}
}

/** Every problem zod finds, keyed by field path ("passMark", "questions.0", "questions.1.options.0.text"). */
export function fieldErrors(kind: LessonKindName, content: unknown): FieldErrors {
	const result = (schemaFor(kind) as z.ZodType).safeParse(content)
	if (result.success) return {}
	const errors: FieldErrors = {}
	for (const issue of result.error.issues) {
		const key = issue.path.join('.') || 'form'
		;(errors[key] ??= []).push(issue.message)
	}
	return errors
}

/** What the lesson editor's action answers. */
export type SaveReply =
	| { status: 'saved'; revision: number; savedAt: string }
	| { status: 'invalid'; errors: FieldErrors; message: string }
	| { status: 'conflict'; message: string; revision: number }
	| { status: 'error'; message: string }
