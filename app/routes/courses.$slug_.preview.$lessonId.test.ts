import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { loader as coursePageLoader } from './courses.$slug.tsx'
import { loader } from './courses.$slug_.preview.$lessonId.tsx'
import { action as toggle, loader as studioLoader } from './studio.courses.$courseId_.previews.tsx'

afterAll(releaseTestResources)

function watch(slug: string, lessonId: string) {
	return runRoute(loader, getRequest(`/courses/${slug}/preview/${lessonId}`), { slug, lessonId })
}

function saveChoice(courseId: string, cookie: string, lessonKey: string[]) {
	const request = formRequest(`/studio/courses/${courseId}/previews`, { lessonKey }, { cookie })
	request.headers.set('Origin', 'http://localhost')
	return runRoute(toggle, request, { courseId })
}

async function previewKeys(courseId: string) {
	const rows = await prisma.coursePreview.findMany({ where: { courseId }, select: { lessonKey: true } })
	return rows.map((r) => r.lessonKey).sort()
}

describe('free previews', () => {
	test('a lesson the author marks plays for a visitor with its captions and transcript; the course page lists it', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 2 })
		const [first, second] = course.lessons.filter((l) => l.kind === 'VIDEO')

		const saved = await saveChoice(course.id, owner.cookie, [first!.key])
		expect(statusOf(saved)).toBe(200)
		expect(await previewKeys(course.id)).toEqual([first!.key])
		const audit = await prisma.auditLog.findFirst({
			where: { targetId: course.id, action: 'course.previews_changed' },
			select: { actorId: true, details: true },
		})
		expect(audit).toMatchObject({ actorId: owner.user.id, details: { added: [first!.key], removed: [] } })

		// No cookie: a visitor.
		const page = (await watch(course.slug, first!.id)) as Awaited<ReturnType<typeof loader>>
		expect(page.lesson).toMatchObject({
			id: first!.id,
			sourceUrl: '/media/demo-lesson.mp4',
			captionsUrl: '/media/demo-lesson.en.vtt',
			transcript: 'What the video says.',
		})
		expect(statusOf(await watch(course.slug, second!.id))).toBe(404)

		const coursePage = (await runRoute(coursePageLoader, getRequest(`/courses/${course.slug}`), {
			slug: course.slug,
		})) as Awaited<ReturnType<typeof coursePageLoader>>
		expect(coursePage.previews.map((p) => p.id)).toEqual([first!.id])

		const studio = (await runRoute(studioLoader, getRequest(`/studio/courses/${course.id}/previews`, owner), {
			courseId: course.id,
		})) as Awaited<ReturnType<typeof studioLoader>>
		expect(studio.lessons.map((l) => [l.key, l.isPreview])).toEqual([
			[first!.key, true],
			[second!.key, false],
		])

		// Unticking every box clears them.
		expect(statusOf(await saveChoice(course.id, owner.cookie, []))).toBe(200)
		expect(await previewKeys(course.id)).toEqual([])
		expect(statusOf(await watch(course.slug, first!.id))).toBe(404)
	})

	test('without an account, any lesson not marked is a 404: another kind, another course, a draft, a made-up id', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const other = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const draft = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1, published: false })
		const video = course.lessons.find((l) => l.kind === 'VIDEO')!
		const reading = course.lessons.find((l) => l.kind === 'READING')!
		await prisma.coursePreview.create({ data: { courseId: course.id, lessonKey: video.key } })
		await prisma.coursePreview.create({ data: { courseId: draft.id, lessonKey: draft.lessons[0]!.key } })
		// A reading lesson cannot be marked through the studio; even a row written by hand does not serve it.
		await prisma.coursePreview.create({ data: { courseId: course.id, lessonKey: reading.key } })

		expect(statusOf(await watch(course.slug, reading.id))).toBe(404)
		expect(statusOf(await watch(course.slug, other.lessons[0]!.id))).toBe(404)
		expect(statusOf(await watch(other.slug, video.id))).toBe(404)
		expect(statusOf(await watch(draft.slug, draft.lessons[0]!.id))).toBe(404)
		expect(statusOf(await watch(course.slug, 'no-such-lesson'))).toBe(404)
		expect(statusOf(await watch(course.slug, video.id))).toBe(200)
	})

	test('the toggle refuses a trainer who is not an author, a learner and a visitor, and saves nothing', async () => {
		const owner = await createSignedInUser()
		const stranger = await createSignedInUser()
		const learner = await createSignedInUser({ role: 'LEARNER' })
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const video = course.lessons.find((l) => l.kind === 'VIDEO')!

		expect(statusOf(await saveChoice(course.id, stranger.cookie, [video.key]))).toBe(403)
		expect(statusOf(await saveChoice(course.id, learner.cookie, [video.key]))).toBe(403)
		const visitor = await saveChoice(course.id, '', [video.key])
		expect(visitor).toBeInstanceOf(Response)
		expect((visitor as Response).headers.get('Location')).toMatch(/^\/login/)
		expect(
			statusOf(
				await runRoute(studioLoader, getRequest(`/studio/courses/${course.id}/previews`, stranger), {
					courseId: course.id,
				}),
			),
		).toBe(403)
		expect(await previewKeys(course.id)).toEqual([])
	})

	test('a key that is not one of the course’s video lessons is refused with a message, and nothing changes', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const video = course.lessons.find((l) => l.kind === 'VIDEO')!
		const reading = course.lessons.find((l) => l.kind === 'READING')!
		expect(statusOf(await saveChoice(course.id, owner.cookie, [video.key]))).toBe(200)

		const refused = (await saveChoice(course.id, owner.cookie, [video.key, reading.key])) as {
			data: { ok: boolean; errors: string[] }
			init: { status: number }
		}
		expect(refused.init.status).toBe(400)
		expect(refused.data.errors).toEqual(['Only this course’s video lessons can be free previews.'])
		expect(await previewKeys(course.id)).toEqual([video.key])
	})
})
