import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createCircle } from '#tests/factories/circles.ts'
import { createUser } from '#tests/factories/learning.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { toLondonLocal } from '#modules/circles/london-time.ts'
import { bookCircle } from '#modules/circles/book-circle.ts'
import { markRegister } from '#modules/circles/attendance.ts'
import { action as registerAction, loader as registerLoader } from './circles.$circleId_.register.tsx'
import { action as orgAction, loader as orgLoader } from './org.$slug.circles.tsx'
import { action as editAction } from './circles.$circleId_.edit.tsx'
import { action as studioAction } from './studio.circles.new.tsx'

afterAll(releaseTestResources)

const context = { clientIp: '127.0.0.1', cspNonce: 'test' }
const HOUR = 3_600_000

type Reply = {
	data: {
		ok?: boolean
		message?: string
		result?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }
	}
	init: { status?: number } | null
}

async function outcome(promise: Promise<unknown>) {
	try {
		return { returned: (await promise) as Reply }
	} catch (thrown) {
		if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('Location') }
		const init = (thrown as { init?: { status?: number } }).init
		if (init?.status) return { status: init.status }
		throw thrown
	}
}

function post(path: string, fields: Record<string, string | string[]>, cookie: string) {
	const request = formRequest(path, fields, { cookie })
	request.headers.set('Origin', 'http://localhost')
	return request
}

function registerPage(circleId: string, cookie: string) {
	const path = `/circles/${circleId}/register`
	{
		return registerLoader({
			request: getRequest(path, { cookie }),
			params: { circleId },
			context,
		} as unknown as Parameters<typeof registerLoader>[0])
	}
}

function register(circleId: string, cookie: string, fields: Record<string, string | string[]>) {
	const path = `/circles/${circleId}/register`
	return registerAction({ request: post(path, fields, cookie), params: { circleId }, context } as unknown as Parameters<
		typeof registerAction
	>[0])
}

function orgCirclesPage(slug: string, cookie: string) {
	const path = `/org/${slug}/circles`
	{
		return orgLoader({ request: getRequest(path, { cookie }), params: { slug }, context } as unknown as Parameters<
			typeof orgLoader
		>[0])
	}
}

function orgCircles(slug: string, cookie: string, fields: Record<string, string | string[]>) {
	const path = `/org/${slug}/circles`
	return orgAction({ request: post(path, fields, cookie), params: { slug }, context } as unknown as Parameters<
		typeof orgAction
	>[0])
}

async function teamCircle() {
	const org = await createOrganisation()
	const team = await prisma.team.create({ data: { organisationId: org.id, name: 'Early help' } })
	const members = await Promise.all(
		['Ola', 'Pat', 'Rui'].map((n) => addMember({ organisationId: org.id, name: `${n} Team` })),
	)
	for (const m of members) await prisma.teamMember.create({ data: { teamId: team.id, membershipId: m.membershipId } })
	const circle = await createCircle({
		organisationId: org.id,
		teamId: team.id,
		capacity: 2,
		facilitatorId: org.owner.id,
	})
	return { org, team, members, circle, ownerCookie: await sessionCookie(org.owner.id) }
}

