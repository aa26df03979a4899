import http from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as entry from '#app/entry.server.tsx'
import * as root from '#app/root.tsx'
import { COVER_MAX_BYTES } from '#modules/storage/cover-rules.ts'
import { serveTestBuild, testServerBuild } from '#tests/factories/server-build.ts'
import { MAX_REQUEST_BODY_BYTES, maxBodyBytesFor } from './body-limit.ts'

// The real Express app (createHttpApp) in front of resource routes that read their whole body, as
// every form action does with request.formData(): a body over the limit must be refused before any
// route reads it, and one within it must arrive whole.

let bodiesRead = 0
const readsItsBody = {
	async action({ request }: { request: Request }) {
		bodiesRead++
		const text = await request.text()
		return Response.json({ length: text.length })
	},
}
const build = testServerBuild({
	entry,
	routes: [
		{ id: 'root', path: '', module: root },
		{ id: 'routes/login', parentId: 'root', path: 'login', module: readsItsBody },
		{ id: 'routes/cover', parentId: 'root', path: 'studio/courses/:courseId/cover', module: readsItsBody },
	],
})

let served: Awaited<ReturnType<typeof serveTestBuild>>
beforeAll(async () => {
	served = await serveTestBuild(build)
})
afterAll(() => served.close())

/**
 * Sends a POST whose headers say `declaredLength` (or, with `chunked`, say nothing of its length),
 * writes at most 64 KiB of the body, and resolves with the answer: a server that waits for the
 * whole body before answering never answers, and the test times out.
 */
function post(path: string, body: { declaredLength: number } | { chunked: true } | { whole: string }) {
	return new Promise<{ status: number; text: string }>((resolve, reject) => {
		const headers: Record<string, string | number> = { 'Content-Type': 'application/x-www-form-urlencoded' }
		if ('declaredLength' in body) headers['Content-Length'] = body.declaredLength
		if ('whole' in body) headers['Content-Length'] = Buffer.byteLength(body.whole)
		const request = http.request(
			{ host: '127.0.0.1', port: served.port, method: 'POST', path, headers },
			(response) => {
				let text = ''
				response.setEncoding('utf8')
				response.on('data', (chunk: string) => (text += chunk))
				response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
				response.on('error', reject)
			},
		)
		// The server may close the connection while the body is still being written: that is the point.
		request.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error)
		})
		if ('whole' in body) return request.end(body.whole)
		request.write('a'.repeat(64 * 1024))
	})
}

describe('request bodies', () => {
	test('a body declared over the limit is refused with 413 before the route reads it', async () => {
		const before = bodiesRead
		const answer = await post('/login', { declaredLength: MAX_REQUEST_BODY_BYTES + 1 })
		expect(answer.status).toBe(413)
		expect(answer.text).toContain('Request too large')
		expect(bodiesRead).toBe(before)
	})

	test('a body sent in chunks, with no length to check, is refused with 411', async () => {
		const before = bodiesRead
		const answer = await post('/login', { chunked: true })
		expect(answer.status).toBe(411)
		expect(bodiesRead).toBe(before)
	})

	test('a body at the limit reaches the route whole', async () => {
		const answer = await post('/login', { whole: 'x'.repeat(MAX_REQUEST_BODY_BYTES) })
		expect(answer.status).toBe(200)
		expect(JSON.parse(answer.text)).toEqual({ length: MAX_REQUEST_BODY_BYTES })
	})

	test('a cover upload may be as big as a cover, and no bigger', async () => {
		const cover = await post('/studio/courses/c1/cover', { whole: 'x'.repeat(COVER_MAX_BYTES) })
		expect(cover.status).toBe(200)
		const tooBig = await post('/studio/courses/c1/cover', { declaredLength: COVER_MAX_BYTES + 65 * 1024 })
		expect(tooBig.status).toBe(413)
	})
})

test('the larger limit is only for the cover routes, whatever their case or data suffix', () => {
	const cover = COVER_MAX_BYTES + 64 * 1024
	expect(maxBodyBytesFor('/studio/courses/abc/cover')).toBe(cover)
	expect(maxBodyBytesFor('/Studio/News/abc/Cover.data')).toBe(cover)
	expect(maxBodyBytesFor('/studio/courses/abc/cover/../../../login')).toBe(MAX_REQUEST_BODY_BYTES)
	expect(maxBodyBytesFor('/studio/courses/abc/lessons/x')).toBe(MAX_REQUEST_BODY_BYTES)
	expect(maxBodyBytesFor('/login')).toBe(MAX_REQUEST_BODY_BYTES)
})
