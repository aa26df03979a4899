import { describe, expect, test } from 'vitest'
import { onQuery, prisma } from '#modules/db/client.ts'
import { countCoursesBySector, listCourses } from './list-courses.ts'
import { createTestCourse, uniqueSlug } from '#tests/factories/catalog.ts'

/** A word no other test uses, put in titles so each test sees only its own courses. */
function token() {
	return uniqueSlug('tok').replaceAll('-', '')
}

async function countStatements(fn: () => Promise<unknown>) {
	let count = 0
	const stop = onQuery(({ query }) => {
		// Prisma logs transaction bookkeeping too; only real statements matter here.
		if (!/^(BEGIN|COMMIT|ROLLBACK)/i.test(query.trim())) count += 1
	})
	try {
		await fn()
	} finally {
		stop()
	}
	return count
}

describe('listCourses', () => {
	test('lists published courses with what a card needs', async () => {
		const t = token()
		const { slug } = await createTestCourse({
			title: `Restorative circles ${t}`,
			summary: 'Running circles that include everyone.',
			sectors: ['SCHOOLS', 'PARENTS_CARERS'],
			pricePence: 4900,
			cpdMinutes: 150,
		})
		const courses = await listCourses({ query: t })
		expect(courses).toEqual([
			{
				id: expect.any(String),
				slug,
				pricePence: 4900,
				sectors: ['SCHOOLS', 'PARENTS_CARERS'],
				title: `Restorative circles ${t}`,
				summary: 'Running circles that include everyone.',
				cpdMinutes: 150,
				moduleCount: 2,
				lessonCount: 3,
			},
		])
	})

	test('never lists draft or archived versions, nor a course whose pointer is on a draft', async () => {
		const t = token()
		const published = await createTestCourse({ title: `Published ${t}` })
		const draft = await createTestCourse({ title: `Draft ${t}`, status: 'DRAFT' })
		const archived = await createTestCourse({ title: `Archived ${t}`, status: 'ARCHIVED' })
		// A corrupted pointer to a draft must not leak it either.
		const pointed = await createTestCourse({ title: `Pointed ${t}`, status: 'DRAFT' })
		await prisma.course.update({ where: { id: pointed.courseId }, data: { publishedVersionId: pointed.versionId } })

		const slugs = (await listCourses({ query: t })).map((c) => c.slug)
		expect(slugs).toEqual([published.slug])
		expect(slugs).not.toContain(draft.slug)
		expect(slugs).not.toContain(archived.slug)
		expect(slugs).not.toContain(pointed.slug)
	})

	test('shows the published title when a newer draft exists', async () => {
		const t = token()
		const course = await createTestCourse({ title: `Live title ${t}` })
		await prisma.courseVersion.create({
			data: {
				courseId: course.courseId,
				number: 2,
				status: 'DRAFT',
				title: `Draft title ${t}`,
				summary: 'Unfinished',
				cpdMinutes: 30,
			},
		})
		const courses = await listCourses({ query: t })
		expect(courses.map((c) => c.title)).toEqual([`Live title ${t}`])
	})

	test('filters by sector', async () => {
		const t = token()
		const schools = await createTestCourse({ title: `A ${t}`, sectors: ['SCHOOLS'] })
		const both = await createTestCourse({ title: `B ${t}`, sectors: ['SCHOOLS', 'CRIMINAL_JUSTICE'] })
		const justice = await createTestCourse({ title: `C ${t}`, sectors: ['CRIMINAL_JUSTICE'] })

		expect((await listCourses({ query: t, sector: 'SCHOOLS' })).map((c) => c.slug)).toEqual([schools.slug, both.slug])
		expect((await listCourses({ query: t, sector: 'CRIMINAL_JUSTICE' })).map((c) => c.slug)).toEqual([
			both.slug,
			justice.slug,
		])
		expect(await listCourses({ query: t, sector: 'HEALTH_SOCIAL_CARE' })).toEqual([])
		expect(await listCourses({ query: t, sector: null })).toHaveLength(3)
	})

	test('searches title and summary case-insensitively', async () => {
		const t = token()
		const byTitle = await createTestCourse({ title: `Repairing HARM ${t}` })
		const bySummary = await createTestCourse({ title: `Other ${t}`, summary: `After harm has been done ${t}` })
		await createTestCourse({ title: `Unrelated ${t}` })

		const found = await listCourses({ query: `repairing harm ${t}` })
		expect(found.map((c) => c.slug)).toEqual([byTitle.slug])
		const summary = await listCourses({ query: `HAS BEEN DONE ${t}` })
		expect(summary.map((c) => c.slug)).toEqual([bySummary.slug])
	})

	test('uses the same number of statements for 3 courses as for 10 (no query per course)', async () => {
		const few = token()
		const many = token()
		for (let i = 0; i < 3; i++) await createTestCourse({ title: `Few ${i} ${few}` })
		for (let i = 0; i < 10; i++) await createTestCourse({ title: `Many ${i} ${many}` })

		let fewCount = 0
		let manyCount = 0
		const statementsForFew = await countStatements(async () => {
			fewCount = (await listCourses({ query: few })).length
		})
		const statementsForMany = await countStatements(async () => {
			manyCount = (await listCourses({ query: many })).length
		})
		expect(fewCount).toBe(3)
		expect(manyCount).toBe(10)
		expect(statementsForMany).toBe(statementsForFew)
		expect(statementsForFew).toBeLessThanOrEqual(2)
	})
})

describe('countCoursesBySector', () => {
	test('counts published courses only, once per sector tag', async () => {
		const before = await countCoursesBySector()
		await createTestCourse({ sectors: ['SCHOOLS', 'HEALTH_SOCIAL_CARE'] })
		await createTestCourse({ sectors: ['SCHOOLS'] })
		await createTestCourse({ sectors: ['SCHOOLS'], status: 'DRAFT' })
		const after = await countCoursesBySector()
		expect((after.SCHOOLS ?? 0) - (before.SCHOOLS ?? 0)).toBe(2)
		expect((after.HEALTH_SOCIAL_CARE ?? 0) - (before.HEALTH_SOCIAL_CARE ?? 0)).toBe(1)
		expect((after.PARENTS_CARERS ?? 0) - (before.PARENTS_CARERS ?? 0)).toBe(0)
	})
})
