import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { getHcpcEvidence } from '#modules/reflective-records/hcpc.ts'
import { listLessonReflections } from '#modules/reflective-records/lesson-reflections.ts'
import { listRecords } from '#modules/reflective-records/records.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { seedDemo } from './seed.ts'
import { DEMO_HCPC_REGISTRANT } from './seed-hcpc.ts'

afterAll(releaseTestResources)

describe('demo HCPC registrant', () => {
	test('an occupational therapist with a half-written profile, a four-month gap to explain and a reflection to pull in; running the seed again changes nothing', async () => {
		await seedDemo({ log: () => {} })
		const user = await prisma.user.findUniqueOrThrow({
			where: { email: DEMO_HCPC_REGISTRANT.email },
			select: { id: true, registrationBody: true, profession: true, passwordHash: true },
		})
		expect(user).toMatchObject({ registrationBody: 'HCPC', profession: 'Occupational therapist' })
		expect(user.passwordHash).toBeTruthy()

		const [profile] = await listRecords({ userId: user.id, kinds: ['HCPC_PROFILE'] })
		expect(profile?.fields.summary).toBeTruthy()
		expect(profile?.fields.statement).toContain('Activity 2')
		expect(profile?.fields.gapExplanation).toBeUndefined()

		const evidence = await getHcpcEvidence({ userId: user.id })
		expect(evidence.gaps).toEqual([
			expect.objectContaining({
				after: 'Clinical supervision: planning my return to work',
				before: 'Restorative approaches in community teams (trust workshop)',
				months: 4,
			}),
		])
		expect(evidence.enoughTypes).toBe(true)
		expect(evidence.activities.length).toBeGreaterThanOrEqual(12)
		expect(await listLessonReflections({ userId: user.id })).toHaveLength(1)

		const counts = async () => [
			await prisma.reflectiveRecord.count({ where: { userId: user.id } }),
			await prisma.cpdEntry.count({ where: { userId: user.id } }),
		]
		const before = await counts()
		await seedDemo({ log: () => {} })
		expect(await counts()).toEqual(before)
	}, 180_000)
})
