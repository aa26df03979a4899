import { SaxesParser, type SaxesTagNS } from 'saxes'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources, createTestUser } from '#tests/factories/auth.ts'
import { buildAtomFeed } from './feed.ts'
import { createNewsletterIssueFromPost } from './to-newsletter.ts'
import { png } from '#tests/factories/images.ts'
import { refusal } from '#tests/factories/errors.ts'
import {
	createPost,
	getPublishedPost,
	listPublishedPosts,
	removePostCover,
	setPostCover,
	setPostStatus,
	updatePost,
} from './posts.ts'

afterAll(releaseTestResources)

const NOW = new Date('2026-12-06T10:00:00Z')
let counter = 0

function uniqueSlug(label = 'post') {
	counter += 1
	return `${label}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`
}

function postInput(overrides: Record<string, unknown> = {}) {
	return {
		title: 'What a first term of restorative conversations taught us',
		slug: uniqueSlug(),
		summary: 'A primary school’s staff on what changed when they started asking different questions.',
		body: 'It started with **four questions**.',
		sectors: ['SCHOOLS' as const],
		...overrides,
	}
}

async function auditCount(targetId: string) {
	return prisma.auditLog.count({ where: { targetType: 'NewsPost', targetId } })
}

describe('who may write news', () => {
	test('a learner can neither create nor publish a post; nothing is stored', async () => {
		const learner = await createTestUser({ role: 'LEARNER' })
		const trainer = await createTestUser({ role: 'TRAINER' })
		const input = postInput()
		const created = await refusal(createPost({ actorId: learner.id, input, now: NOW }))
		expect(created.kind).toBe('forbidden')
		expect(await prisma.newsPost.count({ where: { slug: input.slug } })).toBe(0)

		const { postId } = await createPost({ actorId: trainer.id, input: postInput(), now: NOW })
		const published = await refusal(setPostStatus({ actorId: learner.id, postId, status: 'PUBLISHED', now: NOW }))
		expect(published.kind).toBe('forbidden')
		const row = await prisma.newsPost.findUniqueOrThrow({ where: { id: postId }, select: { status: true } })
		expect(row.status).toBe('DRAFT')
	})

	test('a trainer creates a draft and publishes it, each step audited; the date is set on publishing', async () => {
		const trainer = await createTestUser({ role: 'TRAINER', name: 'Bethan Pryce' })
		const { postId, slug } = await createPost({ actorId: trainer.id, input: postInput(), now: NOW })
		let row = await prisma.newsPost.findUniqueOrThrow({ where: { id: postId } })
		expect(row).toMatchObject({ status: 'DRAFT', publishedAt: null, authorId: trainer.id })
		expect(await auditCount(postId)).toBe(1)

		const later = new Date('2026-12-07T09:30:00Z')
		await setPostStatus({ actorId: trainer.id, postId, status: 'PUBLISHED', now: later })
		row = await prisma.newsPost.findUniqueOrThrow({ where: { id: postId } })
		expect(row.status).toBe('PUBLISHED')
		expect(row.publishedAt).toEqual(later)
		expect(await auditCount(postId)).toBe(2)
		const page = await getPublishedPost({ slug })
		expect(page?.authorName).toBe('Bethan Pryce')

		// Taken down and put back, it keeps its date rather than jumping to the top as if new.
		await setPostStatus({ actorId: trainer.id, postId, status: 'DRAFT', now: later })
		await setPostStatus({ actorId: trainer.id, postId, status: 'PUBLISHED', now: new Date('2026-12-20T09:00:00Z') })
		row = await prisma.newsPost.findUniqueOrThrow({ where: { id: postId } })
		expect(row.publishedAt).toEqual(later)
	})

	test('an admin may publish a trainer’s post; a disabled trainer may not write', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		const admin = await createTestUser({ role: 'ADMIN' })
		const { postId } = await createPost({ actorId: trainer.id, input: postInput(), now: NOW })
		await setPostStatus({ actorId: admin.id, postId, status: 'PUBLISHED', now: NOW })
		await prisma.user.update({ where: { id: trainer.id }, data: { disabledAt: NOW } })
		const refused = await refusal(createPost({ actorId: trainer.id, input: postInput(), now: NOW }))
		expect(refused.kind).toBe('forbidden')
	})
})

