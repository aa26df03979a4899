// The studio's preview and a learner's attempt must mark every demo quiz the same way: the same
// score, pass, marks per question, and the same refusal (code, question, words) for answers that
// cannot be submitted. The demo content is loaded as the seed loads it.
import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { getCoursePreview } from '#modules/authoring/preview-course.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { courses } from '#prisma/seed-content/index.ts'
import { seedCourse } from '#prisma/seed.ts'
import { createEnrolment, createUser } from '#tests/factories/learning.ts'
import { submitQuizAttempt } from './submit-quiz-attempt.ts'

afterAll(releaseTestResources)

type Question = Awaited<ReturnType<typeof quizzesOf>>[number]['questions'][number]
type Answer = { questionId: string; optionIds?: string[]; text?: string; scaleValue?: number }

async function quizzesOf(versionId: string) {
	return prisma.lesson.findMany({
		where: { versionId, kind: 'QUIZ' },
		orderBy: [{ module: { position: 'asc' } }, { position: 'asc' }],
		select: {
			id: true,
			title: true,
			questions: {
				orderBy: { position: 'asc' },
				select: {
					id: true,
					kind: true,
					scaleMin: true,
					scaleMax: true,
					options: { orderBy: { position: 'asc' }, select: { id: true, isCorrect: true } },
				},
			},
		},
	})
}

/** An answer to one question: right, wrong or part-right, always in a shape that can be submitted. */
function answer(q: Question, how: 'right' | 'wrong' | 'partial'): Answer {
	const right = q.options.filter((o) => o.isCorrect).map((o) => o.id)
	const wrong = q.options.filter((o) => !o.isCorrect).map((o) => o.id)
	switch (q.kind) {
		case 'SINGLE':
			return { questionId: q.id, optionIds: how === 'right' ? right.slice(0, 1) : wrong.slice(0, 1) }
		case 'MULTIPLE':
			if (how === 'right') return { questionId: q.id, optionIds: right }
			if (how === 'wrong') return { questionId: q.id, optionIds: wrong.length ? wrong : right.slice(0, 1) }
			return { questionId: q.id, optionIds: right.length > 1 ? right.slice(0, 1) : [...right, ...wrong.slice(0, 1)] }
		case 'REFLECTION':
			return { questionId: q.id, text: 'I noticed that I rush to fix things instead of asking what happened.' }
		case 'SCALE':
			return { questionId: q.id, scaleValue: how === 'wrong' ? (q.scaleMax ?? 5) : (q.scaleMin ?? 1) }
	}
}

/** Every set of answers to try on a quiz: well-formed ones to mark, and ones that must be refused. */
function scenarios(questions: Question[]): Array<[string, unknown]> {
	const all = (how: 'right' | 'wrong' | 'partial') => questions.map((q) => answer(q, how))
	const alternate = questions.map((q, i) => answer(q, i % 2 === 0 ? 'right' : 'wrong'))
	const marked = questions.find((q) => q.kind === 'SINGLE' || q.kind === 'MULTIPLE')
	const single = questions.find((q) => q.kind === 'SINGLE')
	const reflection = questions.find((q) => q.kind === 'REFLECTION')
	const scale = questions.find((q) => q.kind === 'SCALE')
	const replace = (q: Question, a: Answer) => all('right').map((x) => (x.questionId === q.id ? a : x))
	const list: Array<[string, unknown]> = [
		['right', all('right')],
		['wrong', all('wrong')],
		['partial', all('partial')],
		['alternate', alternate],
		['empty', []],
		['one missing', all('right').slice(1)],
		['not a list', { answers: 'all of them' }],
		['not in the quiz', [...all('right'), { questionId: 'not-a-question', optionIds: ['x'] }]],
		['twice', [...all('right'), all('right')[0]]],
	]
	if (marked) {
		const other = questions.find((q) => q !== marked && q.options.length > 0)
		if (other)
			list.push([
				'another question’s option',
				replace(marked, { questionId: marked.id, optionIds: [other.options[0]!.id] }),
			])
		list.push(['no option', replace(marked, { questionId: marked.id, optionIds: [] })])
	}
	if (single && single.options.length > 1)
		list.push([
			'two for a single',
			replace(single, { questionId: single.id, optionIds: single.options.map((o) => o.id) }),
		])
	if (reflection) {
		list.push(['blank reflection', replace(reflection, { questionId: reflection.id, text: ' \n ' })])
		list.push(['long reflection', replace(reflection, { questionId: reflection.id, text: 'x'.repeat(5001) })])
	}
	if (scale) {
		list.push(['scale too high', replace(scale, { questionId: scale.id, scaleValue: (scale.scaleMax ?? 5) + 1 })])
		list.push(['scale not whole', replace(scale, { questionId: scale.id, scaleValue: 2.5 })])
	}
	return list
}

