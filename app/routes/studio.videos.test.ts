import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createSignedInUser } from '#tests/factories/authoring.ts'
import { uniqueSlug } from '#tests/factories/catalog.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { action } from './studio.videos.tsx'
import { loader as watchLoader } from './watch.$slug.tsx'
import { loader as watchListLoader } from './watch._index.tsx'

afterAll(releaseTestResources)

type Reply = {
	data: {
		message: string | null
		result?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }
	}
	init: { status?: number } | null
}

function post(cookie: string, fields: Record<string, string | string[]>) {
	const request = formRequest('/studio/videos', { intent: 'add', ...fields }, { cookie })
	request.headers.set('Origin', 'http://localhost')
	return runRoute(action, request)
}

function validVideo(overrides: Record<string, string | string[]> = {}) {
	return {
		title: 'What working with means',
		slug: uniqueSlug('video'),
		summary: 'A short film about working with people, not to them or for them.',
		sourceUrl: '/media/demo-lesson.mp4',
		durationSeconds: '34',
		captionsUrl: '/media/demo-lesson.en.vtt',
		transcript: 'Relational practice starts with a simple idea: we do our best work with people.',
		sectors: ['SCHOOLS', 'HEALTH_SOCIAL_CARE'],
		...overrides,
	}
}

describe('/studio/videos', () => {
	test('a trainer adds a public video: it plays at /watch/:slug with its transcript, and is audited', async () => {
		const trainer = await createSignedInUser()
		const fields = validVideo()
		const reply = (await post(trainer.cookie, fields)) as Reply
		expect(statusOf(reply)).toBe(200)
		expect(reply.data.message).toBe(`“What working with means” is published at /watch/${fields.slug}.`)

		const page = (await runRoute(watchLoader, getRequest(`/watch/${fields.slug}`), { slug: fields.slug })) as Awaited<
			ReturnType<typeof watchLoader>
		>
		expect(page.video).toMatchObject({
			title: 'What working with means',
			sourceUrl: '/media/demo-lesson.mp4',
			captionsUrl: '/media/demo-lesson.en.vtt',
			transcript: fields.transcript,
			sectors: ['SCHOOLS', 'HEALTH_SOCIAL_CARE'],
		})
		const list = await watchListLoader()
		expect(list.videos.map((v) => v.slug)).toContain(fields.slug)
		expect(
			await prisma.auditLog.count({
				where: { action: 'public_video.created', actorId: trainer.user.id, targetId: page.video.id },
			}),
		).toBe(1)
	})

	test('no transcript: a clear message beside the field, what was typed kept, and nothing saved', async () => {
		const trainer = await createSignedInUser()
		const fields = validVideo({ transcript: '   ' })
		const reply = (await post(trainer.cookie, fields)) as Reply
		expect(statusOf(reply)).toBe(400)
		expect(reply.data.result?.error?.transcript).toEqual([
			'Enter the transcript: every public video needs one (at least 20 characters)',
		])
		expect(reply.data.result?.initialValue).toMatchObject({ title: fields.title, slug: fields.slug })
		expect(await prisma.publicVideo.count({ where: { slug: fields.slug } })).toBe(0)
	})

	test('a bad web address, or one in use: a clear message beside the slug, and nothing saved', async () => {
		const trainer = await createSignedInUser()
		const bad = (await post(trainer.cookie, validVideo({ slug: 'Not A Slug!' }))) as Reply
		expect(statusOf(bad)).toBe(400)
		expect(bad.data.result?.error?.slug).toEqual([
			'Use lower-case letters, numbers and single hyphens only, e.g. working-with',
		])
		expect(await prisma.publicVideo.count({ where: { title: 'Not A Slug!' } })).toBe(0)

		const first = validVideo({ title: 'First of two' })
		expect(statusOf(await post(trainer.cookie, first))).toBe(200)
		const taken = (await post(trainer.cookie, validVideo({ slug: first.slug, title: 'Second of two' }))) as Reply
		expect(statusOf(taken)).toBe(409)
		expect(taken.data.result?.error?.slug).toEqual(['Another video already uses that web address: choose another'])
		expect(await prisma.publicVideo.findMany({ where: { slug: first.slug }, select: { title: true } })).toEqual([
			{ title: 'First of two' },
		])
	})

	test('neither a playback id nor a video address is refused; a learner cannot add a video', async () => {
		const trainer = await createSignedInUser()
		const noVideo = (await post(trainer.cookie, validVideo({ sourceUrl: '' }))) as Reply
		expect(statusOf(noVideo)).toBe(400)
		expect(noVideo.data.result?.error?.playbackId).toEqual(['Give a Mux playback id or a video address'])

		const learner = await createSignedInUser({ role: 'LEARNER' })
		const fields = validVideo()
		expect(statusOf(await post(learner.cookie, fields))).toBe(403)
		expect(await prisma.publicVideo.count({ where: { slug: fields.slug } })).toBe(0)
	})

	test('an unknown video is a 404', async () => {
		const slug = uniqueSlug('missing')
		expect(statusOf(await runRoute(watchLoader, getRequest(`/watch/${slug}`), { slug }))).toBe(404)
	})
})
