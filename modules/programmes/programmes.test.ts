import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { resolveAttachments } from '#modules/mail/attachments.ts'
import { loadPdfKit } from '#modules/pdf/fonts.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { createAssignment } from '#modules/assignments/create-assignment.ts'
import { createAuthoredCourse } from '#tests/factories/authoring.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { createTestUser } from '#tests/factories/auth.ts'
import { decodePdfQrCode, issueTestCertificate, pdfText } from '#tests/factories/certificates.ts'
import { PROGRAMME_CERTIFICATE_CODE_PATTERN, normaliseProgrammeCertificateCode } from './code.ts'
import { createProgramme, updateProgrammeDetails } from './create-programme.ts'
import { enrolInProgramme } from './enrol-in-programme.ts'
import { getProgrammePage } from './get-programme-page.ts'
import { addProgrammeCourse, moveProgrammeCourse, removeProgrammeCourse } from './programme-courses.ts'
import { programmeCourseIds } from './programme-course-ids.ts'
import { getProgrammeCertificatePdf, verifyProgrammeCertificate } from './programme-certificates.ts'
import { publishProgramme } from './publish-programme.ts'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

const NOW = new Date('2026-12-06T10:00:00Z')
let counter = 0

function details(overrides: Record<string, unknown> = {}) {
	counter += 1
	return {
		title: 'Restorative schools pathway',
		slug: `pathway-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`,
		summary: 'Three courses that take a school from first circles to whole-school practice.',
		description: '',
		sequential: false,
		...overrides,
	}
}

async function trainerWithCourses(count: number, { cpdMinutes = [60, 90, 45] } = {}) {
	const trainer = await createTestUser({ role: 'TRAINER', emailVerified: true })
	const courses = []
	for (let i = 0; i < count; i++) {
		const course = await createAuthoredCourse({ ownerId: trainer.id })
		await prisma.courseVersion.update({
			where: { id: course.versionId },
			data: { cpdMinutes: cpdMinutes[i] ?? 60, title: `Pathway course ${i + 1}` },
		})
		courses.push(course)
	}
	return { trainer, courses }
}

async function publishedProgramme({ sequential = false, count = 3 } = {}) {
	const { trainer, courses } = await trainerWithCourses(count)
	const { programmeId, slug } = await createProgramme({ actorId: trainer.id, input: details({ sequential }), now: NOW })
	for (const course of courses) await addProgrammeCourse({ actorId: trainer.id, programmeId, courseSlug: course.slug })
	await publishProgramme({ actorId: trainer.id, programmeId, now: NOW })
	return { trainer, courses, programmeId, slug }
}

/** Finishes a course as the learning flow would: the enrolment completes and its certificate is issued. */
async function complete(userId: string, courseId: string, completedAt: Date) {
	const enrolment = await prisma.enrolment.findUniqueOrThrow({ where: { userId_courseId: { userId, courseId } } })
	await prisma.enrolment.update({ where: { id: enrolment.id }, data: { startedAt: completedAt, completedAt } })
	return issueTestCertificate(enrolment.id)
}

// Email rendering and PDFKit load on first use (ADR 0054): loaded here, once, so that the first test
// that issues a certificate times the programme, not those imports.
beforeAll(async () => {
	await Promise.all([import('#modules/mail/render-email.ts'), loadPdfKit()])
}, 60_000)