describe('the register: booking people into an organisation’s circle', () => {
	test('the administrator books a whole team in one action; choosing nobody is refused beside the list', async () => {
		const { team, members, circle, ownerCookie } = await teamCircle()
		const page = await registerPage(circle.id, ownerCookie)
		expect(page.bookable?.people.map((p) => p.id).sort()).toEqual(members.map((m) => m.id).sort())
		expect(page.bookable?.teams).toEqual([{ id: team.id, name: 'Early help', size: 3 }])

		const empty = await outcome(register(circle.id, ownerCookie, { intent: 'book-people' }))
		expect(empty.returned?.init?.status).toBe(400)
		expect(empty.returned?.data.result?.error?.userId?.[0]).toBe('Choose at least one person, or a team')

		const booked = await outcome(register(circle.id, ownerCookie, { intent: 'book-people', teamId: team.id }))
		expect(booked.status).toBe(302)
		expect(booked.location).toContain('booked=2&waiting=1&already=0')
		expect(await prisma.circleBooking.count({ where: { circleId: circle.id } })).toBe(3)
	})

	test('someone outside the team is refused beside the list, with the ticks kept', async () => {
		const { org, members, circle, ownerCookie } = await teamCircle()
		const elsewhere = await addMember({ organisationId: org.id, name: 'Sol Elsewhere' })
		const refused = await outcome(
			register(circle.id, ownerCookie, { intent: 'book-people', userId: [members[0]!.id, elsewhere.id] }),
		)
		expect(refused.returned?.init?.status).toBe(422)
		expect(refused.returned?.data.result?.error?.userId?.[0]).toContain('Sol Elsewhere')
		expect(refused.returned?.data.result?.initialValue?.userId).toEqual([members[0]!.id, elsewhere.id])
		expect(await prisma.circleBooking.count({ where: { circleId: circle.id } })).toBe(0)
	})

	test('a team member who does not run the circle cannot see its register nor book anyone', async () => {
		const { members, circle } = await teamCircle()
		const cookie = await sessionCookie(members[0]!.id)
		expect((await outcome(registerPage(circle.id, cookie))).status).toBe(404)
		const attempt = await outcome(register(circle.id, cookie, { intent: 'book-people', userId: [members[1]!.id] }))
		expect(attempt.returned?.init?.status ?? attempt.status).toBe(403)
		expect(await prisma.circleBooking.count({ where: { circleId: circle.id } })).toBe(0)
	})
})

describe('the register: taking someone off it', () => {
	test('the facilitator takes someone off; their circle entry goes; a stranger cannot', async () => {
		const startsAt = new Date(Date.now() - HOUR)
		const circle = await createCircle({ startsAt, durationMinutes: 120 })
		const learner = await createUser({ name: 'Tam Learner' })
		await bookCircle({ circleId: circle.id, userId: learner.id, now: new Date(startsAt.getTime() - HOUR) })
		await markRegister({ circleId: circle.id, actorId: circle.facilitatorId, userIds: [learner.id], now: new Date() })
		const page = await registerPage(circle.id, await sessionCookie(circle.facilitatorId))
		expect(page.circle.canUnmark).toBe(true)

		const stranger = await createUser({ role: 'TRAINER' })
		const refused = await outcome(
			register(circle.id, await sessionCookie(stranger.id), { intent: `unmark:${learner.id}` }),
		)
		expect(refused.returned?.init?.status).toBe(403)
		expect(await prisma.cpdEntry.count({ where: { userId: learner.id, source: 'CIRCLE' } })).toBe(1)

		const done = await outcome(
			register(circle.id, await sessionCookie(circle.facilitatorId), { intent: `unmark:${learner.id}` }),
		)
		expect(done.returned).toMatchObject({ ok: true })
		expect(await prisma.cpdEntry.count({ where: { userId: learner.id } })).toBe(0)
		expect(await prisma.circleAttendance.count({ where: { circleId: circle.id } })).toBe(0)
	})
})

describe('an organisation’s circle facilitators', () => {
	test('an administrator makes a member a facilitator, who then schedules circles from the page; other members get 403', async () => {
		const org = await createOrganisation()
		const ownerCookie = await sessionCookie(org.owner.id)
		const member = await addMember({ organisationId: org.id, name: 'Uma Facilitator' })
		const memberCookie = await sessionCookie(member.id)
		expect((await outcome(orgCirclesPage(org.slug, memberCookie))).status).toBe(403)
		expect(
			(await outcome(orgCircles(org.slug, memberCookie, { ...input(member.email), mode: 'IN_PERSON' }))).status,
		).toBe(403)

		// A member cannot make themselves one.
		const self = await outcome(orgCircles(org.slug, memberCookie, { intent: 'add-facilitator', userId: member.id }))
		expect(self.status).toBe(403)

		const page = await orgCirclesPage(org.slug, ownerCookie)
		expect(page.facilitators?.candidates.map((c) => c.id)).toContain(member.id)
		const added = await outcome(orgCircles(org.slug, ownerCookie, { intent: 'add-facilitator', userId: member.id }))
		expect(added.status).toBe(302)
		expect(await prisma.auditLog.count({ where: { action: 'circle.facilitator_added', targetId: member.id } })).toBe(1)

		const theirs = await orgCirclesPage(org.slug, memberCookie)
		expect(theirs.isOrgAdmin).toBe(false)
		expect(theirs.facilitators).toBeNull()
		const scheduled = await outcome(orgCircles(org.slug, memberCookie, input(member.email)))
		expect(scheduled.status).toBe(302)
		expect(scheduled.location).toMatch(/^\/circles\/[^/]+\/register\?scheduled=1$/)
		// …but cannot hand the permission to anyone else.
		const other = await addMember({ organisationId: org.id, name: 'Vic Other' })
		const handed = await outcome(orgCircles(org.slug, memberCookie, { intent: 'add-facilitator', userId: other.id }))
		expect(handed.returned?.init?.status).toBe(403)
		expect(await prisma.membership.count({ where: { userId: other.id, facilitatesCircles: true } })).toBe(0)
	})
})

