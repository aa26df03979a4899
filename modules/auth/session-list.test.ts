import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createTestUser, releaseTestResources } from '#tests/factories/auth.ts'
import { listActiveSessions, listSecurityEvents, signOutOtherSessions, signOutSession } from './session-list.ts'
import { createSession, validateSessionToken } from './sessions.ts'
import { hashToken } from './tokens.ts'

afterAll(releaseTestResources)

const CHROME_WINDOWS =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

describe('a person’s sessions', () => {
	test('listed in plain words, this one first, with only part of the address', async () => {
		const user = await createTestUser()
		const here = await createSession({ userId: user.id, userAgent: 'curl/8', ipAddress: '10.0.0.1' })
		await createSession({ userId: user.id, userAgent: CHROME_WINDOWS, ipAddress: '81.2.69.142', mfaVerified: true })
		const sessions = await listActiveSessions({ userId: user.id, currentSessionId: hashToken(here.token) })
		expect(sessions).toHaveLength(2)
		expect(sessions[0]).toMatchObject({ current: true, device: 'Unknown browser', network: '10.0.x.x' })
		expect(sessions[1]).toMatchObject({ current: false, device: 'Chrome on Windows', network: '81.2.x.x', mfa: true })
	})

	test('“sign out everywhere else” ends every other session and keeps this one, with an audit entry', async () => {
		const user = await createTestUser()
		const other = await createTestUser()
		const here = await createSession({ userId: user.id })
		const elsewhere = [await createSession({ userId: user.id }), await createSession({ userId: user.id })]
		const someoneElse = await createSession({ userId: other.id })

		const ended = await signOutOtherSessions({ userId: user.id, currentSessionId: hashToken(here.token) })
		expect(ended).toBe(2)
		for (const session of elsewhere) expect(await validateSessionToken(session.token)).toBeNull()
		expect(await validateSessionToken(here.token)).not.toBeNull()
		expect(await validateSessionToken(someoneElse.token)).not.toBeNull()
		const events = await listSecurityEvents({ userId: user.id })
		expect(events.map((e) => e.action)).toContain('auth.other_sessions_signed_out')
	})

	test('“sign out of this one” ends that session only, and never someone else’s', async () => {
		const user = await createTestUser()
		const other = await createTestUser()
		const here = await createSession({ userId: user.id })
		const phone = await createSession({ userId: user.id })
		const theirs = await createSession({ userId: other.id })

		await signOutSession({ userId: user.id, sessionId: hashToken(phone.token) })
		expect(await validateSessionToken(phone.token)).toBeNull()
		expect(await validateSessionToken(here.token)).not.toBeNull()

		await expect(signOutSession({ userId: user.id, sessionId: hashToken(theirs.token) })).rejects.toMatchObject({
			code: 'SESSION_NOT_FOUND',
		})
		expect(await validateSessionToken(theirs.token)).not.toBeNull()
		expect(await prisma.auditLog.count({ where: { targetId: user.id, action: 'auth.session_signed_out' } })).toBe(1)
	})
})