describe('building a programme', () => {
	test('courses go in order, move and come out; programmeCourseIds reads the order', async () => {
		const { trainer, courses } = await trainerWithCourses(3)
		const { programmeId } = await createProgramme({ actorId: trainer.id, input: details(), now: NOW })
		for (const course of courses)
			await addProgrammeCourse({ actorId: trainer.id, programmeId, courseSlug: course.slug })
		expect(await programmeCourseIds(programmeId)).toEqual(courses.map((c) => c.id))

		await moveProgrammeCourse({ actorId: trainer.id, programmeId, courseId: courses[2]!.id, direction: 'up' })
		expect(await programmeCourseIds(programmeId)).toEqual([courses[0]!.id, courses[2]!.id, courses[1]!.id])

		await removeProgrammeCourse({ actorId: trainer.id, programmeId, courseId: courses[0]!.id })
		const rows = await prisma.programmeCourse.findMany({ where: { programmeId }, orderBy: { position: 'asc' } })
		expect(rows.map((r) => [r.courseId, r.position])).toEqual([
			[courses[2]!.id, 1],
			[courses[1]!.id, 2],
		])
		const audit = await prisma.auditLog.findMany({ where: { targetId: programmeId }, select: { action: true } })
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'programme.created',
				'programme.course_added',
				'programme.course_moved',
				'programme.course_removed',
			]),
		)
	})

	test('a draft course, the programme itself, another programme and someone else’s course are refused beside the field, and nothing is saved', async () => {
		const { trainer, courses } = await trainerWithCourses(1)
		const draft = await createAuthoredCourse({ ownerId: trainer.id, published: false })
		const { trainer: other, courses: theirs } = await trainerWithCourses(1)
		const { programmeId, slug } = await createProgramme({ actorId: trainer.id, input: details(), now: NOW })
		const { slug: otherSlug } = await createProgramme({
			actorId: other.id,
			input: details({ title: 'Another path' }),
			now: NOW,
		})

		const attempt = (courseSlug: string) => addProgrammeCourse({ actorId: trainer.id, programmeId, courseSlug })
		await expect(attempt(draft.slug)).rejects.toMatchObject({
			code: 'COURSE_IS_A_DRAFT',
			field: 'courseSlug',
			message: expect.stringContaining('is a draft: publish it before adding it'),
		})
		await expect(attempt(slug)).rejects.toMatchObject({
			code: 'PROGRAMME_IN_ITSELF',
			field: 'courseSlug',
			message: expect.stringContaining('a programme cannot contain itself'),
		})
		await expect(attempt(otherSlug)).rejects.toMatchObject({
			code: 'COURSE_NOT_FOUND',
			message:
				'“Another path” is a programme, not a course: a programme contains courses only. Add its courses instead.',
		})
		await expect(attempt(theirs[0]!.slug)).rejects.toMatchObject({ code: 'COURSE_NOT_YOURS', field: 'courseSlug' })
		await expect(attempt('no-such-course')).rejects.toMatchObject({ code: 'COURSE_NOT_FOUND' })
		await attempt(courses[0]!.slug)
		await expect(attempt(courses[0]!.slug)).rejects.toMatchObject({ code: 'ALREADY_IN_PROGRAMME' })
		expect(await programmeCourseIds(programmeId)).toEqual([courses[0]!.id])

		// One course is not a path: publishing is refused and the programme stays unpublished.
		await expect(publishProgramme({ actorId: trainer.id, programmeId, now: NOW })).rejects.toMatchObject({
			code: 'NOT_ENOUGH_COURSES',
		})
		expect((await prisma.programme.findUniqueOrThrow({ where: { id: programmeId } })).publishedAt).toBeNull()
	})

	test('learners and other trainers cannot build; a taken web address is refused beside the field', async () => {
		const learner = await createTestUser({ role: 'LEARNER', emailVerified: true })
		await expect(createProgramme({ actorId: learner.id, input: details(), now: NOW })).rejects.toMatchObject({
			code: 'NOT_A_TRAINER',
		})
		const { trainer, programmeId, slug } = await publishedProgramme()
		const other = await createTestUser({ role: 'TRAINER', emailVerified: true })
		await expect(
			updateProgrammeDetails({ actorId: other.id, programmeId, input: details({ slug }) }),
		).rejects.toMatchObject({ code: 'NOT_YOUR_PROGRAMME' })
		await expect(createProgramme({ actorId: trainer.id, input: details({ slug }), now: NOW })).rejects.toMatchObject({
			code: 'SLUG_TAKEN',
			field: 'slug',
		})
		await expect(
			createProgramme({ actorId: trainer.id, input: details({ slug: 'Not A Slug!' }), now: NOW }),
		).rejects.toMatchObject({
			code: 'INVALID_PROGRAMME',
			field: 'slug',
		})
		// Published: the list is fixed.
		const { courses } = await trainerWithCourses(1)
		await expect(
			addProgrammeCourse({ actorId: trainer.id, programmeId, courseSlug: courses[0]!.slug }),
		).rejects.toMatchObject({ code: 'PROGRAMME_PUBLISHED' })
	})
})

