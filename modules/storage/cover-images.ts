import { randomBytes } from 'node:crypto'
import { assertCanEditCourse } from '#modules/analytics/access.ts'
import { prisma } from '#modules/db/client.ts'
import { StorageError } from '#modules/storage/errors.ts'
import { type FileStorage, getFileStorage } from './file-storage.ts'
import { COVER_MAX, COVER_MAX_BYTES, COVER_MIN, coverImageUrl } from './cover-rules.ts'
import { readImageInfo } from './image-info.ts'

export { COVER_MAX, COVER_MAX_BYTES, COVER_MIN, coverImageUrl } from './cover-rules.ts'

const COVER_FILE = /^[A-Za-z0-9_-]{1,64}\.(png|jpg|webp)$/

/**
 * Replaces a course's cover image. The file's type comes from its bytes (PNG, JPEG or WebP only: a
 * script renamed cover.png is refused), it must be at most 5 MB and between 600×315 and
 * 4000×4000 pixels. Stored as `covers/<courseId>-<random>.<ext>` (a new name each time, so caches
 * never show the old one); the previous file is deleted once the course points at the new one.
 */
export async function saveCoverImage({
	actorId,
	courseId,
	file,
	storage = getFileStorage(),
}: {
	actorId: string
	courseId: string
	file: Blob
	storage?: FileStorage
}) {
	await assertCanEditCourse({ actorId, courseId })
	const { bytes, info } = await readCoverFile(file)
	const key = `covers/${courseId}-${randomBytes(8).toString('hex')}.${info.extension}`
	await storage.put(key, bytes, info.contentType)
	let previous: string | null
	try {
		previous = await prisma.$transaction(async (tx) => {
			const course = await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: { coverImagePath: true } })
			await tx.course.update({ where: { id: courseId }, data: { coverImagePath: key } })
			await tx.auditLog.create({
				data: { actorId, action: 'course.cover.updated', targetType: 'Course', targetId: courseId, details: { key } },
			})
			return course.coverImagePath
		})
	} catch (error) {
		await storage.delete(key)
		throw error
	}
	if (previous && previous !== key) await deleteQuietly(storage, previous)
	return { coverImagePath: key, url: coverImageUrl(key)!, width: info.width, height: info.height }
}

/**
 * Reads an uploaded cover and checks it: its type comes from its bytes (PNG, JPEG or WebP only), at
 * most 5 MB, between 600×315 and 4000×4000 pixels. Refusals are `invalid` on the `cover` field. Used
 * by course covers and news posts' covers alike, so the two can never accept different images.
 */
export async function readCoverFile(file: Blob) {
	if (file.size === 0)
		throw new StorageError('invalid', 'COVER_EMPTY', 'Choose an image file to upload.', { field: 'cover' })
	if (file.size > COVER_MAX_BYTES) {
		throw new StorageError('invalid', 'COVER_TOO_LARGE', 'The image must be 5 MB or smaller.', { field: 'cover' })
	}
	const bytes = new Uint8Array(await file.arrayBuffer())
	const info = readImageInfo(bytes)
	if (!info) {
		throw new StorageError('invalid', 'COVER_NOT_AN_IMAGE', 'The cover must be a PNG, JPEG or WebP image.', {
			field: 'cover',
		})
	}
	if (info.width < COVER_MIN.width || info.height < COVER_MIN.height) {
		throw new StorageError(
			'invalid',
			'COVER_TOO_SMALL',
			`The image is ${info.width}×${info.height} pixels; it must be at least ${COVER_MIN.width}×${COVER_MIN.height}.`,
			{ field: 'cover' },
		)
	}
	if (info.width > COVER_MAX.width || info.height > COVER_MAX.height) {
		throw new StorageError(
			'invalid',
			'COVER_TOO_BIG',
			`The image is ${info.width}×${info.height} pixels; it must be at most ${COVER_MAX.width}×${COVER_MAX.height}.`,
			{ field: 'cover' },
		)
	}
	return { bytes, info }
}

/** Removes a course's cover image (the course falls back to its plain card). */
export async function removeCoverImage({
	actorId,
	courseId,
	storage = getFileStorage(),
}: {
	actorId: string
	courseId: string
	storage?: FileStorage
}) {
	await assertCanEditCourse({ actorId, courseId })
	const previous = await prisma.$transaction(async (tx) => {
		const course = await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: { coverImagePath: true } })
		if (!course.coverImagePath) return null
		await tx.course.update({ where: { id: courseId }, data: { coverImagePath: null } })
		await tx.auditLog.create({
			data: { actorId, action: 'course.cover.removed', targetType: 'Course', targetId: courseId },
		})
		return course.coverImagePath
	})
	if (previous) await deleteQuietly(storage, previous)
}

/** A stored cover for `/media/covers/:file`, or null (unknown or malformed names alike). */
export async function getCoverImage({ file, storage = getFileStorage() }: { file: string; storage?: FileStorage }) {
	if (!COVER_FILE.test(file)) return null
	return storage.get(`covers/${file}`)
}

/** Deletes a stored file, logging rather than failing (an orphaned file is harmless). */
export async function deleteQuietly(storage: FileStorage, key: string) {
	try {
		await storage.delete(key)
	} catch (error) {
		// An orphaned file is harmless; a failed request after a successful save would not be.
		console.error(`[storage] could not delete ${key}: ${(error as Error).message}`)
	}
}

/** What the cover page shows: the course's newest title and its current cover. */
export async function getCourseCover({ actorId, courseId }: { actorId: string; courseId: string }) {
	await assertCanEditCourse({ actorId, courseId })
	const course = await prisma.course.findUniqueOrThrow({
		where: { id: courseId },
		select: {
			id: true,
			slug: true,
			coverImagePath: true,
			versions: { orderBy: { number: 'desc' }, take: 1, select: { title: true } },
		},
	})
	return {
		id: course.id,
		slug: course.slug,
		title: course.versions[0]?.title ?? course.slug,
		coverUrl: coverImageUrl(course.coverImagePath),
	}
}
