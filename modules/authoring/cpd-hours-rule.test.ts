// The CPD rule in the studio: a draft whose CPD hours are below its lessons' time is refused at
// publishing, the builder shows why beside the CPD hours field, and saving such hours is refused.
import { afterAll, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { courseDetails, createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { createDraftVersion } from './create-draft-version.ts'
import { getCourseBuilder } from './get-course-builder.ts'
import { getPublishReview, publishCourse } from './publish-course.ts'
import { updateCourseDetails } from './update-course-details.ts'

afterAll(releaseTestResources)

async function thrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		return error
	}
	throw new Error('Expected a rejection')
}

/** A draft whose six lessons take 98 minutes in all, claiming `cpdMinutes`. */
async function draftOf98Minutes(cpdMinutes: number) {
	const { user: owner } = await createSignedInUser()
	const course = await createAuthoredCourse({ ownerId: owner.id })
	const draft = await createDraftVersion({ courseId: course.id, actorId: owner.id })
	const lessons = await prisma.lesson.findMany({ where: { versionId: draft.versionId }, select: { id: true } })
	expect(lessons).toHaveLength(6)
	await prisma.lesson.updateMany({ where: { versionId: draft.versionId }, data: { estimatedMinutes: 16 } })
	await prisma.lesson.update({ where: { id: lessons[0]!.id }, data: { estimatedMinutes: 18 } })
	await prisma.courseVersion.update({ where: { id: draft.versionId }, data: { cpdMinutes } })
	return { owner, course, draft }
}

test('CPD hours below the lessons’ time stop publishing, with the hours to enter', async () => {
	const { owner, course } = await draftOf98Minutes(90)
	const message =
		'The lessons add up to 1 hr 38 min, so the CPD hours must be at least 1.75 (their time rounded up to the quarter hour). Change it in the course details.'
	expect((await getPublishReview({ courseId: course.id, actorId: owner.id })).problems).toEqual([message])
	const refused = await thrown(publishCourse({ courseId: course.id, actorId: owner.id }))
	expect(isDomainError(refused) && refused.kind).toBe('invalid')
	expect((refused as Error).message).toBe(`This draft cannot be published yet: ${message}`)
	// The builder shows the same reason beside the CPD hours field.
	const builder = await getCourseBuilder({ courseId: course.id, actorId: owner.id })
	expect(builder.version.cpdProblem).toBe(
		'The lessons add up to 1 hr 38 min, so the CPD hours must be at least 1.75 (their time rounded up to the quarter hour).',
	)
})

test('the lessons’ time rounded up to the quarter hour is enough to publish', async () => {
	const { owner, course, draft } = await draftOf98Minutes(105)
	expect((await getPublishReview({ courseId: course.id, actorId: owner.id })).problems).toEqual([])
	await publishCourse({ courseId: course.id, actorId: owner.id })
	const version = await prisma.courseVersion.findUniqueOrThrow({ where: { id: draft.versionId } })
	expect(version).toMatchObject({ status: 'PUBLISHED', cpdMinutes: 105 })
})

test('saving CPD hours below the lessons’ time, or not in quarter hours, is refused beside the field', async () => {
	const { owner, course, draft } = await draftOf98Minutes(105)
	const current = await prisma.course.findUniqueOrThrow({ where: { id: course.id }, select: { slug: true } })
	const save = (cpdHours: number) =>
		updateCourseDetails({
			courseId: course.id,
			actorId: owner.id,
			input: courseDetails({ cpdHours, slug: current.slug }),
		})

	const tooLow = await thrown(save(1.5))
	expect(tooLow).toMatchObject({ kind: 'invalid', code: 'CPD_HOURS_TOO_LOW', field: 'cpdHours' })
	const notQuarter = await thrown(save(1.8))
	expect(notQuarter).toMatchObject({ kind: 'invalid', field: 'cpdHours' })
	expect((notQuarter as Error).message).toBe('Give the CPD hours in quarter hours, e.g. 1.25 or 1.5')
	expect((await prisma.courseVersion.findUniqueOrThrow({ where: { id: draft.versionId } })).cpdMinutes).toBe(105)

	await save(2)
	expect((await prisma.courseVersion.findUniqueOrThrow({ where: { id: draft.versionId } })).cpdMinutes).toBe(120)
})
