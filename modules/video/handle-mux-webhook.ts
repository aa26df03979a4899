import { z } from 'zod'
import { prisma, type MuxUploadStatus, type Tx } from '#modules/db/client.ts'
import { type Env, getEnv } from '#modules/env/env.ts'
import { VideoError } from '#modules/video/errors.ts'

const EventSchema = z.object({
	id: z.string().min(1),
	type: z.string().min(1),
	data: z.looseObject({ id: z.string().optional() }),
})

const UploadData = z.looseObject({
	id: z.string(),
	asset_id: z.string().optional().nullable(),
	error: z.looseObject({ type: z.string().optional(), message: z.string().optional() }).optional().nullable(),
})

const AssetData = z.looseObject({
	id: z.string(),
	upload_id: z.string().optional().nullable(),
	duration: z.number().optional().nullable(),
	playback_ids: z
		.array(z.looseObject({ id: z.string(), policy: z.string() }))
		.optional()
		.nullable(),
	errors: z
		.looseObject({ type: z.string().optional(), messages: z.array(z.string()).optional() })
		.optional()
		.nullable(),
})

export type MuxWebhookResult = { outcome: 'processed' | 'duplicate' | 'ignored'; eventId: string; type: string }

/**
 * Handles one Mux webhook delivery. The signature (mux-signature header, HMAC of the raw body with
 * MUX_WEBHOOK_SECRET) is checked by the Mux SDK first; a bad or missing one is `invalid` and changes
 * nothing. Each event id is recorded in MuxEvent in the same transaction as its effect, so a replay
 * (Mux retries until it gets a 2xx) is applied once.
 *
 * - video.upload.asset_created: links the asset to the upload (ASSET_CREATED)
 * - video.asset.ready: fills the lesson's playback id and duration, and clears its source URL, but
 *   only while the lesson's version is a DRAFT; published content is never changed by a webhook
 * - video.asset.errored / video.upload.errored / video.upload.cancelled: records the failure
 *
 * A signed event naming an upload or asset Circle does not have, or whose data cannot be read, is
 * acknowledged (`ignored`) with a warning, since Mux's retries could never succeed; a database
 * failure still throws, so the route answers 500 and Mux retries.
 */
export async function handleMuxWebhook({
	body,
	headers,
	env = getEnv(),
}: {
	body: string
	headers: Headers | Record<string, string>
	env?: Env
}): Promise<MuxWebhookResult> {
	if (!env.MUX_WEBHOOK_SECRET) {
		throw new VideoError(
			'invalid',
			'MUX_WEBHOOK_NOT_CONFIGURED',
			'Mux webhooks are not configured (MUX_WEBHOOK_SECRET).',
		)
	}
	// Verifying needs only the signing secret, not API keys.
	// Mux's SDK is loaded on first use, not by every HTTP worker at start-up (ADR 0054).
	const { default: Mux } = await import('@mux/mux-node')
	const mux = new Mux({
		tokenId: env.MUX_TOKEN_ID ?? null,
		tokenSecret: env.MUX_TOKEN_SECRET ?? null,
		webhookSecret: env.MUX_WEBHOOK_SECRET,
	})
	try {
		await mux.webhooks.verifySignature(body, headers, env.MUX_WEBHOOK_SECRET)
	} catch (error) {
		throw new VideoError('invalid', 'BAD_SIGNATURE', `Webhook signature rejected: ${(error as Error).message}`)
	}
	let parsed
	try {
		parsed = EventSchema.safeParse(JSON.parse(body))
	} catch {
		throw new VideoError('invalid', 'BAD_PAYLOAD', 'Webhook body is not JSON.')
	}
	if (!parsed.success) throw new VideoError('invalid', 'BAD_PAYLOAD', 'Webhook body is not a Mux event.')
	const event = parsed.data

	const result = await prisma.$transaction(async (tx) => {
		// The insert is the dedupe: a concurrent replay waits on this row and then inserts nothing.
		const inserted = await tx.$executeRaw`
			INSERT INTO "MuxEvent" (id, type, "processedAt", "createdAt") VALUES (${event.id}, ${event.type}, now(), now())
			ON CONFLICT (id) DO NOTHING`
		if (inserted === 0) return 'duplicate' as const
		return applyEvent(tx, event.type, event.data)
	})
	if (result === 'unknown' || result === 'malformed') {
		// Retrying cannot help (an upload from another environment, or data Circle cannot read), so it
		// is acknowledged; the warning names only the event and the object's id.
		const objectId = typeof event.data.id === 'string' ? event.data.id : '(no id)'
		const why = result === 'unknown' ? 'names no upload or asset Circle has' : 'has data Circle cannot read'
		console.warn(`[video] Mux webhook ${event.type} ${event.id} (${objectId}) ${why}; acknowledged without effect`)
	}
	const outcome = result === 'applied' ? 'processed' : result === 'duplicate' ? 'duplicate' : 'ignored'
	return { outcome, eventId: event.id, type: event.type }
}

