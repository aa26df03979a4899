import { afterAll, describe, expect, test } from 'vitest'
import { selectComplianceStatuses } from '#modules/compliance/sql.ts'
import { ukToday } from '#modules/compliance/status.ts'
import { prisma } from '#modules/db/client.ts'
import { fulfilOrder } from '#modules/billing/fulfil-order.ts'
import { acceptInvitation } from '#modules/organisations/invitations.ts'
import { removeMember } from '#modules/organisations/members.ts'
import { createTeam } from '#modules/teams/manage-teams.ts'
import { addTeamMember, setTeamManager } from '#modules/teams/team-members.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCourse, createUser } from '#tests/factories/learning.ts'
import { addMember, createInvitation, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { createAssignment } from './create-assignment.ts'
import { listAssignments } from './list-assignments.ts'
import { selectOpenRequirementsFor } from './sql.ts'
import { withdrawAssignment } from './withdraw-assignment.ts'

afterAll(releaseTestResources)

const NOW = new Date('2026-12-06T10:00:00Z')
const day = (iso: string) => new Date(`${iso}T12:00:00Z`)

async function trust({ seats = 10 } = {}) {
	const org = await createOrganisation({ name: 'Riverside Academy Trust' })
	const actor = { organisationId: org.id, actorId: org.owner.id }
	const pool = await createSeatPool({ organisationId: org.id, seats })
	const schools = await createTeam({ ...actor, name: 'Schools', parentId: null })
	const oakfield = await createTeam({ ...actor, name: 'Oakfield', parentId: schools.id })
	const office = await createTeam({ ...actor, name: 'Office', parentId: null })
	const ada = await addMember({ organisationId: org.id, name: 'Ada Teacher' })
	const ben = await addMember({ organisationId: org.id, name: 'Ben Teacher' })
	const cat = await addMember({ organisationId: org.id, name: 'Cat Clerk' })
	await addTeamMember({ ...actor, teamId: schools.id, membershipId: ada.membershipId, now: NOW })
	await addTeamMember({ ...actor, teamId: oakfield.id, membershipId: ben.membershipId, now: NOW })
	await addTeamMember({ ...actor, teamId: office.id, membershipId: cat.membershipId, now: NOW })
	return { org, actor, pool, course: pool.course, schools, oakfield, office, ada, ben, cat }
}

async function statusOf(userId: string, courseId: string, now: Date) {
	const row = await prisma.learnerAssignment.findFirstOrThrow({
		where: { userId, courseId, cancelledAt: null },
		orderBy: { cycle: 'desc' },
	})
	return (await selectComplianceStatuses(prisma, { ids: [row.id], today: ukToday(now) })).get(row.id)
}

describe('createAssignment', () => {
	test('a team includes its sub-teams; each person takes a seat; assigned → due soon → overdue by the UK calendar', async () => {
		const t = await trust()
		const result = await createAssignment({
			...t.actor,
			courseId: t.course.id,
			target: 'TEAM',
			teamId: t.schools.id,
			dueOn: '2027-01-31',
			now: NOW,
		})
		expect(result).toMatchObject({ status: 'created', reached: 2, assigned: 2 })
		const rows = await prisma.learnerAssignment.findMany({
			where: { organisationId: t.org.id },
			select: { userId: true, enrolmentId: true },
		})
		expect(rows.map((r) => r.userId).sort()).toEqual([t.ada.id, t.ben.id].sort())
		expect(rows.every((r) => r.enrolmentId)).toBe(true)
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: t.pool.id } })).used).toBe(2)

		expect(await statusOf(t.ada.id, t.course.id, NOW)).toBe('NOT_STARTED')
		expect(await statusOf(t.ada.id, t.course.id, day('2027-01-01'))).toBe('DUE_SOON')
		expect(await statusOf(t.ada.id, t.course.id, day('2027-01-31'))).toBe('DUE_SOON')
		// 00:30 UTC on 1 February is 00:30 in London (GMT in winter): the first overdue day.
		expect(await statusOf(t.ada.id, t.course.id, new Date('2027-02-01T00:30:00Z'))).toBe('OVERDUE')

		const [card] = await selectOpenRequirementsFor(prisma, { userId: t.ada.id, today: ukToday(NOW) })
		expect(card).toMatchObject({
			organisationName: 'Riverside Academy Trust',
			status: 'NOT_STARTED',
			waitingForSeat: false,
		})
		expect(card!.dueOn.toISOString().slice(0, 10)).toBe('2027-01-31')
	})

	test('bad input: a past due date, someone outside the organisation, a draft course — a clear message and nothing saved', async () => {
		const t = await trust()
		await expect(
			createAssignment({ ...t.actor, courseId: t.course.id, target: 'EVERYONE', dueOn: '2026-12-05', now: NOW }),
		).rejects.toMatchObject({ code: 'DUE_DATE_IN_PAST', field: 'dueOn' })
		const stranger = await createUser()
		await expect(
			createAssignment({
				...t.actor,
				courseId: t.course.id,
				target: 'PERSON',
				userId: stranger.id,
				dueOn: '2027-01-31',
				now: NOW,
			}),
		).rejects.toMatchObject({ code: 'NOT_A_MEMBER', field: 'userId' })
		const draft = await createCourse({ published: false })
		await expect(
			createAssignment({ ...t.actor, courseId: draft.id, target: 'EVERYONE', dueOn: '2027-01-31', now: NOW }),
		).rejects.toMatchObject({ code: 'COURSE_NOT_ASSIGNABLE' })
		const other = await createOrganisation()
		const theirTeam = await createTeam({
			organisationId: other.id,
			actorId: other.owner.id,
			name: 'Theirs',
			parentId: null,
		})
		await expect(
			createAssignment({
				...t.actor,
				courseId: t.course.id,
				target: 'TEAM',
				teamId: theirTeam.id,
				dueOn: '2027-01-31',
				now: NOW,
			}),
		).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' })
		expect(await prisma.assignment.count({ where: { organisationId: t.org.id } })).toBe(0)
		expect(await prisma.learnerAssignment.count({ where: { organisationId: t.org.id } })).toBe(0)
		// Today is fine.
		await createAssignment({
			...t.actor,
			courseId: t.course.id,
			target: 'PERSON',
			userId: t.ada.id,
			dueOn: '2026-12-06',
			now: NOW,
		})
	})

	test('a seat missing at assignment: refused with how many, nothing saved; after buying that many it goes through', async () => {
		const t = await trust({ seats: 1 })
		const result = await createAssignment({
			...t.actor,
			courseId: t.course.id,
			target: 'EVERYONE',
			dueOn: '2027-01-31',
			now: NOW,
		})
		// Owner, Ada, Ben and Cat need four seats; one is left.
		expect(result).toEqual({
			status: 'seats-missing',
			seatsMissing: 3,
			seatsNeeded: 4,
			seatsLeft: 1,
			courseSlug: t.course.slug,
		})
		expect(await prisma.assignment.count({ where: { organisationId: t.org.id } })).toBe(0)
		expect(await prisma.learnerAssignment.count({ where: { organisationId: t.org.id } })).toBe(0)
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: t.pool.id } })).used).toBe(0)

		await prisma.seatPool.update({ where: { id: t.pool.id }, data: { seats: { increment: 3 } } })
		const again = await createAssignment({
			...t.actor,
			courseId: t.course.id,
			target: 'EVERYONE',
			dueOn: '2027-01-31',
			now: NOW,
		})
		expect(again).toMatchObject({ status: 'created', assigned: 4 })
	})

	test('a free course needs no seats: members are enrolled directly', async () => {
		const t = await trust()
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		const result = await createAssignment({
			...t.actor,
			courseId: course.id,
			target: 'TEAM',
			teamId: t.office.id,
			dueOn: '2027-01-31',
			now: NOW,
		})
		expect(result).toMatchObject({ status: 'created', assigned: 1 })
	})

	test('a team manager assigns to their teams only, never to everyone', async () => {
		const t = await trust()
		await setTeamManager({ ...t.actor, teamId: t.schools.id, membershipId: t.ada.membershipId, isManager: true })
		const manager = { organisationId: t.org.id, actorId: t.ada.id }
		await expect(
			createAssignment({ ...manager, courseId: t.course.id, target: 'EVERYONE', dueOn: '2027-01-31', now: NOW }),
		).rejects.toMatchObject({ code: 'EVERYONE_ADMINS_ONLY' })
		await expect(
			createAssignment({
				...manager,
				courseId: t.course.id,
				target: 'TEAM',
				teamId: t.office.id,
				dueOn: '2027-01-31',
				now: NOW,
			}),
		).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' })
		await expect(
			createAssignment({
				...manager,
				courseId: t.course.id,
				target: 'PERSON',
				userId: t.cat.id,
				dueOn: '2027-01-31',
				now: NOW,
			}),
		).rejects.toMatchObject({ code: 'NOT_A_MEMBER' })
		const ok = await createAssignment({
			...manager,
			courseId: t.course.id,
			target: 'TEAM',
			teamId: t.oakfield.id,
			dueOn: '2027-01-31',
			now: NOW,
		})
		expect(ok).toMatchObject({ status: 'created', reached: 1 })
		// The admin's rule for the office is not the manager's to see.
		await createAssignment({
			...t.actor,
			courseId: t.course.id,
			target: 'TEAM',
			teamId: t.office.id,
			dueOn: '2027-01-31',
			now: NOW,
		})
		const theirs = await listAssignments({
			organisationId: t.org.id,
			scope: { kind: 'teams', teamIds: [t.schools.id, t.oakfield.id] },
		})
		expect(theirs.map((r) => r.targetLabel)).toEqual(['Oakfield'])
		const office = (await listAssignments({ organisationId: t.org.id, scope: { kind: 'organisation' } })).find(
			(r) => r.targetLabel === 'Office',
		)!
		await expect(withdrawAssignment({ ...manager, assignmentId: office.id, now: NOW })).rejects.toMatchObject({
			code: 'ASSIGNMENT_NOT_FOUND',
		})
	})

	test('withdrawing a rule cancels its open requirements and keeps completed ones', async () => {
		const t = await trust()
		const created = await createAssignment({
			...t.actor,
			courseId: t.course.id,
			target: 'TEAM',
			teamId: t.schools.id,
			dueOn: '2027-01-31',
			now: NOW,
		})
		if (created.status !== 'created') throw new Error('expected created')
		await prisma.learnerAssignment.updateMany({
			where: { assignmentId: created.assignmentId, userId: t.ada.id },
			data: { completedAt: NOW },
		})
		const result = await withdrawAssignment({ ...t.actor, assignmentId: created.assignmentId, now: NOW })
		expect(result).toEqual({ withdrawn: true, cancelled: 1 })
		expect(await withdrawAssignment({ ...t.actor, assignmentId: created.assignmentId, now: NOW })).toEqual({
			withdrawn: false,
			cancelled: 0,
		})
		const rows = await prisma.learnerAssignment.findMany({
			where: { assignmentId: created.assignmentId },
			select: { userId: true, cancelledAt: true, completedAt: true },
		})
		expect(rows.find((r) => r.userId === t.ada.id)).toMatchObject({ cancelledAt: null })
		expect(rows.find((r) => r.userId === t.ben.id)!.cancelledAt).not.toBeNull()
		expect(await selectOpenRequirementsFor(prisma, { userId: t.ben.id, today: ukToday(NOW) })).toEqual([])
	})
})

