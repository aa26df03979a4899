import { afterEach, expect, test } from 'vitest'
import { handleDataRequest } from '#app/entry.server.tsx'
import { closeReplica, parseLsn, WRITE_FENCE_COOKIE } from '#modules/db/replica.ts'
import { selectWalLsn } from '#modules/db/sql.ts'

// handleDataRequest only asks the primary for its WAL position; the replica's address is never
// dialled here, so any address will do (modules/db/replica.test.ts uses a real replica).
const saved = process.env.DATABASE_REPLICA_URL
afterEach(async () => {
	await closeReplica()
	process.env.DATABASE_REPLICA_URL = saved
})

const args = (request: Request) => ({ request, params: {}, context: {} }) as unknown as Parameters<typeof handleDataRequest>[1]

test('with a replica, the answer to a submission carries the primary WAL position as the write fence', async () => {
	process.env.DATABASE_REPLICA_URL = 'postgresql://circle:circle@127.0.0.1:9/replica'
	const before = parseLsn(await selectWalLsn())
	const post = new Request('http://localhost/org/acme/members.data', { method: 'POST' })
	const answer = new Response('body', { status: 202, headers: { 'X-Remix-Response': 'yes' } })
	const response = await handleDataRequest(answer, args(post))
	expect(response.status).toBe(202)
	expect(response.headers.get('X-Remix-Response')).toBe('yes')
	expect(await response.text()).toBe('body')
	const cookie = response.headers.get('Set-Cookie')!
	const [, lsn] = new RegExp(`^${WRITE_FENCE_COOKIE}=([0-9A-F]+/[0-9A-F]+);`).exec(cookie)!
	expect(parseLsn(lsn!) >= before).toBe(true)
})

test('a load (GET), or no replica at all, leaves the answer as it was', async () => {
	process.env.DATABASE_REPLICA_URL = 'postgresql://circle:circle@127.0.0.1:9/replica'
	const answer = new Response('body')
	expect(await handleDataRequest(answer, args(new Request('http://localhost/org/acme/report.data')))).toBe(answer)
	await closeReplica()
	process.env.DATABASE_REPLICA_URL = ''
	const post = new Request('http://localhost/org/acme/members.data', { method: 'POST' })
	expect(await handleDataRequest(answer, args(post))).toBe(answer)
})
