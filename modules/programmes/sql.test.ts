import { afterAll, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createTestUser } from '#tests/factories/auth.ts'
import { createCourse } from '#tests/factories/learning.ts'
import { issueTestCertificate } from '#tests/factories/certificates.ts'
import { generateProgrammeCertificateCode } from './code.ts'
import {
	lockProgrammeEnrolment,
	revokeProgrammeCertificatesListing,
	selectOnUnfinishedSequentialProgramme,
} from './sql.ts'

afterAll(() => prisma.$disconnect())

test('lockProgrammeEnrolment returns the locked enrolment, or null when there is none', async () => {
	const user = await createTestUser()
	const programme = await prisma.programme.create({
		data: { slug: `sql-path-${Date.now().toString(36)}`, title: 'Path', summary: 'A path for the SQL test.' },
	})
	const enrolment = await prisma.programmeEnrolment.create({
		data: { programmeId: programme.id, userId: user.id, enrolledAt: new Date() },
	})
	await prisma.$transaction(async (tx) => {
		expect(await lockProgrammeEnrolment(tx, { programmeId: programme.id, userId: user.id })).toEqual({
			id: enrolment.id,
		})
		expect(await lockProgrammeEnrolment(tx, { programmeId: programme.id, userId: 'nobody' })).toBeNull()
	})
})

test('revokeProgrammeCertificatesListing finds certificates by a listed code, or by the learner and course', async () => {
	const user = await createTestUser()
	const other = await createTestUser()
	const programme = await prisma.programme.create({
		data: { slug: `sql-revoke-${Date.now().toString(36)}`, title: 'Path', summary: 'A path for the SQL test.' },
	})
	const course = await createCourse({ modules: 1 })
	const enrolment = await prisma.enrolment.create({
		data: {
			userId: user.id,
			courseId: course.id,
			versionId: course.versionId,
			source: 'FREE',
			startedAt: new Date(),
			completedAt: new Date(),
		},
	})
	const certificate = await issueTestCertificate(enrolment.id)
	const make = async (userId: string, listed: string) => {
		const pe = await prisma.programmeEnrolment.create({
			data: { programmeId: programme.id, userId, enrolledAt: new Date() },
		})
		return prisma.programmeCertificate.create({
			data: {
				code: generateProgrammeCertificateCode(),
				userId,
				programmeId: programme.id,
				programmeEnrolmentId: pe.id,
				learnerName: 'L',
				programmeTitle: 'Path',
				courses: [
					{ title: 'C', versionNumber: 1, cpdMinutes: 60, completedAt: new Date().toISOString(), code: listed },
				],
				cpdMinutes: 60,
				completedAt: new Date(),
			},
		})
	}
	const suffix = Date.now().toString(36).toUpperCase().slice(-4)
	const mine = await make(user.id, certificate.certificate.code)
	const theirs = await make(other.id, `CODE-OTHER-${suffix}`)
	const now = new Date()
	const byCourse = await prisma.$transaction((tx) =>
		revokeProgrammeCertificatesListing(tx, { userId: user.id, courseId: course.id, reason: 'refund', now }),
	)
	expect(byCourse).toEqual([{ id: mine.id, code: mine.code, userId: user.id, programmeId: programme.id }])
	const byCode = await prisma.$transaction((tx) =>
		revokeProgrammeCertificatesListing(tx, { certificateCode: `CODE-OTHER-${suffix}`, reason: 'revoked', now }),
	)
	expect(byCode.map((row) => row.id)).toEqual([theirs.id])
	// Already revoked: nothing more.
	expect(
		await prisma.$transaction((tx) =>
			revokeProgrammeCertificatesListing(tx, { certificateCode: certificate.certificate.code, reason: 'again', now }),
		),
	).toEqual([])
})

test('selectOnUnfinishedSequentialProgramme: only an unfinished sequential programme counts, with the course when given', async () => {
	const user = await createTestUser()
	const course = await createCourse({ modules: 1 })
	const other = await createCourse({ modules: 1 })
	const on = (filter: { courseId?: string; courseSlug?: string } = {}) =>
		selectOnUnfinishedSequentialProgramme(prisma, { userId: user.id, ...filter })
	const programme = await prisma.programme.create({
		data: {
			slug: `sql-gate-${Date.now().toString(36)}`,
			title: 'Path',
			summary: 'A path for the SQL test.',
			sequential: false,
			courses: { create: [{ courseId: course.id, position: 1 }] },
		},
	})
	const enrolment = await prisma.programmeEnrolment.create({
		data: { programmeId: programme.id, userId: user.id, enrolledAt: new Date() },
	})
	expect(await on()).toBe(false)
	await prisma.programme.update({ where: { id: programme.id }, data: { sequential: true } })
	expect(await on()).toBe(true)
	expect(await on({ courseId: course.id })).toBe(true)
	expect(await on({ courseSlug: course.slug })).toBe(true)
	expect(await on({ courseId: other.id })).toBe(false)
	expect(await on({ courseSlug: other.slug })).toBe(false)
	await prisma.programmeEnrolment.update({ where: { id: enrolment.id }, data: { completedAt: new Date() } })
	expect(await on({ courseId: course.id })).toBe(false)
})
