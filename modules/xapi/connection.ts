import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { prisma, type XapiActorFormat } from '#modules/db/client.ts'
import { getEnv, type Env } from '#modules/env/env.ts'
import { enqueueJobInTransaction } from '#modules/jobs/enqueue-job.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'
import { decryptSecret, encryptSecret } from '#modules/security/encryption.ts'
import { xapiContext } from '#modules/security/reseal.ts'
import { checkLrsEndpoint } from './endpoint.ts'
import { XapiError } from './errors.ts'
import { describeResponse, lrsRequest } from './lrs-client.ts'
import { XAPI_RETRY } from './record-events.ts'

export type SaveLrsConnectionOptions = {
	organisationId: string
	actorId: string
	endpoint: string
	authKey: string
	/** Empty keeps the saved secret. */
	authSecret?: string | null
	actorFormat: XapiActorFormat
	enabled: boolean
	env?: Pick<Env, 'NODE_ENV'>
} & RequestOrigin

/**
 * Saves an organisation's LRS. The address must be https outside development (checkLrsEndpoint):
 * a refused address is an error beside its field and nothing is saved. The secret is sealed
 * (AES-256-GCM, context `xapi:<organisationId>`) and never shown or logged. Switching the LRS on
 * queues again the statements that waited while it was off. Owners and administrators only,
 * checked inside the write; audited without the secret.
 */
export async function saveLrsConnection(options: SaveLrsConnectionOptions) {
	const { organisationId, actorId, authKey, actorFormat, enabled, ipAddress, userAgent } = options
	const checked = checkLrsEndpoint(options.endpoint, options.env ?? getEnv())
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		if (!checked.ok) throw new XapiError('invalid', checked.code, checked.problem, { field: 'endpoint' })
		const existing = await tx.lrsConnection.findUnique({
			where: { organisationId },
			select: { id: true, enabled: true, authSecretEncrypted: true },
		})
		const typedSecret = options.authSecret?.trim() || null
		if (!typedSecret && !existing) {
			throw new XapiError('invalid', 'LRS_CREDENTIALS_MISSING', 'Enter the secret', { field: 'authSecret' })
		}
		const fields = {
			endpoint: checked.endpoint,
			authKey: authKey.trim(),
			authSecretEncrypted: typedSecret
				? encryptSecret(typedSecret, xapiContext(organisationId))
				: existing!.authSecretEncrypted,
			actorFormat,
			enabled,
		}
		const saved = await tx.lrsConnection.upsert({
			where: { organisationId },
			create: { organisationId, ...fields },
			update: fields,
			select: { id: true },
		})
		let requeued = 0
		if (existing && !existing.enabled && enabled) {
			const waiting = await tx.xapiStatement.findMany({
				where: { connectionId: saved.id, status: 'PENDING' },
				select: { id: true },
			})
			for (const { id } of waiting) await enqueueJobInTransaction(tx, 'xapi-send', { statementId: id }, XAPI_RETRY)
			requeued = waiting.length
		}
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'xapi.lrs_saved',
			targetType: 'LrsConnection',
			targetId: saved.id,
			details: {
				endpoint: fields.endpoint,
				authKey: fields.authKey,
				secretChanged: Boolean(typedSecret),
				actorFormat,
				enabled,
				created: !existing,
				requeued,
			},
			ipAddress,
			userAgent,
		})
		return { connectionId: saved.id, endpoint: fields.endpoint, requeued }
	})
}

/** How a connection test went, for the page to put in words (`detail` is the LRS's own answer or the network error). */
export type LrsTestResult =
	| { ok: true; kind: 'connected'; versions: string }
	| { ok: false; kind: 'not-found' | 'unexpected' | 'unreachable'; detail: string }
	| { ok: false; kind: 'not-xapi' | 'credentials-refused' }

/**
 * Tries the saved LRS without sending a statement: GET about (is it an xAPI 1.0.x LRS?), then an
 * authenticated GET statements?limit=1 (does it take the key and secret?). 403 there means the
 * credentials are good but may not read, which is enough for Circle, which only writes. The result
 * says plainly what worked or what did not; the secret never appears in it.
 */
