import { encodeBase64urlNoPadding } from '@oslojs/encoding'
import { hashToken } from '#modules/auth/tokens.ts'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { prisma } from '#modules/db/client.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'
import { ScimError } from './errors.ts'

/** Every SCIM token starts with this, so secret scanners (and people) can tell what one is. */
export const SCIM_TOKEN_PREFIX = 'circle_scim_'
/** How much of a token is kept in clear to tell tokens apart on the settings page. */
const DISPLAY_PREFIX_LENGTH = SCIM_TOKEN_PREFIX.length + 6
/** lastUsedAt is written at most this often, so a busy provisioning cycle does not write a row per request. */
export const LAST_USED_RESOLUTION_MS = 60_000

const TOKEN_PATTERN = /^circle_scim_[A-Za-z0-9_-]{43}$/

/**
 * Creates a bearer token for the organisation's SCIM client, for an owner or administrator
 * (checked here). The token is returned once; only its SHA-256 and a short prefix are stored.
 */
export async function createScimToken({
	organisationId,
	actorId,
	name,
	origin = {},
}: {
	organisationId: string
	actorId: string
	name: string
	origin?: RequestOrigin
}) {
	const bytes = new Uint8Array(32)
	crypto.getRandomValues(bytes)
	const token = `${SCIM_TOKEN_PREFIX}${encodeBase64urlNoPadding(bytes)}`
	const prefix = token.slice(0, DISPLAY_PREFIX_LENGTH)
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const row = await tx.scimToken.create({
			data: { organisationId, name, tokenHash: hashToken(token), prefix, createdById: actorId },
			select: { id: true, name: true, prefix: true, createdAt: true },
		})
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'scim.token_created',
			targetType: 'ScimToken',
			targetId: row.id,
			details: { name, tokenPrefix: prefix },
			...origin,
		})
		return { ...row, token }
	})
}

/** Revokes one of the organisation's SCIM tokens, for an owner or administrator (checked here). */
export async function revokeScimToken({
	organisationId,
	tokenId,
	actorId,
	now,
	origin = {},
}: {
	organisationId: string
	tokenId: string
	actorId: string
	now: Date
	origin?: RequestOrigin
}) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		// Scoped to the organisation: a token id from another organisation is simply not found.
		const token = await tx.scimToken.findFirst({
			where: { id: tokenId, organisationId },
			select: { id: true, prefix: true, revokedAt: true },
		})
		if (!token) throw new ScimError('not_found', 'SCIM_TOKEN_NOT_FOUND', 'We could not find that token.')
		if (token.revokedAt) return { revoked: false }
		await tx.scimToken.update({ where: { id: token.id }, data: { revokedAt: now } })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'scim.token_revoked',
			targetType: 'ScimToken',
			targetId: token.id,
			details: { tokenPrefix: token.prefix },
			...origin,
		})
		return { revoked: true }
	})
}

/** The organisation's SCIM tokens, newest first (never the secret: only its prefix). */
export async function listScimTokens({ organisationId }: { organisationId: string }) {
	return prisma.scimToken.findMany({
		where: { organisationId },
		select: {
			id: true,
			name: true,
			prefix: true,
			createdAt: true,
			lastUsedAt: true,
			revokedAt: true,
			createdBy: { select: { name: true } },
		},
		orderBy: { createdAt: 'desc' },
	})
}

export type ScimClient = { tokenId: string; organisationId: string; tokenPrefix: string }

/**
 * The organisation a bearer token speaks for, or SCIM_INVALID_TOKEN for a token that is malformed,
 * unknown or revoked. Records the use at most once a minute (one conditional UPDATE).
 */
export async function authenticateScimToken({ token, now }: { token: string; now: Date }): Promise<ScimClient> {
	if (!TOKEN_PATTERN.test(token)) throw invalidToken()
	const row = await prisma.scimToken.findUnique({
		where: { tokenHash: hashToken(token) },
		select: { id: true, organisationId: true, prefix: true, revokedAt: true, lastUsedAt: true },
	})
	if (!row || row.revokedAt) throw invalidToken()
	if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
		const before = new Date(now.getTime() - LAST_USED_RESOLUTION_MS)
		await prisma.scimToken.updateMany({
			where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: before } }] },
			data: { lastUsedAt: now },
		})
	}
	return { tokenId: row.id, organisationId: row.organisationId, tokenPrefix: row.prefix }
}

function invalidToken() {
	return new ScimError('unauthenticated', 'SCIM_INVALID_TOKEN', 'The bearer token is missing, wrong or revoked.')
}