describe('drafts are private', () => {
	test('a draft is not a public page, not in the list, not in a sector’s list', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		const sector = 'CRIMINAL_JUSTICE' as const
		const draft = await createPost({ actorId: trainer.id, input: postInput({ sectors: [sector] }), now: NOW })
		const live = await createPost({ actorId: trainer.id, input: postInput({ sectors: [sector] }), now: NOW })
		await setPostStatus({ actorId: trainer.id, postId: live.postId, status: 'PUBLISHED', now: NOW })

		expect(await getPublishedPost({ slug: draft.slug })).toBeNull()
		expect(await getPublishedPost({ slug: live.slug })).not.toBeNull()
		const all = await listPublishedPosts({ limit: 1000 })
		expect(all.posts.map((p) => p.id)).not.toContain(draft.postId)
		const bySector = await listPublishedPosts({ sector, limit: 1000 })
		expect(bySector.posts.map((p) => p.id)).toContain(live.postId)
		expect(bySector.posts.map((p) => p.id)).not.toContain(draft.postId)
		expect(bySector.posts.every((p) => p.sectors.includes(sector))).toBe(true)
	})

	test('published posts come newest first, and pages do not overlap', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		const ids: string[] = []
		for (const day of ['2030-01-01', '2030-01-03', '2030-01-02']) {
			const { postId } = await createPost({
				actorId: trainer.id,
				input: postInput({ sectors: ['FOUNDATIONS'] }),
				now: NOW,
			})
			await setPostStatus({ actorId: trainer.id, postId, status: 'PUBLISHED', now: new Date(`${day}T08:00:00Z`) })
			ids.push(postId)
		}
		const all = await listPublishedPosts({ sector: 'FOUNDATIONS', limit: 10_000 })
		const ours = all.posts.map((p) => p.id).filter((id) => ids.includes(id))
		expect(ours).toEqual([ids[1], ids[2], ids[0]])
		const dates = all.posts.map((p) => p.publishedAt.getTime())
		expect(dates).toEqual([...dates].sort((a, b) => b - a))
		// Two pages of any size cover the list once each, in order.
		const first = await listPublishedPosts({ sector: 'FOUNDATIONS', limit: 2 })
		const second = await listPublishedPosts({ sector: 'FOUNDATIONS', limit: 2, offset: 2 })
		expect([...first.posts, ...second.posts].map((p) => p.id)).toEqual(all.posts.slice(0, 4).map((p) => p.id))
		expect(first.total).toBe(all.total)
	})
})

describe('bad input is refused with a clear message and nothing saved', () => {
	test('no title, a summary too long, a duplicate web address, a future date', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		const before = await prisma.newsPost.count()

		const noTitle = await refusal(createPost({ actorId: trainer.id, input: postInput({ title: '' }), now: NOW }))
		expect(noTitle).toMatchObject({ kind: 'invalid', field: 'title' })
		expect(noTitle.message).toMatch(/title/i)

		const longSummary = await refusal(
			createPost({ actorId: trainer.id, input: postInput({ summary: 'x'.repeat(301) }), now: NOW }),
		)
		expect(longSummary).toMatchObject({ kind: 'invalid', field: 'summary' })
		expect(longSummary.message).toBe('The summary must be 300 characters or fewer')

		const first = await createPost({ actorId: trainer.id, input: postInput(), now: NOW })
		const duplicate = await refusal(
			createPost({ actorId: trainer.id, input: postInput({ slug: first.slug }), now: NOW }),
		)
		expect(duplicate).toMatchObject({ kind: 'conflict', field: 'slug' })
		expect(duplicate.message).toMatch(/already uses that web address/)
		expect(await prisma.newsPost.count()).toBe(before + 1)

		await setPostStatus({ actorId: trainer.id, postId: first.postId, status: 'PUBLISHED', now: NOW })
		const future = await refusal(
			updatePost({
				actorId: trainer.id,
				postId: first.postId,
				input: postInput({ slug: first.slug, publishedOn: '2026-12-25' }),
				now: NOW,
			}),
		)
		expect(future).toMatchObject({ kind: 'invalid', field: 'publishedOn' })
	})

	test('an empty web address is made from the title', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		const title = `Huddles in a circle ${uniqueSlug('t')}`
		const { slug } = await createPost({ actorId: trainer.id, input: postInput({ title, slug: undefined }), now: NOW })
		expect(slug).toMatch(/^huddles-in-a-circle-t-/)
	})

	test('a post with a cover must describe it', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		const input = postInput()
		const { postId } = await createPost({ actorId: trainer.id, input, now: NOW })
		await prisma.newsPost.update({
			where: { id: postId },
			data: { coverImagePath: 'covers/x.png', coverAlt: 'A circle' },
		})
		const refused = await refusal(
			updatePost({ actorId: trainer.id, postId, input: { ...input, coverAlt: '' }, now: NOW }),
		)
		expect(refused).toMatchObject({ kind: 'invalid', field: 'coverAlt' })
	})
})

