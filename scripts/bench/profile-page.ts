/**
 * Profiles one page of the scale dataset in this process, for `--cpu-prof`:
 *
 *   EMBEDDED_PG_DIR=… EMBEDDED_PG_PORT=… node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx \
 *     scripts/bench/profile-page.ts /org/scale-org-0/compliance [seconds] [file to save the page in]
 *
 * Serves the production build (run `npx react-router build` first) as the scale owner of
 * scale-org-0, requests the path at concurrency 8 for the given seconds after a warm-up, and prints
 * the process's CPU time per request. Then `npx tsx scripts/bench/profile-summary.ts <profile>`
 * lists where the time went.
 *
 * With several paths separated by commas, it compares them instead: one request at a time, taking
 * turns, for the given seconds, and prints each path's median CPU time per request (this process:
 * the server and the client). Taking turns shares out whatever else the machine is doing fairly.
 */
// First: React picks its production build only if NODE_ENV says so when it is first imported.
import './production-mode.ts'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { openDatabase } from './database.ts'

const [pagePath = '/org/scale-org-0/compliance', secondsArg = '10', savePath] = process.argv.slice(2)
const db = await openDatabase()
const { prisma } = await import('#modules/db/client.ts')
const { parseEnv } = await import('#modules/env/env.ts')
const { createSession } = await import('#modules/auth/sessions.ts')
const { SESSION_COOKIE_NAME } = await import('#app/utils/session.server.ts')
const { createHttpApp } = await import('#app/server/express.ts')
const env = parseEnv()

const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: 'scale-org-0' }, select: { id: true } })
const owner = await prisma.membership.findFirstOrThrow({
	where: { organisationId: org.id, role: 'OWNER' },
	select: { userId: true },
})
const cookie = `${SESSION_COOKIE_NAME}=${(await createSession({ userId: owner.userId, userAgent: 'circle-bench' })).token}`
const buildDir = path.resolve(import.meta.dirname, '../../build')
const app = await createHttpApp({ env: { ...env, NODE_ENV: 'production' }, mode: { kind: 'production', buildDir } })
const server = http.createServer(app)
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const { port } = server.address() as { port: number }
const url = `http://127.0.0.1:${port}${pagePath}`
// As autocannon asks: no compression.
const headers = { cookie, 'accept-encoding': 'identity' }

if (pagePath.includes(',')) {
	const paths = pagePath.split(',')
	const samples = new Map(paths.map((p) => [p, [] as number[]]))
	const sizes = new Map<string, number>()
	const deadline = performance.now() + Number(secondsArg) * 1000
	for (let round = 0; performance.now() < deadline; round++) {
		for (const p of paths) {
			const before = process.cpuUsage()
			const response = await fetch(`http://127.0.0.1:${port}${p}`, { headers })
			if (response.status !== 200) throw new Error(`${p} answered ${response.status}`)
			sizes.set(p, (await response.arrayBuffer()).byteLength)
			const { user, system } = process.cpuUsage(before)
			// The first rounds warm the caches and the JIT.
			if (round >= 5) samples.get(p)!.push((user + system) / 1000)
		}
	}
	for (const p of paths) {
		const values = samples.get(p)!.sort((a, b) => a - b)
		console.log(
			`${p}: median ${values[Math.floor(values.length / 2)]!.toFixed(2)} ms CPU per request over ${values.length} ` +
				`(p25 ${values[Math.floor(values.length / 4)]!.toFixed(2)}, p75 ${values[Math.floor((values.length * 3) / 4)]!.toFixed(2)}); ` +
				`${(sizes.get(p)! / 1024).toFixed(1)} KiB`,
		)
	}
	server.close()
	server.closeAllConnections()
	await prisma.session.deleteMany({ where: { userAgent: 'circle-bench' } })
	await prisma.$disconnect()
	await db.stop()
	process.exit(0)
}

async function run(seconds: number) {
	let requests = 0
	let bytes = 0
	const deadline = performance.now() + seconds * 1000
	await Promise.all(
		Array.from({ length: 8 }, async () => {
			while (performance.now() < deadline) {
				const response = await fetch(url, { headers })
				if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`)
				const body = await response.arrayBuffer()
				bytes = body.byteLength
				if (savePath) fs.writeFileSync(savePath, Buffer.from(body))
				requests++
			}
		}),
	)
	return { requests, bytes }
}

await run(2)
const before = process.cpuUsage()
const started = performance.now()
const { requests, bytes } = await run(Number(secondsArg))
const { user, system } = process.cpuUsage(before)
console.log(
	`${pagePath}: ${requests} requests in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
		`${((user + system) / 1000 / requests).toFixed(2)} ms CPU per request (server and client in this process); ` +
		`${(bytes / 1024).toFixed(1)} KiB a page`,
)
server.close()
server.closeAllConnections()
await prisma.session.deleteMany({ where: { userAgent: 'circle-bench' } })
await prisma.$disconnect()
await db.stop()
