// The studio's SCORM page and downloads with real Requests and session cookies: only the course's
// authors (and admins) see the page or get a package; a draft is refused with its message and no ZIP.
import JSZip from 'jszip'
import { afterAll, describe, expect, test } from 'vitest'
import { getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { loader as downloadLoader } from './studio.courses.$courseId_.scorm_.$version.$flavour.ts'
import { loader as pageLoader } from './studio.courses.$courseId_.scorm.tsx'

afterAll(releaseTestResources)

function download(courseId: string, version: string, flavour: string, cookie?: string) {
	return runRoute(
		downloadLoader,
		getRequest(`/studio/courses/${courseId}/scorm/${version}/${flavour}`, cookie ? { cookie } : {}),
		{ courseId, version, flavour },
	)
}

function page(courseId: string, cookie?: string) {
	return runRoute(pageLoader, getRequest(`/studio/courses/${courseId}/scorm`, cookie ? { cookie } : {}), {
		courseId,
	})
}

describe('/studio/courses/:courseId/scorm', () => {
	test('the owner gets a SCORM 1.2 and a SCORM 2004 ZIP of the published version', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const listed = (await page(course.id, owner.cookie)) as Awaited<ReturnType<typeof pageLoader>>
		expect(listed.versions).toEqual([expect.objectContaining({ number: 1, live: true, exportable: true })])
		for (const flavour of ['scorm12', 'scorm2004']) {
			const response = (await download(course.id, '1', flavour, owner.cookie)) as Response
			expect(response.status).toBe(200)
			expect(response.headers.get('Content-Type')).toBe('application/zip')
			expect(response.headers.get('Content-Disposition')).toMatch(
				new RegExp(`^attachment; filename="learn-course-[a-z0-9-]+-v1-${flavour}\\.zip"$`),
			)
			const zip = await JSZip.loadAsync(await response.arrayBuffer())
			expect(zip.file('imsmanifest.xml')).not.toBeNull()
		}
	})

	test('signed out goes to log in; a learner and a trainer who is not an author are refused', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const signedOut = await download(course.id, '1', 'scorm12')
		expect((signedOut as Response).headers.get('Location')).toMatch(/^\/login/)
		const learner = await createSignedInUser({ role: 'LEARNER' })
		const stranger = await createSignedInUser()
		expect(statusOf(await download(course.id, '1', 'scorm12', learner.cookie))).toBe(403)
		expect(statusOf(await page(course.id, learner.cookie))).toBe(403)
		// The route guard lets every trainer in; the domain check refuses one who is not an author.
		const refused = await download(course.id, '1', 'scorm2004', stranger.cookie)
		expect(statusOf(refused)).toBe(403)
		expect(refused).not.toBeInstanceOf(Response)
		expect(statusOf(await page(course.id, stranger.cookie))).toBe(403)
	})

	test('a draft is refused with 409 and a clear message, and no ZIP is sent', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, published: false })
		const refused = await download(course.id, '1', 'scorm12', owner.cookie)
		expect(refused).not.toBeInstanceOf(Response)
		expect(statusOf(refused)).toBe(409)
		expect((refused as { data: { message: string } }).data.message).toBe(
			'Version 1 is a draft, so it cannot be exported as a SCORM package. Publish it first, or export a published version.',
		)
	})

	test('an unknown flavour or version number is a 404, not a 500', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		expect(statusOf(await download(course.id, '1', 'scorm3000', owner.cookie))).toBe(404)
		expect(statusOf(await download(course.id, 'one', 'scorm12', owner.cookie))).toBe(404)
		expect(statusOf(await download(course.id, '99', 'scorm12', owner.cookie))).toBe(404)
	})
})
