import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createTeam } from '#modules/teams/manage-teams.ts'
import { addTeamMember } from '#modules/teams/team-members.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { addMember, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { loader as dashboardLoader } from './dashboard.tsx'
import { action as assignmentsAction, loader as assignmentsLoader } from './org.$slug.assignments.tsx'
import { loader as layoutLoader } from './org.$slug.tsx'
import { loader as membersLoader } from './org.$slug.members.tsx'
import { loader as overviewLoader } from './org.$slug._index.tsx'
import { action as teamAction, loader as teamLoader } from './org.$slug.teams.$teamId.tsx'
import { action as teamsAction, loader as teamsLoader } from './org.$slug.teams._index.tsx'

afterAll(releaseTestResources)

type Handler = (args: never) => Promise<unknown>

function call<T extends Handler>(handler: T, request: Request, params: Record<string, string> = {}) {
	const args = { request, params, context: { clientIp: '2001:db8::77', cspNonce: 'test' } }
	return (handler as unknown as (a: typeof args) => Promise<unknown>)(args).catch((thrown: unknown) => thrown)
}

function statusOf(outcome: unknown) {
	if (outcome instanceof Response) return outcome.status
	const init = (outcome as { init?: { status?: number } | null })?.init
	return init?.status ?? 200
}

function dataOf<T>(outcome: unknown): T {
	return ((outcome as { data?: unknown }).data ?? outcome) as T
}

const isoDaysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

async function world() {
	const org = await createOrganisation({ name: 'Riverside Academy Trust' })
	const pool = await createSeatPool({ organisationId: org.id, seats: 5 })
	const cookie = await sessionCookie(org.owner.id)
	return { org, pool, cookie, base: `/org/${org.slug}` }
}

