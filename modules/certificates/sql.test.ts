// Each raw statement of the certificates context run directly against PostgreSQL (ADR 0018): the
// row's keys must be the ones its type declares.
import { describe, expect, test } from 'vitest'
import { assignCourseToPerson } from '#modules/assignments/assign-person.ts'
import { prisma } from '#modules/db/client.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { createCourse } from '#tests/factories/learning.ts'
import * as sql from './sql.ts'

const keys = (row: object | null | undefined) => Object.keys(row ?? {}).sort()

describe('certificates/sql.ts', () => {
	test('selectRenewalsDue and lockRenewal', async () => {
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		await prisma.course.update({ where: { id: course.id }, data: { validityMonths: 1 } })
		await prisma.$transaction((tx) =>
			assignCourseToPerson(tx, {
				organisationId: org.id,
				userId: member.id,
				courseId: course.id,
				dueOn: '2099-01-31',
				now: new Date(),
			}),
		)
		await completeReading({ userId: member.id, lessonId: course.lessons[0]!.id })
		const certificate = await prisma.certificate.findFirstOrThrow({ where: { userId: member.id } })

		const rows = await sql.selectRenewalsDue(prisma, {
			lastDay: new Date('2099-01-01'),
			limit: 10,
			certificateId: certificate.id,
		})
		expect(rows).toHaveLength(1)
		expect(keys(rows[0])).toEqual(
			[
				'assignmentId',
				'certificateId',
				'courseId',
				'cycle',
				'learnerAssignmentId',
				'organisationId',
				'refresherCourseId',
				'userId',
				'validUntil',
			].sort(),
		)
		expect(rows[0]).toMatchObject({
			certificateId: certificate.id,
			cycle: 1,
			refresherCourseId: null,
			validUntil: certificate.validUntil,
		})
		// Not yet due: the day before it expires is beyond lastDay.
		expect(
			await sql.selectRenewalsDue(prisma, {
				lastDay: new Date('2000-01-01'),
				limit: 10,
				certificateId: certificate.id,
			}),
		).toEqual([])

		const pending = await prisma.$transaction((tx) =>
			sql.lockRenewal(tx, { organisationId: org.id, certificateId: certificate.id }),
		)
		expect(pending).toBe(true)
	})
})
