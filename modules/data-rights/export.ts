import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { hashToken, generateEmailToken } from '#modules/auth/tokens.ts'
import { formatUkDateTime } from '#modules/security/user-agent.ts'
import { prisma } from '#modules/db/client.ts'
import { appUrl, getEnv } from '#modules/env/env.ts'
import { enqueueJob } from '#modules/jobs/enqueue-job.ts'
import type { JobHandler } from '#modules/jobs/job-types.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { buildPassport } from '#modules/passport/build-passport.ts'
import { consumeThrottle } from '#modules/security/throttle.ts'
import { getFileStorage } from '#modules/storage/file-storage.ts'
import { DataRightsError } from './errors.ts'
import { collectPersonalData } from './export-data.ts'
import { buildDataExportZip } from './export-zip.ts'

const DAY = 86_400_000
/** A request still being prepared after this long has failed somewhere: another may be asked for. */
const PREPARING_LIMIT_MS = 60 * 60 * 1000

/** Where an export's ZIP is stored (modules/storage): one file per request, under the person's id. */
export function dataExportStorageKey({ userId, exportId }: { userId: string; exportId: string }) {
	return `data-exports/${userId}/${exportId}.zip`
}

/** The emailed link: the export's id in the path, the single-use secret in the query. */
export function dataExportDownloadUrl({ exportId, token }: { exportId: string; token: string }) {
	return `${appUrl()}/account/data/download/${exportId}?token=${token}`
}

/**
 * Only the person an export is about may act on it: requesting it, and downloading it (a link
 * forwarded to, or opened by, someone else's account is refused even with the right secret).
 */
export function assertDataSubjectActor({ actorId, userId }: { actorId: string; userId: string }) {
	if (actorId !== userId) {
		throw new DataRightsError(
			'forbidden',
			'DATA_EXPORT_NOT_YOURS',
			'This download belongs to another Circle account. Sign in as the person it was sent to, or ask for your own copy on “Your data”.',
		)
	}
}

/**
 * Asks for a copy of everything Circle holds about `userId` ("Download your data"): one DataExport row
 * (PENDING) and its audit entry in one transaction, then the `data-export` job that builds it. Three
 * requests a day per person (dataExportPerPerson), and not while one is still being prepared.
 */
export async function requestDataExport({
	actorId,
	userId,
	now,
	origin = {},
}: {
	actorId: string
	userId: string
	now: Date
	origin?: RequestOrigin
}) {
	assertDataSubjectActor({ actorId, userId })
	const preparing = await prisma.dataExport.findFirst({
		where: { userId, status: 'PENDING', requestedAt: { gt: new Date(now.getTime() - PREPARING_LIMIT_MS) } },
		select: { id: true },
	})
	if (preparing) {
		throw new DataRightsError(
			'conflict',
			'DATA_EXPORT_ALREADY_PREPARING',
			'Your data is already being prepared. We will email you a link when it is ready.',
		)
	}
	await consumeThrottle(
		'dataExportPerPerson',
		userId,
		'You have asked for your data three times today. Please use the link we emailed you, or try again tomorrow.',
	)
	const created = await prisma.$transaction(async (tx) => {
		const row = await tx.dataExport.create({ data: { userId, requestedAt: now }, select: { id: true } })
		await recordAudit(tx, {
			actorId,
			action: 'data.export_requested',
			targetType: 'User',
			targetId: userId,
			details: { exportId: row.id },
			...origin,
		})
		return row
	})
	// The id is the singleton key: however often the request is retried, one job builds it.
	await enqueueJob('data-export', { exportId: created.id }, { singletonKey: `data-export:${created.id}` })
	return { exportId: created.id }
}

/**
 * Builds one requested export at `now`: circle-data.json, the CPD passport and its PDFs in a ZIP,
 * stored; then, in one transaction that only a PENDING export passes, marks it READY with the hash of a
 * fresh secret and an expiry (DATA_EXPORT_LINK_DAYS), and queues the email with the link. Safe to run
 * twice: a second run finds it READY and does nothing (the file's key is the same, so at worst it is
 * written twice with the same content).
 */
export async function prepareDataExport({ exportId, now }: { exportId: string; now: Date }) {
	const request = await prisma.dataExport.findUnique({
		where: { id: exportId },
		select: { userId: true, status: true, user: { select: { name: true, email: true } } },
	})
	if (!request || request.status !== 'PENDING') return { prepared: false }
	const { userId } = request
	const [data, { passport, documents }] = await Promise.all([
		collectPersonalData({ userId, now }),
		buildPassport({ userId, now }),
	])
	const zip = await buildDataExportZip({ data, passport, documents })
	const storageKey = dataExportStorageKey({ userId, exportId })
	await getFileStorage().put(storageKey, zip, 'application/zip')

	const token = generateEmailToken()
	const expiresAt = new Date(now.getTime() + getEnv().DATA_EXPORT_LINK_DAYS * DAY)
	return prisma.$transaction(async (tx) => {
		const { count } = await tx.dataExport.updateMany({
			where: { id: exportId, status: 'PENDING' },
			data: {
				status: 'READY',
				tokenHash: hashToken(token),
				storageKey,
				sizeBytes: zip.length,
				readyAt: now,
				expiresAt,
			},
		})
		if (count === 0) return { prepared: false }
		await sendEmail(
			{
				to: request.user.email,
				template: 'data-export-ready',
				props: {
					name: request.user.name,
					downloadUrl: dataExportDownloadUrl({ exportId, token }),
					expiresAt,
				},
			},
			tx,
		)
		return { prepared: true }
	})
}