describe('Teams pages', () => {
	test('an admin creates nested teams; bad names come back beside the field with what was typed', async () => {
		const { org, cookie, base } = await world()
		const created = await call(
			teamsAction,
			formRequest(`${base}/teams`, { intent: 'create', name: 'Oakfield Primary', parentId: '' }, { cookie }),
			{ slug: org.slug },
		)
		expect(statusOf(created)).toBe(302)
		const team = await prisma.team.findFirstOrThrow({ where: { organisationId: org.id } })
		const child = await call(
			teamsAction,
			formRequest(`${base}/teams`, { intent: 'create', name: 'Year 6', parentId: team.id }, { cookie }),
			{ slug: org.slug },
		)
		expect(statusOf(child)).toBe(302)

		const blank = await call(
			teamsAction,
			formRequest(`${base}/teams`, { intent: 'create', name: '   ', parentId: '' }, { cookie }),
			{ slug: org.slug },
		)
		expect(statusOf(blank)).toBe(400)
		expect(dataOf<{ result: { error: Record<string, string[]> } }>(blank).result.error.name).toEqual([
			'Enter a name for the team',
		])
		const taken = await call(
			teamsAction,
			formRequest(`${base}/teams`, { intent: 'create', name: 'oakfield primary', parentId: '' }, { cookie }),
			{ slug: org.slug },
		)
		expect(statusOf(taken)).toBe(409)
		const takenResult = dataOf<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(
			taken,
		).result
		expect(takenResult.error.name?.[0]).toMatch(/already has this name/)
		expect(takenResult.initialValue.name).toBe('oakfield primary')
		const nul = await call(
			teamsAction,
			formRequest(`${base}/teams`, { intent: 'create', name: 'Bad\u0000name', parentId: '' }, { cookie }),
			{ slug: org.slug },
		)
		expect(statusOf(nul)).toBe(400)

		const page = dataOf<{ teams: Array<{ name: string; depth: number }> }>(
			await call(teamsLoader, getRequest(`${base}/teams`, { cookie }), { slug: org.slug }),
		)
		expect(page.teams.map((t) => [t.name, t.depth])).toEqual([
			['Oakfield Primary', 0],
			['Year 6', 1],
		])
		// Moving a team inside its own sub-team is refused beside the field.
		const cycle = await call(
			teamAction,
			formRequest(
				`${base}/teams/${team.id}`,
				{ intent: 'move', parentId: (await prisma.team.findFirstOrThrow({ where: { parentId: team.id } })).id },
				{ cookie },
			),
			{ slug: org.slug, teamId: team.id },
		)
		expect(statusOf(cycle)).toBe(422)
		expect(dataOf<{ result: { error: Record<string, string[]> } }>(cycle).result.error.parentId?.[0]).toMatch(
			/own sub-teams/,
		)
	})

	test('a team manager reaches Teams and Assignments for their teams only, never Members or the overview', async () => {
		const { org, cookie, base } = await world()
		const schools = await createTeam({ organisationId: org.id, actorId: org.owner.id, name: 'Schools', parentId: null })
		const office = await createTeam({ organisationId: org.id, actorId: org.owner.id, name: 'Office', parentId: null })
		const head = await addMember({ organisationId: org.id, name: 'Hana Head' })
		await addTeamMember({
			organisationId: org.id,
			actorId: org.owner.id,
			teamId: schools.id,
			membershipId: head.membershipId,
			asManager: true,
			now: new Date(),
		})
		const plain = await addMember({ organisationId: org.id })
		const headCookie = await sessionCookie(head.id)

		expect(
			statusOf(
				await call(layoutLoader, getRequest(base, { cookie: await sessionCookie(plain.id) }), { slug: org.slug }),
			),
		).toBe(403)
		const layout = dataOf<{ managedTeams: number }>(
			await call(layoutLoader, getRequest(base, { cookie: headCookie }), { slug: org.slug }),
		)
		expect(layout.managedTeams).toBe(1)
		expect(
			statusOf(await call(membersLoader, getRequest(`${base}/members`, { cookie: headCookie }), { slug: org.slug })),
		).toBe(403)
		const overview = await call(overviewLoader, getRequest(base, { cookie: headCookie }), { slug: org.slug })
		expect((overview as Response).headers.get('Location')).toBe(`${base}/compliance`)

		const teams = dataOf<{ teams: Array<{ name: string }>; isAdmin: boolean }>(
			await call(teamsLoader, getRequest(`${base}/teams`, { cookie: headCookie }), { slug: org.slug }),
		)
		expect(teams).toMatchObject({ isAdmin: false, teams: [{ name: 'Schools' }] })
		expect(
			statusOf(
				await call(teamLoader, getRequest(`${base}/teams/${office.id}`, { cookie: headCookie }), {
					slug: org.slug,
					teamId: office.id,
				}),
			),
		).toBe(404)
		// A manager cannot restructure: creating a team is refused.
		const create = await call(
			teamsAction,
			formRequest(`${base}/teams`, { intent: 'create', name: 'Mine', parentId: '' }, { cookie: headCookie }),
			{ slug: org.slug },
		)
		expect(statusOf(create)).toBe(403)
		expect(await prisma.team.count({ where: { organisationId: org.id } })).toBe(2)
		// And the admin sees both teams.
		const all = dataOf<{ teams: unknown[] }>(
			await call(teamsLoader, getRequest(`${base}/teams`, { cookie }), { slug: org.slug }),
		)
		expect(all.teams).toHaveLength(2)
	})

	test('a team manager adds someone to their team from its page and takes them out; asking to make a manager is refused', async () => {
		const { org, base } = await world()
		const schools = await createTeam({ organisationId: org.id, actorId: org.owner.id, name: 'Schools', parentId: null })
		const head = await addMember({ organisationId: org.id, name: 'Hana Head' })
		const teacher = await addMember({ organisationId: org.id, name: 'Tia Teacher' })
		await addTeamMember({
			organisationId: org.id,
			actorId: org.owner.id,
			teamId: schools.id,
			membershipId: head.membershipId,
			asManager: true,
			now: new Date(),
		})
		const headCookie = await sessionCookie(head.id)
		const url = `${base}/teams/${schools.id}`
		const params = { slug: org.slug, teamId: schools.id }
		const page = dataOf<{ isAdmin: boolean; team: { candidates: Array<{ name: string }> } }>(
			await call(teamLoader, getRequest(url, { cookie: headCookie }), params),
		)
		expect(page.isAdmin).toBe(false)
		expect(page.team.candidates.map((c) => c.name)).toContain('Tia Teacher')

		const asManager = await call(
			teamAction,
			formRequest(
				url,
				{ intent: 'add-member', membershipId: teacher.membershipId, asManager: 'on' },
				{ cookie: headCookie },
			),
			params,
		)
		expect(statusOf(asManager)).toBe(403)
		expect(await prisma.teamMember.count({ where: { teamId: schools.id } })).toBe(1)

		const added = await call(
			teamAction,
			formRequest(url, { intent: 'add-member', membershipId: teacher.membershipId }, { cookie: headCookie }),
			params,
		)
		expect(dataOf<{ ok: boolean; message: string }>(added)).toMatchObject({
			ok: true,
			message: 'Tia Teacher has been added.',
		})
		const removed = await call(
			teamAction,
			formRequest(url, { intent: 'remove-member', membershipId: teacher.membershipId }, { cookie: headCookie }),
			params,
		)
		expect(dataOf<{ ok: boolean }>(removed).ok).toBe(true)
		expect(await prisma.teamMember.count({ where: { teamId: schools.id } })).toBe(1)
	})
})

