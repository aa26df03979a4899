import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { getTeamThemes } from '#modules/themes/get-team-themes.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { DEMO_ORGANISATION, seedDemo } from './seed.ts'
import { DEMO_TEAM_MANAGER } from './seed-teams.ts'

afterAll(releaseTestResources)

describe('demo team themes', () => {
	test('the trust and its primary schools show themes with one shared reflection, Riverside High shows nothing; seeding again changes nothing', async () => {
		await seedDemo({ log: () => {} })
		const org = await prisma.organisation.findUniqueOrThrow({
			where: { slug: DEMO_ORGANISATION.slug },
			select: { id: true, memberships: { where: { role: 'OWNER' }, select: { userId: true } } },
		})
		const team = async (name: string) =>
			(await prisma.team.findFirstOrThrow({ where: { organisationId: org.id, name }, select: { id: true } })).id
		const now = new Date()
		const admin = { organisationId: org.id, actorId: org.memberships[0]!.userId, now }

		const trust = await getTeamThemes({ ...admin, teamId: null })
		if (!trust.enough) throw new Error('the demo trust should show themes')
		expect(trust.codeThemes.writers).toBeGreaterThanOrEqual(5)
		expect(trust.hardestPrompts.length).toBeGreaterThan(0)
		expect(trust.ratings.length).toBeGreaterThan(0)
		expect(trust.shared).toHaveLength(1)

		const manager = await prisma.user.findUniqueOrThrow({
			where: { email: DEMO_TEAM_MANAGER.email },
			select: { id: true },
		})
		const primary = await getTeamThemes({
			organisationId: org.id,
			actorId: manager.id,
			teamId: await team('Primary schools'),
			now,
		})
		expect(primary.enough).toBe(true)
		expect((await getTeamThemes({ ...admin, teamId: await team('Riverside High') })).enough).toBe(false)

		const counts = async () => [
			await prisma.membership.count({ where: { organisationId: org.id, themesOptInAt: { not: null } } }),
			await prisma.reflectionShare.count(),
			await prisma.reflection.count({ where: { difficulty: { not: null } } }),
		]
		const before = await counts()
		await seedDemo({ log: () => {} })
		expect(await counts()).toEqual(before)
	}, 180_000)
})
