import { SaxesParser } from 'saxes'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createPost, setPostStatus } from '#modules/news/posts.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createSignedInUser } from '#tests/factories/authoring.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { loader as postLoader } from './news.$slug.tsx'
import { loader as feedLoader } from './news.feed[.]xml.ts'
import { loader as listLoader } from './news._index.tsx'
import { action as editAction } from './studio.news.$postId._index.tsx'
import { loader as studioListLoader } from './studio.news._index.tsx'
import { action as newAction } from './studio.news.new.tsx'
import { action as welshAction, loader as welshLoader } from './studio.news.$postId.welsh.tsx'

afterAll(releaseTestResources)

const NOW = new Date('2026-12-06T10:00:00Z')
let counter = 0
function uniqueSlug() {
	counter += 1
	return `route-post-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`
}

function fields(overrides: Record<string, string | string[]> = {}) {
	return {
		intent: 'save',
		title: 'A community health team’s huddles, in a circle',
		slug: uniqueSlug(),
		summary: 'Ten minutes at the start of a shift, everyone heard once before anyone is heard twice.',
		body: 'The huddle starts with a **check-in**.',
		sectors: ['HEALTH_SOCIAL_CARE', 'FOUNDATIONS'],
		...overrides,
	}
}

type Reply = { data: { result?: { error?: Record<string, string[] | null> } } }

describe('the studio', () => {
	test('a learner is refused the list, creating and publishing; nothing is stored', async () => {
		const { cookie } = await createSignedInUser({ role: 'LEARNER' })
		expect(statusOf(await runRoute(studioListLoader, getRequest('/studio/news', { cookie })))).toBe(403)
		const input = fields()
		const created = await runRoute(newAction, formRequest('/studio/news/new', input, { cookie }))
		expect(statusOf(created)).toBe(403)
		expect(await prisma.newsPost.count({ where: { slug: input.slug as string } })).toBe(0)

		const trainer = await createSignedInUser({ role: 'TRAINER' })
		const { postId } = await createPost({
			actorId: trainer.user.id,
			input: { title: 'A draft', summary: 'Not public yet, still a draft.', body: 'Words.' },
			now: NOW,
		})
		const publish = await runRoute(
			editAction,
			formRequest(`/studio/news/${postId}`, { intent: 'publish' }, { cookie }),
			{
				postId,
			},
		)
		expect(statusOf(publish)).toBe(403)
		expect((await prisma.newsPost.findUniqueOrThrow({ where: { id: postId } })).status).toBe('DRAFT')
	})

	test('a trainer creates a post (sectors kept), then publishes it', async () => {
		const { cookie } = await createSignedInUser({ role: 'TRAINER' })
		const input = fields()
		const created = await runRoute(newAction, formRequest('/studio/news/new', input, { cookie }))
		expect(created).toBeInstanceOf(Response)
		expect(statusOf(created)).toBe(302)
		const post = await prisma.newsPost.findUniqueOrThrow({ where: { slug: input.slug as string } })
		expect(post.sectors.sort()).toEqual(['FOUNDATIONS', 'HEALTH_SOCIAL_CARE'])
		expect((created as Response).headers.get('Location')).toBe(`/studio/news/${post.id}?created=1`)

		const published = await runRoute(
			editAction,
			formRequest(`/studio/news/${post.id}`, { intent: 'publish' }, { cookie }),
			{ postId: post.id },
		)
		expect(statusOf(published)).toBe(200)
		expect((await prisma.newsPost.findUniqueOrThrow({ where: { id: post.id } })).status).toBe('PUBLISHED')
	})

	test('bad input: each message beside its field, what was typed kept, nothing saved', async () => {
		const { cookie } = await createSignedInUser({ role: 'TRAINER' })
		const before = await prisma.newsPost.count()
		const noTitle = (await runRoute(
			newAction,
			formRequest('/studio/news/new', fields({ title: '' }), { cookie }),
		)) as Reply
		expect(statusOf(noTitle)).toBe(400)
		expect(noTitle.data.result?.error?.title).toEqual(['Enter a title'])

		const longSummary = fields({ summary: 'y'.repeat(301) })
		const tooLong = (await runRoute(newAction, formRequest('/studio/news/new', longSummary, { cookie }))) as Reply & {
			data: { result: { initialValue?: Record<string, unknown> } }
		}
		expect(statusOf(tooLong)).toBe(400)
		expect(tooLong.data.result?.error?.summary).toEqual(['The summary must be 300 characters or fewer'])
		expect(tooLong.data.result.initialValue?.body).toBe(longSummary.body)

		const first = fields()
		await runRoute(newAction, formRequest('/studio/news/new', first, { cookie }))
		const duplicate = (await runRoute(
			newAction,
			formRequest('/studio/news/new', fields({ slug: first.slug as string }), { cookie }),
		)) as Reply
		expect(statusOf(duplicate)).toBe(409)
		expect(duplicate.data.result?.error?.slug?.[0]).toMatch(/already uses that web address/)
		expect(await prisma.newsPost.count()).toBe(before + 1)
	})
})