type Applied = 'applied' | 'unknown' | 'malformed' | 'ignored'

async function applyEvent(tx: Tx, type: string, data: unknown): Promise<Applied> {
	switch (type) {
		case 'video.upload.asset_created': {
			const upload = UploadData.safeParse(data)
			if (!upload.success) return 'malformed'
			if (!upload.data.asset_id) return 'ignored'
			const { count } = await tx.muxUpload.updateMany({
				where: { uploadId: upload.data.id, status: { in: ['WAITING', 'ASSET_CREATED'] } },
				data: { assetId: upload.data.asset_id, status: 'ASSET_CREATED' },
			})
			return count > 0 ? 'applied' : await unknownOrIgnored(tx, upload.data.id)
		}
		case 'video.upload.errored':
		case 'video.upload.cancelled': {
			const parsed = UploadData.safeParse(data)
			if (!parsed.success) return 'malformed'
			const upload = parsed.data
			const status: MuxUploadStatus = type === 'video.upload.cancelled' ? 'CANCELLED' : 'ERRORED'
			const error =
				type === 'video.upload.cancelled'
					? 'The upload was cancelled.'
					: (upload.error?.message ?? upload.error?.type ?? 'Mux could not accept the upload.')
			const { count } = await tx.muxUpload.updateMany({
				where: { uploadId: upload.id, status: { not: 'READY' } },
				data: { status, error },
			})
			return count > 0 ? 'applied' : await unknownOrIgnored(tx, upload.id)
		}
		case 'video.asset.errored': {
			const parsed = AssetData.safeParse(data)
			if (!parsed.success) return 'malformed'
			const asset = parsed.data
			const upload = await findUploadForAsset(tx, asset)
			if (!upload) return 'unknown'
			const message = asset.errors?.messages?.join(' ') || asset.errors?.type || 'Mux could not process the video.'
			await tx.muxUpload.update({
				where: { id: upload.id },
				data: { status: 'ERRORED', error: message, assetId: asset.id },
			})
			return 'applied'
		}
		case 'video.asset.ready': {
			const parsed = AssetData.safeParse(data)
			if (!parsed.success) return 'malformed'
			const asset = parsed.data
			const upload = await findUploadForAsset(tx, asset)
			if (!upload) return 'unknown'
			const playbackId = asset.playback_ids?.find((p) => p.policy === 'public')?.id ?? null
			const durationSeconds = asset.duration == null ? null : Math.ceil(asset.duration)
			if (!playbackId) {
				await tx.muxUpload.update({
					where: { id: upload.id },
					data: { status: 'ERRORED', assetId: asset.id, error: 'The video has no public playback id.' },
				})
				return 'applied'
			}
			const isDraft = upload.lesson.version.status === 'DRAFT'
			await tx.muxUpload.update({
				where: { id: upload.id },
				data: {
					status: 'READY',
					assetId: asset.id,
					playbackId,
					durationSeconds,
					error: isDraft ? null : 'The version was published before the video was ready; the lesson was not changed.',
				},
			})
			if (isDraft) {
				// Conditional on the version still being a draft at the moment of writing.
				await tx.lesson.updateMany({
					where: { id: upload.lessonId, kind: 'VIDEO', version: { status: 'DRAFT' } },
					data: {
						videoPlaybackId: playbackId,
						videoDurationSeconds: durationSeconds,
						videoSourceUrl: null,
						// Editors holding the old revision must reload rather than overwrite the new video.
						revision: { increment: 1 },
					},
				})
			}
			return 'applied'
		}
		default:
			// Not an event Circle subscribes to.
			return 'ignored'
	}
}

/** An upload event that changed nothing: unknown if Circle never made the upload, else already past it. */
async function unknownOrIgnored(tx: Tx, uploadId: string): Promise<Applied> {
	return (await tx.muxUpload.count({ where: { uploadId } })) === 0 ? 'unknown' : 'ignored'
}

async function findUploadForAsset(tx: Tx, asset: { id: string; upload_id?: string | null }) {
	// By asset id once asset_created has linked it; by upload id when events arrive out of order.
	return tx.muxUpload.findFirst({
		where: { OR: [{ assetId: asset.id }, ...(asset.upload_id ? [{ uploadId: asset.upload_id }] : [])] },
		select: { id: true, lessonId: true, lesson: { select: { version: { select: { status: true } } } } },
	})
}
