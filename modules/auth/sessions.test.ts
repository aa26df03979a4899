import { createHash } from 'node:crypto'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	SESSION_DURATION_MS,
	SESSION_MAX_LIFETIME_MS,
	validateSessionToken,
} from './sessions.ts'
import { createTestUser, releaseTestResources } from '#tests/factories/auth.ts'

afterAll(releaseTestResources)

const DAY = 24 * 60 * 60 * 1000

function sha256Hex(value: string) {
	return createHash('sha256').update(value).digest('hex')
}

async function sessionRow(id: string) {
	return prisma.session.findUnique({ where: { id }, select: { expiresAt: true, lastSeenAt: true, createdAt: true } })
}

describe('createSession', () => {
	test('stores only the SHA-256 of the token: the token itself is in no column', async () => {
		const user = await createTestUser()
		const { token, expiresAt } = await createSession({ userId: user.id, ipAddress: '2001:db8::1', userAgent: 'vitest' })

		expect(token).toMatch(/^[a-z2-7]{32}$/) // 20 random bytes in lower-case base32, no padding
		const rows = await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } })
		expect(rows).toEqual([{ id: sha256Hex(token) }])

		// Every column of every session row of this user, as text: the token appears nowhere.
		const dump = await prisma.$queryRaw<Array<{ row: string }>>`
			SELECT row_to_json(s)::text AS row FROM "Session" s WHERE s."userId" = ${user.id}`
		expect(dump).toHaveLength(1)
		expect(dump[0]?.row.toLowerCase()).not.toContain(token)
		expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_DURATION_MS - 60_000)
	})

	test('every call starts a new session with a new token', async () => {
		const user = await createTestUser()
		const a = await createSession({ userId: user.id })
		const b = await createSession({ userId: user.id })
		expect(a.token).not.toBe(b.token)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2)
	})
})

