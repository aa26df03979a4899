import { afterAll, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createTestUser } from '#tests/factories/auth.ts'
import { lockProgrammeEnrolment } from './sql.ts'

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
