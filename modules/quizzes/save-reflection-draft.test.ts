import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createCourse, createEnrolment, createUser } from '#tests/factories/learning.ts'
import { saveReflectionDraft } from './save-reflection-draft.ts'

async function setUp({ sequential = false } = {}) {
	const user = await createUser()
	const course = await createCourse({ modules: 2, lessonKinds: ['QUIZ'], sequential })
	await createEnrolment({ userId: user.id, course })
	const reflection = (i: number) => course.lessons[i]!.questions.find((q) => q.kind === 'REFLECTION')!
	return { user, course, question: reflection(0), laterQuestion: reflection(1) }
}

describe('saveReflectionDraft', () => {
	test('saves as typed; the last write wins', async () => {
		const { user, question } = await setUp()
		const first = await saveReflectionDraft({
			userId: user.id,
			input: { questionId: question.id, text: 'First thoughts' },
		})
		const second = await saveReflectionDraft({
			userId: user.id,
			input: { questionId: question.id, text: 'Second thoughts' },
		})
		expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime())
		const rows = await prisma.reflection.findMany({
			where: { userId: user.id },
			select: { text: true, questionId: true },
		})
		expect(rows).toEqual([{ text: 'Second thoughts', questionId: question.id }])
	})

	test('an empty draft is saved too (the learner cleared the box)', async () => {
		const { user, question } = await setUp()
		await saveReflectionDraft({ userId: user.id, input: { questionId: question.id, text: 'Something' } })
		await saveReflectionDraft({ userId: user.id, input: { questionId: question.id, text: '' } })
		expect((await prisma.reflection.findFirstOrThrow({ where: { userId: user.id } })).text).toBe('')
	})

	test('more than 5,000 characters is refused and the saved text is untouched', async () => {
		const { user, question } = await setUp()
		await saveReflectionDraft({ userId: user.id, input: { questionId: question.id, text: 'Kept' } })
		await expect(
			saveReflectionDraft({ userId: user.id, input: { questionId: question.id, text: 'x'.repeat(5001) } }),
		).rejects.toMatchObject({ kind: 'invalid', code: 'REFLECTION_TOO_LONG' })
		expect((await prisma.reflection.findFirstOrThrow({ where: { userId: user.id } })).text).toBe('Kept')
	})

	test("another learner's course, a question that is not a reflection, an unknown id: not found", async () => {
		const { user, course, question } = await setUp()
		const intruder = await createUser()
		await expect(
			saveReflectionDraft({ userId: intruder.id, input: { questionId: question.id, text: 'Sneaky' } }),
		).rejects.toMatchObject({ kind: 'not_found' })
		const single = course.lessons[0]!.questions.find((q) => q.kind === 'SINGLE')!
		await expect(
			saveReflectionDraft({ userId: user.id, input: { questionId: single.id, text: 'x' } }),
		).rejects.toMatchObject({
			kind: 'not_found',
		})
		await expect(
			saveReflectionDraft({ userId: user.id, input: { questionId: 'cm0000000000000000000000z', text: 'x' } }),
		).rejects.toMatchObject({ kind: 'not_found' })
		expect(await prisma.reflection.count({ where: { userId: { in: [intruder.id, user.id] } } })).toBe(0)
	})

	test('a reflection in a locked lesson cannot be written', async () => {
		const { user, laterQuestion } = await setUp({ sequential: true })
		await expect(
			saveReflectionDraft({ userId: user.id, input: { questionId: laterQuestion.id, text: 'Early' } }),
		).rejects.toMatchObject({ kind: 'forbidden', code: 'LESSON_LOCKED' })
	})
})
