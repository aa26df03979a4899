// Mux direct uploads and webhooks, against a fake Mux API on a real port (the real SDK runs) and
// real signed webhook deliveries. Route tests call the real loaders/actions with real Requests.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loader as uploadLoader, action as uploadAction } from '#app/routes/studio.lessons.$lessonId.video-upload.ts'
import { action as webhookAction } from '#app/routes/webhooks.mux.ts'
import { prisma } from '#modules/db/client.ts'
import { createLearner } from '#tests/factories/certificates.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { createCourse } from '#tests/factories/learning.ts'
import { type FakeMuxServer, signedMuxWebhook, startFakeMux } from '#tests/fakes/mux-server.ts'
import { createVideoUpload } from '#modules/video/create-video-upload.ts'

const SECRET = 'mux-webhook-test-secret'
let mux: FakeMuxServer

// Before anything reads the (cached) environment.
process.env.MUX_TOKEN_ID = 'test-token-id'
process.env.MUX_TOKEN_SECRET = 'test-token-secret'
process.env.MUX_WEBHOOK_SECRET = SECRET

beforeAll(async () => {
	mux = await startFakeMux()
	process.env.MUX_API_URL = mux.url
})
afterAll(async () => {
	await mux.close()
	await prisma.$disconnect()
})

async function trainerWithCourse({ published = false }: { published?: boolean } = {}) {
	const trainer = await createLearner({ name: 'Dr Maya Okafor', role: 'TRAINER' })
	const course = await createCourse({ modules: 1, lessonKinds: ['VIDEO', 'READING'], published })
	await prisma.courseAuthor.create({ data: { courseId: course.id, userId: trainer.id, role: 'OWNER' } })
	const video = course.lessons.find((l) => l.kind === 'VIDEO')!
	return { trainer, course, video }
}

function webhookRequest(delivery: { body: string; headers: Record<string, string> }) {
	return new Request('http://localhost/webhooks/mux', {
		method: 'POST',
		body: delivery.body,
		headers: delivery.headers,
	})
}

const context = { clientIp: 'test', cspNonce: 'test' }
async function run<T>(fn: (args: never) => Promise<T>, request: Request, params: Record<string, string> = {}) {
	return fn({ request, params, context } as never).catch((thrown: unknown) => thrown)
}
function lessonVideo(id: string) {
	return prisma.lesson.findUniqueOrThrow({
		where: { id },
		select: { videoPlaybackId: true, videoDurationSeconds: true, videoSourceUrl: true },
	})
}

describe('createVideoUpload', () => {
	test('creates the upload with Mux (CORS origin, public playback) and stores a WAITING row', async () => {
		const { trainer, video } = await trainerWithCourse()
		const result = await createVideoUpload({ actorId: trainer.id, lessonId: video.id })
		const created = mux.uploads.get(result.uploadId)!
		expect(result.uploadUrl).toBe(created.url)
		const call = mux.requests.find((r) => r.method === 'POST' && (r.body as { cors_origin?: string })?.cors_origin)
		expect(call?.body).toMatchObject({
			cors_origin: 'http://localhost:3000',
			new_asset_settings: { playback_policy: ['public'] },
		})
		const row = await prisma.muxUpload.findUniqueOrThrow({ where: { uploadId: result.uploadId } })
		expect(row).toMatchObject({ lessonId: video.id, createdById: trainer.id, status: 'WAITING' })
	})

	test('a trainer who cannot edit the course gets 403 from the route, and nothing is created', async () => {
		const { video } = await trainerWithCourse()
		const stranger = await createLearner({ role: 'TRAINER' })
		const before = mux.uploads.size
		const response = (await run(
			uploadAction,
			new Request(`http://localhost/studio/lessons/${video.id}/video-upload`, {
				method: 'POST',
				headers: { Cookie: await sessionCookie(stranger.id) },
			}),
			{ lessonId: video.id },
		)) as Response
		expect(response.status).toBe(403)
		expect(mux.uploads.size).toBe(before)
		expect(await prisma.muxUpload.count({ where: { lessonId: video.id } })).toBe(0)
	})

	test('a published version cannot take an upload; a reading lesson is not a video lesson', async () => {
		const { trainer, video } = await trainerWithCourse({ published: true })
		await expect(createVideoUpload({ actorId: trainer.id, lessonId: video.id })).rejects.toMatchObject({
			code: 'VERSION_NOT_DRAFT',
		})
		const draft = await trainerWithCourse()
		const reading = draft.course.lessons.find((l) => l.kind === 'READING')!
		await expect(createVideoUpload({ actorId: draft.trainer.id, lessonId: reading.id })).rejects.toMatchObject({
			code: 'NOT_A_VIDEO_LESSON',
		})
	})

	test('without Mux keys the error says to paste a playback id or URL instead', async () => {
		const { trainer, video } = await trainerWithCourse()
		const saved = { id: process.env.MUX_TOKEN_ID, secret: process.env.MUX_TOKEN_SECRET }
		const { parseEnv } = await import('#modules/env/env.ts')
		const { requireMuxClient } = await import('#modules/video/mux.ts')
		// The token is a pair (modules/env checks both halves): without it, neither is set.
		delete process.env.MUX_TOKEN_ID
		delete process.env.MUX_TOKEN_SECRET
		try {
			await expect(requireMuxClient(parseEnv())).rejects.toThrow(
				'Video uploads need Mux keys; paste a playback id or URL instead',
			)
		} finally {
			process.env.MUX_TOKEN_ID = saved.id
			process.env.MUX_TOKEN_SECRET = saved.secret
		}
		// And the happy path still works with keys, so the check above is what refuses.
		await expect(createVideoUpload({ actorId: trainer.id, lessonId: video.id })).resolves.toHaveProperty('uploadId')
	})
})

