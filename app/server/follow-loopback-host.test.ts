import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, test } from 'vitest'
import { appUrl, parseEnv } from '#modules/env/env.ts'
import { followLoopbackHost } from './express.ts'

const servers: http.Server[] = []
afterEach(async () => {
	for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve))
})

/** Serves appUrl() as seen while handling the request (after an await, as a loader would). */
async function serve(source: Record<string, string>) {
	const env = parseEnv(source)
	const app = express()
	app.use(followLoopbackHost(env))
	app.get('/', async (_req, res) => {
		await new Promise((resolve) => setTimeout(resolve, 5))
		res.send(appUrl(env))
	})
	const server = app.listen(0, '127.0.0.1')
	servers.push(server)
	await new Promise((resolve) => server.once('listening', resolve))
	return (server.address() as AddressInfo).port
}

function get(port: number, host: string) {
	return new Promise<string>((resolve, reject) => {
		http
			.get({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
				let body = ''
				res.on('data', (d) => (body += d))
				res.on('end', () => resolve(body))
			})
			.on('error', reject)
	})
}

describe('links follow the loopback host a page was opened on', () => {
	test('in development without APP_URL: 127.0.0.1 and localhost are followed, other hosts are not', async () => {
		const port = await serve({ NODE_ENV: 'development', PORT: '3000' })
		expect(await get(port, `127.0.0.1:${port}`)).toBe(`http://127.0.0.1:${port}`)
		expect(await get(port, `localhost:${port}`)).toBe(`http://localhost:${port}`)
		expect(await get(port, 'attacker.example')).toBe('http://localhost:3000')
	})

	test('in production, or with APP_URL set, the Host header is never used', async () => {
		const production = await serve({ NODE_ENV: 'production', PORT: '3000' })
		expect(await get(production, `127.0.0.1:${production}`)).toBe('http://localhost:3000')
		const configured = await serve({ NODE_ENV: 'development', APP_URL: 'https://circle.example' })
		expect(await get(configured, `127.0.0.1:${configured}`)).toBe('https://circle.example')
	})
})