describe('the public pages', () => {
	async function twoPosts() {
		const { user } = await createSignedInUser({ role: 'TRAINER' })
		const draft = await createPost({
			actorId: user.id,
			input: {
				title: 'A private draft',
				slug: uniqueSlug(),
				summary: 'Nobody outside the studio sees this.',
				body: 'Draft.',
				sectors: ['PARENTS_CARERS'],
			},
			now: NOW,
		})
		const live = await createPost({
			actorId: user.id,
			input: {
				title: 'Holding the line at home',
				slug: uniqueSlug(),
				summary: 'High warmth and high expectations, at the tea table.',
				body: 'Live.',
				sectors: ['PARENTS_CARERS'],
			},
			now: NOW,
		})
		await setPostStatus({ actorId: user.id, postId: live.postId, status: 'PUBLISHED', now: NOW })
		return { draft, live }
	}

	test('a draft is a 404; a published post is a page', async () => {
		const { draft, live } = await twoPosts()
		expect(statusOf(await runRoute(postLoader, getRequest(`/news/${draft.slug}`), { slug: draft.slug }))).toBe(404)
		const page = (await runRoute(postLoader, getRequest(`/news/${live.slug}`), { slug: live.slug })) as {
			post: { title: string }
			origin: string
		}
		expect(page.post.title).toBe('Holding the line at home')
		expect(page.origin).toMatch(/^https?:\/\//)
	})

	test('/news filtered by a sector lists its published posts only', async () => {
		const { draft, live } = await twoPosts()
		const list = (await runRoute(listLoader, getRequest('/news?sector=parents-carers'))) as {
			posts: Array<{ slug: string; sectors: string[] }>
			sector: string | null
		}
		expect(list.sector).toBe('PARENTS_CARERS')
		const slugs = list.posts.map((p) => p.slug)
		expect(slugs).not.toContain(draft.slug)
		expect(list.posts.every((p) => p.sectors.includes('PARENTS_CARERS'))).toBe(true)
		// An unknown sector or page shows everything from the first page, never an error.
		const odd = (await runRoute(listLoader, getRequest('/news?sector=nonsense&page=-4'))) as {
			sector: null
			page: number
		}
		expect(odd).toMatchObject({ sector: null, page: 1 })
		expect(live.slug).toBeTruthy()
	})

	test('the feed is well-formed Atom without drafts', async () => {
		const { draft } = await twoPosts()
		const response = (await runRoute(feedLoader, getRequest('/news/feed.xml'))) as Response
		expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
		const xml = await response.text()
		const parser = new SaxesParser({ xmlns: true })
		parser.on('error', (error) => {
			throw error
		})
		let root = ''
		parser.on('opentag', (node) => {
			root ||= `${node.uri} ${node.local}`
		})
		parser.write(xml).close()
		expect(root).toBe('http://www.w3.org/2005/Atom feed')
		expect(xml).not.toContain(draft.slug)
	})
})

describe('Welsh posts', () => {
	const welshRequest = (path: string) =>
		new Request(`http://localhost${path}`, { headers: { 'Accept-Language': 'cy' } })

	async function publishedPost(title: string) {
		const trainer = await createSignedInUser({ role: 'TRAINER' })
		const { postId, slug } = await createPost({
			actorId: trainer.user.id,
			input: { title, slug: uniqueSlug(), summary: 'An English summary of the post.', body: 'English **body**.' },
			now: NOW,
		})
		await setPostStatus({ actorId: trainer.user.id, postId, status: 'PUBLISHED', now: new Date() })
		return { trainer, postId, slug }
	}

	const welshFields = {
		title: 'Cylch cyntaf y tymor',
		summary: 'Crynodeb Cymraeg o’r postiad, yn ddigon hir.',
		body: 'Corff **Cymraeg**.',
	}

	test('a learner cannot write the Welsh version; half a translation is refused beside its field', async () => {
		const { trainer, postId } = await publishedPost('Refused Welsh')
		const learner = await createSignedInUser({ role: 'LEARNER' })
		const path = `/studio/news/${postId}/welsh`
		expect(statusOf(await runRoute(welshLoader, getRequest(path, { cookie: learner.cookie }), { postId }))).toBe(403)
		const refused = await runRoute(welshAction, formRequest(path, welshFields, { cookie: learner.cookie }), { postId })
		expect(statusOf(refused)).toBe(403)

		const half = await runRoute(
			welshAction,
			formRequest(path, { ...welshFields, body: '' }, { cookie: trainer.cookie }),
			{ postId },
		)
		expect(statusOf(half)).toBe(400)
		expect((half as Reply).data.result?.error?.body).toEqual(['Write the Welsh post'])
		expect(await prisma.newsPostTranslation.count({ where: { postId } })).toBe(0)
	})

	test('a Welsh reader sees the Welsh version on /news and the post page; others, the feed and posts without one stay English', async () => {
		const { trainer, postId, slug } = await publishedPost('A first term of circles')
		const untranslated = await publishedPost('Only in English')
		const path = `/studio/news/${postId}/welsh`
		const saved = await runRoute(welshAction, formRequest(path, welshFields, { cookie: trainer.cookie }), { postId })
		expect(saved).toMatchObject({ notice: 'saved' })
		expect(await prisma.auditLog.count({ where: { targetId: postId, action: 'news.welsh_saved' } })).toBe(1)

		const welshPage = (await runRoute(postLoader, welshRequest(`/news/${slug}`), { slug })) as {
			post: { title: string; summary: string; html: string; contentLanguage: string }
		}
		expect(welshPage.post).toMatchObject({
			title: welshFields.title,
			summary: welshFields.summary,
			contentLanguage: 'cy',
		})
		expect(welshPage.post.html).toContain('<strong>Cymraeg</strong>')
		const englishPage = (await runRoute(postLoader, getRequest(`/news/${slug}`), { slug })) as {
			post: { title: string; contentLanguage: string }
		}
		expect(englishPage.post).toMatchObject({ title: 'A first term of circles', contentLanguage: 'en' })

		const list = (await runRoute(listLoader, welshRequest('/news'))) as {
			posts: Array<{ slug: string; title: string; contentLanguage: string }>
		}
		expect(list.posts.find((p) => p.slug === slug)).toMatchObject({ title: welshFields.title, contentLanguage: 'cy' })
		// A post without a Welsh version is shown in English, marked as English.
		expect(list.posts.find((p) => p.slug === untranslated.slug)).toMatchObject({
			title: 'Only in English',
			contentLanguage: 'en',
		})

		const feed = await ((await runRoute(feedLoader, welshRequest('/news/feed.xml'))) as Response).text()
		expect(feed).toContain('A first term of circles')
		expect(feed).not.toContain(welshFields.title)

		// Emptying every field removes the Welsh version.
		const removed = await runRoute(
			welshAction,
			formRequest(path, { title: '', summary: '', body: '' }, { cookie: trainer.cookie }),
			{ postId },
		)
		expect(removed).toMatchObject({ notice: 'removed' })
		const after = (await runRoute(postLoader, welshRequest(`/news/${slug}`), { slug })) as {
			post: { title: string; contentLanguage: string }
		}
		expect(after.post).toMatchObject({ title: 'A first term of circles', contentLanguage: 'en' })
	})
})
