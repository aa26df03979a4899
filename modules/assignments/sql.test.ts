// Each raw statement of the assignments context run directly against PostgreSQL (ADR 0018): the
// row's keys must be the ones its type declares, and the values what the fixture says.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createTeam } from '#modules/teams/manage-teams.ts'
import { addTeamMember } from '#modules/teams/team-members.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { addMember, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { createAssignment } from './create-assignment.ts'
import * as sql from './sql.ts'

afterAll(releaseTestResources)

const NOW = new Date('2026-12-06T10:00:00Z')
const keys = (row: object | null | undefined) => Object.keys(row ?? {}).sort()

describe('assignments/sql.ts', () => {
	test('reach, new-starter rules, seats needed and a learner’s open requirements', async () => {
		const org = await createOrganisation({ name: 'Riverside Academy Trust' })
		const actor = { organisationId: org.id, actorId: org.owner.id }
		const pool = await createSeatPool({ organisationId: org.id, seats: 3 })
		const parent = await createTeam({ ...actor, name: 'Schools', parentId: null })
		const child = await createTeam({ ...actor, name: 'Oakfield', parentId: parent.id })
		const ada = await addMember({ organisationId: org.id })
		await addTeamMember({ ...actor, teamId: child.id, membershipId: ada.membershipId, now: NOW })

		expect(await sql.selectPeopleReached(prisma, { organisationId: org.id, teamId: parent.id, userId: null })).toEqual([
			ada.id,
		])
		expect(
			(await sql.selectPeopleReached(prisma, { organisationId: org.id, teamId: null, userId: null })).sort(),
		).toEqual([ada.id, org.owner.id].sort())

		const needed = await prisma.$transaction((tx) =>
			sql.countSeatsNeeded(tx, {
				organisationId: org.id,
				courseId: pool.course.id,
				userIds: [ada.id, org.owner.id],
				today: '2026-12-06',
			}),
		)
		expect(needed).toEqual({ needed: 2, seatsLeft: 3 })

		await createAssignment({
			...actor,
			courseId: pool.course.id,
			target: 'TEAM',
			teamId: parent.id,
			newStarterDays: 10,
			now: NOW,
		})
		const rules = await sql.selectNewStarterRules(prisma, { organisationId: org.id, userId: ada.id })
		// Ada already has her row from the rule: nothing more to assign her.
		expect(rules).toEqual([])
		const ben = await addMember({ organisationId: org.id })
		await prisma.teamMember.create({ data: { teamId: child.id, membershipId: ben.membershipId } })
		const forBen = await sql.selectNewStarterRules(prisma, { organisationId: org.id, userId: ben.id })
		expect(forBen.map(keys)).toEqual([['courseId', 'id', 'newStarterDays', 'programmeId']])
		expect(forBen[0]).toMatchObject({ courseId: pool.course.id, newStarterDays: 10 })

		const [card] = await sql.selectOpenRequirementsFor(prisma, { userId: ada.id, today: '2026-12-06' })
		expect(keys(card)).toEqual(
			[
				'courseId',
				'courseSlug',
				'dueOn',
				'id',
				'kind',
				'organisationName',
				'status',
				'takeSlug',
				'takeTitle',
				'title',
				'waitingForSeat',
			].sort(),
		)
		expect(card).toMatchObject({
			organisationName: 'Riverside Academy Trust',
			kind: 'INITIAL',
			status: 'DUE_SOON',
			waitingForSeat: false,
		})
	})
})
