import { describe, expect, test } from 'vitest'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { answerProblemError, type MarkingQuestion, markQuiz } from './mark-quiz.ts'

const single: MarkingQuestion = {
	id: 'q-single',
	kind: 'SINGLE',
	scaleMin: null,
	scaleMax: null,
	options: [
		{ id: 's-right', isCorrect: true },
		{ id: 's-wrong', isCorrect: false },
	],
}
const multiple: MarkingQuestion = {
	id: 'q-multiple',
	kind: 'MULTIPLE',
	scaleMin: null,
	scaleMax: null,
	options: [
		{ id: 'm-a', isCorrect: true },
		{ id: 'm-b', isCorrect: true },
		{ id: 'm-c', isCorrect: false },
	],
}
const reflection: MarkingQuestion = { id: 'q-reflect', kind: 'REFLECTION', scaleMin: null, scaleMax: null, options: [] }
const scale: MarkingQuestion = { id: 'q-scale', kind: 'SCALE', scaleMin: 0, scaleMax: 10, options: [] }
const questions = [single, multiple, reflection, scale]

const right = [
	{ questionId: 'q-single', optionIds: ['s-right'] },
	{ questionId: 'q-multiple', optionIds: ['m-a', 'm-b'] },
	{ questionId: 'q-reflect', text: 'I listened first.' },
	{ questionId: 'q-scale', scaleValue: 7 },
]

function problemsOf(answers: unknown, qs = questions) {
	const marking = markQuiz({ questions: qs, passMark: 50, answers })
	if (marking.valid) throw new Error('expected problems')
	return marking.problems.map((p) => [p.code, p.field ?? null])
}

describe('marking', () => {
	test('all right: 100%, passed, unmarked questions carry their answer and no mark', () => {
		const marking = markQuiz({ questions, passMark: 100, answers: right })
		expect(marking).toEqual({
			valid: true,
			scorePercent: 100,
			passed: true,
			answers: [
				{
					questionId: 'q-single',
					kind: 'SINGLE',
					optionIds: ['s-right'],
					text: null,
					scaleValue: null,
					isCorrect: true,
				},
				{
					questionId: 'q-multiple',
					kind: 'MULTIPLE',
					optionIds: ['m-a', 'm-b'],
					text: null,
					scaleValue: null,
					isCorrect: true,
				},
				{
					questionId: 'q-reflect',
					kind: 'REFLECTION',
					optionIds: [],
					text: 'I listened first.',
					scaleValue: null,
					isCorrect: null,
				},
				{ questionId: 'q-scale', kind: 'SCALE', optionIds: [], text: null, scaleValue: 7, isCorrect: null },
			],
		})
	})

	test('a MULTIPLE question is right only with exactly the right set: part of it, or extra, is wrong', () => {
		const with_ = (optionIds: string[]) =>
			markQuiz({
				questions: [multiple],
				passMark: 100,
				answers: [{ questionId: 'q-multiple', optionIds }],
			})
		expect(with_(['m-a'])).toMatchObject({ valid: true, scorePercent: 0, passed: false })
		expect(with_(['m-a', 'm-b', 'm-c'])).toMatchObject({ valid: true, scorePercent: 0, passed: false })
		expect(with_(['m-b', 'm-a', 'm-a'])).toMatchObject({
			valid: true,
			scorePercent: 100,
			answers: [{ optionIds: ['m-b', 'm-a'] }],
		})
	})

	test('the score counts marked questions only, rounded; the pass mark is inclusive', () => {
		const three = [single, { ...single, id: 'q2' }, { ...single, id: 'q3' }, reflection]
		const answers = [
			{ questionId: 'q-single', optionIds: ['s-right'] },
			{ questionId: 'q2', optionIds: ['s-right'] },
			{ questionId: 'q3', optionIds: ['s-wrong'] },
			{ questionId: 'q-reflect', text: 'x' },
		]
		expect(markQuiz({ questions: three, passMark: 67, answers })).toMatchObject({ scorePercent: 67, passed: true })
		expect(markQuiz({ questions: three, passMark: 68, answers })).toMatchObject({ scorePercent: 67, passed: false })
	})

	test('a quiz with no marked questions scores 100; a missing pass mark is 0', () => {
		const answers = [
			{ questionId: 'q-reflect', text: 'x' },
			{ questionId: 'q-scale', scaleValue: 0 },
		]
		expect(markQuiz({ questions: [reflection, scale], passMark: null, answers })).toMatchObject({
			valid: true,
			scorePercent: 100,
			passed: true,
		})
		expect(
			markQuiz({ questions: [single], passMark: null, answers: [{ questionId: 'q-single', optionIds: ['s-wrong'] }] }),
		).toMatchObject({ scorePercent: 0, passed: true })
	})
})

