import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createCourse, createEnrolment, createUser } from '#tests/factories/learning.ts'
import { isTranslationKey, translationKey } from './course-translation.ts'
import { getLessonPage } from './get-lesson-page.ts'

// Welsh course content (ADR 0041): learners reading Welsh get the version's Welsh texts where the
// trainer wrote them, and the English, marked `lang: 'en'`, where they did not.

async function welshCourse({ withoutFirstPrompt = false } = {}) {
	const user = await createUser()
	const course = await createCourse({ modules: 1, lessonKinds: ['READING', 'QUIZ', 'READING'], markdown: '## Hello' })
	await createEnrolment({ userId: user.id, course })
	const [reading, quiz, untranslated] = course.lessons
	const texts: Record<string, string> = {
		[translationKey('course', null, 'title')]: 'Cwrs prawf',
		[translationKey('lesson', reading!.id, 'title')]: 'Darlleniad',
		[translationKey('lesson', reading!.id, 'markdown')]: '## Helo',
		[translationKey('lesson', quiz!.id, 'title')]: 'Cwis',
	}
	for (const question of quiz!.questions) {
		for (const field of ['prompt', 'guidance', 'scaleMinLabel', 'scaleMaxLabel'] as const) {
			texts[translationKey('question', question.id, field)] = `Cwestiwn ${question.id}`
		}
		for (const option of question.options) texts[translationKey('option', option.id, 'text')] = `Dewis ${option.id}`
	}
	if (withoutFirstPrompt) delete texts[translationKey('question', quiz!.questions[0]!.id, 'prompt')]
	await prisma.courseTranslation.createMany({
		data: Object.entries(texts).map(([key, text]) => ({
			versionId: course.versionId,
			language: 'cy' as const,
			key,
			text,
		})),
	})
	return { user, course, reading: reading!, quiz: quiz!, untranslated: untranslated! }
}

describe('Welsh course content', () => {
	test('a learner reading Welsh gets the Welsh texts of the version', async () => {
		const { user, course, reading } = await welshCourse()
		const page = await getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: reading.id, language: 'cy' })
		expect(page.course).toMatchObject({ title: 'Cwrs prawf', titleLang: 'cy', translated: true })
		expect(page.lesson).toMatchObject({ title: 'Darlleniad', titleLang: 'cy' })
		expect(page.content).toMatchObject({ kind: 'READING', lang: 'cy' })
		expect(page.content?.kind === 'READING' && page.content.html).toContain('<h2>Helo</h2>')
		expect(page.next).toMatchObject({ title: 'Cwis', lang: 'cy' })
	})

	test('a quiz comes in Welsh when all its questions are translated, else wholly in English', async () => {
		const { user, course, quiz } = await welshCourse()
		const page = await getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: quiz.id, language: 'cy' })
		if (page.content?.kind !== 'QUIZ') throw new Error('expected a quiz')
		const questions = page.content.quiz.questions.filter((q) => q.prompt)
		expect(questions.every((q) => q.prompt.startsWith('Cwestiwn '))).toBe(true)
		expect(page.content.quiz.lang).toBe('cy')

		// One text missing: the whole quiz is the English, so no question mixes the two languages.
		const other = await welshCourse({ withoutFirstPrompt: true })
		const partial = await getLessonPage({
			userId: other.user.id,
			courseSlug: other.course.slug,
			lessonId: other.quiz.id,
			language: 'cy',
		})
		if (partial.content?.kind !== 'QUIZ') throw new Error('expected a quiz')
		expect(partial.content.quiz.lang).toBe('en')
		expect(partial.content.quiz.questions[0]!.prompt).toBe(other.quiz.questions[0]!.prompt)
	})

	test('a lesson without Welsh is the English, marked as English', async () => {
		const { user, course, untranslated } = await welshCourse()
		const page = await getLessonPage({
			userId: user.id,
			courseSlug: course.slug,
			lessonId: untranslated.id,
			language: 'cy',
		})
		expect(page.lesson).toMatchObject({ title: untranslated.title, titleLang: 'en' })
		expect(page.content).toMatchObject({ kind: 'READING', lang: 'en' })
		expect(page.content?.kind === 'READING' && page.content.html).toContain('<h2>Hello</h2>')
	})

	test('a learner reading English never sees the Welsh', async () => {
		const { user, course, reading } = await welshCourse()
		const page = await getLessonPage({ userId: user.id, courseSlug: course.slug, lessonId: reading.id, language: 'en' })
		expect(page.course).toMatchObject({ title: course.title, titleLang: 'en', translated: false })
		expect(page.content).toMatchObject({ kind: 'READING', lang: 'en' })
	})

	test('keys name the texts a translation may hold, and nothing else', () => {
		expect(isTranslationKey(translationKey('lesson', 'clx123abc', 'markdown'))).toBe(true)
		expect(isTranslationKey(translationKey('course', null, 'description'))).toBe(true)
		expect(isTranslationKey('lesson.clx123abc.videoSourceUrl')).toBe(false)
		expect(isTranslationKey('option.x.isCorrect')).toBe(false)
	})
})
