// /studio/courses/:courseId/cover and /media/covers: size and dimension limits, a streaming body
// limit in the route, authorship, and serving back.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { loader as mediaLoader } from '#app/routes/media.covers.$file.ts'
import { action as coverAction, loader as coverLoader } from '#app/routes/studio.courses.$courseId.cover.tsx'
import { prisma } from '#modules/db/client.ts'
import { createLearner } from '#tests/factories/certificates.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { createCourse } from '#tests/factories/learning.ts'
import { saveCoverImage } from '#modules/storage/cover-images.ts'
import { jpeg, png } from '#tests/factories/images.ts'

// Before anything reads the (cached) environment: keep test files out of the project's .data.
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'circle-covers-'))
process.env.UPLOAD_DIR = uploadDir

afterAll(async () => {
	fs.rmSync(uploadDir, { recursive: true, force: true })
	await prisma.$disconnect()
})

async function trainerWithCourse() {
	const trainer = await createLearner({ role: 'TRAINER' })
	const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
	await prisma.courseAuthor.create({ data: { courseId: course.id, userId: trainer.id, role: 'OWNER' } })
	return { trainer, course }
}

const context = { clientIp: 'test', cspNonce: 'test' }
async function run<T>(fn: (args: never) => Promise<T>, request: Request, params: Record<string, string> = {}) {
	return fn({ request, params, context } as never).catch((thrown: unknown) => thrown)
}
function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	return (result as { init?: { status?: number } | null }).init?.status ?? 200
}

/** A multipart POST exactly as a browser sends it: a serialised body with its Content-Length. */
async function uploadRequest(courseId: string, cookie: string, bytes: Uint8Array, name: string, type: string) {
	const form = new FormData()
	form.set('cover', new File([bytes as BlobPart], name, { type }))
	const encoded = new Response(form)
	const body = new Uint8Array(await encoded.arrayBuffer())
	return new Request(`http://localhost/studio/courses/${courseId}/cover`, {
		method: 'POST',
		body,
		headers: {
			Cookie: cookie,
			'Content-Type': encoded.headers.get('Content-Type')!,
			'Content-Length': String(body.byteLength),
		},
	})
}