export async function testLrsConnection({
	organisationId,
	actorId,
}: {
	organisationId: string
	actorId: string
}): Promise<LrsTestResult> {
	// Checked before any request leaves Circle, so nobody else can use this to probe addresses.
	const connection = await prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		return tx.lrsConnection.findUnique({
			where: { organisationId },
			select: { endpoint: true, authKey: true, authSecretEncrypted: true },
		})
	})
	if (!connection) throw new XapiError('invalid', 'LRS_NOT_CONFIGURED', 'Save your LRS settings first.')
	const secret = decryptSecret(connection.authSecretEncrypted, xapiContext(organisationId))
	const credentials = { endpoint: connection.endpoint, key: connection.authKey, secret }
	try {
		const about = await lrsRequest(credentials, { method: 'GET', path: 'about' })
		if (about.status !== 200) return { ok: false, kind: 'not-found', detail: describeResponse(about, secret) }
		let versions: unknown
		try {
			versions = (JSON.parse(about.body) as { version?: unknown }).version
		} catch {
			versions = undefined
		}
		const spoken = Array.isArray(versions) ? versions.filter((v): v is string => typeof v === 'string') : []
		if (!spoken.some((v) => v.startsWith('1.0'))) return { ok: false, kind: 'not-xapi' }
		const read = await lrsRequest(credentials, { method: 'GET', path: 'statements?limit=1' })
		if (read.status === 401) return { ok: false, kind: 'credentials-refused' }
		if (read.status !== 200 && read.status !== 403) {
			return { ok: false, kind: 'unexpected', detail: describeResponse(read, secret) }
		}
		return { ok: true, kind: 'connected', versions: spoken.join(', ') }
	} catch (error) {
		return { ok: false, kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) }
	}
}

/** Queues again every statement that failed for good, from the settings page. Owners and administrators; audited. */
export async function resendFailedStatements({
	organisationId,
	actorId,
	ipAddress,
	userAgent,
}: { organisationId: string; actorId: string } & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const failed = await tx.xapiStatement.findMany({
			where: { organisationId, status: 'FAILED' },
			select: { id: true },
		})
		if (failed.length === 0) return { requeued: 0 }
		await tx.xapiStatement.updateMany({
			where: { organisationId, status: 'FAILED' },
			data: { status: 'PENDING', attempts: 0 },
		})
		for (const { id } of failed) await enqueueJobInTransaction(tx, 'xapi-send', { statementId: id }, XAPI_RETRY)
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'xapi.statements_resent',
			targetType: 'Organisation',
			targetId: organisationId,
			details: { count: failed.length },
			ipAddress,
			userAgent,
		})
		return { requeued: failed.length }
	})
}

/** What the settings page shows: the connection (never its secret) and how sending is going. */
export async function getLrsSettings({ organisationId }: { organisationId: string }) {
	const [connection, counts, recentErrors] = await Promise.all([
		prisma.lrsConnection.findUnique({
			where: { organisationId },
			select: {
				endpoint: true,
				authKey: true,
				enabled: true,
				actorFormat: true,
				lastSuccessAt: true,
				lastErrorAt: true,
				lastError: true,
				updatedAt: true,
			},
		}),
		prisma.xapiStatement.groupBy({ by: ['status'], where: { organisationId }, _count: { _all: true } }),
		prisma.xapiStatement.findMany({
			where: { organisationId, status: { not: 'SENT' }, lastError: { not: null } },
			orderBy: { lastAttemptAt: 'desc' },
			take: 5,
			select: { id: true, verb: true, status: true, attempts: true, lastAttemptAt: true, lastError: true },
		}),
	])
	const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0
	return {
		connection: connection ? { ...connection, hasSecret: true } : null,
		counts: { pending: count('PENDING'), sent: count('SENT'), failed: count('FAILED') },
		recentErrors,
	}
}
