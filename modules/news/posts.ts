// News and insights posts (ADR 0043): the studio's writes, and the public reads that /news, the
// home page and the sector pages share.
import { randomBytes } from 'node:crypto'
import { firstIssue, slugify } from '#modules/authoring/schemas.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { Prisma, prisma } from '#modules/db/client.ts'
import type { NewsPostStatus, Sector } from '#modules/db/generated/enums.ts'
import { renderMarkdown } from '#modules/markdown/render-markdown.ts'
import { deleteQuietly, readCoverFile } from '#modules/storage/cover-images.ts'
import { coverImageUrl } from '#modules/storage/cover-rules.ts'
import { type FileStorage, getFileStorage } from '#modules/storage/file-storage.ts'
import { assertNewsAuthor } from './access.ts'
import { NewsError } from './errors.ts'
import type { Language } from '#modules/i18n/languages.ts'
import {
	NewsCoverAltSchema,
	type NewsPostInput,
	NewsPostSchema,
	type NewsPostWelshInput,
	NewsPostWelshSchema,
	NewsSlugSchema,
} from './schemas.ts'

export const NEWS_SLUG_TAKEN_MESSAGE = 'Another post already uses that web address: choose another'

function parsePost(input: NewsPostInput) {
	const parsed = NewsPostSchema.safeParse(input)
	if (!parsed.success) {
		const { field, message } = firstIssue(parsed.error)
		throw new NewsError('invalid', 'INVALID_POST', message, { field })
	}
	// An empty web address is made from the title, and must then pass the same rules.
	const slug = NewsSlugSchema.safeParse(parsed.data.slug ?? slugify(parsed.data.title))
	if (!slug.success) {
		throw new NewsError('invalid', 'INVALID_POST', 'Enter a web address for the post', { field: 'slug' })
	}
	return { ...parsed.data, slug: slug.data }
}