describe('/webhooks/mux', () => {
	async function uploadedDraft() {
		const ctx = await trainerWithCourse()
		const { uploadId } = await createVideoUpload({ actorId: ctx.trainer.id, lessonId: ctx.video.id })
		return { ...ctx, uploadId, assetId: `asset_${uploadId}` }
	}

	function readyEvent(uploadId: string, assetId: string, secret = SECRET) {
		return signedMuxWebhook({
			secret,
			type: 'video.asset.ready',
			data: {
				id: assetId,
				upload_id: uploadId,
				status: 'ready',
				duration: 123.4,
				playback_ids: [
					{ id: 'signed-playback', policy: 'signed' },
					{ id: `play_${uploadId}`, policy: 'public' },
				],
			},
		})
	}

	test('a bad signature is refused with 400 and changes nothing', async () => {
		const { video, uploadId, assetId } = await uploadedDraft()
		const forged = readyEvent(uploadId, assetId, 'not-the-secret')
		const response = (await run(webhookAction, webhookRequest(forged))) as Response
		expect(response.status).toBe(400)

		const unsigned = readyEvent(uploadId, assetId)
		const { 'mux-signature': _dropped, ...headers } = unsigned.headers
		expect(((await run(webhookAction, webhookRequest({ body: unsigned.body, headers }))) as Response).status).toBe(400)

		// The body tampered with after signing.
		const tampered = { ...unsigned, body: unsigned.body.replace('123.4', '9999') }
		expect(((await run(webhookAction, webhookRequest(tampered))) as Response).status).toBe(400)

		expect(await lessonVideo(video.id)).toEqual({
			videoPlaybackId: null,
			videoDurationSeconds: 100,
			videoSourceUrl: '/media/demo-lesson.mp4',
		})
		expect(await prisma.muxUpload.findUniqueOrThrow({ where: { uploadId } })).toMatchObject({ status: 'WAITING' })
		expect(await prisma.muxEvent.count({ where: { id: { in: [forged.id, unsigned.id] } } })).toBe(0)
	})

	test('asset_created then asset.ready fill a draft lesson’s playback id and duration (rounded up)', async () => {
		const { video, uploadId, assetId } = await uploadedDraft()
		const created = signedMuxWebhook({
			secret: SECRET,
			type: 'video.upload.asset_created',
			data: { id: uploadId, asset_id: assetId, status: 'asset_created' },
		})
		expect(((await run(webhookAction, webhookRequest(created))) as Response).status).toBe(200)
		expect(await prisma.muxUpload.findUniqueOrThrow({ where: { uploadId } })).toMatchObject({
			status: 'ASSET_CREATED',
			assetId,
		})

		const response = (await run(webhookAction, webhookRequest(readyEvent(uploadId, assetId)))) as Response
		expect(response.status).toBe(200)
		expect(await lessonVideo(video.id)).toEqual({
			videoPlaybackId: `play_${uploadId}`,
			videoDurationSeconds: 124,
			videoSourceUrl: null,
		})
		expect(await prisma.muxUpload.findUniqueOrThrow({ where: { uploadId } })).toMatchObject({
			status: 'READY',
			playbackId: `play_${uploadId}`,
			durationSeconds: 124,
		})

		// The studio's poll sees it too.
		const polled = (await run(
			uploadLoader,
			new Request(`http://localhost/studio/lessons/${video.id}/video-upload?uploadId=${uploadId}`, {
				headers: {
					Cookie: await sessionCookie((await prisma.muxUpload.findUniqueOrThrow({ where: { uploadId } })).createdById!),
				},
			}),
			{ lessonId: video.id },
		)) as Response
		expect(await polled.json()).toMatchObject({ status: 'READY', playbackId: `play_${uploadId}`, durationSeconds: 124 })
	})

	test('a replayed webhook is applied once', async () => {
		const { video, uploadId, assetId } = await uploadedDraft()
		const ready = readyEvent(uploadId, assetId)
		expect(await ((await run(webhookAction, webhookRequest(ready))) as Response).json()).toMatchObject({
			outcome: 'processed',
		})
		// The trainer then pastes a different video; a replay of the old event must not undo it.
		await prisma.lesson.update({
			where: { id: video.id },
			data: { videoPlaybackId: 'pasted-later', videoDurationSeconds: 60 },
		})
		const again = await Promise.all([
			run(webhookAction, webhookRequest(ready)),
			run(webhookAction, webhookRequest(ready)),
		])
		for (const r of again) expect(await (r as Response).json()).toMatchObject({ outcome: 'duplicate' })
		expect(await lessonVideo(video.id)).toMatchObject({ videoPlaybackId: 'pasted-later', videoDurationSeconds: 60 })
		expect(await prisma.muxEvent.count({ where: { id: ready.id } })).toBe(1)
		const revision = (await prisma.lesson.findUniqueOrThrow({ where: { id: video.id } })).revision
		expect(revision).toBe(2) // once from the webhook, not again on replay
	})

	test('asset.ready for a lesson whose version was published meanwhile leaves the published lesson alone', async () => {
		const { video, course, uploadId, assetId } = await uploadedDraft()
		await prisma.courseVersion.update({
			where: { id: course.versionId },
			data: { status: 'PUBLISHED', publishedAt: new Date() },
		})
		expect(((await run(webhookAction, webhookRequest(readyEvent(uploadId, assetId)))) as Response).status).toBe(200)
		expect(await lessonVideo(video.id)).toEqual({
			videoPlaybackId: null,
			videoDurationSeconds: 100,
			videoSourceUrl: '/media/demo-lesson.mp4',
		})
		const upload = await prisma.muxUpload.findUniqueOrThrow({ where: { uploadId } })
		expect(upload).toMatchObject({ status: 'READY', playbackId: `play_${uploadId}` })
		expect(upload.error).toMatch(/published/)
	})

	test('errored and cancelled uploads are recorded with their reason', async () => {
		const a = await uploadedDraft()
		await run(
			webhookAction,
			webhookRequest(
				signedMuxWebhook({
					secret: SECRET,
					type: 'video.asset.errored',
					data: {
						id: a.assetId,
						upload_id: a.uploadId,
						errors: { type: 'invalid_input', messages: ['The file is not a video.'] },
					},
				}),
			),
		)
		expect(await prisma.muxUpload.findUniqueOrThrow({ where: { uploadId: a.uploadId } })).toMatchObject({
			status: 'ERRORED',
			error: 'The file is not a video.',
		})
		const b = await uploadedDraft()
		await run(
			webhookAction,
			webhookRequest(signedMuxWebhook({ secret: SECRET, type: 'video.upload.cancelled', data: { id: b.uploadId } })),
		)
		expect(await prisma.muxUpload.findUniqueOrThrow({ where: { uploadId: b.uploadId } })).toMatchObject({
			status: 'CANCELLED',
		})
		const c = await uploadedDraft()
		await run(
			webhookAction,
			webhookRequest(
				signedMuxWebhook({
					secret: SECRET,
					type: 'video.upload.errored',
					data: { id: c.uploadId, error: { type: 'timeout', message: 'The upload timed out.' } },
				}),
			),
		)
		expect(await prisma.muxUpload.findUniqueOrThrow({ where: { uploadId: c.uploadId } })).toMatchObject({
			status: 'ERRORED',
			error: 'The upload timed out.',
		})
	})
})
