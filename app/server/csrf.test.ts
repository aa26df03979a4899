import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { csrfGuard, isCrossSiteRequest } from './csrf.ts'

const allowedOrigins = ['http://localhost:3000']

describe('isCrossSiteRequest', () => {
	test('safe methods are never refused', () => {
		expect(
			isCrossSiteRequest({ method: 'GET', secFetchSite: 'cross-site', origin: 'https://evil.example', allowedOrigins }),
		).toBe(false)
	})
	test('a POST from another site is refused by Sec-Fetch-Site', () => {
		expect(isCrossSiteRequest({ method: 'POST', secFetchSite: 'cross-site', allowedOrigins })).toBe(true)
		expect(isCrossSiteRequest({ method: 'POST', secFetchSite: 'same-site', allowedOrigins })).toBe(true)
	})
	test('a POST whose Origin is not ours is refused (older browsers without Sec-Fetch-Site)', () => {
		expect(isCrossSiteRequest({ method: 'POST', origin: 'https://evil.example', allowedOrigins })).toBe(true)
		expect(isCrossSiteRequest({ method: 'DELETE', origin: 'null', allowedOrigins })).toBe(true)
	})
	test('a same-origin form post with Origin "null" passes on Sec-Fetch-Site', () => {
		expect(isCrossSiteRequest({ method: 'POST', secFetchSite: 'same-origin', origin: 'null', allowedOrigins })).toBe(
			false,
		)
	})
	test('same-origin POSTs and non-browser clients pass', () => {
		expect(
			isCrossSiteRequest({
				method: 'POST',
				secFetchSite: 'same-origin',
				origin: 'http://localhost:3000',
				allowedOrigins,
			}),
		).toBe(false)
		expect(isCrossSiteRequest({ method: 'POST', allowedOrigins })).toBe(false)
	})
})

describe('csrfGuard over real HTTP', () => {
	let server: http.Server
	let base: string
	let handled = 0
	beforeAll(async () => {
		const app = express()
		app.use(csrfGuard({ appOrigin: 'http://circle.test' }))
		app.post('/action', (_req, res) => {
			handled++
			res.send('done')
		})
		server = app.listen(0)
		await new Promise((r) => server.once('listening', r))
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	})
	afterAll(() => new Promise((r) => server.close(r)))

	test('a cross-site form POST gets 403 and never reaches the handler', async () => {
		const before = handled
		const res = await fetch(`${base}/action`, {
			method: 'POST',
			headers: {
				Origin: 'https://evil.example',
				'Sec-Fetch-Site': 'cross-site',
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: 'x=1',
		})
		expect(res.status).toBe(403)
		expect(handled).toBe(before)
	})

	test('a same-origin POST is handled', async () => {
		const res = await fetch(`${base}/action`, {
			method: 'POST',
			headers: { Origin: base, 'Sec-Fetch-Site': 'same-origin' },
			body: 'x=1',
		})
		expect(res.status).toBe(200)
		expect(await res.text()).toBe('done')
	})
})