describe('Assignments page', () => {
	test('assign a course to a team due in 14 days; the member sees "Assigned by … · due …" on their dashboard', async () => {
		const { org, pool, cookie, base } = await world()
		const team = await createTeam({ organisationId: org.id, actorId: org.owner.id, name: 'Oakfield', parentId: null })
		const member = await addMember({ organisationId: org.id, name: 'Mo Member' })
		await addTeamMember({
			organisationId: org.id,
			actorId: org.owner.id,
			teamId: team.id,
			membershipId: member.membershipId,
			now: new Date(),
		})
		const due = isoDaysFromNow(14)
		const result = await call(
			assignmentsAction,
			formRequest(
				`${base}/assignments`,
				{
					intent: 'create',
					courseId: pool.course.id,
					target: 'TEAM',
					teamId: team.id,
					userId: '',
					dueOn: due,
					newStarterDays: '',
				},
				{ cookie },
			),
			{ slug: org.slug },
		)
		expect(dataOf<{ ok: boolean; message: string }>(result)).toMatchObject({
			ok: true,
			message: 'Assigned to 1 person.',
		})
		const page = dataOf<{ rules: Array<{ targetLabel: string; assigned: number }> }>(
			await call(assignmentsLoader, getRequest(`${base}/assignments`, { cookie }), { slug: org.slug }),
		)
		expect(page.rules).toMatchObject([{ targetLabel: 'Oakfield', assigned: 1 }])

		const dashboard = dataOf<{
			assigned: Array<{ organisationName: string; dueOn: string; status: string; waitingForSeat: boolean }>
		}>(await call(dashboardLoader, getRequest('/dashboard', { cookie: await sessionCookie(member.id) })))
		expect(dashboard.assigned).toEqual([
			expect.objectContaining({
				organisationName: 'Riverside Academy Trust',
				dueOn: due,
				status: 'DUE_SOON',
				waitingForSeat: false,
			}),
		])
	})

	test('bad input: a past date, a missing team, someone outside the organisation — messages beside the fields, nothing saved', async () => {
		const { org, pool, cookie, base } = await world()
		const post = (fields: Record<string, string>) =>
			call(
				assignmentsAction,
				formRequest(
					`${base}/assignments`,
					{
						intent: 'create',
						courseId: pool.course.id,
						teamId: '',
						userId: '',
						dueOn: '',
						newStarterDays: '',
						...fields,
					},
					{ cookie },
				),
				{ slug: org.slug },
			)
		const errorsOf = (outcome: unknown) => dataOf<{ result: { error: Record<string, string[]> } }>(outcome).result.error

		const past = await post({ target: 'EVERYONE', dueOn: isoDaysFromNow(-2) })
		expect(statusOf(past)).toBe(422)
		expect(errorsOf(past).dueOn).toEqual(['The due date cannot be in the past: choose today or later.'])
		expect(errorsOf(await post({ target: 'TEAM', dueOn: isoDaysFromNow(5) })).teamId).toEqual(['Choose a team'])
		expect(errorsOf(await post({ target: 'EVERYONE' })).dueOn?.[0]).toMatch(/Enter a due date/)
		expect(errorsOf(await post({ target: 'EVERYONE', dueOn: '2027-02-30' })).dueOn).toEqual(['Enter a real date'])
		expect(errorsOf(await post({ target: 'EVERYONE', newStarterDays: '0' })).newStarterDays).toEqual([
			'Enter between 1 and 365 days',
		])
		const outsider = await createOrganisation()
		const stranger = await post({ target: 'PERSON', userId: outsider.owner.id, dueOn: isoDaysFromNow(5) })
		expect(errorsOf(stranger).userId).toEqual(['Choose someone who belongs to this organisation.'])
		expect(await prisma.assignment.count({ where: { organisationId: org.id } })).toBe(0)
	})

	test('not enough seats: "N seats missing" with a link to buy exactly that many, nothing saved', async () => {
		const org = await createOrganisation({ name: 'Small School' })
		const pool = await createSeatPool({ organisationId: org.id, seats: 1 })
		await addMember({ organisationId: org.id })
		await addMember({ organisationId: org.id })
		const cookie = await sessionCookie(org.owner.id)
		const result = await call(
			assignmentsAction,
			formRequest(
				`/org/${org.slug}/assignments`,
				{
					intent: 'create',
					courseId: pool.course.id,
					target: 'EVERYONE',
					teamId: '',
					userId: '',
					dueOn: isoDaysFromNow(30),
					newStarterDays: '',
				},
				{ cookie },
			),
			{ slug: org.slug },
		)
		expect(statusOf(result)).toBe(409)
		const reply = dataOf<{ message: string; seatsMissing: { count: number; buyHref: string } }>(result)
		expect(reply.message).toMatch(/^2 seats missing/)
		expect(reply.seatsMissing.buyHref).toBe(`/courses/${pool.course.slug}/buy?org=${org.slug}&seats=2`)
		expect(await prisma.learnerAssignment.count({ where: { organisationId: org.id } })).toBe(0)
	})
})
