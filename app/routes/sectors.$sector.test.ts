import { afterAll, describe, expect, test } from 'vitest'
import { prisma, type Sector } from '#modules/db/client.ts'
import { getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createTestCourse, uniqueSlug } from '#tests/factories/catalog.ts'
import { createCircle } from '#tests/factories/circles.ts'
import { createOrganisation } from '#tests/factories/organisations.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { loader } from './sectors.$sector.tsx'

afterAll(releaseTestResources)

type Page = Awaited<ReturnType<typeof loader>>

function load(sector: string) {
	return runRoute(loader, getRequest(`/sectors/${sector}`), { sector })
}

describe('/sectors/:sector', () => {
	test('lists its own sector’s newest news first, and not another sector’s newer post', async () => {
		// Dated after every other post, so they would top any list they belong to.
		const later = new Date(Date.UTC(2099, 0, 1) + Math.floor(Math.random() * 1e9))
		const post = (sectors: Sector[], title: string, publishedAt: Date) =>
			prisma.newsPost.create({
				data: {
					slug: uniqueSlug(),
					title,
					summary: 'A summary.',
					body: 'Body.',
					sectors,
					status: 'PUBLISHED',
					publishedAt,
				},
				select: { slug: true },
			})
		const schoolsPost = await post(['SCHOOLS'], 'Schools news', later)
		const healthPost = await post(['HEALTH_SOCIAL_CARE'], 'Health news', new Date(later.getTime() + 60_000))
		const page = (await load('schools')) as Page
		expect(page.news[0]?.slug).toBe(schoolsPost.slug)
		expect(page.news.map((p) => p.slug)).not.toContain(healthPost.slug)
		// Far-future posts would top other tests' lists: they go again.
		await prisma.newsPost.deleteMany({ where: { slug: { in: [schoolsPost.slug, healthPost.slug] } } })
	})

	test('lists only that sector’s published courses, and its open circles still to come', async () => {
		const schools = await createTestCourse({ title: 'Circles in the classroom', sectors: ['SCHOOLS'] })
		const both = await createTestCourse({ sectors: ['SCHOOLS', 'PARENTS_CARERS'] })
		const health = await createTestCourse({ sectors: ['HEALTH_SOCIAL_CARE'] })
		const draft = await createTestCourse({ sectors: ['SCHOOLS'], status: 'DRAFT' })
		const day = 24 * 3_600_000
		const open = await createCircle({
			courseId: schools.courseId,
			title: 'Open schools circle',
			startsAt: new Date(Date.now() + 60_000),
		})
		const { id: organisationId } = await createOrganisation()
		const privateCircle = await createCircle({ courseId: schools.courseId, organisationId })
		const past = await createCircle({ courseId: schools.courseId, startsAt: new Date(Date.now() - day) })
		const healthCircle = await createCircle({ courseId: health.courseId })
		const video = (sectors: Sector[]) =>
			prisma.publicVideo.create({
				data: {
					slug: uniqueSlug('video'),
					title: 'A short film',
					summary: 'A short film for a sector page.',
					sourceUrl: '/media/demo-lesson.mp4',
					transcript: 'Everything the short film says, written out.',
					sectors,
				},
				select: { slug: true },
			})
		const schoolsVideo = await video(['SCHOOLS'])
		const healthVideo = await video(['HEALTH_SOCIAL_CARE'])

		const page = (await load('schools')) as Page
		expect(page.sector).toBe('SCHOOLS')
		const slugs = page.courses.map((c) => c.slug)
		expect(slugs).toEqual(expect.arrayContaining([schools.slug, both.slug]))
		expect(slugs).not.toContain(health.slug)
		expect(slugs).not.toContain(draft.slug)
		expect(page.courses.every((c) => c.sectors.includes('SCHOOLS'))).toBe(true)

		const circleIds = page.circles.map((c) => c.id)
		// Six at most are listed, soonest first: ours starts in a minute, so it is among them.
		expect(circleIds).toContain(open.id)
		expect(circleIds).not.toContain(privateCircle.id)
		expect(circleIds).not.toContain(past.id)
		expect(circleIds).not.toContain(healthCircle.id)
		// The sector's three newest published posts (other test files publish posts too).
		expect(page.news.length).toBeLessThanOrEqual(3)
		expect(page.news.every((post) => post.sectors.includes('SCHOOLS'))).toBe(true)
		// The three newest videos for the sector: ours was made last.
		expect(page.videos.map((v) => v.slug)).toContain(schoolsVideo.slug)
		expect(page.videos.map((v) => v.slug)).not.toContain(healthVideo.slug)

		const parents = (await load('parents-and-carers')) as Page
		expect(parents.courses.map((c) => c.slug)).toContain(both.slug)
		expect(parents.courses.map((c) => c.slug)).not.toContain(schools.slug)
	})

	test('an unknown sector is a 404, and so is foundations (a course category, not a sector page)', async () => {
		expect(statusOf(await load('astronauts'))).toBe(404)
		expect(statusOf(await load('foundations'))).toBe(404)
		expect(statusOf(await load('health-social-care'))).toBe(404)
	})
})
