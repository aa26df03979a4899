import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { createDraftVersion } from '#modules/authoring/create-draft-version.ts'
import { prisma } from '#modules/db/client.ts'
import { translationKey } from '#modules/learning/course-translation.ts'
import { loader as courseLoader } from './studio.courses.$courseId_.welsh._index.tsx'
import { action, loader as lessonLoader } from './studio.courses.$courseId_.welsh.$lessonId.tsx'

// The studio's Welsh editor pages (ADR 0041): /studio/courses/:courseId/welsh and one page per lesson.

afterAll(releaseTestResources)

const context = { clientIp: '127.0.0.1', cspNonce: 'test' }

function loadLesson(courseId: string, lessonId: string, cookie: string) {
	return lessonLoader({
		request: getRequest(`/studio/courses/${courseId}/welsh/${lessonId}`, { cookie }),
		params: { courseId, lessonId },
		context,
	} as unknown as Parameters<typeof lessonLoader>[0])
}

function post(courseId: string, lessonId: string, cookie: string, fields: Record<string, string>) {
	const request = formRequest(`/studio/courses/${courseId}/welsh/${lessonId}`, fields, { cookie })
	request.headers.set('Origin', 'http://localhost')
	return action({ request, params: { courseId, lessonId }, context } as unknown as Parameters<typeof action>[0])
}

async function statusOfThrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (error instanceof Response) return error.status
		return (error as { init?: { status?: number } }).init?.status
	}
	throw new Error('expected a rejection')
}

type Reply = {
	data: { saved: boolean; result?: { error?: Record<string, string[] | null> } }
	init: { status?: number } | null
}

describe('/studio/courses/:courseId/welsh/:lessonId', () => {
	test('an author saves a lesson’s Welsh; a bad field comes back beside it and saves nothing', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1, lessonKinds: ['READING'] })
		const draft = await createDraftVersion({ courseId: course.id, actorId: owner.user.id })
		const lesson = await prisma.lesson.findFirstOrThrow({ where: { versionId: draft.versionId }, select: { id: true } })

		const page = await loadLesson(course.id, lesson.id, owner.cookie)
		expect(page.version).toMatchObject({ id: draft.versionId, editable: true })
		const title = translationKey('lesson', lesson.id, 'title')
		const markdown = translationKey('lesson', lesson.id, 'markdown')
		expect(page.texts.map((t) => t.key)).toEqual([title, markdown])

		const bad = (await post(course.id, lesson.id, owner.cookie, {
			versionId: draft.versionId,
			'texts[0].key': title,
			'texts[0].text': 'Llinell un\nllinell dau',
			'texts[1].key': markdown,
			'texts[1].text': '## Helo',
		})) as unknown as Reply
		expect(bad.init?.status).toBe(400)
		expect(bad.data.result?.error?.['texts[0].text']).toEqual(['Write this on one line'])
		expect(await prisma.courseTranslation.count({ where: { versionId: draft.versionId } })).toBe(0)

		const saved = (await post(course.id, lesson.id, owner.cookie, {
			versionId: draft.versionId,
			'texts[0].key': title,
			'texts[0].text': 'Darlleniad',
			'texts[1].key': markdown,
			'texts[1].text': '## Helo',
		})) as unknown as Reply
		expect(saved.data.saved).toBe(true)
		const again = await loadLesson(course.id, lesson.id, owner.cookie)
		expect(again.texts.map((t) => t.welsh)).toEqual(['Darlleniad', '## Helo'])
	})

	test('a published version is shown read-only, and saving to it is refused beside the form', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1, lessonKinds: ['READING'] })
		const lesson = await prisma.lesson.findFirstOrThrow({
			where: { versionId: course.versionId },
			select: { id: true },
		})
		expect((await loadLesson(course.id, lesson.id, owner.cookie)).version.editable).toBe(false)
		const courseLevel = await courseLoader({
			request: getRequest(`/studio/courses/${course.id}/welsh`, { cookie: owner.cookie }),
			params: { courseId: course.id },
			context,
		} as unknown as Parameters<typeof courseLoader>[0])
		expect(courseLevel.version.editable).toBe(false)

		const refused = (await post(course.id, lesson.id, owner.cookie, {
			versionId: course.versionId,
			'texts[0].key': translationKey('lesson', lesson.id, 'title'),
			'texts[0].text': 'Darlleniad',
		})) as unknown as Reply
		expect(refused.init?.status).toBe(409)
		expect(await prisma.courseTranslation.count({ where: { versionId: course.versionId } })).toBe(0)
	})

	test('a trainer who is not an author gets 403, a learner 403', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1, lessonKinds: ['READING'] })
		const lesson = await prisma.lesson.findFirstOrThrow({
			where: { versionId: course.versionId },
			select: { id: true },
		})
		const stranger = await createSignedInUser()
		const learner = await createSignedInUser({ role: 'LEARNER' })
		for (const cookie of [stranger.cookie, learner.cookie]) {
			expect(await statusOfThrown(loadLesson(course.id, lesson.id, cookie))).toBe(403)
			expect(
				await statusOfThrown(
					post(course.id, lesson.id, cookie, {
						versionId: course.versionId,
						'texts[0].key': translationKey('lesson', lesson.id, 'title'),
						'texts[0].text': 'Na',
					}),
				),
			).toBe(403)
		}
	})
})
