import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { getPublishedPost, listPublishedPosts } from '#modules/news/posts.ts'
import { createTestUser, releaseTestResources } from '#tests/factories/auth.ts'
import { DEMO_NEWS_POSTS, seedDemoNews } from './seed-news.ts'

afterAll(releaseTestResources)

describe('demo news', () => {
	test('three published posts across different sectors and one hidden draft; seeding again changes nothing', async () => {
		const trainer = await createTestUser({ role: 'TRAINER' })
		await seedDemoNews({ authorId: trainer.id })
		const slugs = DEMO_NEWS_POSTS.map((p) => p.slug)
		const rows = await prisma.newsPost.findMany({
			where: { slug: { in: slugs } },
			select: { id: true, slug: true, status: true, sectors: true, updatedAt: true },
		})
		expect(rows).toHaveLength(4)
		const published = rows.filter((r) => r.status === 'PUBLISHED')
		expect(published).toHaveLength(3)
		expect(new Set(published.map((r) => r.sectors[0])).size).toBe(3)

		const draft = rows.find((r) => r.status === 'DRAFT')!
		expect(await getPublishedPost({ slug: draft.slug })).toBeNull()
		const listed = (await listPublishedPosts({ limit: 1000 })).posts.map((p) => p.slug)
		for (const post of published) expect(listed).toContain(post.slug)
		expect(listed).not.toContain(draft.slug)
		for (const post of published) {
			const page = await getPublishedPost({ slug: post.slug })
			expect(page?.html).toMatch(/<h2>/)
		}

		// The schools post reads in Welsh on a Welsh page; the others fall back to English there.
		const schools = DEMO_NEWS_POSTS.find((p) => p.welsh)!
		expect((await getPublishedPost({ slug: schools.slug, language: 'cy' }))?.title).toBe(schools.welsh!.title)
		expect((await getPublishedPost({ slug: schools.slug, language: 'en' }))?.title).toBe(schools.title)
		const other = published.find((r) => r.slug !== schools.slug)!
		expect((await getPublishedPost({ slug: other.slug, language: 'cy' }))?.title).toBe(
			DEMO_NEWS_POSTS.find((p) => p.slug === other.slug)!.title,
		)

		const again = await seedDemoNews({ authorId: trainer.id })
		expect(again.created).toBe(0)
		const after = await prisma.newsPost.findMany({
			where: { slug: { in: slugs } },
			select: { id: true, updatedAt: true },
			orderBy: { id: 'asc' },
		})
		expect(after).toEqual(rows.map(({ id, updatedAt }) => ({ id, updatedAt })).sort((a, b) => a.id.localeCompare(b.id)))
	})
})
