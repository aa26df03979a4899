import { prisma } from '#modules/db/client.ts'
import type { JobContext } from '#modules/jobs/job-types.ts'
import { decryptSecret } from '#modules/security/encryption.ts'
import { xapiContext } from '#modules/security/reseal.ts'
import { XapiError } from './errors.ts'
import { describeResponse, isAccepted, isPermanentRefusal, lrsRequest } from './lrs-client.ts'

/** How long a sender holds a statement: longer than a request may take (LRS_TIMEOUT_MS) with room to record it. */
export const LEASE_SECONDS = 60

export type SendOutcome = 'sent' | 'skipped' | 'held' | 'failed'

/**
 * Sends one stored statement to its organisation's LRS with PUT /statements?statementId=<id>.
 *
 * Exactly once under any number of workers: a sender first takes a lease on the row with one
 * conditional UPDATE (not sent, and nobody else's lease running), so a second worker with the same
 * statement does nothing. If a sender dies after the LRS stored the statement but before Circle
 * recorded it, the retry PUTs the same id again, and the LRS answers 204 or 409 without storing a
 * second copy: the id is what makes the retry safe.
 *
 * Accepted (200, 204, 409): SENT, and the connection's last success. Otherwise the error is recorded
 * on the statement and the connection, and this throws so that pg-boss retries with backoff; on the
 * last attempt, or when the LRS refused the statement itself (400, 413), the statement is FAILED and
 * shown on the settings page. A switched-off LRS keeps the statement PENDING until it is switched on.
 */
export async function sendXapiStatement({
	statementId,
	now,
	isLastAttempt = false,
}: {
	statementId: string
	now: Date
	isLastAttempt?: boolean
}): Promise<SendOutcome> {
	const { count } = await prisma.xapiStatement.updateMany({
		where: { id: statementId, status: { not: 'SENT' }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
		data: {
			leaseUntil: new Date(now.getTime() + LEASE_SECONDS * 1000),
			attempts: { increment: 1 },
			lastAttemptAt: now,
		},
	})
	if (count === 0) return 'skipped'
	const row = await prisma.xapiStatement.findUniqueOrThrow({
		where: { id: statementId },
		select: {
			statement: true,
			connection: {
				select: {
					id: true,
					organisationId: true,
					endpoint: true,
					authKey: true,
					authSecretEncrypted: true,
					enabled: true,
				},
			},
		},
	})
	const { connection } = row
	if (!connection.enabled) {
		await prisma.xapiStatement.update({
			where: { id: statementId },
			data: {
				leaseUntil: null,
				attempts: { decrement: 1 },
				lastError: 'The LRS is switched off: sent when it is switched on again.',
			},
		})
		return 'held'
	}
	const secret = decryptSecret(connection.authSecretEncrypted, xapiContext(connection.organisationId))
	let error: string
	let permanent = false
	try {
		const response = await lrsRequest(
			{ endpoint: connection.endpoint, key: connection.authKey, secret },
			{ method: 'PUT', path: `statements?statementId=${encodeURIComponent(statementId)}`, body: row.statement },
		)
		if (isAccepted(response.status)) {
			await prisma.$transaction([
				prisma.xapiStatement.update({
					where: { id: statementId },
					data: { status: 'SENT', sentAt: now, leaseUntil: null, lastError: null },
				}),
				prisma.lrsConnection.update({ where: { id: connection.id }, data: { lastSuccessAt: now } }),
			])
			return 'sent'
		}
		error = describeResponse(response, secret)
		permanent = isPermanentRefusal(response.status)
	} catch (thrown) {
		error = thrown instanceof Error ? thrown.message : String(thrown)
	}
	const givingUp = isLastAttempt || permanent
	await prisma.$transaction([
		prisma.xapiStatement.update({
			where: { id: statementId },
			data: { status: givingUp ? 'FAILED' : 'PENDING', leaseUntil: null, lastError: error },
		}),
		prisma.lrsConnection.update({ where: { id: connection.id }, data: { lastErrorAt: now, lastError: error } }),
	])
	if (permanent) return 'failed'
	throw new XapiError('invalid', 'LRS_SEND_FAILED', error)
}

/** The `xapi-send` job: one statement, retried by pg-boss with backoff until the LRS accepts it. */
export async function handleXapiSendJob(data: { statementId: string }, context: JobContext): Promise<void> {
	await sendXapiStatement({ statementId: data.statementId, now: new Date(), isLastAttempt: context.isLastAttempt })
}
