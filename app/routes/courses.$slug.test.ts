import { describe, expect, test } from 'vitest'
import { createTestCourse, uniqueSlug } from '#tests/factories/catalog.ts'
import { loader } from './courses.$slug.tsx'

function load(slug: string) {
	return loader({
		request: new Request(`http://localhost/courses/${slug}`),
		params: { slug },
		context: { clientIp: '127.0.0.1', cspNonce: 'test' },
	} as unknown as Parameters<typeof loader>[0])
}

async function statusOfThrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		return (error as { init?: { status?: number } }).init?.status
	}
	throw new Error('expected the loader to throw')
}

describe('/courses/:slug loader', () => {
	test('returns the published course', async () => {
		const { slug } = await createTestCourse({ title: 'Circles in the classroom', sectors: ['SCHOOLS'] })
		const { course } = await load(slug)
		expect(course).toMatchObject({ slug, title: 'Circles in the classroom', sectors: ['SCHOOLS'] })
	})

	test('is a 404 for an unknown slug', async () => {
		expect(await statusOfThrown(load(uniqueSlug('nope')))).toBe(404)
	})

	test('is a 404 for a course that has only a draft', async () => {
		const { slug } = await createTestCourse({ status: 'DRAFT' })
		expect(await statusOfThrown(load(slug))).toBe(404)
	})
})