describe('leavers', () => {
	test('removing someone from the organisation cancels their open requirements there and keeps completed ones', async () => {
		const t = await trust()
		const free = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		await createAssignment({
			...t.actor,
			courseId: t.course.id,
			target: 'PERSON',
			userId: t.cat.id,
			dueOn: '2027-01-31',
			now: NOW,
		})
		await createAssignment({
			...t.actor,
			courseId: free.id,
			target: 'PERSON',
			userId: t.cat.id,
			dueOn: '2027-01-31',
			now: NOW,
		})
		await prisma.learnerAssignment.updateMany({
			where: { userId: t.cat.id, courseId: free.id },
			data: { completedAt: NOW },
		})
		await removeMember({ organisationId: t.org.id, membershipId: t.cat.membershipId, actorId: t.org.owner.id })
		const rows = await prisma.learnerAssignment.findMany({
			where: { userId: t.cat.id },
			select: { courseId: true, cancelledAt: true },
		})
		expect(rows.find((r) => r.courseId === t.course.id)!.cancelledAt).not.toBeNull()
		expect(rows.find((r) => r.courseId === free.id)!.cancelledAt).toBeNull()
	})
})

describe('new starters', () => {
	test('joining a team, or the organisation by invitation, assigns the rules for joiners, due N days after joining, once', async () => {
		const t = await trust()
		await createAssignment({
			...t.actor,
			courseId: t.course.id,
			target: 'TEAM',
			teamId: t.schools.id,
			newStarterDays: 14,
			now: NOW,
		})
		const free = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		await createAssignment({
			...t.actor,
			courseId: free.id,
			target: 'EVERYONE',
			dueOn: '2027-03-31',
			newStarterDays: 30,
			now: NOW,
		})
		// Existing people in the team were assigned, due 14 days from today.
		const ada = await prisma.learnerAssignment.findFirstOrThrow({ where: { userId: t.ada.id, courseId: t.course.id } })
		expect(ada.dueOn.toISOString().slice(0, 10)).toBe('2026-12-20')

		// Dee joins the organisation by invitation a month later: the "everyone" rule reaches her.
		const later = new Date('2027-01-10T09:00:00Z')
		const dee = await createUser({ name: 'Dee Newstarter' })
		const invitation = await createInvitation({ organisationId: t.org.id, poolId: null, email: dee.email })
		await acceptInvitation({ token: invitation.token, userId: dee.id, now: later })
		const deeRows = await prisma.learnerAssignment.findMany({
			where: { userId: dee.id },
			select: { courseId: true, dueOn: true },
		})
		expect(deeRows).toEqual([{ courseId: free.id, dueOn: new Date('2027-02-09T00:00:00Z') }])

		// She is put in Oakfield (beneath Schools): the Schools rule for joiners reaches her too.
		const membership = await prisma.membership.findFirstOrThrow({ where: { userId: dee.id, organisationId: t.org.id } })
		const added = await addTeamMember({ ...t.actor, teamId: t.oakfield.id, membershipId: membership.id, now: later })
		expect(added.assigned).toBe(1)
		const seat = await prisma.learnerAssignment.findFirstOrThrow({ where: { userId: dee.id, courseId: t.course.id } })
		expect(seat.dueOn.toISOString().slice(0, 10)).toBe('2027-01-24')
		// Adding her to another team under the same rule assigns nothing twice.
		await addTeamMember({ ...t.actor, teamId: t.schools.id, membershipId: membership.id, now: later })
		expect(await prisma.learnerAssignment.count({ where: { userId: dee.id } })).toBe(2)
	})

	test('a joiner with no seat left waits for one, and buying seats gives it to them, soonest due first', async () => {
		const t = await trust({ seats: 2 })
		await createAssignment({
			...t.actor,
			courseId: t.course.id,
			target: 'TEAM',
			teamId: t.schools.id,
			newStarterDays: 14,
			now: NOW,
		})
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: t.pool.id } })).used).toBe(2)
		const eve = await addMember({ organisationId: t.org.id, name: 'Eve Late' })
		await addTeamMember({ ...t.actor, teamId: t.oakfield.id, membershipId: eve.membershipId, now: NOW })
		const [card] = await selectOpenRequirementsFor(prisma, { userId: eve.id, today: ukToday(NOW) })
		expect(card).toMatchObject({ waitingForSeat: true })

		const order = await prisma.order.create({
			data: {
				buyerUserId: t.org.owner.id,
				organisationId: t.org.id,
				courseId: t.course.id,
				quantity: 1,
				amountPence: 4900,
			},
		})
		await fulfilOrder({ orderId: order.id, paidVia: 'demo' })
		const row = await prisma.learnerAssignment.findFirstOrThrow({ where: { userId: eve.id } })
		expect(row.enrolmentId).not.toBeNull()
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: t.pool.id } })).used).toBe(3)
	})
})