describe('bad input for circles: a message beside the field, what was typed kept', () => {
	const bad = { startsAt: '2020-01-06T16:00', capacity: '0', mode: 'ONLINE', meetingUrl: 'http://zoom.example.org/j/1' }

	function expectRefused(reply: Reply | undefined, title: string) {
		expect(reply?.init?.status).toBe(400)
		const errors = reply?.data.result?.error
		expect(errors?.startsAt?.[0]).toBe('Choose a time in the future')
		expect(errors?.capacity?.[0]).toBe('A circle needs room for at least one person')
		expect(errors?.meetingUrl?.[0]).toContain('https link')
		expect(reply?.data.result?.initialValue).toMatchObject({ title, ...bad })
	}

	test('scheduling from the studio', async () => {
		const trainer = await createUser({ role: 'TRAINER' })
		const fields = { ...input(trainer.email), ...bad, title: 'Studio circle with bad input' }
		const reply = (await studioAction({
			request: post('/studio/circles/new', fields, await sessionCookie(trainer.id)),
			params: {},
			context,
		} as unknown as Parameters<typeof studioAction>[0])) as unknown as Reply
		expectRefused(reply, 'Studio circle with bad input')
	})

	test('changing a circle', async () => {
		const trainer = await createUser({ role: 'TRAINER' })
		const circle = await createCircle({ facilitatorId: trainer.id })
		const fields = { ...input(trainer.email), ...bad, title: 'Changed with bad input' }
		const reply = (await editAction({
			request: post(`/circles/${circle.id}/edit`, fields, await sessionCookie(trainer.id)),
			params: { circleId: circle.id },
			context,
		} as unknown as Parameters<typeof editAction>[0])) as unknown as Reply
		expectRefused(reply, 'Changed with bad input')
	})

	test('an organisation’s circle', async () => {
		const org = await createOrganisation()
		const fields = { ...input(org.owner.email), ...bad, title: 'Team circle with bad input' }
		const { returned } = await outcome(orgCircles(org.slug, await sessionCookie(org.owner.id), fields))
		expectRefused(returned, 'Team circle with bad input')
	})

	test('a capacity below the places already taken is refused beside the field on the server', async () => {
		const trainer = await createUser({ role: 'TRAINER' })
		const circle = await createCircle({ facilitatorId: trainer.id, capacity: 3 })
		for (const learner of await Promise.all([createUser(), createUser()])) {
			await bookCircle({ circleId: circle.id, userId: learner.id, now: new Date() })
		}
		const reply = (await editAction({
			request: post(
				`/circles/${circle.id}/edit`,
				{ ...input(trainer.email), capacity: '1' },
				await sessionCookie(trainer.id),
			),
			params: { circleId: circle.id },
			context,
		} as unknown as Parameters<typeof editAction>[0])) as unknown as Reply
		expect(reply.init?.status).toBe(422)
		expect(reply.data.result?.error?.capacity?.[0]).toContain('2 people already have a place')
		expect(reply.data.result?.initialValue).toMatchObject({
			capacity: '1',
			title: 'Check-in circle for the night team',
		})
	})
})

function input(email: string) {
	return {
		title: 'Check-in circle for the night team',
		startsAt: toLondonLocal(new Date(Date.now() + 72 * HOUR)),
		durationMinutes: '60',
		capacity: '10',
		mode: 'IN_PERSON',
		venue: 'Staff room',
		facilitatorEmail: email,
	}
}