async function outcome(run: () => Promise<{ scorePercent: number; passed: boolean; marks: Array<boolean | null> }>) {
	try {
		return { marked: await run() }
	} catch (error) {
		if (!isDomainError(error)) throw error
		return { refused: { kind: error.kind, code: error.code, field: error.field, message: error.message } }
	}
}

describe.each(courses.map((course) => [course.slug, course] as const))('demo course %s', (_slug, course) => {
	test('preview and attempt mark every quiz alike, for right, wrong, partial, empty and invalid answers', async () => {
		const trainer = await createUser({ role: 'TRAINER' })
		const learner = await createUser()
		const slug = `${course.slug}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
		const seeded = await seedCourse(course, trainer.id, { slug })
		if (!seeded) throw new Error('the demo course was not written')
		// Taken in any order, so each quiz can be tried without first completing the lessons before it.
		await prisma.courseVersion.update({ where: { id: seeded.versionId }, data: { sequential: false } })
		await createEnrolment({ userId: learner.id, course: { id: seeded.courseId, versionId: seeded.versionId } })
		const quizzes = await quizzesOf(seeded.versionId)
		expect(quizzes.length).toBeGreaterThan(0)

		for (const quiz of quizzes) {
			for (const [name, answers] of scenarios(quiz.questions)) {
				const preview = await outcome(async () => {
					const page = await getCoursePreview({
						courseId: seeded.courseId,
						actorId: trainer.id,
						versionNumber: 1,
						lessonId: quiz.id,
						answers,
					})
					if (page.content?.kind !== 'QUIZ' || !page.content.quiz.lastResult) throw new Error('no result')
					const result = page.content.quiz.lastResult
					return {
						scorePercent: result.scorePercent,
						passed: result.passed,
						marks: result.questions.map((q) => q.correct),
					}
				})
				// A fresh start at the quiz each time: attempts used and a pass would otherwise refuse it.
				await prisma.quizAttempt.deleteMany({ where: { userId: learner.id, lessonId: quiz.id } })
				const attempt = await outcome(async () => {
					const result = await submitQuizAttempt({ userId: learner.id, lessonId: quiz.id, answers })
					const stored = await prisma.answer.findMany({
						where: { attemptId: result.attemptId },
						select: { questionId: true, isCorrect: true },
					})
					const byQuestion = new Map(stored.map((a) => [a.questionId, a.isCorrect]))
					return {
						scorePercent: result.scorePercent,
						passed: result.passed,
						marks: quiz.questions.map((q) => byQuestion.get(q.id) ?? null),
					}
				})
				expect(preview, `${quiz.title}: ${name}`).toEqual(attempt)
				if (name === 'right') expect(attempt.marked?.passed, `${quiz.title} can be passed`).toBe(true)
				if (['empty', 'not a list', 'not in the quiz', 'twice'].includes(name))
					expect(attempt.refused?.kind, `${quiz.title}: ${name}`).toBe('invalid')
			}
		}
	}, 120_000)
})