describe('a post’s Markdown cannot run a script', () => {
	test('script tags, javascript: links, on* attributes and raw HTML never reach the page', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		const body = [
			'Hello <script>alert("x")</script> there.',
			'',
			'<img src="x" onerror="alert(1)">',
			'',
			'<div onclick="alert(2)">raw html</div>',
			'',
			'[click me](javascript:alert(3)) and [safe](https://example.org)',
			'',
			'<iframe src="https://evil.example/"></iframe>',
			'',
			'<a href="javascript:alert(4)">raw link</a>',
		].join('\n')
		const { postId, slug } = await createPost({ actorId: trainer.id, input: postInput({ body }), now: NOW })
		await setPostStatus({ actorId: trainer.id, postId, status: 'PUBLISHED', now: NOW })
		const post = await getPublishedPost({ slug })
		const html = post!.html
		expect(html).not.toMatch(/<script/i)
		expect(html).not.toMatch(/javascript:/i)
		expect(html).not.toMatch(/\son[a-z]+=/i)
		expect(html).not.toMatch(/<img|<div|<iframe/i)
		expect(html).toContain('href="https://example.org"')
		expect(html).toContain('Hello')
	})
})

type Tag = { local: string; attributes: Record<string, string>; text: string }

/** Parses XML strictly (saxes throws on anything not well-formed) into a flat list of elements. */
function parseXml(xml: string) {
	const parser = new SaxesParser({ xmlns: true })
	const tags: Tag[] = []
	const open: Tag[] = []
	parser.on('error', (error) => {
		throw error
	})
	parser.on('opentag', (node: SaxesTagNS) => {
		const attributes: Record<string, string> = {}
		for (const attribute of Object.values(node.attributes)) attributes[attribute.name] = attribute.value
		const tag = { local: node.local, attributes, text: '' }
		if (node.uri !== 'http://www.w3.org/2005/Atom') throw new Error(`Unexpected namespace ${node.uri}`)
		tags.push(tag)
		open.push(tag)
	})
	parser.on('text', (text) => {
		const current = open.at(-1)
		if (current) current.text += text
	})
	parser.on('closetag', () => {
		open.pop()
	})
	parser.write(xml).close()
	return tags
}

