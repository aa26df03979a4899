import { describe, expect, test } from 'vitest'
import { computeLessonStates, pickResumeLesson, progressPercent } from './outline.ts'

const lessons = [
	{ id: 'a', required: true },
	{ id: 'b', required: false },
	{ id: 'c', required: true },
	{ id: 'd', required: true },
]

describe('course outline rules', () => {
	test('in a sequential course a lesson is locked until every earlier required lesson is done', () => {
		const states = computeLessonStates({ lessons, completedIds: new Set(['a']), sequential: true })
		expect([...states.values()].map((s) => s.locked)).toEqual([false, false, false, true])
	})

	test('optional lessons never hold anyone up', () => {
		const states = computeLessonStates({ lessons, completedIds: new Set(['a', 'c']), sequential: true })
		expect(states.get('d')).toEqual({ completed: false, locked: false })
	})

	test('nothing is locked in a course that is not sequential', () => {
		const states = computeLessonStates({ lessons, completedIds: new Set(), sequential: false })
		expect([...states.values()].some((s) => s.locked)).toBe(false)
	})

	test('progress counts required lessons only', () => {
		expect(progressPercent({ lessons, completedIds: new Set(['a', 'b']) })).toBe(33)
		expect(progressPercent({ lessons, completedIds: new Set(['a', 'c', 'd']) })).toBe(100)
	})

	test('resume: the last lesson touched if unfinished, else the next unfinished one', () => {
		const t = (s: number) => new Date(2026, 0, 1, 0, 0, s)
		const none = computeLessonStates({ lessons, completedIds: new Set(), sequential: false })
		expect(pickResumeLesson({ lessons, progress: [], states: none })).toBe('a')
		expect(
			pickResumeLesson({
				lessons,
				progress: [{ lessonId: 'c', status: 'IN_PROGRESS', updatedAt: t(2) }],
				states: none,
			}),
		).toBe('c')
		const done = computeLessonStates({ lessons, completedIds: new Set(['a', 'c']), sequential: false })
		expect(
			pickResumeLesson({
				lessons,
				progress: [
					{ lessonId: 'a', status: 'COMPLETED', updatedAt: t(1) },
					{ lessonId: 'c', status: 'COMPLETED', updatedAt: t(2) },
				],
				states: done,
			}),
		).toBe('d')
		const all = computeLessonStates({ lessons, completedIds: new Set(['a', 'b', 'c', 'd']), sequential: false })
		expect(pickResumeLesson({ lessons, progress: [], states: all })).toBe('a')
	})
})