describe('learning a programme', () => {
	test('a sequential programme opens each course once the one before is finished, then issues one certificate listing its courses and total CPD hours', async () => {
		const { courses, slug, programmeId } = await publishedProgramme({ sequential: true })
		const learner = await createTestUser({ role: 'LEARNER', emailVerified: true, name: 'Aoife Ní Bhriain' })

		await enrolInProgramme({ userId: learner.id, slug, now: NOW })
		const enrolled = async () =>
			(await prisma.enrolment.findMany({ where: { userId: learner.id }, select: { courseId: true } })).map(
				(e) => e.courseId,
			)
		expect(await enrolled()).toEqual([courses[0]!.id])
		let page = await getProgrammePage({ slug, userId: learner.id })
		expect(page.courses.map((c) => c.state)).toEqual(['open', 'locked', 'locked'])

		await complete(learner.id, courses[0]!.id, new Date('2026-12-07T10:00:00Z'))
		expect(await enrolled()).toEqual(expect.arrayContaining([courses[0]!.id, courses[1]!.id]))
		expect(await enrolled()).toHaveLength(2)
		page = await getProgrammePage({ slug, userId: learner.id })
		expect(page.courses.map((c) => c.state)).toEqual(['completed', 'open', 'locked'])

		await complete(learner.id, courses[1]!.id, new Date('2026-12-08T10:00:00Z'))
		expect(await prisma.programmeCertificate.count({ where: { programmeId } })).toBe(0)
		await complete(learner.id, courses[2]!.id, new Date('2026-12-09T10:00:00Z'))

		const certificates = await prisma.programmeCertificate.findMany({ where: { programmeId } })
		expect(certificates).toHaveLength(1)
		const certificate = certificates[0]!
		expect(certificate.code).toMatch(PROGRAMME_CERTIFICATE_CODE_PATTERN)
		expect(certificate).toMatchObject({
			learnerName: 'Aoife Ní Bhriain',
			programmeTitle: 'Restorative schools pathway',
			cpdMinutes: 60 + 90 + 45,
			completedAt: new Date('2026-12-09T10:00:00Z'),
		})
		expect((certificate.courses as Array<{ title: string }>).map((c) => c.title)).toEqual([
			'Pathway course 1',
			'Pathway course 2',
			'Pathway course 3',
		])
		page = await getProgrammePage({ slug, userId: learner.id })
		expect(page.enrolment).toMatchObject({
			completedAt: new Date('2026-12-09T10:00:00Z'),
			certificateCode: certificate.code,
		})
		// One email, with the programme certificate attached, rendered from the row at delivery.
		const emails = await prisma.emailMessage.findMany({
			where: { template: 'programme-certificate-issued', to: learner.email },
		})
		expect(emails).toHaveLength(1)
		expect(emails[0]!.subject).toBe('Your programme certificate: Restorative schools pathway')
		const [attachment] = await resolveAttachments(emails[0]!.attachments)
		expect(attachment?.filename).toBe(`circle-programme-certificate-${certificate.code}.pdf`)
		expect(await pdfText(attachment!.content)).toContain('Certificate of programme completion')
		// No second CPD entry: each course's certificate already logged its hours.
		expect(await prisma.cpdEntry.count({ where: { userId: learner.id } })).toBe(3)

		const pdf = await getProgrammeCertificatePdf({
			code: certificate.code.toLowerCase(),
			viewer: { id: learner.id, role: 'LEARNER' },
		})
		const text = await pdfText(pdf.content)
		expect(text).toContain('Certificate of programme completion')
		expect(text).toContain('Aoife Ní Bhriain')
		expect(text).toContain('Restorative schools pathway')
		expect(text).toContain('3 courses')
		expect(text).toContain('3.25 CPD hours in total')
		expect(text).toContain('Completed on 9 December 2026')
		for (const n of [1, 2, 3]) expect(text).toContain(`Pathway course ${n}`)
		expect(await decodePdfQrCode(pdf.content)).toMatch(new RegExp(`/verify/programmes/${certificate.code}$`))

		const stranger = await createTestUser({ role: 'LEARNER', emailVerified: true })
		await expect(
			getProgrammeCertificatePdf({ code: certificate.code, viewer: { id: stranger.id, role: 'LEARNER' } }),
		).rejects.toMatchObject({ code: 'NOT_YOUR_CERTIFICATE' })

		const verified = await verifyProgrammeCertificate({ code: certificate.code, ipAddress: '203.0.113.91' })
		expect(verified).toMatchObject({
			status: 'valid',
			learnerName: 'Aoife Ní Bhriain',
			cpdHours: 3.25,
			completedOn: '2026-12-09',
			courses: [
				expect.objectContaining({ title: 'Pathway course 1', cpdHours: 1, completedOn: '2026-12-07' }),
				expect.objectContaining({ title: 'Pathway course 2', cpdHours: 1.5 }),
				expect.objectContaining({ title: 'Pathway course 3', cpdHours: 0.75 }),
			],
		})
		expect(
			await verifyProgrammeCertificate({ code: 'PROG-0000-0000-0000-0000', ipAddress: '203.0.113.91' }),
		).toMatchObject({
			status: 'not_found',
			learnerName: null,
		})
	})

	test('an open-order programme opens every free course at once; paid courses are left to buy; courses finished before count', async () => {
		const trainer = await createTestUser({ role: 'TRAINER', emailVerified: true })
		const free = await createAuthoredCourse({ ownerId: trainer.id })
		const paid = await createAuthoredCourse({ ownerId: trainer.id, pricePence: 4900 })
		const { programmeId, slug } = await createProgramme({ actorId: trainer.id, input: details(), now: NOW })
		await addProgrammeCourse({ actorId: trainer.id, programmeId, courseSlug: free.slug })
		await addProgrammeCourse({ actorId: trainer.id, programmeId, courseSlug: paid.slug })
		await publishProgramme({ actorId: trainer.id, programmeId, now: NOW })

		const learner = await createTestUser({ role: 'LEARNER', emailVerified: true })
		// Bought and finished the paid course before the programme existed for them.
		await prisma.enrolment.create({
			data: { userId: learner.id, courseId: paid.id, versionId: paid.versionId, source: 'PURCHASE' },
		})
		await complete(learner.id, paid.id, new Date('2026-11-01T10:00:00Z'))

		const first = await enrolInProgramme({ userId: learner.id, slug, now: NOW })
		const again = await enrolInProgramme({ userId: learner.id, slug, now: NOW })
		expect(first.created).toBe(true)
		expect(again.created).toBe(false)
		expect(await prisma.programmeEnrolment.count({ where: { programmeId } })).toBe(1)
		expect(await prisma.enrolment.count({ where: { userId: learner.id, courseId: free.id } })).toBe(1)

		const other = await createTestUser({ role: 'LEARNER', emailVerified: true })
		await enrolInProgramme({ userId: other.id, slug, now: NOW })
		expect(await prisma.enrolment.count({ where: { userId: other.id, courseId: paid.id } })).toBe(0)
		const page = await getProgrammePage({ slug, userId: other.id })
		expect(page.courses.map((c) => [c.state, c.enrolled])).toEqual([
			['open', true],
			['open', false],
		])

		await complete(learner.id, free.id, NOW)
		expect(await prisma.programmeCertificate.count({ where: { programmeId, userId: learner.id } })).toBe(1)
	})

	test('an unpublished programme is not found for learners', async () => {
		const { trainer } = await trainerWithCourses(0)
		const { slug } = await createProgramme({ actorId: trainer.id, input: details(), now: NOW })
		const learner = await createTestUser({ role: 'LEARNER', emailVerified: true })
		await expect(enrolInProgramme({ userId: learner.id, slug, now: NOW })).rejects.toMatchObject({
			code: 'PROGRAMME_NOT_FOUND',
		})
		await expect(getProgrammePage({ slug, userId: null })).rejects.toMatchObject({ code: 'PROGRAMME_NOT_FOUND' })
	})

	test('programme certificate numbers are read as people type them', () => {
		expect(normaliseProgrammeCertificateCode('prog 7kq2 m9xd 4tpa 0b1c')).toBe('PROG-7KQ2-M9XD-4TPA-0B1C')
		expect(
			normaliseProgrammeCertificateCode('https://circle.test/verify/programmes/PROG-7KQ2-M9XD-4TPA-0B1C.json'),
		).toBe('PROG-7KQ2-M9XD-4TPA-0B1C')
		expect(normaliseProgrammeCertificateCode('PROG-7KQ2')).toBeNull()
	})
})

