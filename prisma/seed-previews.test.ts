import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCourse } from '#tests/factories/learning.ts'
import { DEMO_PUBLIC_VIDEOS, seedDemoPreviews } from './seed-previews.ts'

afterAll(releaseTestResources)

describe('demo free previews', () => {
	test('marks each course’s first video lesson once, keeps a trainer’s own choice, and adds the two videos once', async () => {
		const plain = await createCourse({ lessonKinds: ['READING', 'VIDEO', 'QUIZ'] })
		const chosen = await createCourse()
		const draft = await createCourse({ published: false })
		// A trainer already chose the second module's video: seeding must not add the first.
		const secondVideo = chosen.lessons.filter((l) => l.kind === 'VIDEO')[1]!
		await prisma.coursePreview.create({ data: { courseId: chosen.id, lessonKey: secondVideo.key } })
		const slugs = [plain.slug, chosen.slug, draft.slug]

		await seedDemoPreviews({ courseSlugs: slugs })
		await seedDemoPreviews({ courseSlugs: slugs })

		const firstVideo = plain.lessons.find((l) => l.kind === 'VIDEO')!
		expect(await prisma.coursePreview.findMany({ where: { courseId: plain.id }, select: { lessonKey: true } })).toEqual(
			[{ lessonKey: firstVideo.key }],
		)
		expect(
			await prisma.coursePreview.findMany({ where: { courseId: chosen.id }, select: { lessonKey: true } }),
		).toEqual([{ lessonKey: secondVideo.key }])
		expect(await prisma.coursePreview.count({ where: { courseId: draft.id } })).toBe(0)

		const videos = await prisma.publicVideo.findMany({
			where: { slug: { in: DEMO_PUBLIC_VIDEOS.map((v) => v.slug) } },
			select: { slug: true, transcript: true, captionsUrl: true },
		})
		expect(videos).toHaveLength(2)
		for (const video of videos) {
			expect(video.transcript.length).toBeGreaterThan(500)
			expect(video.captionsUrl).toMatch(/\.vtt$/)
		}
	})
})
