import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { getRjcCheck } from '#modules/reflective-records/rjc.ts'
import { getTeacherYear } from '#modules/reflective-records/teachers.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { DEMO_LINE_MANAGER, DEMO_RESTORATIVE_PRACTITIONER, DEMO_TEACHER } from './seed-rjc-teachers.ts'
import { seedDemo } from './seed.ts'

afterAll(releaseTestResources)

describe('demo RJC practitioner and teacher', () => {
	test('an Intermediate practitioner with supervision overdue, and a teacher with a signed-off record; seeding again adds none', async () => {
		await seedDemo({ log: () => {} })
		const practitioner = await prisma.user.findUniqueOrThrow({
			where: { email: DEMO_RESTORATIVE_PRACTITIONER.email },
			select: { id: true },
		})
		const rjc = (await getRjcCheck({ userId: practitioner.id }))!
		expect(rjc.level).toBe('INTERMEDIATE')
		expect(rjc.supervision.state).toBe('overdue')
		expect(rjc.shareMet).toBe(true)
		expect(rjc.requirements.find((r) => r.key === 'rjc-hours')?.met).toBe(false)
		expect(rjc.requirements.find((r) => r.key === 'rjc-observed')?.met).toBe(true)

		const teacher = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_TEACHER.email }, select: { id: true } })
		const year = await getTeacherYear({ userId: teacher.id })
		expect(year.signedOff).toBe(1)
		expect(year.awaitingSignOff).toBe(1)
		expect(await prisma.emailMessage.count({ where: { to: DEMO_LINE_MANAGER } })).toBe(1)
		expect(await prisma.course.count({ where: { slug: 'restorative-practice-foundations', rjcApproved: true } })).toBe(
			1,
		)

		const records = await prisma.reflectiveRecord.count()
		await seedDemo({ log: () => {} })
		expect(await prisma.reflectiveRecord.count()).toBe(records)
	})
})
