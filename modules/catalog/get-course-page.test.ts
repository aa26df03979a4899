import { describe, expect, test } from 'vitest'
import { onQuery, prisma } from '#modules/db/client.ts'
import { DomainError } from '#modules/errors/domain-error.ts'
import { getCoursePage } from './get-course-page.ts'
import { createTestCourse, uniqueSlug } from '#tests/factories/catalog.ts'

describe('getCoursePage', () => {
	test('returns the published version with its outline in order and the total duration', async () => {
		const { slug } = await createTestCourse({
			title: 'Restorative questions in practice',
			pricePence: 4900,
			cpdMinutes: 150,
			outcomes: ['Use restorative questions', 'Plan a circle'],
			sectors: ['HEALTH_SOCIAL_CARE'],
			modules: [
				{
					title: 'Module one',
					lessons: [
						{ title: 'Watch', kind: 'VIDEO', estimatedMinutes: 12 },
						{ title: 'Read', kind: 'READING', estimatedMinutes: 8 },
					],
				},
				{ title: 'Module two', lessons: [{ title: 'Check', kind: 'QUIZ', estimatedMinutes: 10 }] },
			],
		})
		const page = await getCoursePage({ slug })
		expect(page).toMatchObject({
			slug,
			title: 'Restorative questions in practice',
			pricePence: 4900,
			cpdMinutes: 150,
			sectors: ['HEALTH_SOCIAL_CARE'],
			outcomes: ['Use restorative questions', 'Plan a circle'],
			lessonCount: 3,
			totalMinutes: 30,
		})
		expect(page.modules.map((m) => [m.title, m.lessons.map((l) => [l.kind, l.title])])).toEqual([
			[
				'Module one',
				[
					['VIDEO', 'Watch'],
					['READING', 'Read'],
				],
			],
			['Module two', [['QUIZ', 'Check']]],
		])
	})

	test('is not found for an unknown slug', async () => {
		await expect(getCoursePage({ slug: uniqueSlug('missing') })).rejects.toMatchObject({
			kind: 'not_found',
			code: 'COURSE_NOT_FOUND',
		})
	})

	test('is not found for a course with only a draft, even if its pointer is on the draft', async () => {
		const draft = await createTestCourse({ status: 'DRAFT' })
		await expect(getCoursePage({ slug: draft.slug })).rejects.toBeInstanceOf(DomainError)
		await prisma.course.update({ where: { id: draft.courseId }, data: { publishedVersionId: draft.versionId } })
		await expect(getCoursePage({ slug: draft.slug })).rejects.toMatchObject({ kind: 'not_found' })
	})

	test('serves the published version, not a newer draft', async () => {
		const course = await createTestCourse({ title: 'Published text' })
		await prisma.courseVersion.create({
			data: { courseId: course.courseId, number: 2, status: 'DRAFT', title: 'Draft text', summary: '', cpdMinutes: 5 },
		})
		expect((await getCoursePage({ slug: course.slug })).title).toBe('Published text')
	})

	test('loads in the same number of statements however long the outline is', async () => {
		const short = await createTestCourse({ modules: [{ title: 'One', lessons: [{ title: 'Only lesson' }] }] })
		const long = await createTestCourse({
			modules: Array.from({ length: 6 }, (_, m) => ({
				title: `Module ${m}`,
				lessons: Array.from({ length: 5 }, (_, l) => ({ title: `Lesson ${m}.${l}` })),
			})),
		})
		const count = async (slug: string) => {
			let n = 0
			const stop = onQuery(({ query }) => {
				if (!/^(BEGIN|COMMIT|ROLLBACK)/i.test(query.trim())) n += 1
			})
			try {
				await getCoursePage({ slug })
			} finally {
				stop()
			}
			return n
		}
		expect(await count(long.slug)).toBe(await count(short.slug))
	})
})
