import { randomBytes, randomUUID } from 'node:crypto'
import { prisma, type Role } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { hashPassword } from '#modules/auth/password.ts'
import type { SignInResult } from '#modules/auth/sign-in.ts'

// Helpers for auth tests (here and in app/). They create real rows through the real code paths;
// nothing of Circle's is mocked.

export const TEST_PASSWORD = 'a calm restorative circle'

/** A unique, lower-case address, so tests never collide with each other or with seed data. */
export function uniqueEmail(label = 'learner') {
	return `${label}-${randomUUID()}@example.org`
}

/** A unique documentation-range IPv6 address, so per-IP throttles never leak between tests. */
export function uniqueIp() {
	return `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`
}

let testPasswordHash: Promise<string> | undefined

/** Creates a user whose password is TEST_PASSWORD (or `password`). */
export async function createTestUser({
	email = uniqueEmail(),
	password,
	name = 'Sam Taylor',
	role = 'LEARNER',
	emailVerified = false,
}: { email?: string; password?: string; name?: string; role?: Role; emailVerified?: boolean } = {}) {
	testPasswordHash ??= hashPassword(TEST_PASSWORD)
	const passwordHash = password ? await hashPassword(password) : await testPasswordHash
	const user = await prisma.user.create({
		data: { email, name, role, passwordHash, emailVerifiedAt: emailVerified ? new Date() : null },
		select: { id: true, email: true, name: true },
	})
	return { ...user, password: password ?? TEST_PASSWORD }
}

/** The newest email stored for `to`, with the token of the link it carries (for `path`, e.g. /verify-email). */
export async function latestEmailLink({ to, path }: { to: string; path: string }) {
	const message = await prisma.emailMessage.findFirst({
		where: { to },
		orderBy: { createdAt: 'desc' },
		select: { template: true, text: true, html: true },
	})
	if (!message) throw new Error(`No email was sent to ${to}`)
	const match = message.text.match(new RegExp(`${path.replace(/[/-]/g, '\\$&')}\\?token=([a-z2-7]+)`))
	if (!match?.[1]) throw new Error(`The email to ${to} has no ${path} link:\n${message.text}`)
	return { template: message.template, token: match[1] }
}

/**
 * Runs `run` while another transaction holds a row lock on a UserToken, then releases it. Plain
 * reads are not blocked, so every request `run` starts reads the token as unused and then waits
 * at its UPDATE: this makes "two submissions at the same moment" certain rather than likely.
 */
export async function whileTokenLocked<T>(tokenHash: string, run: () => Promise<T>, { holdMs = 500 } = {}) {
	let release!: () => void
	const gate = new Promise<void>((resolve) => (release = resolve))
	let markLocked!: () => void
	const locked = new Promise<void>((resolve) => (markLocked = resolve))
	const lockTransaction = prisma.$transaction(
		async (tx) => {
			await tx.$queryRaw`SELECT id FROM "UserToken" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`
			markLocked()
			await gate
		},
		{ timeout: 30_000 },
	)
	await locked
	const running = run()
	await new Promise((resolve) => setTimeout(resolve, holdMs))
	release()
	await lockTransaction
	return running
}

/** For afterAll: closes the job queue and throttle pools that sending email and throttling opened. */
export async function releaseTestResources() {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
}

/** A POST with form fields, as a browser sends it (optionally with the session cookie). */
export function formRequest(
	path: string,
	fields: Record<string, string | string[]>,
	{ cookie }: { cookie?: string } = {},
) {
	const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'vitest' })
	if (cookie) headers.set('Cookie', cookie)
	// A field given as a list is sent once per value, as a browser sends checked checkboxes.
	const body = new URLSearchParams()
	for (const [name, value] of Object.entries(fields)) {
		for (const one of Array.isArray(value) ? value : [value]) body.append(name, one)
	}
	return new Request(`http://localhost${path}`, { method: 'POST', body, headers })
}

/** A GET (optionally with the session cookie). */
export function getRequest(path: string, { cookie }: { cookie?: string } = {}) {
	return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

/** The session of a sign-in that must have started one (no second factor asked for); throws otherwise. */
export function sessionOf(result: SignInResult) {
	if (result.kind !== 'session') throw new Error(`Expected a session, got a ${result.kind} challenge`)
	return result.session
}
