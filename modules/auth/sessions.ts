import { type AuthMethod, type Language, prisma, type Role, type Tx } from '#modules/db/client.ts'
import { generateSessionToken, hashToken } from './tokens.ts'
import { isMfaRequired } from '#modules/mfa/policy.ts'
import { selectSessionWithUser } from './sql.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** A session lives this long after it was last extended… */
export const SESSION_DURATION_MS = 30 * DAY_MS
/** …and is extended on use once less than this remains (so at most one extension write a fortnight)… */
export const SESSION_RENEW_THRESHOLD_MS = 15 * DAY_MS
/** …but never beyond this long after it was created, however active it is. */
export const SESSION_MAX_LIFETIME_MS = 90 * DAY_MS
/** lastSeenAt is informational, so it is written at most this often rather than on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000

/** The user as every page sees them. */
export type SessionUser = {
	id: string
	email: string
	name: string
	role: Role
	emailVerified: boolean
	/** Circle's rule (modules/mfa/policy.ts) says this person must use a second factor. */
	mfaRequired: boolean
	/** The person has a second factor (a confirmed authenticator app or a passkey). */
	mfaEnrolled: boolean
	/** The interface language they chose (ADR 0041), or null when they have not chosen. */
	language: Language | null
}

export type ValidatedSession = {
	session: {
		id: string
		userId: string
		createdAt: Date
		expiresAt: Date
		/** A second factor was proven for this session (at sign-in, or by enrolling one in it). */
		mfaVerified: boolean
		/** True when this validation extended the expiry: the cookie should be sent again. */
		fresh: boolean
	}
	user: SessionUser
}

// A session token is exactly 20 bytes in base32: 32 characters of a–z and 2–7. Anything else
// cannot be a session, so it is refused without a query.
const TOKEN_PATTERN = /^[a-z2-7]{32}$/

/**
 * Starts a new session for a user and returns the secret token for the cookie. Only the token's
 * SHA-256 is stored, as the session id, so the database never holds a usable token. Call this at
 * every login (never reuse an earlier session) so that a session id planted before login is
 * worthless. Pass `tx` to create the session inside a caller's transaction.
 */
export async function createSession({
	userId,
	ipAddress,
	userAgent,
	method = 'PASSWORD',
	mfaVerified = false,
	deviceId,
	tx,
}: {
	userId: string
	ipAddress?: string | null
	userAgent?: string | null
	/** How the person proved who they are (shown on their security page). */
	method?: AuthMethod
	/** True when a second factor was proven for this sign-in. */
	mfaVerified?: boolean
	/** The hashed device cookie of the browser, when it has one. */
	deviceId?: string | null
	tx?: Tx
}) {
	const token = generateSessionToken()
	const now = Date.now()
	const expiresAt = new Date(now + SESSION_DURATION_MS)
	await (tx ?? prisma).session.create({
		data: {
			id: hashToken(token),
			userId,
			createdAt: new Date(now),
			lastSeenAt: new Date(now),
			expiresAt,
			ipAddress: ipAddress?.slice(0, 100) ?? null,
			userAgent: userAgent?.slice(0, 500) ?? null,
			method,
			mfaVerifiedAt: mfaVerified ? new Date(now) : null,
			deviceId: deviceId ?? null,
		},
		select: { id: true },
	})
	return { token, expiresAt }
}

/**
 * Looks up the session a cookie token belongs to and its user, in one query. Returns null (and
 * deletes the row) when the session has passed its sliding expiry or its absolute lifetime, and
 * null when the user has been disabled. An active session whose expiry is less than 15 days away
 * is extended to 30 days from now, capped at 90 days from creation; `session.fresh` then tells
 * the caller to send the cookie again with the new expiry.
 */
export async function validateSessionToken(token: string): Promise<ValidatedSession | null> {
	if (!TOKEN_PATTERN.test(token)) return null
	const id = hashToken(token)
	const row = await selectSessionWithUser(id)
	if (!row) return null

	const now = Date.now()
	const hardLimit = row.createdAt.getTime() + SESSION_MAX_LIFETIME_MS
	if (now >= row.expiresAt.getTime() || now >= hardLimit) {
		await invalidateSession(row.id)
		return null
	}
	if (row.disabledAt) {
		// Disabling a user should already have ended their sessions; this is the second line.
		await invalidateSession(row.id)
		return null
	}

	let expiresAt = row.expiresAt
	let fresh = false
	const extended = Math.min(now + SESSION_DURATION_MS, hardLimit)
	if (row.expiresAt.getTime() - now < SESSION_RENEW_THRESHOLD_MS && extended > row.expiresAt.getTime()) {
		expiresAt = new Date(extended)
		fresh = true
		await prisma.session.updateMany({ where: { id: row.id }, data: { expiresAt, lastSeenAt: new Date(now) } })
	} else if (now - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
		await prisma.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } })
	}

	return {
		session: {
			id: row.id,
			userId: row.userId,
			createdAt: row.createdAt,
			expiresAt,
			mfaVerified: row.mfaVerifiedAt !== null,
			fresh,
		},
		user: {
			id: row.userId,
			email: row.email,
			name: row.name,
			role: row.role,
			emailVerified: row.emailVerifiedAt !== null,
			mfaRequired: isMfaRequired({ role: row.role, memberships: row.orgMfaPolicies }),
			mfaEnrolled: row.mfaEnrolled,
			language: row.language,
		},
	}
}

/** Ends one session (log out). Ending a session that is already gone is not an error. */
export async function invalidateSession(sessionId: string) {
	await prisma.session.deleteMany({ where: { id: sessionId } })
}

/**
 * Ends every session of a user, or every one but `exceptSessionId` (the session that changed the
 * password stays signed in; every other device is signed out). Returns how many were ended.
 * Pass `tx` to do it inside a caller's transaction.
 */
export async function invalidateUserSessions({
	userId,
	exceptSessionId,
	tx,
}: {
	userId: string
	exceptSessionId?: string
	tx?: Tx
}) {
	const { count } = await (tx ?? prisma).session.deleteMany({
		where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
	})
	return count
}
