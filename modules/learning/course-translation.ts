// A course version's content in another language (ADR 0041): one CourseTranslation row per text,
// named by a key. Learners reading Welsh get the Welsh text wherever the trainer wrote one, and the
// English (marked `lang="en"` by the page) wherever they did not.
import { prisma } from '#modules/db/client.ts'
import type { Language } from '#modules/i18n/languages.ts'
import type { LearnerQuiz } from '#modules/quizzes/get-quiz-for-learner.ts'

export const COURSE_FIELDS = ['title', 'summary', 'description'] as const
export const MODULE_FIELDS = ['title', 'summary'] as const
export const LESSON_FIELDS = ['title', 'markdown', 'transcript'] as const
export const QUESTION_FIELDS = ['prompt', 'guidance', 'explanation', 'scaleMinLabel', 'scaleMaxLabel'] as const
export const OPTION_FIELDS = ['text', 'feedback'] as const

type Fields = {
	course: (typeof COURSE_FIELDS)[number]
	module: (typeof MODULE_FIELDS)[number]
	lesson: (typeof LESSON_FIELDS)[number]
	question: (typeof QUESTION_FIELDS)[number]
	option: (typeof OPTION_FIELDS)[number]
}

/** The key of one translated text: `course.title`, `lesson.<id>.markdown`, `option.<id>.text`… */
export function translationKey<K extends keyof Fields>(kind: K, id: string | null, field: Fields[K]): string {
	return kind === 'course' ? `course.${field}` : `${kind}.${id}.${field}`
}

const KEY = /^(course\.(title|summary|description)|module\.[a-z0-9]{1,40}\.(title|summary)|lesson\.[a-z0-9]{1,40}\.(title|markdown|transcript)|question\.[a-z0-9]{1,40}\.(prompt|guidance|explanation|scaleMinLabel|scaleMaxLabel)|option\.[a-z0-9]{1,40}\.(text|feedback))$/i

export function isTranslationKey(key: string) {
	return KEY.test(key)
}

/** A version's texts in one language; English is the content itself, so it has none. */
export type Translation = {
	language: Language
	/** The translated text for a key, or null when there is none (the English is shown). */
	get(key: string): string | null
	/** True when the version has any text in this language. */
	exists: boolean
}

export const NO_TRANSLATION: Translation = { language: 'en', get: () => null, exists: false }

export async function loadTranslation({
	versionId,
	language,
}: {
	versionId: string
	language: Language
}): Promise<Translation> {
	if (language === 'en') return NO_TRANSLATION
	const rows = await prisma.courseTranslation.findMany({
		where: { versionId, language },
		select: { key: true, text: true },
	})
	const texts = new Map(rows.filter((r) => r.text.trim() !== '').map((r) => [r.key, r.text]))
	return { language, get: (key) => texts.get(key) ?? null, exists: texts.size > 0 }
}

/** A text in the reader's language when there is one: `lang` says which language it is in. */
export function localise(translation: Translation, key: string, english: string): { text: string; lang: Language } {
	const text = translation.get(key)
	return text == null ? { text: english, lang: 'en' } : { text, lang: translation.language }
}

/** The quiz with its questions, options, feedback and explanations in the reader's language. */
export function localiseQuiz(translation: Translation, quiz: LearnerQuiz): LearnerQuiz & { lang: Language } {
	if (!translation.exists) return { ...quiz, lang: 'en' }
	const pick = (key: string, english: string | null) =>
		english == null ? null : (translation.get(key) ?? english)
	let complete = true
	const must = (key: string, english: string | null) => {
		if (english != null && english.trim() !== '' && translation.get(key) == null) complete = false
		return pick(key, english)
	}
	const questions = quiz.questions.map((q) => ({
		...q,
		prompt: must(translationKey('question', q.id, 'prompt'), q.prompt)!,
		guidance: must(translationKey('question', q.id, 'guidance'), q.guidance),
		scaleMinLabel: must(translationKey('question', q.id, 'scaleMinLabel'), q.scaleMinLabel),
		scaleMaxLabel: must(translationKey('question', q.id, 'scaleMaxLabel'), q.scaleMaxLabel),
		options: q.options.map((o) => ({ ...o, text: must(translationKey('option', o.id, 'text'), o.text)! })),
	}))
	const lastResult = quiz.lastResult && {
		...quiz.lastResult,
		questions: quiz.lastResult.questions.map((q) => ({
			...q,
			explanation: pick(translationKey('question', q.questionId, 'explanation'), q.explanation),
			options: q.options.map((o) => ({ ...o, feedback: pick(translationKey('option', o.id, 'feedback'), o.feedback) })),
		})),
	}
	// A quiz only part-translated is shown whole in English, so that no question mixes the two.
	if (!complete) return { ...quiz, lang: 'en' }
	return { ...quiz, questions, lastResult, lang: translation.language }
}