describe('validateSessionToken', () => {
	test('returns the session and its user', async () => {
		const user = await createTestUser({ role: 'TRAINER', emailVerified: true })
		const { token } = await createSession({ userId: user.id })
		const result = await validateSessionToken(token)
		expect(result?.user).toEqual({
			id: user.id,
			email: user.email,
			name: user.name,
			role: 'TRAINER',
			emailVerified: true,
			mfaRequired: true,
			mfaEnrolled: false,
			language: null,
		})
		expect(result?.session.id).toBe(sha256Hex(token))
		expect(result?.session.mfaVerified).toBe(false)
		expect(result?.session.fresh).toBe(false)
	})

	test('refuses unknown and malformed tokens', async () => {
		expect(await validateSessionToken('a'.repeat(32))).toBeNull()
		expect(await validateSessionToken('not a token')).toBeNull()
		expect(await validateSessionToken('')).toBeNull()
	})

	test('refuses the session id itself (the hash) presented as a token', async () => {
		const user = await createTestUser()
		const { token } = await createSession({ userId: user.id })
		expect(await validateSessionToken(sha256Hex(token))).toBeNull()
	})

	test('rejects and deletes an expired session', async () => {
		const user = await createTestUser()
		const { token } = await createSession({ userId: user.id })
		const id = sha256Hex(token)
		await prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } })

		expect(await validateSessionToken(token)).toBeNull()
		expect(await sessionRow(id)).toBeNull()
	})

	test('sliding expiry: extends to 30 days once less than 15 days remain', async () => {
		const user = await createTestUser()
		const { token } = await createSession({ userId: user.id })
		const id = sha256Hex(token)
		await prisma.session.update({
			where: { id },
			data: { createdAt: new Date(Date.now() - 20 * DAY), expiresAt: new Date(Date.now() + 10 * DAY) },
		})

		const before = Date.now()
		const result = await validateSessionToken(token)
		expect(result?.session.fresh).toBe(true)
		const stored = await sessionRow(id)
		expect(stored?.expiresAt.getTime()).toBeGreaterThanOrEqual(before + SESSION_DURATION_MS)
		expect(stored?.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + SESSION_DURATION_MS)
		expect(result?.session.expiresAt.getTime()).toBe(stored?.expiresAt.getTime())
	})

	test('sliding expiry: leaves the expiry alone while more than 15 days remain', async () => {
		const user = await createTestUser()
		const { token } = await createSession({ userId: user.id })
		const id = sha256Hex(token)
		const expiresAt = new Date(Date.now() + 20 * DAY)
		await prisma.session.update({ where: { id }, data: { expiresAt } })

		const result = await validateSessionToken(token)
		expect(result?.session.fresh).toBe(false)
		expect((await sessionRow(id))?.expiresAt.getTime()).toBe(expiresAt.getTime())
	})

	test('absolute lifetime: an extension never goes beyond 90 days from creation', async () => {
		const user = await createTestUser()
		const { token } = await createSession({ userId: user.id })
		const id = sha256Hex(token)
		const createdAt = new Date(Date.now() - 85 * DAY)
		await prisma.session.update({ where: { id }, data: { createdAt, expiresAt: new Date(Date.now() + 2 * DAY) } })

		const result = await validateSessionToken(token)
		expect(result).not.toBeNull()
		expect((await sessionRow(id))?.expiresAt.getTime()).toBe(createdAt.getTime() + SESSION_MAX_LIFETIME_MS)
	})

	test('absolute lifetime: a session older than 90 days is rejected even before its expiry', async () => {
		const user = await createTestUser()
		const { token } = await createSession({ userId: user.id })
		const id = sha256Hex(token)
		await prisma.session.update({
			where: { id },
			data: { createdAt: new Date(Date.now() - 91 * DAY), expiresAt: new Date(Date.now() + 10 * DAY) },
		})

		expect(await validateSessionToken(token)).toBeNull()
		expect(await sessionRow(id)).toBeNull()
	})

	test('rejects the session of a disabled user', async () => {
		const user = await createTestUser()
		const { token } = await createSession({ userId: user.id })
		expect(await validateSessionToken(token)).not.toBeNull()

		await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
		expect(await validateSessionToken(token)).toBeNull()
	})

	test('writes lastSeenAt at most once a minute', async () => {
		const user = await createTestUser()
		const { token } = await createSession({ userId: user.id })
		const id = sha256Hex(token)
		const recent = new Date(Date.now() - 30_000)
		await prisma.session.update({ where: { id }, data: { lastSeenAt: recent } })
		await validateSessionToken(token)
		expect((await sessionRow(id))?.lastSeenAt.getTime()).toBe(recent.getTime())

		const old = new Date(Date.now() - 5 * 60_000)
		await prisma.session.update({ where: { id }, data: { lastSeenAt: old } })
		await validateSessionToken(token)
		expect((await sessionRow(id))?.lastSeenAt.getTime()).toBeGreaterThan(old.getTime())
	})
})

describe('ending sessions', () => {
	test('invalidateSession ends one session', async () => {
		const user = await createTestUser()
		const a = await createSession({ userId: user.id })
		const b = await createSession({ userId: user.id })
		await invalidateSession(sha256Hex(a.token))
		expect(await validateSessionToken(a.token)).toBeNull()
		expect(await validateSessionToken(b.token)).not.toBeNull()
	})

	test('invalidateUserSessions ends all of a user’s sessions but the one it is told to keep', async () => {
		const user = await createTestUser()
		const other = await createTestUser()
		const keep = await createSession({ userId: user.id })
		const end1 = await createSession({ userId: user.id })
		const end2 = await createSession({ userId: user.id })
		const someoneElse = await createSession({ userId: other.id })

		expect(await invalidateUserSessions({ userId: user.id, exceptSessionId: sha256Hex(keep.token) })).toBe(2)
		expect(await validateSessionToken(keep.token)).not.toBeNull()
		expect(await validateSessionToken(end1.token)).toBeNull()
		expect(await validateSessionToken(end2.token)).toBeNull()
		expect(await validateSessionToken(someoneElse.token)).not.toBeNull()

		expect(await invalidateUserSessions({ userId: user.id })).toBe(1)
		expect(await validateSessionToken(keep.token)).toBeNull()
	})
})
