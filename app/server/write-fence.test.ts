import { data, redirect, type ActionFunctionArgs } from 'react-router'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import * as entry from '#app/entry.server.tsx'
import * as root from '#app/root.tsx'
import { closeReplica, parseLsn, WRITE_FENCE_COOKIE } from '#modules/db/replica.ts'
import { selectWalLsn } from '#modules/db/sql.ts'
import { createTestUser } from '#tests/factories/auth.ts'
import { serveTestBuild, testServerBuild } from '#tests/factories/server-build.ts'

// The real Express app, entry.server.tsx and root route, in a production-mode server build whose
// page and API write (a new user) and then answer each way an action can: the answer to every one
// of them, with or without JavaScript, must carry the replica's write fence (ADR 0049), at or past
// the write. The replica's address is never dialled (the fence is read on the primary), so any will do.

let lastWrite = 0n

async function write() {
	await createTestUser()
	lastWrite = parseLsn(await selectWalLsn())
}

const notesPage = {
	async action({ request }: ActionFunctionArgs) {
		await write()
		const then = (await request.formData()).get('then')
		if (then === 'redirect') return redirect('/notes?saved=1')
		if (then === 'throw') throw redirect('/notes?saved=1')
		if (then === 'data') return data({ saved: true }, { headers: { 'Set-Cookie': 'toast=saved; Path=/' } })
		return { saved: true }
	},
	loader: () => ({ notes: 0 }),
	default: () => null,
}

const notesApi = {
	async action() {
		await write()
		return Response.json({ saved: true }, { status: 201 })
	},
}

const build = testServerBuild({
	entry,
	routes: [
		{ id: 'root', path: '', module: root },
		{ id: 'routes/notes', parentId: 'root', path: 'notes', module: notesPage, hasAction: true },
		{ id: 'routes/api.notes', parentId: 'root', path: 'api/notes', module: notesApi, hasAction: true },
	],
})

const savedReplicaUrl = process.env.DATABASE_REPLICA_URL
let served: Awaited<ReturnType<typeof serveTestBuild>>
let origin: string
beforeAll(async () => {
	served = await serveTestBuild(build)
	origin = served.origin
})
afterAll(() => served.close())
afterEach(async () => {
	await closeReplica()
	process.env.DATABASE_REPLICA_URL = savedReplicaUrl
})

function withReplica() {
	process.env.DATABASE_REPLICA_URL = 'postgresql://circle:circle@127.0.0.1:9/replica'
}

/** A form posted as a browser without JavaScript posts it: a document request, redirects not followed. */
function post(path: string, fields: Record<string, string>) {
	return fetch(`${origin}${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: { 'Sec-Fetch-Site': 'same-origin' },
		redirect: 'manual',
	})
}

/** The fence's WAL position, after checking the cookie's name and flags (HttpOnly, SameSite, a lifetime). */
function fenceOf(response: Response) {
	const cookies = response.headers.getSetCookie().filter((c) => c.startsWith(`${WRITE_FENCE_COOKIE}=`))
	expect(cookies).toHaveLength(1)
	const match = new RegExp(
		`^${WRITE_FENCE_COOKIE}=([0-9A-F]+/[0-9A-F]+); Path=/; Max-Age=\\d+; HttpOnly; SameSite=Lax$`,
	).exec(cookies[0]!)
	expect(match, cookies[0]).not.toBeNull()
	return parseLsn(match![1]!)
}

describe('with a replica, the answer to every write carries the write fence at or past the write', () => {
	test('a form posted without JavaScript whose action redirects (returned or thrown)', async () => {
		withReplica()
		for (const then of ['redirect', 'throw']) {
			const response = await post('/notes', { then })
			expect(response.status).toBe(302)
			expect(response.headers.get('Location')).toBe('/notes?saved=1')
			expect(fenceOf(response) >= lastWrite).toBe(true)
		}
	})

	test('a form posted without JavaScript whose action answers with data, so the page is rendered', async () => {
		withReplica()
		for (const then of ['data', 'plain']) {
			const response = await post('/notes', { then })
			expect(response.status).toBe(200)
			expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
			expect(fenceOf(response) >= lastWrite).toBe(true)
		}
		// A cookie the action set itself is kept beside the fence.
		const response = await post('/notes', { then: 'data' })
		expect(response.headers.getSetCookie()).toContain('toast=saved; Path=/')
	})

	test('a submission with JavaScript (a data request), including one whose action redirects', async () => {
		withReplica()
		for (const then of ['redirect', 'data']) {
			const response = await post('/notes.data', { then })
			expect(response.ok).toBe(true)
			expect(fenceOf(response) >= lastWrite).toBe(true)
		}
	})

	test('a resource route’s POST (an API)', async () => {
		withReplica()
		const response = await post('/api/notes', {})
		expect(response.status).toBe(201)
		expect(await response.json()).toEqual({ saved: true })
		expect(fenceOf(response) >= lastWrite).toBe(true)
	})
})

test('a page load (GET), or no replica at all, sets no fence', async () => {
	withReplica()
	const page = await fetch(`${origin}/notes`)
	expect(page.status).toBe(200)
	expect(page.headers.getSetCookie().filter((c) => c.startsWith(`${WRITE_FENCE_COOKIE}=`))).toEqual([])
	await closeReplica()
	process.env.DATABASE_REPLICA_URL = ''
	const response = await post('/notes', { then: 'redirect' })
	expect(response.status).toBe(302)
	expect(response.headers.getSetCookie().filter((c) => c.startsWith(`${WRITE_FENCE_COOKIE}=`))).toEqual([])
})