function slugTaken(error: unknown) {
	return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

function slugConflict() {
	return new NewsError('conflict', 'POST_SLUG_TAKEN', NEWS_SLUG_TAKEN_MESSAGE, { field: 'slug' })
}

function notFound() {
	return new NewsError('not_found', 'POST_NOT_FOUND', 'We could not find that post.')
}

/** The UK calendar day of an instant, as YYYY-MM-DD (what a date input holds). */
export function ukDay(value: Date) {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', dateStyle: 'short' }).format(value)
}

/**
 * The instant a typed published day stands for: the same instant when the day is unchanged (so the
 * order of posts on one day survives an edit), otherwise noon UTC, which is that day in the UK
 * whether or not summer time applies. A day after today is refused: publishing is not scheduling.
 */
function publishedAtFor(day: string | undefined, current: Date | null, now: Date) {
	if (!day || !current) return current
	if (ukDay(current) === day) return current
	if (day > ukDay(now)) {
		throw new NewsError('invalid', 'INVALID_POST', 'The published date cannot be in the future', {
			field: 'publishedOn',
		})
	}
	return new Date(`${day}T12:00:00Z`)
}

/**
 * Starts a draft post written by `actorId` (a trainer or admin) and audits it. Invalid details are
 * `invalid` naming the field; a web address in use is `conflict` on `slug`. Nothing is stored unless
 * all of it is.
 */
export async function createPost({ actorId, input, now }: { actorId: string; input: NewsPostInput; now: Date }) {
	const { publishedOn: _ignored, ...details } = parsePost(input)
	try {
		return await prisma.$transaction(async (tx) => {
			await assertNewsAuthor({ db: tx, actorId })
			const post = await tx.newsPost.create({
				data: { ...details, authorId: actorId, createdAt: now, updatedAt: now },
				select: { id: true, slug: true },
			})
			await recordAudit(tx, {
				actorId,
				action: 'news.post_created',
				targetType: 'NewsPost',
				targetId: post.id,
				details: { slug: post.slug },
			})
			return { postId: post.id, slug: post.slug }
		})
	} catch (error) {
		if (slugTaken(error)) throw slugConflict()
		throw error
	}
}

/**
 * Saves a post's title, web address, summary, body, sectors, cover description and (once published)
 * its published date. A post with a cover must describe it (`invalid` on `coverAlt`).
 */
export async function updatePost({
	actorId,
	postId,
	input,
	now,
}: {
	actorId: string
	postId: string
	input: NewsPostInput
	now: Date
}) {
	const { publishedOn, ...details } = parsePost(input)
	try {
		await prisma.$transaction(async (tx) => {
			await assertNewsAuthor({ db: tx, actorId })
			const post = await tx.newsPost.findUnique({
				where: { id: postId },
				select: { coverImagePath: true, publishedAt: true },
			})
			if (!post) throw notFound()
			if (post.coverImagePath && !details.coverAlt) {
				throw new NewsError('invalid', 'INVALID_POST', 'Describe the cover image for people who cannot see it', {
					field: 'coverAlt',
				})
			}
			await tx.newsPost.update({
				where: { id: postId },
				data: { ...details, publishedAt: publishedAtFor(publishedOn, post.publishedAt, now), updatedAt: now },
				select: { id: true },
			})
			await recordAudit(tx, {
				actorId,
				action: 'news.post_updated',
				targetType: 'NewsPost',
				targetId: postId,
				details: { slug: details.slug },
			})
		})
	} catch (error) {
		if (slugTaken(error)) throw slugConflict()
		throw error
	}
}

/**
 * Publishes or unpublishes a post. The published date is set the first time (and kept when a post
 * is taken down and put back, so it does not jump to the top of the list as if new).
 */
export async function setPostStatus({
	actorId,
	postId,
	status,
	now,
}: {
	actorId: string
	postId: string
	status: NewsPostStatus
	now: Date
}) {
	await prisma.$transaction(async (tx) => {
		await assertNewsAuthor({ db: tx, actorId })
		const post = await tx.newsPost.findUnique({ where: { id: postId }, select: { publishedAt: true, slug: true } })
		if (!post) throw notFound()
		await tx.newsPost.update({
			where: { id: postId },
			data: { status, publishedAt: post.publishedAt ?? (status === 'PUBLISHED' ? now : null), updatedAt: now },
			select: { id: true },
		})
		await recordAudit(tx, {
			actorId,
			action: status === 'PUBLISHED' ? 'news.post_published' : 'news.post_unpublished',
			targetType: 'NewsPost',
			targetId: postId,
			details: { slug: post.slug },
		})
	})
}

/**
 * Replaces a post's cover image with its description (required: the image is content). The image is
 * checked as course covers are (modules/storage) and served from /media/covers/ like them.
 */
export async function setPostCover({
	actorId,
	postId,
	file,
	coverAlt,
	now,
	storage = getFileStorage(),
}: {
	actorId: string
	postId: string
	file: Blob
	coverAlt: string
	now: Date
	storage?: FileStorage
}) {
	await assertNewsAuthor({ actorId })
	const alt = NewsCoverAltSchema.safeParse({ coverAlt })
	if (!alt.success) {
		const { field, message } = firstIssue(alt.error)
		throw new NewsError('invalid', 'INVALID_POST', message, { field })
	}
	const { bytes, info } = await readCoverFile(file)
	const key = `covers/news-${postId}-${randomBytes(8).toString('hex')}.${info.extension}`
	await storage.put(key, bytes, info.contentType)
	let previous: string | null
	try {
		previous = await prisma.$transaction(async (tx) => {
			await assertNewsAuthor({ db: tx, actorId })
			const post = await tx.newsPost.findUnique({ where: { id: postId }, select: { coverImagePath: true } })
			if (!post) throw notFound()
			await tx.newsPost.update({
				where: { id: postId },
				data: { coverImagePath: key, coverAlt: alt.data.coverAlt, updatedAt: now },
				select: { id: true },
			})
			await recordAudit(tx, {
				actorId,
				action: 'news.cover_updated',
				targetType: 'NewsPost',
				targetId: postId,
				details: { key },
			})
			return post.coverImagePath
		})
	} catch (error) {
		await storage.delete(key)
		throw error
	}
	if (previous && previous !== key) await deleteQuietly(storage, previous)
	return { url: coverImageUrl(key)! }
}

/** Removes a post's cover image and its description. */
export async function removePostCover({
	actorId,
	postId,
	now,
	storage = getFileStorage(),
}: {
	actorId: string
	postId: string
	now: Date
	storage?: FileStorage
}) {
	const previous = await prisma.$transaction(async (tx) => {
		await assertNewsAuthor({ db: tx, actorId })
		const post = await tx.newsPost.findUnique({ where: { id: postId }, select: { coverImagePath: true } })
		if (!post) throw notFound()
		if (!post.coverImagePath) return null
		await tx.newsPost.update({
			where: { id: postId },
			data: { coverImagePath: null, coverAlt: '', updatedAt: now },
			select: { id: true },
		})
		await recordAudit(tx, { actorId, action: 'news.cover_removed', targetType: 'NewsPost', targetId: postId })
		return post.coverImagePath
	})
	if (previous) await deleteQuietly(storage, previous)
}

/** Every post, newest change first, for the studio's list (trainers and admins only). */
export async function listStudioPosts({ actorId }: { actorId: string }) {
	await assertNewsAuthor({ actorId })
	return prisma.newsPost.findMany({
		orderBy: { updatedAt: 'desc' },
		select: {
			id: true,
			slug: true,
			title: true,
			status: true,
			publishedAt: true,
			updatedAt: true,
			author: { select: { name: true } },
		},
	})
}

/** One post as the studio edits and previews it (the body rendered exactly as the public page does). */
export async function getStudioPost({ actorId, postId }: { actorId: string; postId: string }) {
	await assertNewsAuthor({ actorId })
	const post = await prisma.newsPost.findUnique({
		where: { id: postId },
		select: { ...POST_SELECT, translations: { where: { language: 'cy' }, select: WELSH_SELECT } },
	})
	if (!post) throw notFound()
	const { translations, ...english } = post
	return { ...present(english, 'en'), welsh: translations[0] ?? null }
}

const WELSH_SELECT = { title: true, summary: true, body: true } as const

/**
 * Saves a post's Welsh title, summary and body beside the English (a trainer or admin), or removes
 * the Welsh version when all three are empty; audited. Half a translation is `invalid` naming the
 * missing field. A Welsh reader of /news and the post's page sees it; the feed stays English.
 */
export async function saveWelshPost({
	actorId,
	postId,
	input,
	now,
}: {
	actorId: string
	postId: string
	input: NewsPostWelshInput
	now: Date
}) {
	const parsed = NewsPostWelshSchema.safeParse(input)
	if (!parsed.success) {
		const { field, message } = firstIssue(parsed.error)
		throw new NewsError('invalid', 'INVALID_POST', message, { field })
	}
	const welsh = parsed.data
	const remove = welsh.title === '' && welsh.summary === '' && welsh.body === ''
	await prisma.$transaction(async (tx) => {
		await assertNewsAuthor({ db: tx, actorId })
		const post = await tx.newsPost.findUnique({ where: { id: postId }, select: { slug: true } })
		if (!post) throw notFound()
		const key = { postId_language: { postId, language: 'cy' as const } }
		if (remove) {
			await tx.newsPostTranslation.deleteMany({ where: { postId, language: 'cy' } })
		} else {
			await tx.newsPostTranslation.upsert({
				where: key,
				create: { postId, language: 'cy', ...welsh, updatedAt: now },
				update: { ...welsh, updatedAt: now },
				select: { postId: true },
			})
		}
		await tx.newsPost.update({ where: { id: postId }, data: { updatedAt: now }, select: { id: true } })
		await recordAudit(tx, {
			actorId,
			action: remove ? 'news.welsh_removed' : 'news.welsh_saved',
			targetType: 'NewsPost',
			targetId: postId,
			details: { slug: post.slug },
		})
	})
	return { removed: remove }
}

const POST_SELECT = {
	id: true,
	slug: true,
	title: true,
	summary: true,
	body: true,
	sectors: true,
	coverImagePath: true,
	coverAlt: true,
	status: true,
	publishedAt: true,
	updatedAt: true,
	author: { select: { name: true } },
} satisfies Prisma.NewsPostSelect

type PostRow = Prisma.NewsPostGetPayload<{ select: typeof POST_SELECT }>

function present(post: PostRow, contentLanguage: Language) {
	const { coverImagePath, body, author, ...rest } = post
	return {
		...rest,
		body,
		html: renderMarkdown(body),
		coverUrl: coverImageUrl(coverImagePath),
		authorName: author?.name ?? null,
		/** The language the title, summary and body are in. */
		contentLanguage,
	}
}

/** The reader's translation of a post's words where one exists (ADR 0041): else the English. */
function inLanguage<T extends { title: string; summary: string }>(
	post: T & { translations?: Array<Partial<Record<'title' | 'summary' | 'body', string>>> },
) {
	const { translations, ...english } = post
	const translation = translations?.[0]
	if (!translation) return { ...english, contentLanguage: 'en' as Language }
	return { ...english, ...translation, contentLanguage: 'cy' as Language }
}

/** The translations to read beside the English for a reader of `language` (none for English). */
function translationsFor<S extends Prisma.NewsPostTranslationSelect>(language: Language, select: S) {
	return language === 'en' ? undefined : { where: { language }, select }
}

const CARD_SELECT = {
	id: true,
	slug: true,
	title: true,
	summary: true,
	sectors: true,
	coverImagePath: true,
	coverAlt: true,
	publishedAt: true,
	updatedAt: true,
	author: { select: { name: true } },
} satisfies Prisma.NewsPostSelect

/** A published post as a list shows it (no body). */
export type NewsPostCard = {
	id: string
	slug: string
	title: string
	summary: string
	sectors: Sector[]
	coverUrl: string | null
	coverAlt: string
	publishedAt: Date
	updatedAt: Date
	authorName: string | null
	/** The language the title and summary are in: the reader's when the post has that translation. */
	contentLanguage: Language
}

/**
 * Published posts, newest first: for /news, its feed, the home page and the sector pages. `sector`
 * keeps those tagged with it; `limit` and `offset` page through them. `total` counts every match.
 * `language` (English unless given) picks each post's translation where it has one.
 */
export async function listPublishedPosts({
	sector,
	limit,
	offset = 0,
	language = 'en',
}: {
	sector?: Sector | null
	limit: number
	offset?: number
	language?: Language
}): Promise<{ posts: NewsPostCard[]; total: number }> {
	const where = {
		status: 'PUBLISHED',
		...(sector ? { sectors: { has: sector } } : {}),
	} satisfies Prisma.NewsPostWhereInput
	const [rows, total] = await Promise.all([
		prisma.newsPost.findMany({
			where,
			orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
			take: limit,
			skip: offset,
			select: { ...CARD_SELECT, translations: translationsFor(language, { title: true, summary: true }) },
		}),
		prisma.newsPost.count({ where }),
	])
	return {
		posts: rows.map(inLanguage).map(({ coverImagePath, author, publishedAt, ...rest }) => ({
			...rest,
			// Published posts always have a date (a CHECK constraint holds it).
			publishedAt: publishedAt!,
			coverUrl: coverImageUrl(coverImagePath),
			authorName: author?.name ?? null,
		})),
		total,
	}
}

/**
 * A published post's page, or null (a draft is as unknown to the public as a post that never existed),
 * in `language` when the post has that translation, else in English.
 */
export async function getPublishedPost({ slug, language = 'en' }: { slug: string; language?: Language }) {
	const row = await prisma.newsPost.findFirst({
		where: { slug, status: 'PUBLISHED' },
		select: { ...POST_SELECT, translations: translationsFor(language, WELSH_SELECT) },
	})
	if (!row) return null
	const { contentLanguage, ...post } = inLanguage(row)
	const presented = present(post, contentLanguage)
	return { ...presented, publishedAt: presented.publishedAt! }
}