describe('problems', () => {
	test('empty answers: every question says what it needs, in quiz order, naming the question', () => {
		const marking = markQuiz({ questions, passMark: 50, answers: [] })
		expect(marking).toEqual({
			valid: false,
			problems: [
				{ code: 'ANSWER_REQUIRED', message: 'Question 1: choose an answer.', field: 'q-single' },
				{ code: 'ANSWER_REQUIRED', message: 'Question 2: choose at least one answer.', field: 'q-multiple' },
				{
					code: 'REFLECTION_REQUIRED',
					message: 'Question 3: write a reflection before you submit.',
					field: 'q-reflect',
				},
				{ code: 'ANSWER_REQUIRED', message: 'Question 4: choose a point on the scale.', field: 'q-scale' },
			],
		})
	})

	test('answers in the wrong shape, for another quiz or given twice are refused outright', () => {
		expect(problemsOf('not a list')).toEqual([['INVALID_ANSWERS', null]])
		expect(problemsOf([{ questionId: 'q-scale', scaleValue: 2.5 }])).toEqual([['INVALID_ANSWERS', null]])
		expect(problemsOf([...right, { questionId: 'elsewhere', optionIds: ['x'] }])).toEqual([
			['ANSWER_NOT_IN_QUIZ', null],
		])
		expect(problemsOf([...right, { questionId: 'q-scale', scaleValue: 3 }])).toEqual([['DUPLICATE_ANSWER', 'q-scale']])
	})

	test('choices must be this question’s own, one for SINGLE; reflections and scales within limits', () => {
		const answers = [
			{ questionId: 'q-single', optionIds: ['s-right', 's-wrong'] },
			{ questionId: 'q-multiple', optionIds: ['m-a', 's-right'] },
			{ questionId: 'q-reflect', text: 'x'.repeat(5001) },
			{ questionId: 'q-scale', scaleValue: 11 },
		]
		expect(problemsOf(answers)).toEqual([
			['ONE_ANSWER_ONLY', 'q-single'],
			['OPTION_NOT_IN_QUESTION', 'q-multiple'],
			['REFLECTION_TOO_LONG', 'q-reflect'],
			['SCALE_OUT_OF_RANGE', 'q-scale'],
		])
		expect(problemsOf([...right.slice(0, 2), { questionId: 'q-reflect', text: '   \n' }, right[3]])).toEqual([
			['REFLECTION_REQUIRED', 'q-reflect'],
		])
		// A scale without a range runs from 1 to 5.
		expect(
			problemsOf([{ questionId: 'q-scale', scaleValue: 0 }], [{ ...scale, scaleMin: null, scaleMax: null }]),
		).toEqual([['SCALE_OUT_OF_RANGE', 'q-scale']])
	})

	test('answerProblemError is the first problem as an invalid DomainError beside its question', () => {
		const marking = markQuiz({ questions, passMark: 50, answers: [] })
		if (marking.valid) throw new Error('expected problems')
		const error = answerProblemError(marking.problems)
		expect(isDomainError(error)).toBe(true)
		expect(error).toMatchObject({
			kind: 'invalid',
			code: 'ANSWER_REQUIRED',
			field: 'q-single',
			message: 'Question 1: choose an answer.',
		})
	})
})