describe('saveCoverImage and /studio/courses/:courseId/cover', () => {
	test('a script disguised as a PNG is refused, and nothing is stored', async () => {
		const { trainer, course } = await trainerWithCourse()
		const script = new TextEncoder().encode('<html><script>fetch("/account").then(r=>r.text())</script></html>')
		const result = await run(
			coverAction,
			await uploadRequest(course.id, await sessionCookie(trainer.id), script, 'cover.png', 'image/png'),
			{ courseId: course.id },
		)
		expect(statusOf(result)).toBe(422)
		expect(JSON.stringify(result)).toContain('PNG, JPEG or WebP')
		expect((await prisma.course.findUniqueOrThrow({ where: { id: course.id } })).coverImagePath).toBeNull()
		expect(
			fs.existsSync(path.join(uploadDir, 'covers'))
				? fs.readdirSync(path.join(uploadDir, 'covers')).filter((f) => f.startsWith(course.id))
				: [],
		).toEqual([])
	})

	test('an image smaller than 600×315 is refused', async () => {
		const { trainer, course } = await trainerWithCourse()
		const file = new File([png(599, 400) as BlobPart], 'small.png', { type: 'image/png' })
		await expect(saveCoverImage({ actorId: trainer.id, courseId: course.id, file })).rejects.toMatchObject({
			code: 'COVER_TOO_SMALL',
		})
		const huge = new File([jpeg(4001, 2000) as BlobPart], 'huge.jpg', { type: 'image/jpeg' })
		await expect(saveCoverImage({ actorId: trainer.id, courseId: course.id, file: huge })).rejects.toMatchObject({
			code: 'COVER_TOO_BIG',
		})
		// The boundary itself is allowed.
		const edge = new File([png(600, 315) as BlobPart], 'edge.png', { type: 'image/png' })
		await expect(saveCoverImage({ actorId: trainer.id, courseId: course.id, file: edge })).resolves.toMatchObject({
			width: 600,
			height: 315,
		})
	})

	test('a 2 GB upload is refused from its Content-Length without reading the body', async () => {
		const { trainer, course } = await trainerWithCourse()
		let pulled = 0
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulled += 65536
				controller.enqueue(new Uint8Array(65536))
			},
		})
		const request = new Request(`http://localhost/studio/courses/${course.id}/cover`, {
			method: 'POST',
			body,
			duplex: 'half',
			headers: {
				Cookie: await sessionCookie(trainer.id),
				'Content-Type': 'multipart/form-data; boundary=x',
				'Content-Length': String(2 * 1024 ** 3),
			},
		} as RequestInit)
		const result = await run(coverAction, request, { courseId: course.id })
		expect(statusOf(result)).toBe(413)
		// A ReadableStream may pull one chunk ahead on its own; nothing beyond that was read.
		expect(pulled).toBeLessThanOrEqual(65536)
	})

	test('a body longer than its declared length is cut off at the limit, not buffered', async () => {
		const { trainer, course } = await trainerWithCourse()
		let pulled = 0
		const total = 200 * 1024 * 1024
		const chunk = new TextEncoder().encode(
			'--x\r\nContent-Disposition: form-data; name="cover"; filename="a.png"\r\n\r\n',
		)
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (pulled >= total) return controller.close()
				const next = pulled === 0 ? chunk : new Uint8Array(65536)
				pulled += next.byteLength
				controller.enqueue(next)
			},
		})
		const request = new Request(`http://localhost/studio/courses/${course.id}/cover`, {
			method: 'POST',
			body,
			duplex: 'half',
			headers: {
				Cookie: await sessionCookie(trainer.id),
				'Content-Type': 'multipart/form-data; boundary=x',
				'Content-Length': '1000',
			},
		} as RequestInit)
		const result = await run(coverAction, request, { courseId: course.id })
		expect(statusOf(result)).toBe(413)
		expect(pulled).toBeLessThan(6 * 1024 * 1024 + 256 * 1024)
	})

	test('a chunked upload with no length is refused (411)', async () => {
		const { trainer, course } = await trainerWithCourse()
		const request = new Request(`http://localhost/studio/courses/${course.id}/cover`, {
			method: 'POST',
			body: new ReadableStream({ pull: (c) => c.close() }),
			duplex: 'half',
			headers: { Cookie: await sessionCookie(trainer.id), 'Content-Type': 'multipart/form-data; boundary=x' },
		} as RequestInit)
		expect(statusOf(await run(coverAction, request, { courseId: course.id }))).toBe(411)
	})

	test('a valid PNG is accepted, served back with its content type, and replaces (and deletes) the old one', async () => {
		const { trainer, course } = await trainerWithCourse()
		const cookie = await sessionCookie(trainer.id)
		const first = png(1200, 630)
		expect(
			statusOf(
				await run(coverAction, await uploadRequest(course.id, cookie, first, 'c.png', 'image/png'), {
					courseId: course.id,
				}),
			),
		).toBe(200)
		const firstPath = (await prisma.course.findUniqueOrThrow({ where: { id: course.id } })).coverImagePath!
		expect(firstPath).toMatch(new RegExp(`^covers/${course.id}-[0-9a-f]{16}\\.png$`))

		const file = firstPath.slice('covers/'.length)
		const served = (await run(mediaLoader, new Request(`http://localhost/media/covers/${file}`), { file })) as Response
		expect(served.status).toBe(200)
		expect(served.headers.get('Content-Type')).toBe('image/png')
		expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff')
		expect(served.headers.get('Cache-Control')).toContain('max-age=31536000')
		expect(new Uint8Array(await served.arrayBuffer())).toEqual(first)

		const page = (await run(
			coverLoader,
			new Request(`http://localhost/studio/courses/${course.id}/cover`, { headers: { Cookie: cookie } }),
			{
				courseId: course.id,
			},
		)) as { course: { coverUrl: string } }
		expect(page.course.coverUrl).toBe(`/media/${firstPath}`)

		// A JPEG replaces it; the PNG's file is gone.
		await run(coverAction, await uploadRequest(course.id, cookie, jpeg(1600, 900), 'c.jpg', 'image/jpeg'), {
			courseId: course.id,
		})
		const secondPath = (await prisma.course.findUniqueOrThrow({ where: { id: course.id } })).coverImagePath!
		expect(secondPath).toMatch(/\.jpg$/)
		expect(fs.existsSync(path.join(uploadDir, firstPath))).toBe(false)
		const gone = (await run(mediaLoader, new Request(`http://localhost/media/covers/${file}`), { file })) as Response
		expect(gone.status).toBe(404)

		// Removing it clears the course and deletes the file.
		const remove = new Request(`http://localhost/studio/courses/${course.id}/cover`, {
			method: 'POST',
			body: new URLSearchParams({ intent: 'remove' }),
			headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		})
		expect(statusOf(await run(coverAction, remove, { courseId: course.id }))).toBe(200)
		expect((await prisma.course.findUniqueOrThrow({ where: { id: course.id } })).coverImagePath).toBeNull()
		expect(fs.existsSync(path.join(uploadDir, secondPath))).toBe(false)
	})

	test('a trainer who does not author the course gets 403 and the cover is unchanged', async () => {
		const { course } = await trainerWithCourse()
		const stranger = await createLearner({ role: 'TRAINER' })
		const cookie = await sessionCookie(stranger.id)
		expect(
			statusOf(
				await run(coverAction, await uploadRequest(course.id, cookie, png(1200, 630), 'c.png', 'image/png'), {
					courseId: course.id,
				}),
			),
		).toBe(403)
		expect(
			statusOf(
				await run(
					coverLoader,
					new Request(`http://localhost/studio/courses/${course.id}/cover`, { headers: { Cookie: cookie } }),
					{ courseId: course.id },
				),
			),
		).toBe(403)
		expect((await prisma.course.findUniqueOrThrow({ where: { id: course.id } })).coverImagePath).toBeNull()
	})

	test('/media/covers refuses names that are not cover files', async () => {
		for (const file of ['..%2F..%2Fetc%2Fpasswd', '../x.png', 'x.html', 'x.svg']) {
			const response = (await run(mediaLoader, new Request('http://localhost/media/covers/x'), { file })) as Response
			expect(response.status).toBe(404)
		}
	})
})
