import { afterAll, describe, expect, test } from 'vitest'
import { selectComplianceStatuses } from '#modules/compliance/sql.ts'
import { ukToday } from '#modules/compliance/status.ts'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { DEMO_ORGANISATION, seedDemo } from './seed.ts'
import { DEMO_TEAM_MANAGER } from './seed-teams.ts'

afterAll(releaseTestResources)

describe('demo teams and assignments', () => {
	test('nested teams, a team manager, and requirements overdue and due soon; running the seed again changes nothing', async () => {
		await seedDemo({ log: () => {} })
		const org = await prisma.organisation.findUniqueOrThrow({
			where: { slug: DEMO_ORGANISATION.slug },
			select: { id: true },
		})
		const teams = await prisma.team.findMany({
			where: { organisationId: org.id },
			select: { name: true, parent: { select: { name: true } } },
		})
		expect(teams).toContainEqual({ name: 'Early years', parent: { name: 'Oakfield Primary' } })
		const directory = await prisma.team.findFirstOrThrow({
			where: { organisationId: org.id, managedByDirectory: true },
			select: { name: true, externalId: true, _count: { select: { members: true } } },
		})
		expect(directory).toMatchObject({ name: 'Teaching assistants', externalId: expect.any(String) })
		expect(directory._count.members).toBeGreaterThan(0)
		const manager = await prisma.teamMember.findFirstOrThrow({
			where: { isManager: true, membership: { organisationId: org.id } },
			select: {
				team: { select: { name: true } },
				membership: { select: { role: true, user: { select: { email: true } } } },
			},
		})
		expect(manager).toEqual({
			team: { name: 'Primary schools' },
			membership: { role: 'MEMBER', user: { email: DEMO_TEAM_MANAGER.email } },
		})

		const rows = await prisma.learnerAssignment.findMany({ where: { organisationId: org.id }, select: { id: true } })
		const statuses = [
			...(await selectComplianceStatuses(prisma, { ids: rows.map((r) => r.id), today: ukToday(new Date()) })).values(),
		]
		expect(statuses).toContain('OVERDUE')
		expect(statuses).toContain('DUE_SOON')
		expect(statuses).toContain('NOT_STARTED')

		const counts = async () => [
			await prisma.team.count(),
			await prisma.assignment.count(),
			await prisma.learnerAssignment.count(),
		]
		const before = await counts()
		await seedDemo({ log: () => {} })
		expect(await counts()).toEqual(before)
	}, 120_000)
})