/** Marks a request that could not be built (after the job's last retry), so the page can say so. */
export async function failDataExport({ exportId, reason }: { exportId: string; reason: string }) {
	await prisma.dataExport.updateMany({
		where: { id: exportId, status: 'PENDING' },
		data: { status: 'FAILED', error: reason.slice(0, 200) },
	})
}

/** The `data-export` job: build the ZIP now; on the last failed attempt, record the failure. */
export const handleDataExportJob: JobHandler<'data-export'> = async ({ exportId }, context) => {
	try {
		await prepareDataExport({ exportId, now: new Date() })
	} catch (error) {
		if (context.isLastAttempt) {
			await failDataExport({ exportId, reason: error instanceof Error ? error.name : 'Error' })
		}
		throw error
	}
}

type LinkOptions = { exportId: string; token: string; userId: string; now: Date }

/**
 * Checks an emailed download link for the signed-in `userId` without using it up: the export must be
 * theirs (DATA_EXPORT_NOT_YOURS otherwise, whatever the secret), the secret must match, and the link
 * must be unused and unexpired. Returns what the download page shows.
 */
export async function checkDataExportLink({ exportId, token, userId, now }: LinkOptions) {
	const row = await prisma.dataExport.findUnique({
		where: { id: exportId },
		select: {
			userId: true,
			status: true,
			tokenHash: true,
			storageKey: true,
			sizeBytes: true,
			expiresAt: true,
			downloadedAt: true,
		},
	})
	const notFound = () =>
		new DataRightsError(
			'not_found',
			'DATA_EXPORT_NOT_FOUND',
			'This download link is not right. Open the link from the email again, or ask for a new copy on “Your data”.',
		)
	if (!row) throw notFound()
	assertDataSubjectActor({ actorId: userId, userId: row.userId })
	if (row.status !== 'READY' || !row.tokenHash) {
		throw new DataRightsError('conflict', 'DATA_EXPORT_NOT_READY', 'This copy of your data is not ready yet.')
	}
	if (hashToken(token) !== row.tokenHash) throw notFound()
	if (row.downloadedAt) {
		throw new DataRightsError(
			'gone',
			'DATA_EXPORT_LINK_USED',
			`This link has already been used (on ${formatUkDateTime(row.downloadedAt)}). Each link works once: ask for a new copy on “Your data”.`,
		)
	}
	if (!row.expiresAt || row.expiresAt <= now || !row.storageKey) {
		throw new DataRightsError(
			'gone',
			'DATA_EXPORT_LINK_EXPIRED',
			'This link has expired, and the copy it pointed to has been deleted. Ask for a new copy on “Your data”.',
		)
	}
	return { storageKey: row.storageKey, sizeBytes: row.sizeBytes ?? 0, expiresAt: row.expiresAt }
}

/**
 * Downloads an export through its emailed link (checked as checkDataExportLink does) and uses the link
 * up: the file is read first, so a storage failure never burns the link, then one conditional UPDATE
 * (downloadedAt from null) claims it, so two clicks at once download once. Audited. Returns the ZIP's
 * bytes and a file name.
 */
export async function openDataExport({ origin = {}, ...link }: LinkOptions & { origin?: RequestOrigin }) {
	const { exportId, userId, now } = link
	const { storageKey } = await checkDataExportLink(link)
	const file = await getFileStorage().get(storageKey)
	if (!file) {
		throw new DataRightsError(
			'gone',
			'DATA_EXPORT_LINK_EXPIRED',
			'This copy of your data has been deleted. Ask for a new copy on “Your data”.',
		)
	}
	const claimed = await prisma.$transaction(async (tx) => {
		const { count } = await tx.dataExport.updateMany({
			where: { id: exportId, userId, downloadedAt: null },
			data: { downloadedAt: now },
		})
		if (count === 0) return false
		await recordAudit(tx, {
			actorId: userId,
			action: 'data.export_downloaded',
			targetType: 'User',
			targetId: userId,
			details: { exportId },
			...origin,
		})
		return true
	})
	if (!claimed) {
		throw new DataRightsError(
			'gone',
			'DATA_EXPORT_LINK_USED',
			'This link has already been used. Ask for a new copy on “Your data”.',
		)
	}
	const body = new Uint8Array(file.body instanceof Uint8Array ? file.body : await new Response(file.body).arrayBuffer())
	return { body, filename: `circle-your-data-${now.toISOString().slice(0, 10)}.zip` }
}

export type DataExportState = 'preparing' | 'ready' | 'downloaded' | 'expired' | 'failed'

/** The person's latest request, for the "Your data" page: what state it is in, at `now`. */
export async function getLatestDataExport({ userId, now }: { userId: string; now: Date }) {
	const row = await prisma.dataExport.findFirst({
		where: { userId },
		orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
		select: { id: true, status: true, requestedAt: true, readyAt: true, expiresAt: true, downloadedAt: true },
	})
	if (!row) return null
	const state: DataExportState =
		row.status === 'FAILED'
			? 'failed'
			: row.status === 'PENDING'
				? now.getTime() - row.requestedAt.getTime() > PREPARING_LIMIT_MS
					? 'failed'
					: 'preparing'
				: row.downloadedAt
					? 'downloaded'
					: row.expiresAt && row.expiresAt > now
						? 'ready'
						: 'expired'
	return { ...row, state }
}
