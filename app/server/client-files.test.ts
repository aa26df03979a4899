import fs from 'node:fs'
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { clientFiles } from './client-files.ts'

let dir: string
let server: http.Server
let origin: string

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'circle-client-files-'))
	fs.mkdirSync(path.join(dir, 'media', 'café'), { recursive: true })
	fs.writeFileSync(path.join(dir, 'media', 'poster.txt'), 'poster')
	fs.writeFileSync(path.join(dir, 'media', 'café', 'menu.txt'), 'menu')
	fs.writeFileSync(path.join(dir, 'robots.txt'), 'robots')
	const app = express()
	app.use(clientFiles(dir, { maxAge: '1h' }))
	app.use((req, res) => void res.type('text/plain').send(`page ${req.path}`))
	await new Promise<void>((resolve) => {
		server = app.listen(0, '127.0.0.1', () => resolve())
	})
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve))
	fs.rmSync(dir, { recursive: true, force: true })
})

async function get(pathname: string) {
	const response = await fetch(`${origin}${pathname}`, { redirect: 'manual' })
	return { status: response.status, body: await response.text(), cacheControl: response.headers.get('cache-control') }
}

describe('clientFiles', () => {
	test('serves the files under the names the client build holds, as express.static does', async () => {
		expect(await get('/robots.txt')).toEqual({ status: 200, body: 'robots', cacheControl: 'public, max-age=3600' })
		expect(await get('/media/poster.txt')).toMatchObject({ status: 200, body: 'poster' })
		expect(await get('/media/caf%C3%A9/menu.txt')).toMatchObject({ status: 200, body: 'menu' })
		expect(await get('/m%65dia/poster.txt')).toMatchObject({ status: 200, body: 'poster' })
		// A directory without its slash is redirected, as before.
		expect((await get('/media')).status).toBe(301)
	})

	test('a missing file under one of those names, and every other address, goes on to the pages', async () => {
		expect(await get('/media/missing.txt')).toMatchObject({ status: 200, body: 'page /media/missing.txt' })
		expect(await get('/learn/a-course/a-lesson')).toMatchObject({ status: 200, body: 'page /learn/a-course/a-lesson' })
		expect(await get('/')).toMatchObject({ status: 200, body: 'page /' })
	})
})
