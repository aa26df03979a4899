import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { listTeams, getTeam } from './list-teams.ts'
import { createTeam, deleteTeam, moveTeam, renameTeam } from './manage-teams.ts'
import { requireComplianceAccess } from './scope.ts'
import { lockTeamTree, selectTeamAncestry, selectTeamSubtree } from './sql.ts'
import { addTeamMember, removeTeamMember, setTeamManager } from './team-members.ts'

afterAll(releaseTestResources)

const NOW = new Date('2026-12-06T10:00:00Z')

async function world() {
	const org = await createOrganisation({ name: 'Riverside Academy Trust' })
	const actor = { organisationId: org.id, actorId: org.owner.id }
	return { org, actor }
}

describe('teams', () => {
	test('nest, rename and move; names unique among siblings; a cycle and a sixth level are refused and nothing changes', async () => {
		const { org, actor } = await world()
		const trust = await createTeam({ ...actor, name: 'Primary schools', parentId: null })
		const oakfield = await createTeam({ ...actor, name: 'Oakfield Primary', parentId: trust.id })
		await expect(createTeam({ ...actor, name: 'oakfield primary', parentId: trust.id })).rejects.toMatchObject({
			code: 'TEAM_NAME_TAKEN',
			field: 'name',
		})
		// The same name under another parent is fine.
		const secondary = await createTeam({ ...actor, name: 'Secondary schools', parentId: null })
		await createTeam({ ...actor, name: 'Oakfield Primary', parentId: secondary.id })

		await expect(moveTeam({ ...actor, teamId: trust.id, parentId: oakfield.id })).rejects.toMatchObject({
			code: 'TEAM_CYCLE',
		})
		await expect(moveTeam({ ...actor, teamId: trust.id, parentId: trust.id })).rejects.toMatchObject({
			code: 'TEAM_CYCLE',
		})
		expect((await prisma.team.findUniqueOrThrow({ where: { id: trust.id } })).parentId).toBeNull()

		// Five levels: trust › oakfield › l3 › l4 › l5; a sixth is refused, by creating or by moving.
		const l3 = await createTeam({ ...actor, name: 'Key stage 2', parentId: oakfield.id })
		const l4 = await createTeam({ ...actor, name: 'Year 6', parentId: l3.id })
		const l5 = await createTeam({ ...actor, name: 'Class 6R', parentId: l4.id })
		await expect(createTeam({ ...actor, name: 'Too deep', parentId: l5.id })).rejects.toMatchObject({
			code: 'TEAM_TOO_DEEP',
		})
		const loose = await createTeam({ ...actor, name: 'Loose', parentId: null })
		await createTeam({ ...actor, name: 'Loose child', parentId: loose.id })
		await expect(moveTeam({ ...actor, teamId: loose.id, parentId: l4.id })).rejects.toMatchObject({
			code: 'TEAM_TOO_DEEP',
		})
		await moveTeam({ ...actor, teamId: loose.id, parentId: l3.id })

		await renameTeam({ ...actor, teamId: oakfield.id, name: 'Oakfield Primary School' })
		const rows = await listTeams({ organisationId: org.id, scope: { kind: 'organisation' } })
		expect(rows.slice(0, 3).map((r) => [r.name, r.depth])).toEqual([
			['Primary schools', 0],
			['Oakfield Primary School', 1],
			['Key stage 2', 2],
		])
		const audit = await prisma.auditLog.findMany({ where: { organisationId: org.id, action: { startsWith: 'team.' } } })
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['team.create', 'team.move', 'team.rename']))
	})

	test('a team of another organisation cannot be used as a parent, and an administrator is needed', async () => {
		const { actor } = await world()
		const other = await world()
		const theirs = await createTeam({ ...other.actor, name: 'Theirs', parentId: null })
		await expect(createTeam({ ...actor, name: 'Mine', parentId: theirs.id })).rejects.toMatchObject({
			code: 'TEAM_NOT_FOUND',
		})
		const member = await addMember({ organisationId: actor.organisationId })
		await expect(
			createTeam({ organisationId: actor.organisationId, actorId: member.id, name: 'Mine', parentId: null }),
		).rejects.toMatchObject({
			code: 'NOT_AN_ORGANISATION_ADMIN',
		})
	})

	test('a manager sees their team and the teams beneath it only; deleting a team with sub-teams is refused', async () => {
		const { org, actor } = await world()
		const schools = await createTeam({ ...actor, name: 'Schools', parentId: null })
		const oakfield = await createTeam({ ...actor, name: 'Oakfield', parentId: schools.id })
		const office = await createTeam({ ...actor, name: 'Central office', parentId: null })
		const head = await addMember({ organisationId: org.id, name: 'Hana Head' })
		await addTeamMember({ ...actor, teamId: schools.id, membershipId: head.membershipId, now: NOW })
		await expect(
			requireComplianceAccess({ user: { id: head.id, role: 'LEARNER' }, slug: org.slug }),
		).rejects.toMatchObject({
			code: 'NOT_A_TEAM_MANAGER',
		})
		await setTeamManager({ ...actor, teamId: schools.id, membershipId: head.membershipId, isManager: true })
		const access = await requireComplianceAccess({ user: { id: head.id, role: 'LEARNER' }, slug: org.slug })
		expect(access.scope).toEqual({ kind: 'teams', teamIds: expect.arrayContaining([schools.id, oakfield.id]) })
		const seen = await listTeams({ organisationId: org.id, scope: access.scope })
		expect(seen.map((t) => t.name)).toEqual(['Schools', 'Oakfield'])
		expect(seen[0]!.managers).toEqual(['Hana Head'])
		await expect(getTeam({ organisationId: org.id, teamId: office.id, scope: access.scope })).rejects.toMatchObject({
			code: 'TEAM_NOT_FOUND',
		})

		await expect(deleteTeam({ ...actor, teamId: schools.id, now: NOW })).rejects.toMatchObject({
			code: 'TEAM_HAS_SUB_TEAMS',
		})
		await removeTeamMember({ ...actor, teamId: schools.id, membershipId: head.membershipId })
		await expect(
			requireComplianceAccess({ user: { id: head.id, role: 'LEARNER' }, slug: org.slug }),
		).rejects.toMatchObject({
			code: 'NOT_A_TEAM_MANAGER',
		})
		await deleteTeam({ ...actor, teamId: oakfield.id, now: NOW })
		expect(await prisma.team.count({ where: { organisationId: org.id } })).toBe(2)
	})

	test('a team manager adds and removes people in their teams only; managers are made and unmade by administrators', async () => {
		const { org, actor } = await world()
		const schools = await createTeam({ ...actor, name: 'Schools', parentId: null })
		const oakfield = await createTeam({ ...actor, name: 'Oakfield', parentId: schools.id })
		const office = await createTeam({ ...actor, name: 'Central office', parentId: null })
		const head = await addMember({ organisationId: org.id, name: 'Hana Head' })
		const deputy = await addMember({ organisationId: org.id, name: 'Dev Deputy' })
		const teacher = await addMember({ organisationId: org.id, name: 'Tia Teacher' })
		await addTeamMember({ ...actor, teamId: schools.id, membershipId: head.membershipId, asManager: true, now: NOW })
		await addTeamMember({ ...actor, teamId: schools.id, membershipId: deputy.membershipId, asManager: true, now: NOW })
		const asHead = { organisationId: org.id, actorId: head.id, origin: { ipAddress: '2001:db8::5' } }

		// Their own team and the teams beneath it: yes, audited with them as the actor.
		const added = await addTeamMember({ ...asHead, teamId: oakfield.id, membershipId: teacher.membershipId, now: NOW })
		expect(added).toMatchObject({ added: true, name: 'Tia Teacher' })
		const entry = await prisma.auditLog.findFirstOrThrow({
			where: { organisationId: org.id, action: 'team.member-add', targetId: oakfield.id },
		})
		expect(entry).toMatchObject({ actorId: head.id, ipAddress: '2001:db8::5' })
		await removeTeamMember({ ...asHead, teamId: oakfield.id, membershipId: teacher.membershipId })
		expect(await prisma.teamMember.count({ where: { teamId: oakfield.id } })).toBe(0)
		expect(
			await prisma.auditLog.count({
				where: { organisationId: org.id, action: 'team.member-remove', actorId: head.id },
			}),
		).toBe(1)

		// A team they do not manage is not found; nothing changes.
		await expect(
			addTeamMember({ ...asHead, teamId: office.id, membershipId: teacher.membershipId, now: NOW }),
		).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' })
		expect(await prisma.teamMember.count({ where: { teamId: office.id } })).toBe(0)

		// Making or unmaking a manager stays with administrators: as a new manager, by removing a
		// manager, or by the manager switch.
		await expect(
			addTeamMember({ ...asHead, teamId: oakfield.id, membershipId: teacher.membershipId, asManager: true, now: NOW }),
		).rejects.toMatchObject({ code: 'TEAM_MANAGERS_ADMINS_ONLY' })
		await expect(
			removeTeamMember({ ...asHead, teamId: schools.id, membershipId: deputy.membershipId }),
		).rejects.toMatchObject({ code: 'TEAM_MANAGERS_ADMINS_ONLY' })
		await expect(
			setTeamManager({ ...asHead, teamId: schools.id, membershipId: deputy.membershipId, isManager: false }),
		).rejects.toMatchObject({ code: 'NOT_AN_ORGANISATION_ADMIN' })
		expect(await prisma.teamMember.count({ where: { teamId: schools.id, isManager: true } })).toBe(2)
		expect(await prisma.teamMember.count({ where: { teamId: oakfield.id } })).toBe(0)

		// A plain member who manages nothing changes nothing.
		await expect(
			addTeamMember({
				organisationId: org.id,
				actorId: teacher.id,
				teamId: oakfield.id,
				membershipId: teacher.membershipId,
				now: NOW,
			}),
		).rejects.toMatchObject({ code: 'NOT_AN_ORGANISATION_ADMIN' })

		// A directory-managed team's people change only over SCIM, for administrators too.
		await prisma.team.update({ where: { id: oakfield.id }, data: { managedByDirectory: true } })
		for (const who of [asHead, actor]) {
			await expect(
				addTeamMember({ ...who, teamId: oakfield.id, membershipId: teacher.membershipId, now: NOW }),
			).rejects.toMatchObject({ code: 'TEAM_MANAGED_BY_DIRECTORY' })
		}
		await expect(renameTeam({ ...actor, teamId: oakfield.id, name: 'Oakfield Primary' })).rejects.toMatchObject({
			code: 'TEAM_MANAGED_BY_DIRECTORY',
		})
		await expect(deleteTeam({ ...actor, teamId: oakfield.id, now: NOW })).rejects.toMatchObject({
			code: 'TEAM_MANAGED_BY_DIRECTORY',
		})
		expect(await prisma.team.count({ where: { id: oakfield.id } })).toBe(1)
		const candidates = await getTeam({ organisationId: org.id, teamId: oakfield.id, scope: { kind: 'organisation' } })
		expect(candidates).toMatchObject({ managedByDirectory: true, candidates: [] })
	})

	test('concurrent moves cannot make a cycle', async () => {
		const { actor } = await world()
		const a = await createTeam({ ...actor, name: 'A', parentId: null })
		const b = await createTeam({ ...actor, name: 'B', parentId: null })
		const results = await Promise.allSettled([
			moveTeam({ ...actor, teamId: a.id, parentId: b.id }),
			moveTeam({ ...actor, teamId: b.id, parentId: a.id }),
		])
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
		const rows = await prisma.team.findMany({ where: { id: { in: [a.id, b.id] } }, select: { parentId: true } })
		expect(rows.filter((r) => r.parentId === null)).toHaveLength(1)
	})
})

describe('teams/sql.ts', () => {
	test('ancestry, subtree and the tree lock', async () => {
		const { actor } = await world()
		const a = await createTeam({ ...actor, name: 'A', parentId: null })
		const b = await createTeam({ ...actor, name: 'B', parentId: a.id })
		const c = await createTeam({ ...actor, name: 'C', parentId: b.id })
		const ancestry = await selectTeamAncestry(prisma, { teamId: c.id })
		expect(ancestry).toEqual([
			{ id: c.id, name: 'C', depth: 1 },
			{ id: b.id, name: 'B', depth: 2 },
			{ id: a.id, name: 'A', depth: 3 },
		])
		const subtree = await selectTeamSubtree(prisma, { teamId: a.id })
		expect(subtree.sort((x, y) => x.level - y.level)).toEqual([
			{ id: a.id, level: 0 },
			{ id: b.id, level: 1 },
			{ id: c.id, level: 2 },
		])
		await prisma.$transaction((tx) => lockTeamTree(tx, actor.organisationId))
	})
})
