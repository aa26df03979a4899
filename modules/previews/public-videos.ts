// Standalone public videos (ADR 0044): free tasters that belong to no course, written by trainers and
// admins in the studio and watched by anyone at /watch/:slug.
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { firstIssue } from '#modules/authoring/schemas.ts'
import { Prisma, prisma, type Tx } from '#modules/db/client.ts'
import type { Sector } from '#modules/db/generated/enums.ts'
import { PreviewsError } from './errors.ts'
import { type PublicVideoInput, PublicVideoSchema } from './schemas.ts'

export const VIDEO_SLUG_TAKEN_MESSAGE = 'Another video already uses that web address: choose another'

const PUBLIC_VIDEO_SELECT = {
	id: true,
	slug: true,
	title: true,
	summary: true,
	playbackId: true,
	sourceUrl: true,
	captionsUrl: true,
	durationSeconds: true,
	transcript: true,
	sectors: true,
	createdAt: true,
} as const satisfies Prisma.PublicVideoSelect

/** Only trainers and platform admins (not disabled) write public videos. */
async function assertVideoEditor(db: Tx | typeof prisma, actorId: string) {
	const actor = await db.user.findUnique({ where: { id: actorId }, select: { role: true, disabledAt: true } })
	if (!actor || actor.disabledAt || (actor.role !== 'TRAINER' && actor.role !== 'ADMIN')) {
		throw new PreviewsError('forbidden', 'NOT_A_TRAINER', 'Only trainers and admins can add public videos.')
	}
}

/**
 * Adds a public video. Bad input is `invalid` naming the field (a transcript is required: every public
 * video has its words in text); a web address in use is `conflict` on `slug`. Nothing is stored unless
 * all of it is valid. Audited.
 */
export async function createPublicVideo({
	actorId,
	input,
	origin,
}: {
	actorId: string
	input: PublicVideoInput
	origin?: RequestOrigin
}) {
	await assertVideoEditor(prisma, actorId)
	const parsed = PublicVideoSchema.safeParse(input)
	if (!parsed.success) {
		const { field, message } = firstIssue(parsed.error)
		throw new PreviewsError('invalid', 'INVALID_VIDEO', message, { field })
	}
	const video = parsed.data
	try {
		return await prisma.$transaction(async (tx) => {
			const created = await tx.publicVideo.create({ data: video, select: { id: true, slug: true } })
			await recordAudit(tx, {
				actorId,
				action: 'public_video.created',
				targetType: 'PublicVideo',
				targetId: created.id,
				details: { slug: created.slug },
				...origin,
			})
			return created
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			throw new PreviewsError('conflict', 'SLUG_TAKEN', VIDEO_SLUG_TAKEN_MESSAGE, { field: 'slug' })
		}
		throw error
	}
}

/** Removes a public video (trainers and admins). Unknown ids are `not_found`. Audited. */
export async function deletePublicVideo({
	actorId,
	id,
	origin,
}: {
	actorId: string
	id: string
	origin?: RequestOrigin
}) {
	return prisma.$transaction(async (tx) => {
		await assertVideoEditor(tx, actorId)
		const { count } = await tx.publicVideo.deleteMany({ where: { id } })
		if (count === 0) throw new PreviewsError('not_found', 'VIDEO_NOT_FOUND', 'We could not find that video.')
		await recordAudit(tx, {
			actorId,
			action: 'public_video.deleted',
			targetType: 'PublicVideo',
			targetId: id,
			...origin,
		})
	})
}

/** Public videos, newest first; `sector` keeps those tagged with it; `limit` caps the list. */
export async function listPublicVideos({ sector, limit = 100 }: { sector?: Sector; limit?: number } = {}) {
	return prisma.publicVideo.findMany({
		where: sector ? { sectors: { has: sector } } : {},
		orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
		take: limit,
		select: { id: true, slug: true, title: true, summary: true, durationSeconds: true, sectors: true },
	})
}

/** One public video by its web address, or `not_found`. */
export async function getPublicVideo({ slug }: { slug: string }) {
	const video = await prisma.publicVideo.findUnique({ where: { slug }, select: PUBLIC_VIDEO_SELECT })
	if (!video) throw new PreviewsError('not_found', 'VIDEO_NOT_FOUND', 'We could not find that video.')
	return video
}

/** For the studio: every public video (trainers and admins only). */
export async function listPublicVideosForStudio({ actorId }: { actorId: string }) {
	await assertVideoEditor(prisma, actorId)
	return prisma.publicVideo.findMany({
		orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
		select: { id: true, slug: true, title: true, createdAt: true, sectors: true },
	})
}
