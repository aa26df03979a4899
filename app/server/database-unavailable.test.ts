// A page whose loader cannot reach the database, over real HTTP through the real Express app,
// entry.server.tsx and root route (production mode): 503 with Retry-After and the "unavailable for
// a moment" page, after modules/db has tried again for a while (ADR 0056). The database is an
// address where nothing listens; the root loader uses the test worker's real database.
import net, { type AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import * as entry from '#app/entry.server.tsx'
import * as root from '#app/root.tsx'
import { createPrismaClient } from '#modules/db/client.ts'
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from './database-unavailable.ts'
import { serveTestBuild, testServerBuild } from '#tests/factories/server-build.ts'

const RECONNECT_WITHIN_MS = 400
let unreachable: ReturnType<typeof createPrismaClient>

const coursesPage = {
	loader: async () => ({ courses: await unreachable.course.count() }),
	default: () => null,
}
const brokenPage = {
	loader: () => {
		throw new Error('a bug, not the database')
	},
	default: () => null,
}

const build = testServerBuild({
	entry,
	routes: [
		{ id: 'root', path: '', module: root },
		{ id: 'routes/courses', parentId: 'root', path: 'courses', module: coursesPage },
		{ id: 'routes/broken', parentId: 'root', path: 'broken', module: brokenPage },
	],
})

let served: Awaited<ReturnType<typeof serveTestBuild>>
let origin: string
beforeAll(async () => {
	const probe = net.createServer().listen(0, '127.0.0.1')
	await new Promise((r) => probe.once('listening', r))
	const { port } = probe.address() as AddressInfo
	await new Promise((r) => probe.close(r))
	unreachable = createPrismaClient({
		url: `postgresql://circle:circle@127.0.0.1:${port}/circle`,
		poolSize: 1,
		reconnectWithinMs: RECONNECT_WITHIN_MS,
		label: 'unreachable',
	})
	served = await serveTestBuild(build)
	origin = served.origin
})
afterAll(async () => {
	await unreachable?.$disconnect()
	await served.close()
})

test('a page whose database cannot be reached answers 503 with Retry-After and says to reload shortly', async () => {
	const started = Date.now()
	const response = await fetch(`${origin}/courses`)
	// What the page shows: without the messages the browser is given for the page (ADR 0053), which
	// hold every error title, "Something went wrong" among them.
	const html = (await response.text()).replace(/<script id="i18n-messages"[\s\S]*?<\/script>/, '')
	expect(response.status).toBe(503)
	expect(response.headers.get('Retry-After')).toBe(String(UNAVAILABLE_RETRY_AFTER_SECONDS))
	expect(html).toContain('Circle is unavailable for a moment')
	expect(html).not.toContain('Something went wrong')
	// modules/db tried to connect again before giving up.
	expect(Date.now() - started).toBeGreaterThanOrEqual(RECONNECT_WITHIN_MS - 100)
})

test('a page that fails for any other reason still answers 500', async () => {
	const response = await fetch(`${origin}/broken`)
	await response.text()
	expect(response.status).toBe(500)
	expect(response.headers.get('Retry-After')).toBeNull()
})
