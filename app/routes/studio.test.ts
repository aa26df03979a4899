import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { courseDetails, createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { correctAnswers } from '#tests/factories/learning.ts'
import { action as builderAction, loader as builderLoader } from './studio.courses.$courseId._index.tsx'
import { action as lessonAction, loader as lessonLoader } from './studio.courses.$courseId.lessons.$lessonId.tsx'
import { action as markdownAction } from './studio.courses.$courseId.markdown-preview.ts'
import {
	action as previewAction,
	loader as previewLoader,
} from './studio.courses.$courseId.preview.$version.($lessonId).tsx'
import { loader as previewIndexLoader } from './studio.courses.$courseId.preview._index.tsx'
import { action as publishAction, loader as publishLoader } from './studio.courses.$courseId.publish.tsx'

afterAll(releaseTestResources)

// Route tests call loaders and actions with real requests carrying a real session cookie.

type AnyRoute = (args: never) => Promise<unknown>

function call(fn: AnyRoute, request: Request, params: Record<string, string>) {
	return (fn as (args: unknown) => Promise<unknown>)({
		request,
		params,
		context: { clientIp: '127.0.0.1', cspNonce: 'test' },
	})
}

type Reply = { data?: unknown; init?: { status?: number } | null }

/** The HTTP status of whatever a loader or action returned or threw (Response or data()). */
async function outcome(promise: Promise<unknown>) {
	let result: unknown
	try {
		result = await promise
	} catch (error) {
		result = error
		if (!(error instanceof Response) && !(error && typeof error === 'object' && 'init' in error)) throw error
	}
	if (result instanceof Response)
		return {
			status: result.status,
			body: result.headers.get('Content-Type')?.includes('json') ? await result.json() : null,
		}
	const reply = result as Reply
	return { status: reply?.init?.status ?? 200, body: reply && 'data' in reply ? reply.data : result }
}

type Course = Awaited<ReturnType<typeof createAuthoredCourse>>

async function draftCourse(ownerId: string) {
	return createAuthoredCourse({ ownerId, published: false, modules: 2 })
}

function lessonOf(course: Course, kind: 'READING' | 'VIDEO' | 'QUIZ') {
	return course.lessons.find((l) => l.kind === kind)!
}

async function moduleIds(course: Course) {
	return (await prisma.module.findMany({ where: { versionId: course.versionId }, orderBy: { position: 'asc' } })).map(
		(m) => m.id,
	)
}

async function revisionOf(lessonId: string) {
	return (await prisma.lesson.findUniqueOrThrow({ where: { id: lessonId }, select: { revision: true } })).revision
}

const post = (path: string, fields: Record<string, string | string[]>, cookie: string) =>
	formRequest(path, fields, { cookie })

/**
 * A complete set of answers to a factory quiz as the preview form names its fields (ids prefixed
 * `preview-`): preview refuses an incomplete quiz exactly as a learner's attempt does.
 */
function previewAnswers(quiz: ReturnType<typeof lessonOf>) {
	return Object.fromEntries(
		correctAnswers(quiz).map((answer) => {
			const id = `preview-${answer.questionId}`
			if ('optionIds' in answer) return [`option.${id}`, answer.optionIds]
			if ('text' in answer) return [`text.${id}`, answer.text]
			return [`scale.${id}`, String(answer.scaleValue)]
		}),
	)
}

/** Every loader and action of the studio routes added here, each with a request it would accept from an author. */
const CASES: Array<{ name: string; run: (course: Course, cookie: string) => Promise<unknown> }> = [
	{
		name: 'builder loader',
		run: (c, cookie) => call(builderLoader, getRequest(`/studio/courses/${c.id}`, { cookie }), { courseId: c.id }),
	},
	{
		name: 'builder action: update details',
		run: (c, cookie) => {
			const d = courseDetails()
			return call(
				builderAction,
				post(
					`/studio/courses/${c.id}`,
					{
						...d,
						intent: 'update-details',
						cpdHours: String(d.cpdHours),
						pricePounds: '0',
						sectors: 'SCHOOLS',
						sequential: '',
					},
					cookie,
				),
				{ courseId: c.id },
			)
		},
	},
	{
		name: 'builder action: add module',
		run: (c, cookie) =>
			call(builderAction, post(`/studio/courses/${c.id}`, { intent: 'add-module', title: 'Repair' }, cookie), {
				courseId: c.id,
			}),
	},
	{
		name: 'builder action: rename module',
		run: async (c, cookie) =>
			call(
				builderAction,
				post(
					`/studio/courses/${c.id}`,
					{ intent: 'rename-module', moduleId: (await moduleIds(c))[0]!, title: 'Renamed' },
					cookie,
				),
				{ courseId: c.id },
			),
	},
	{
		name: 'builder action: delete module',
		run: async (c, cookie) =>
			call(
				builderAction,
				post(`/studio/courses/${c.id}`, { intent: 'delete-module', moduleId: (await moduleIds(c))[1]! }, cookie),
				{
					courseId: c.id,
				},
			),
	},
	{
		name: 'builder action: move module',
		run: async (c, cookie) =>
			call(
				builderAction,
				post(
					`/studio/courses/${c.id}`,
					{ intent: 'move-module', moduleId: (await moduleIds(c))[1]!, direction: 'up' },
					cookie,
				),
				{ courseId: c.id },
			),
	},
	{
		name: 'builder action: reorder modules',
		run: async (c, cookie) =>
			call(
				builderAction,
				post(
					`/studio/courses/${c.id}`,
					{ intent: 'reorder-modules', order: JSON.stringify((await moduleIds(c)).reverse()) },
					cookie,
				),
				{ courseId: c.id },
			),
	},
	{
		name: 'builder action: add lesson',
		run: async (c, cookie) =>
			call(
				builderAction,
				post(
					`/studio/courses/${c.id}`,
					{ intent: 'add-lesson', moduleId: (await moduleIds(c))[0]!, kind: 'READING', title: 'New' },
					cookie,
				),
				{ courseId: c.id },
			),
	},
	{
		name: 'builder action: rename lesson',
		run: (c, cookie) =>
			call(
				builderAction,
				post(`/studio/courses/${c.id}`, { intent: 'rename-lesson', lessonId: c.lessons[0]!.id, title: 'X' }, cookie),
				{
					courseId: c.id,
				},
			),
	},
	{
		name: 'builder action: move lesson',
		run: (c, cookie) =>
			call(
				builderAction,
				post(
					`/studio/courses/${c.id}`,
					{ intent: 'move-lesson', lessonId: c.lessons[0]!.id, direction: 'down' },
					cookie,
				),
				{ courseId: c.id },
			),
	},
	{
		name: 'builder action: move lesson to another module',
		run: async (c, cookie) =>
			call(
				builderAction,
				post(
					`/studio/courses/${c.id}`,
					{ intent: 'move-lesson-to-module', lessonId: c.lessons[0]!.id, toModuleId: (await moduleIds(c))[1]! },
					cookie,
				),
				{ courseId: c.id },
			),
	},
	{
		name: 'builder action: reorder lessons',
		run: async (c, cookie) => {
			const first = (await moduleIds(c))[0]!
			const ids = c.lessons.filter((l) => l.moduleIndex === 0).map((l) => l.id)
			return call(
				builderAction,
				post(
					`/studio/courses/${c.id}`,
					{ intent: 'reorder-lessons', moduleId: first, order: JSON.stringify(ids.reverse()) },
					cookie,
				),
				{ courseId: c.id },
			)
		},
	},
	{
		name: 'builder action: delete lesson',
		run: (c, cookie) =>
			call(
				builderAction,
				post(`/studio/courses/${c.id}`, { intent: 'delete-lesson', lessonId: c.lessons[0]!.id }, cookie),
				{
					courseId: c.id,
				},
			),
	},
	{
		name: 'lesson editor loader',
		run: (c, cookie) => {
			const lesson = lessonOf(c, 'READING')
			return call(lessonLoader, getRequest(`/studio/courses/${c.id}/lessons/${lesson.id}`, { cookie }), {
				courseId: c.id,
				lessonId: lesson.id,
			})
		},
	},
	{
		name: 'lesson editor action',
		run: async (c, cookie) => {
			const lesson = lessonOf(c, 'READING')
			return call(
				lessonAction,
				post(
					`/studio/courses/${c.id}/lessons/${lesson.id}`,
					{
						revision: String(await revisionOf(lesson.id)),
						title: 'Reading',
						estimatedMinutes: '5',
						required: 'on',
						markdown: 'Hello',
					},
					cookie,
				),
				{ courseId: c.id, lessonId: lesson.id },
			)
		},
	},
	{
		name: 'Markdown preview action',
		run: (c, cookie) =>
			call(markdownAction, post(`/studio/courses/${c.id}/markdown-preview`, { markdown: '# Hi' }, cookie), {
				courseId: c.id,
			}),
	},
	{
		name: 'publish loader',
		run: (c, cookie) =>
			call(publishLoader, getRequest(`/studio/courses/${c.id}/publish`, { cookie }), { courseId: c.id }),
	},
	{
		name: 'publish action',
		run: (c, cookie) =>
			call(publishAction, post(`/studio/courses/${c.id}/publish`, { changeNote: 'First' }, cookie), { courseId: c.id }),
	},
	{
		name: 'preview index loader',
		run: (c, cookie) =>
			call(previewIndexLoader, getRequest(`/studio/courses/${c.id}/preview`, { cookie }), { courseId: c.id }),
	},
	{
		name: 'preview loader',
		run: (c, cookie) =>
			call(previewLoader, getRequest(`/studio/courses/${c.id}/preview/1`, { cookie }), {
				courseId: c.id,
				version: '1',
			}),
	},
	{
		name: 'preview action',
		run: (c, cookie) => {
			const quiz = lessonOf(c, 'QUIZ')
			return call(previewAction, post(`/studio/courses/${c.id}/preview/1/${quiz.id}`, previewAnswers(quiz), cookie), {
				courseId: c.id,
				version: '1',
				lessonId: quiz.id,
			})
		},
	},
]

async function snapshot(course: Course) {
	const [version, modules, lessons] = await Promise.all([
		prisma.courseVersion.findUniqueOrThrow({ where: { id: course.versionId }, select: { status: true, title: true } }),
		prisma.module.findMany({
			where: { versionId: course.versionId },
			orderBy: { position: 'asc' },
			select: { id: true, title: true },
		}),
		prisma.lesson.findMany({
			where: { versionId: course.versionId },
			orderBy: [{ moduleId: 'asc' }, { position: 'asc' }],
			select: { id: true, title: true, revision: true, moduleId: true, position: true },
		}),
	])
	return { version, modules, lessons }
}

describe('studio routes: who may use them', () => {
	test('another trainer gets 403 from every studio loader and action, and nothing changes', async () => {
		const owner = await createSignedInUser()
		const stranger = await createSignedInUser()
		const course = await draftCourse(owner.user.id)
		const before = await snapshot(course)
		const statuses: Record<string, number> = {}
		for (const c of CASES) statuses[c.name] = (await outcome(c.run(course, stranger.cookie))).status
		expect(statuses).toEqual(Object.fromEntries(CASES.map((c) => [c.name, 403])))
		expect(await snapshot(course)).toEqual(before)
	})

	test('a learner gets 403 too', async () => {
		const owner = await createSignedInUser()
		const learner = await createSignedInUser({ role: 'LEARNER' })
		const course = await draftCourse(owner.user.id)
		for (const c of CASES)
			expect([c.name, (await outcome(c.run(course, learner.cookie))).status]).toEqual([c.name, 403])
	})

	// A fresh course for each case, as several of them change or publish it.
	for (const role of ['owner', 'admin'] as const) {
		test(`the ${role} may use every one of them`, { timeout: 120_000 }, async () => {
			const owner = await createSignedInUser()
			const who = role === 'owner' ? owner : await createSignedInUser({ role: 'ADMIN' })
			for (const c of CASES) {
				const course = await draftCourse(owner.user.id)
				const { status } = await outcome(c.run(course, who.cookie))
				expect([c.name, status < 400]).toEqual([c.name, true])
			}
		})
	}
})

describe('studio routes: what they do', () => {
	test('the Markdown preview neutralises an XSS payload, as the learner view does', async () => {
		const owner = await createSignedInUser()
		const course = await draftCourse(owner.user.id)
		const markdown = [
			'# Safe heading',
			'<script>alert("xss")</script>',
			'<img src="x" onerror="alert(1)">',
			'[click](javascript:alert(1))',
			'<iframe src="https://evil.example/embed"></iframe>',
			'<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>',
		].join('\n\n')
		const { status, body } = await outcome(
			call(markdownAction, post(`/studio/courses/${course.id}/markdown-preview`, { markdown }, owner.cookie), {
				courseId: course.id,
			}),
		)
		expect(status).toBe(200)
		const html = (body as { html: string }).html
		expect(html).toContain('<h1>Safe heading</h1>')
		expect(html).not.toMatch(/<script|onerror|javascript:|evil\.example|data:text/i)
	})

	test('two saves of one lesson from the same revision: one is saved, the other is told of the conflict', async () => {
		const owner = await createSignedInUser()
		const co = await createSignedInUser()
		const course = await draftCourse(owner.user.id)
		await prisma.courseAuthor.create({ data: { courseId: course.id, userId: co.user.id, role: 'CO_AUTHOR' } })
		const lesson = lessonOf(course, 'READING')
		const revision = String(await revisionOf(lesson.id))
		const save = (cookie: string, markdown: string) =>
			outcome(
				call(
					lessonAction,
					post(
						`/studio/courses/${course.id}/lessons/${lesson.id}`,
						{ intent: 'autosave', revision, title: lesson.title, estimatedMinutes: '5', required: 'on', markdown },
						cookie,
					),
					{ courseId: course.id, lessonId: lesson.id },
				),
			)
		const results = await Promise.all([save(owner.cookie, 'Mine'), save(co.cookie, 'Theirs')])
		expect(results.map((r) => r.status).sort()).toEqual([200, 409])
		const conflict = results.find((r) => r.status === 409)!.body as {
			status: string
			message: string
			revision: number
		}
		expect(conflict.status).toBe('conflict')
		expect(conflict.message).toMatch(/Someone else saved this lesson since you opened it/)
		const saved = await prisma.lesson.findUniqueOrThrow({
			where: { id: lesson.id },
			select: { markdown: true, revision: true },
		})
		expect(conflict.revision).toBe(saved.revision)
		expect(saved.revision).toBe(Number(revision) + 1)
		const winner = results.findIndex((r) => r.status === 200)
		expect(saved.markdown).toBe(winner === 0 ? 'Mine' : 'Theirs')
	})

	test('quiz problems come back beside their fields and nothing is saved', async () => {
		const owner = await createSignedInUser()
		const course = await draftCourse(owner.user.id)
		const quiz = lessonOf(course, 'QUIZ')
		const revision = await revisionOf(quiz.id)
		const questions = [
			{
				kind: 'SINGLE',
				prompt: 'Which question opens a restorative conversation?',
				options: [
					{ text: 'What happened?', isCorrect: false, feedback: null },
					{ text: 'Why did you do that?', isCorrect: false, feedback: null },
				],
			},
		]
		const { status, body } = await outcome(
			call(
				lessonAction,
				post(
					`/studio/courses/${course.id}/lessons/${quiz.id}`,
					{
						revision: String(revision),
						title: quiz.title,
						estimatedMinutes: '5',
						required: 'on',
						passMark: '101',
						maxAttempts: '',
						questions: JSON.stringify(questions),
					},
					owner.cookie,
				),
				{ courseId: course.id, lessonId: quiz.id },
			),
		)
		expect(status).toBe(422)
		const errors = (body as { errors: Record<string, string[]> }).errors
		expect(errors.passMark).toEqual(['The pass mark must be 100 or less'])
		expect(errors['questions.0']?.join(' ')).toMatch(/no answer is marked correct/)
		expect(await revisionOf(quiz.id)).toBe(revision)
	})

	test('a slug that collides with a learner route is refused beside the field', async () => {
		const owner = await createSignedInUser()
		const course = await draftCourse(owner.user.id)
		for (const slug of ['progress', 'reflection', 'enrol', 'new', 'buy']) {
			const d = courseDetails({ slug })
			const { status, body } = await outcome(
				call(
					builderAction,
					post(
						`/studio/courses/${course.id}`,
						{ ...d, intent: 'update-details', cpdHours: '1', pricePounds: '0', sectors: 'SCHOOLS', sequential: '' },
						owner.cookie,
					),
					{ courseId: course.id },
				),
			)
			expect(status).toBe(400)
			expect((body as { result: { error: Record<string, string[]> } }).result.error.slug).toEqual([
				'That web address is reserved: choose another',
			])
		}
		expect((await prisma.course.findUniqueOrThrow({ where: { id: course.id } })).slug).toBe(course.slug)
	})

	test('a builder change that cannot be read is a 400 with a clear message, and nothing changes', async () => {
		const owner = await createSignedInUser()
		const course = await draftCourse(owner.user.id)
		const lesson = course.lessons[0]!.id
		const module = (await moduleIds(course))[0]!
		const before = await snapshot(course)
		const cases: Array<[Record<string, string>, string, string | null]> = [
			[{}, 'That action is not recognised.', null],
			[{ intent: 'launch-rockets' }, 'That action is not recognised.', null],
			[{ intent: 'add-module', title: '' }, 'Enter a module title', 'title'],
			[{ intent: 'add-module', title: 'x'.repeat(151) }, 'The module title must be 150 characters or fewer', 'title'],
			[
				{ intent: 'rename-module', title: 'No id' },
				'That request was not complete. Reload the page and try again.',
				'moduleId',
			],
			[{ intent: 'delete-lesson' }, 'That request was not complete. Reload the page and try again.', 'lessonId'],
			[{ intent: 'move-lesson', lessonId: lesson, direction: 'sideways' }, 'Choose to move up or down.', 'direction'],
			[{ intent: 'move-module', moduleId: module }, 'Choose to move up or down.', 'direction'],
			[{ intent: 'add-lesson', moduleId: module, kind: 'PODCAST', title: 'New' }, 'Choose a kind of lesson', 'kind'],
			[{ intent: 'rename-lesson', lessonId: lesson, title: '   ' }, 'Enter a lesson title', 'title'],
			[
				{ intent: 'move-lesson-to-module', lessonId: lesson },
				'That request was not complete. Reload the page and try again.',
				'toModuleId',
			],
			[
				{ intent: 'reorder-modules', order: '{not json' },
				'The new order could not be read. Reload the page and try again.',
				'order',
			],
			[
				{ intent: 'reorder-modules', order: '[1, 2]' },
				'The new order could not be read. Reload the page and try again.',
				'order',
			],
			[
				{ intent: 'reorder-lessons', moduleId: module, order: '{"a": 1}' },
				'The new order could not be read. Reload the page and try again.',
				'order',
			],
		]
		for (const [fields, message, field] of cases) {
			const { status, body } = await outcome(
				call(builderAction, post(`/studio/courses/${course.id}`, fields, owner.cookie), { courseId: course.id }),
			)
			expect([fields, status, body]).toMatchObject([fields, 400, { ok: false, message, field }])
		}
		expect(await snapshot(course)).toEqual(before)
	})

	test('a keyboard move answers with the new position for the live region', async () => {
		const owner = await createSignedInUser()
		const course = await draftCourse(owner.user.id)
		const first = course.lessons.find((l) => l.moduleIndex === 0)!
		const { status, body } = await outcome(
			call(
				builderAction,
				post(
					`/studio/courses/${course.id}`,
					{ intent: 'move-lesson', lessonId: first.id, direction: 'down' },
					owner.cookie,
				),
				{ courseId: course.id },
			),
		)
		expect(status).toBe(200)
		expect((body as { message: string }).message).toBe('Lesson moved to position 2 of 3 in its module.')
		const moved = await prisma.lesson.findUniqueOrThrow({ where: { id: first.id }, select: { position: true } })
		expect(moved.position).toBe(1)
	})

	test('preview grades a quiz and stores nothing', async () => {
		const owner = await createSignedInUser()
		const course = await draftCourse(owner.user.id)
		const quiz = lessonOf(course, 'QUIZ')
		const single = quiz.questions.find((q) => q.kind === 'SINGLE')!
		const right = single.options.find((o) => o.isCorrect)!
		const { status, body } = await outcome(
			call(
				previewAction,
				post(
					`/studio/courses/${course.id}/preview/1/${quiz.id}`,
					{ ...previewAnswers(quiz), [`option.preview-${single.id}`]: right.id },
					owner.cookie,
				),
				{ courseId: course.id, version: '1', lessonId: quiz.id },
			),
		)
		expect(status).toBe(200)
		const result = (
			body as {
				preview: {
					content: { quiz: { lastResult: { questions: Array<{ questionId: string; correct: boolean | null }> } } }
				}
			}
		).preview.content.quiz.lastResult
		expect(result.questions.find((q) => q.questionId === `preview-${single.id}`)?.correct).toBe(true)
		expect(await prisma.quizAttempt.count({ where: { lessonId: quiz.id } })).toBe(0)
		expect(await prisma.enrolment.count({ where: { courseId: course.id } })).toBe(0)
	})
})