describe('finishing the last two courses at the same moment', () => {
	test('issues the programme certificate exactly once (the programme enrolment is locked while completion is checked)', async () => {
		for (let round = 0; round < 3; round++) {
			const { courses, slug, programmeId } = await publishedProgramme({ count: 2 })
			const learner = await createTestUser({ role: 'LEARNER', emailVerified: true })
			await enrolInProgramme({ userId: learner.id, slug, now: NOW })
			await Promise.all(courses.map((course) => complete(learner.id, course.id, NOW)))
			expect(await prisma.programmeCertificate.count({ where: { programmeId, userId: learner.id } })).toBe(1)
			const enrolment = await prisma.programmeEnrolment.findUniqueOrThrow({
				where: { programmeId_userId: { programmeId, userId: learner.id } },
			})
			expect(enrolment.completedAt).toEqual(NOW)
		}
	})
})

test('a course archived after the programme was published shows as no longer available', async () => {
	const { courses, slug } = await publishedProgramme({ count: 2 })
	await prisma.course.update({ where: { id: courses[1]!.id }, data: { archivedAt: NOW } })
	const page = await getProgrammePage({ slug, userId: null })
	expect(page.courses.map((c) => c.available)).toEqual([true, false])
})

describe('an organisation assigns a programme', () => {
	test('each course becomes a requirement with the one due date; finishing them issues the programme certificate', async () => {
		const { courses, programmeId } = await publishedProgramme({ count: 2 })
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		const result = await createAssignment({
			organisationId: org.id,
			actorId: org.owner.id,
			programmeId,
			target: 'PERSON',
			userId: member.id,
			dueOn: '2027-01-31',
			now: NOW,
		})
		expect(result).toMatchObject({ status: 'created', reached: 1, assigned: 1 })
		const requirements = await prisma.learnerAssignment.findMany({
			where: { organisationId: org.id, userId: member.id },
			select: { courseId: true, dueOn: true, enrolmentId: true },
		})
		expect(requirements.map((r) => r.courseId).sort()).toEqual(courses.map((c) => c.id).sort())
		expect(requirements.every((r) => r.dueOn.toISOString().startsWith('2027-01-31') && r.enrolmentId)).toBe(true)
		expect(await prisma.assignment.count({ where: { organisationId: org.id } })).toBe(2)
		expect(await prisma.programmeEnrolment.count({ where: { programmeId, userId: member.id } })).toBe(1)

		for (const course of courses) await complete(member.id, course.id, NOW)
		expect(await prisma.learnerAssignment.count({ where: { userId: member.id, completedAt: null } })).toBe(0)
		expect(await prisma.programmeCertificate.count({ where: { programmeId, userId: member.id } })).toBe(1)
	})

	test('an unpublished programme is refused and nothing is saved', async () => {
		const { trainer, courses } = await trainerWithCourses(2)
		const { programmeId } = await createProgramme({ actorId: trainer.id, input: details(), now: NOW })
		for (const course of courses)
			await addProgrammeCourse({ actorId: trainer.id, programmeId, courseSlug: course.slug })
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		await expect(
			createAssignment({
				organisationId: org.id,
				actorId: org.owner.id,
				programmeId,
				target: 'PERSON',
				userId: member.id,
				dueOn: '2027-01-31',
				now: NOW,
			}),
		).rejects.toMatchObject({ code: 'COURSE_NOT_ASSIGNABLE' })
		expect(await prisma.assignment.count({ where: { organisationId: org.id } })).toBe(0)
		expect(await prisma.learnerAssignment.count({ where: { organisationId: org.id } })).toBe(0)
	})
})
