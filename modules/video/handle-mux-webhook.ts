import { z } from 'zod'
import { prisma, type MuxUploadStatus, type Tx } from '#modules/db/client.ts'
import { type Env, getEnv } from '#modules/env/env.ts'
import { VideoError } from '#modules/video/errors.ts'
import Mux from '@mux/mux-node'

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

	return prisma.$transaction(async (tx) => {
		// The insert is the dedupe: a concurrent replay waits on this row and then inserts nothing.
		const inserted = await tx.$executeRaw`
			INSERT INTO "MuxEvent" (id, type, "processedAt", "createdAt") VALUES (${event.id}, ${event.type}, now(), now())
			ON CONFLICT (id) DO NOTHING`
		if (inserted === 0) return { outcome: 'duplicate' as const, eventId: event.id, type: event.type }
		const applied = await applyEvent(tx, event.type, event.data)
		return { outcome: applied ? ('processed' as const) : ('ignored' as const), eventId: event.id, type: event.type }
	})
}

async function applyEvent(tx: Tx, type: string, data: unknown): Promise<boolean> {
	switch (type) {
		case 'video.upload.asset_created': {
			const upload = UploadData.parse(data)
			if (!upload.asset_id) return false
			const { count } = await tx.muxUpload.updateMany({
				where: { uploadId: upload.id, status: { in: ['WAITING', 'ASSET_CREATED'] } },
				data: { assetId: upload.asset_id, status: 'ASSET_CREATED' },
			})
			return count > 0
		}
		case 'video.upload.errored':
		case 'video.upload.cancelled': {
			const upload = UploadData.parse(data)
			const status: MuxUploadStatus = type === 'video.upload.cancelled' ? 'CANCELLED' : 'ERRORED'
			const error =
				type === 'video.upload.cancelled'
					? 'The upload was cancelled.'
					: (upload.error?.message ?? upload.error?.type ?? 'Mux could not accept the upload.')
			const { count } = await tx.muxUpload.updateMany({
				where: { uploadId: upload.id, status: { not: 'READY' } },
				data: { status, error },
			})
			return count > 0
		}
		case 'video.asset.errored': {
			const asset = AssetData.parse(data)
			const upload = await findUploadForAsset(tx, asset)
			if (!upload) return false
			const message = asset.errors?.messages?.join(' ') || asset.errors?.type || 'Mux could not process the video.'
			await tx.muxUpload.update({
				where: { id: upload.id },
				data: { status: 'ERRORED', error: message, assetId: asset.id },
			})
			return true
		}
		case 'video.asset.ready': {
			const asset = AssetData.parse(data)
			const upload = await findUploadForAsset(tx, asset)
			if (!upload) return false
			const playbackId = asset.playback_ids?.find((p) => p.policy === 'public')?.id ?? null
			const durationSeconds = asset.duration == null ? null : Math.ceil(asset.duration)
			if (!playbackId) {
				await tx.muxUpload.update({
					where: { id: upload.id },
					data: { status: 'ERRORED', assetId: asset.id, error: 'The video has no public playback id.' },
				})
				return true
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
			return true
		}
		default:
			return false
	}
}

async function findUploadForAsset(tx: Tx, asset: { id: string; upload_id?: string | null }) {
	// By asset id once asset_created has linked it; by upload id when events arrive out of order.
	return tx.muxUpload.findFirst({
		where: { OR: [{ assetId: asset.id }, ...(asset.upload_id ? [{ uploadId: asset.upload_id }] : [])] },
		select: { id: true, lessonId: true, lesson: { select: { version: { select: { status: true } } } } },
	})
}