describe('the Atom feed', () => {
	test('is well-formed, escaped, with absolute links and dates, and leaves drafts out', async () => {
		const trainer = await createTestUser({ role: 'TRAINER', name: 'Rhys & "Co" <Trainers>' })
		const title = `Circles & huddles: <what> "works" ${uniqueSlug('f')}`
		const live = await createPost({
			actorId: trainer.id,
			input: postInput({ title, summary: 'Less talk, more listening & fewer <surprises>.' }),
			now: NOW,
		})
		await setPostStatus({
			actorId: trainer.id,
			postId: live.postId,
			status: 'PUBLISHED',
			now: new Date('2031-01-01T00:00:00Z'),
		})
		const draft = await createPost({ actorId: trainer.id, input: postInput(), now: NOW })

		const { posts } = await listPublishedPosts({ limit: 20 })
		const xml = buildAtomFeed({
			posts,
			origin: 'https://circle.example.org',
			now: NOW,
			title: 'Circle',
			subtitle: 'News',
		})
		const tags = parseXml(xml)

		const entries = tags.filter((t) => t.local === 'entry')
		expect(entries.length).toBe(posts.length)
		const titles = tags.filter((t) => t.local === 'title').map((t) => t.text)
		expect(titles).toContain(title)
		const ids = tags.filter((t) => t.local === 'id').map((t) => t.text)
		expect(ids).toContain(`https://circle.example.org/news/${live.slug}`)
		expect(ids).not.toContain(`https://circle.example.org/news/${draft.slug}`)
		expect(tags.filter((t) => t.local === 'name').map((t) => t.text)).toContain('Rhys & "Co" <Trainers>')
		for (const link of tags.filter((t) => t.local === 'link')) expect(link.attributes.href).toMatch(/^https:\/\//)
		for (const updated of tags.filter((t) => t.local === 'updated' || t.local === 'published')) {
			expect(updated.text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
		}
		// The feed's own `updated` is its newest entry's.
		const feedUpdated = tags.find((t) => t.local === 'updated')!.text
		const newest = Math.max(...posts.map((p) => p.updatedAt.getTime()))
		expect(new Date(feedUpdated).getTime()).toBe(newest)
	})
})

describe('a post’s cover', () => {
	test('needs a description; checked as course covers are; stored under /media/covers/', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		const { postId } = await createPost({ actorId: trainer.id, input: postInput(), now: NOW })
		const image = new Blob([png(1200, 630)], { type: 'image/png' })

		const noAlt = await refusal(setPostCover({ actorId: trainer.id, postId, file: image, coverAlt: ' ', now: NOW }))
		expect(noAlt).toMatchObject({ kind: 'invalid', field: 'coverAlt' })
		const tooSmall = await refusal(
			setPostCover({ actorId: trainer.id, postId, file: new Blob([png(100, 100)]), coverAlt: 'A circle', now: NOW }),
		)
		expect(tooSmall).toMatchObject({ kind: 'invalid', field: 'cover' })
		const learner = await createTestUser({ role: 'LEARNER' })
		const forbidden = await refusal(
			setPostCover({ actorId: learner.id, postId, file: image, coverAlt: 'A circle of chairs', now: NOW }),
		)
		expect(forbidden.kind).toBe('forbidden')
		expect((await prisma.newsPost.findUniqueOrThrow({ where: { id: postId } })).coverImagePath).toBeNull()

		const { url } = await setPostCover({
			actorId: trainer.id,
			postId,
			file: image,
			coverAlt: 'Eight chairs in a circle in a school hall',
			now: NOW,
		})
		expect(url).toMatch(/^\/media\/covers\/news-[a-z0-9]+-[0-9a-f]{16}\.png$/)
		const row = await prisma.newsPost.findUniqueOrThrow({ where: { id: postId } })
		expect(row.coverAlt).toBe('Eight chairs in a circle in a school hall')
		await removePostCover({ actorId: trainer.id, postId, now: NOW })
		expect(await prisma.newsPost.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({
			coverImagePath: null,
			coverAlt: '',
		})
	})
})

describe('a newsletter issue from a post', () => {
	test('a trainer makes a draft issue with the post’s title, words, link and sectors; a learner cannot', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		const input = postInput({ sectors: ['SCHOOLS', 'PARENTS_CARERS'] })
		const { postId, slug } = await createPost({ actorId: trainer.id, input, now: NOW })
		const { issueId } = await createNewsletterIssueFromPost({ actorId: trainer.id, postId })
		const issue = await prisma.newsletterIssue.findUniqueOrThrow({ where: { id: issueId } })
		expect(issue).toMatchObject({ subject: input.title, authorId: trainer.id, status: 'DRAFT' })
		expect([...issue.sectors].sort()).toEqual(['PARENTS_CARERS', 'SCHOOLS'])
		expect(issue.markdown).toContain(input.summary)
		expect(issue.markdown).toContain(input.body)
		expect(issue.markdown).toContain(`/news/${slug})`)

		const learner = await createTestUser()
		const error = await refusal(createNewsletterIssueFromPost({ actorId: learner.id, postId }))
		expect(error.kind).toBe('forbidden')
		expect(await prisma.newsletterIssue.count({ where: { authorId: learner.id } })).toBe(0)
	})
})
