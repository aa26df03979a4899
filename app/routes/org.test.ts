import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import {
	addMember,
	createInvitation,
	createOrganisation,
	createSeatPool,
	createUser,
} from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { loader as overviewLoader } from './org.$slug._index.tsx'
import { action as membersAction, loader as membersLoader } from './org.$slug.members.tsx'
import { loader as csvLoader } from './org.$slug.report[.]csv.ts'
import { loader as reportLoader } from './org.$slug.report.tsx'
import { action as seatsAction, loader as seatsLoader } from './org.$slug.seats.$courseSlug.tsx'
import { action as newOrgAction } from './org.new.tsx'
import { loader as orgIndexLoader } from './org._index.tsx'

afterAll(releaseTestResources)

type Handler = (args: never) => Promise<unknown>

function call<T extends Handler>(handler: T, request: Request, params: Record<string, string> = {}) {
	const args = { request, params, context: { clientIp: '2001:db8::77', cspNonce: 'test' } }
	return (handler as unknown as (a: typeof args) => Promise<unknown>)(args).catch((thrown: unknown) => thrown)
}

/** The HTTP status of whatever a loader or action returned or threw. */
function statusOf(outcome: unknown) {
	if (outcome instanceof Response) return outcome.status
	const init = (outcome as { init?: { status?: number } | null })?.init
	return init?.status ?? 200
}

function dataOf<T>(outcome: unknown): T {
	return ((outcome as { data?: unknown }).data ?? outcome) as T
}

function multipart(path: string, fields: Record<string, string | File>, cookie: string) {
	const body = new FormData()
	for (const [name, value] of Object.entries(fields)) body.append(name, value)
	return new Request(`http://localhost${path}`, { method: 'POST', body, headers: { Cookie: cookie } })
}

function address(label: string) {
	return `${label}-${crypto.randomUUID()}@example.org`
}

/** An organisation with an owner and a seat pool, and the owner's session cookie. */
async function orgWithPool(seats = 10) {
	const org = await createOrganisation()
	const pool = await createSeatPool({ organisationId: org.id, seats })
	const cookie = await sessionCookie(org.owner.id)
	return { org, pool, cookie, seatsPath: `/org/${org.slug}/seats/${pool.course.slug}` }
}

async function markStarted(userId: string, courseId: string) {
	await prisma.enrolment.update({
		where: { userId_courseId: { userId, courseId } },
		data: { startedAt: new Date(), lastActivityAt: new Date() },
	})
}

describe('authorisation on every organisation page', () => {
	test('someone who is not a member gets a 404 from every page, action and the CSV', async () => {
		const { org, pool, seatsPath } = await orgWithPool()
		const outsider = await createUser()
		const cookie = await sessionCookie(outsider.id)
		const params = { slug: org.slug }
		const seatParams = { slug: org.slug, courseSlug: pool.course.slug }

		expect(statusOf(await call(overviewLoader, getRequest(`/org/${org.slug}`, { cookie }), params))).toBe(404)
		expect(statusOf(await call(seatsLoader, getRequest(seatsPath, { cookie }), seatParams))).toBe(404)
		expect(statusOf(await call(membersLoader, getRequest(`/org/${org.slug}/members`, { cookie }), params))).toBe(404)
		expect(statusOf(await call(reportLoader, getRequest(`/org/${org.slug}/report`, { cookie }), params))).toBe(404)
		expect(statusOf(await call(csvLoader, getRequest(`/org/${org.slug}/report.csv`, { cookie }), params))).toBe(404)
		const invite = await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'invite', mode: 'single', email: address('x') }, { cookie }),
			seatParams,
		)
		expect(statusOf(invite)).toBe(404)
		expect(await prisma.invitation.count({ where: { organisationId: org.id } })).toBe(0)
	})

	test('a MEMBER gets a 403: they cannot see or manage seats, members or the report', async () => {
		const { org, pool, seatsPath } = await orgWithPool()
		const member = await addMember({ organisationId: org.id, role: 'MEMBER' })
		const cookie = await sessionCookie(member.id)
		const params = { slug: org.slug }
		const seatParams = { slug: org.slug, courseSlug: pool.course.slug }

		expect(statusOf(await call(overviewLoader, getRequest(`/org/${org.slug}`, { cookie }), params))).toBe(403)
		expect(statusOf(await call(seatsLoader, getRequest(seatsPath, { cookie }), seatParams))).toBe(403)
		expect(statusOf(await call(reportLoader, getRequest(`/org/${org.slug}/report`, { cookie }), params))).toBe(403)
		expect(statusOf(await call(csvLoader, getRequest(`/org/${org.slug}/report.csv`, { cookie }), params))).toBe(403)
		const invite = await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'invite', mode: 'single', email: address('x') }, { cookie }),
			seatParams,
		)
		expect(statusOf(invite)).toBe(403)
		const promote = await call(
			membersAction,
			formRequest(
				`/org/${org.slug}/members`,
				{ intent: 'change-role', membershipId: member.membershipId, role: 'OWNER' },
				{ cookie },
			),
			params,
		)
		expect(statusOf(promote)).toBe(403)
		expect(await prisma.invitation.count({ where: { organisationId: org.id } })).toBe(0)
		expect((await prisma.membership.findUniqueOrThrow({ where: { id: member.membershipId } })).role).toBe('MEMBER')
	})

	test("an owner of one organisation cannot reach another organisation's pool or seats through their own address", async () => {
		const mine = await orgWithPool()
		const theirs = await orgWithPool()
		const holder = await createUser()
		const { assignmentId } = await claimSeat({ poolId: theirs.pool.id, userId: holder.id })
		// Their course under my organisation's address: not one of my pools.
		const crossPath = `/org/${mine.org.slug}/seats/${theirs.pool.course.slug}`
		const crossParams = { slug: mine.org.slug, courseSlug: theirs.pool.course.slug }
		expect(statusOf(await call(seatsLoader, getRequest(crossPath, { cookie: mine.cookie }), crossParams))).toBe(404)
		// Their seat id posted to my own pool's page.
		const reclaim = await call(
			seatsAction,
			formRequest(mine.seatsPath, { intent: 'reclaim', assignmentId }, { cookie: mine.cookie }),
			{ slug: mine.org.slug, courseSlug: mine.pool.course.slug },
		)
		expect(statusOf(reclaim)).toBe(404)
		expect((await prisma.seatAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe('ASSIGNED')
	})

	test('visitors are sent to log in', async () => {
		const { org } = await orgWithPool()
		const response = (await call(overviewLoader, getRequest(`/org/${org.slug}`), { slug: org.slug })) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe(`/login?${new URLSearchParams({ redirectTo: `/org/${org.slug}` })}`)
	})
})

describe('/org and /org/new', () => {
	test('creating an organisation makes the creator its owner, with the billing email, and opens it', async () => {
		const user = await createUser()
		const cookie = await sessionCookie(user.id)
		const slug = `trust-${crypto.randomUUID().slice(0, 8)}`
		const response = (await call(
			newOrgAction,
			formRequest(
				'/org/new',
				{ name: 'Hillside Trust', slug, sector: 'SCHOOLS', billingEmail: 'Finance@Hillside.example' },
				{ cookie },
			),
		)) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe(`/org/${slug}?created=1`)
		const org = await prisma.organisation.findUniqueOrThrow({
			where: { slug },
			select: { name: true, billingEmail: true, sector: true, memberships: { select: { userId: true, role: true } } },
		})
		expect(org).toMatchObject({ name: 'Hillside Trust', billingEmail: 'finance@hillside.example', sector: 'SCHOOLS' })
		expect(org.memberships).toEqual([{ userId: user.id, role: 'OWNER' }])

		// With one organisation to manage, /org goes straight to it.
		const index = (await call(orgIndexLoader, getRequest('/org', { cookie }))) as Response
		expect(index.headers.get('Location')).toBe(`/org/${slug}`)
	})

	test('a web address already in use is an error beside that field', async () => {
		const { org } = await orgWithPool()
		const user = await createUser()
		const cookie = await sessionCookie(user.id)
		const outcome = await call(newOrgAction, formRequest('/org/new', { name: 'Copycat', slug: org.slug }, { cookie }))
		expect(statusOf(outcome)).toBe(409)
		const result = dataOf<{ result: { error: Record<string, string[]> } }>(outcome).result
		expect(result.error.slug).toEqual(['That web address is already in use: choose another'])
	})
})

type InviteReply = {
	invite: {
		invited: string[]
		rejected: Array<{ row: number; email: string; reason: string }>
		notEnoughSeats: { free: number; requested: number } | null
		result: { error?: Record<string, string[] | null> }
	}
}

describe('inviting staff', () => {
	test('a CSV upload invites the valid rows and lists each invalid row with its number and reason', async () => {
		const { org, pool, cookie, seatsPath } = await orgWithPool(10)
		const good1 = address('good')
		const good2 = address('good')
		const csv = `Name,Email\nAmira Khan,${good1}\nBad Row,not-an-email\nBen Jones,${good2}\nAgain,${good1.toUpperCase()}\nNo Address,\n`
		const outcome = await call(
			seatsAction,
			multipart(
				seatsPath,
				{ intent: 'invite', mode: 'csv', file: new File([csv], 'staff.csv', { type: 'text/csv' }) },
				cookie,
			),
			{ slug: org.slug, courseSlug: pool.course.slug },
		)
		expect(statusOf(outcome)).toBe(200)
		const { invite } = dataOf<InviteReply>(outcome)
		expect(invite.invited.sort()).toEqual([good1, good2].sort())
		expect(invite.rejected).toEqual([
			{ row: 2, email: 'not-an-email', reason: 'Not a valid email address' },
			{ row: 4, email: good1.toUpperCase(), reason: 'Appears more than once in the list' },
			{ row: 5, email: '', reason: 'Enter an email address' },
		])
		const invitations = await prisma.invitation.findMany({ where: { seatPoolId: pool.id }, select: { email: true } })
		expect(invitations.map((i) => i.email).sort()).toEqual([good1, good2].sort())
		const emails = await prisma.emailMessage.findMany({
			where: { to: { in: [good1, good2] } },
			select: { template: true },
		})
		expect(emails).toEqual([{ template: 'invitation' }, { template: 'invitation' }])
	})

	test('the invitation email goes in the language the inviter chose for someone without an account; a bad choice is refused', async () => {
		const { org, pool, cookie, seatsPath } = await orgWithPool(10)
		const params = { slug: org.slug, courseSlug: pool.course.slug }
		const welsh = address('cymraeg')
		const english = address('english')
		const invite = (email: string, language: string) =>
			call(seatsAction, multipart(seatsPath, { intent: 'invite', mode: 'single', email, language }, cookie), params)

		expect(statusOf(await invite(address('klingon'), 'tlh'))).toBe(400)
		expect(await prisma.invitation.count({ where: { seatPoolId: pool.id } })).toBe(0)

		expect(statusOf(await invite(welsh, 'cy'))).toBe(200)
		expect(statusOf(await invite(english, 'en'))).toBe(200)
		const stored = (to: string) =>
			prisma.emailMessage.findFirstOrThrow({
				where: { to, template: 'invitation' },
				select: { subject: true, text: true },
			})
		const cy = await stored(welsh)
		const en = await stored(english)
		expect(cy.subject).toMatch(/wedi rhoi lle i chi ar/)
		expect(cy.text).toContain('Derbyn y gwahoddiad')
		expect(cy.text).not.toContain('Accept the invitation')
		expect(en.text).not.toContain('Derbyn y gwahoddiad')
	})

	test('a CSV without an email column is an error on the file field and invites no one', async () => {
		const { org, pool, cookie, seatsPath } = await orgWithPool()
		const outcome = await call(
			seatsAction,
			multipart(seatsPath, { intent: 'invite', mode: 'csv', file: new File(['name\nSam\n'], 'staff.csv') }, cookie),
			{ slug: org.slug, courseSlug: pool.course.slug },
		)
		expect(statusOf(outcome)).toBe(422)
		expect(dataOf<InviteReply>(outcome).invite.result.error?.file).toEqual([
			'The file needs a header row with an “email” column',
		])
		expect(await prisma.invitation.count({ where: { seatPoolId: pool.id } })).toBe(0)
	})

	test('a pasted list longer than the free seats invites no one (nothing half-sent)', async () => {
		const { org, pool, cookie, seatsPath } = await orgWithPool(2)
		await createInvitation({ organisationId: org.id, poolId: pool.id, email: address('waiting') })
		const list = [address('a'), address('b'), 'nonsense'].join('\n')
		const outcome = await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'invite', mode: 'list', emails: list }, { cookie }),
			{
				slug: org.slug,
				courseSlug: pool.course.slug,
			},
		)
		const { invite } = dataOf<InviteReply>(outcome)
		expect(invite.invited).toEqual([])
		expect(invite.notEnoughSeats).toEqual({ free: 1, requested: 2 })
		expect(invite.rejected).toEqual([{ row: 3, email: 'nonsense', reason: 'Not a valid email address' }])
		expect(await prisma.invitation.count({ where: { seatPoolId: pool.id } })).toBe(1)
	})

	test('one address that is not valid is an error beside the field', async () => {
		const { org, pool, cookie, seatsPath } = await orgWithPool()
		const outcome = await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'invite', mode: 'single', email: 'sam@' }, { cookie }),
			{
				slug: org.slug,
				courseSlug: pool.course.slug,
			},
		)
		expect(statusOf(outcome)).toBe(400)
		expect(dataOf<InviteReply>(outcome).invite.result.error?.email).toEqual([
			'Enter an email address in the correct format, like name@school.org.uk',
		])
	})

	test('pending invitations can be withdrawn and sent again', async () => {
		const { org, pool, cookie, seatsPath } = await orgWithPool()
		const params = { slug: org.slug, courseSlug: pool.course.slug }
		const email = address('pending')
		const invitation = await createInvitation({ organisationId: org.id, poolId: pool.id, email })
		const resent = await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'resend', invitationId: invitation.id }, { cookie }),
			params,
		)
		expect(dataOf<{ ok: boolean }>(resent).ok).toBe(true)
		expect(await prisma.emailMessage.count({ where: { to: email, template: 'invitation' } })).toBe(1)
		await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'revoke', invitationId: invitation.id }, { cookie }),
			params,
		)
		expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).not.toBeNull()
	})
})

describe('reclaiming a seat and removing access', () => {
	test('a seat of someone who has not started goes back to the pool', async () => {
		const { org, pool, cookie, seatsPath } = await orgWithPool(5)
		const holder = await createUser()
		const { assignmentId } = await claimSeat({ poolId: pool.id, userId: holder.id })
		const params = { slug: org.slug, courseSlug: pool.course.slug }

		// The confirmation step names the person and says the seat comes back.
		const page = (await call(seatsLoader, getRequest(`${seatsPath}?end=${assignmentId}`, { cookie }), params)) as {
			ending: { assignmentId: string; status: string } | null
		}
		expect(page.ending).toMatchObject({ assignmentId, status: 'not_started' })

		const outcome = await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'reclaim', assignmentId }, { cookie }),
			params,
		)
		expect(dataOf<{ ok: boolean; message: string }>(outcome)).toMatchObject({
			ok: true,
			message: 'The seat is back in the pool, ready for someone else.',
		})
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).used).toBe(0)
		expect((await prisma.seatAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe('RECLAIMED')
		expect(await prisma.enrolment.count({ where: { userId: holder.id, courseId: pool.course.id } })).toBe(0)
	})

	test('a started seat cannot be reclaimed; removing access ends it and the seat stays spent', async () => {
		const { org, pool, cookie, seatsPath } = await orgWithPool(5)
		const holder = await createUser()
		const { assignmentId } = await claimSeat({ poolId: pool.id, userId: holder.id })
		await markStarted(holder.id, pool.course.id)
		const params = { slug: org.slug, courseSlug: pool.course.slug }

		const refused = await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'reclaim', assignmentId }, { cookie }),
			params,
		)
		expect(statusOf(refused)).toBe(409)
		expect(dataOf<{ message: string }>(refused).message).toBe(
			'A seat can be returned to the pool only if its holder has not started the course. Remove their access instead.',
		)
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).used).toBe(1)

		const removed = await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'remove-access', assignmentId }, { cookie }),
			params,
		)
		expect(dataOf<{ ok: boolean; message: string }>(removed)).toMatchObject({
			ok: true,
			message: 'Their access has ended. They had started the course, so the seat stays used.',
		})
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).used).toBe(1)
		expect((await prisma.seatAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe('REVOKED')
		const enrolment = await prisma.enrolment.findUniqueOrThrow({
			where: { userId_courseId: { userId: holder.id, courseId: pool.course.id } },
		})
		expect(enrolment.status).toBe('REVOKED')
	})

	test('reminders go to one person, then to everyone not started or stalled, never twice in a day', async () => {
		const { org, pool, cookie, seatsPath } = await orgWithPool(5)
		const params = { slug: org.slug, courseSlug: pool.course.slug }
		const notStarted = await createUser()
		const active = await createUser()
		const first = await claimSeat({ poolId: pool.id, userId: notStarted.id })
		await claimSeat({ poolId: pool.id, userId: active.id })
		await markStarted(active.id, pool.course.id)

		const one = await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'remind', assignmentId: first.assignmentId }, { cookie }),
			params,
		)
		expect(dataOf<{ ok: boolean }>(one).ok).toBe(true)
		const again = await call(
			seatsAction,
			formRequest(seatsPath, { intent: 'remind', assignmentId: first.assignmentId }, { cookie }),
			params,
		)
		expect(statusOf(again)).toBe(429)

		const all = await call(seatsAction, formRequest(seatsPath, { intent: 'remind-all' }, { cookie }), params)
		// The one who had not started was reminded a moment ago; the active one is not stalled.
		expect(dataOf<{ message: string }>(all).message).toBe(
			'Nobody needed a reminder. 1 person was reminded in the last 24 hours, so not again.',
		)
		expect(await prisma.emailMessage.count({ where: { to: notStarted.email, template: 'seat-reminder' } })).toBe(1)
		expect(await prisma.emailMessage.count({ where: { to: active.email, template: 'seat-reminder' } })).toBe(0)
	})
})

describe('members', () => {
	test('the last owner cannot step down: the rule comes back as an error on their row', async () => {
		const { org, cookie } = await orgWithPool()
		const owner = await prisma.membership.findFirstOrThrow({ where: { organisationId: org.id, role: 'OWNER' } })
		const outcome = await call(
			membersAction,
			formRequest(
				`/org/${org.slug}/members`,
				{ intent: 'change-role', membershipId: owner.id, role: 'MEMBER' },
				{ cookie },
			),
			{ slug: org.slug },
		)
		expect(statusOf(outcome)).toBe(409)
		expect(dataOf<{ membershipId: string; message: string }>(outcome)).toMatchObject({
			membershipId: owner.id,
			message: 'An organisation must keep at least one owner: make someone else an owner first.',
		})
	})

	test('an administrator cannot make someone an owner, but can remove a member, which ends their seat', async () => {
		const { org, pool } = await orgWithPool()
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN' })
		const member = await addMember({ organisationId: org.id, role: 'MEMBER' })
		await claimSeat({ poolId: pool.id, userId: member.id })
		const cookie = await sessionCookie(admin.id)
		const path = `/org/${org.slug}/members`

		const promote = await call(
			membersAction,
			formRequest(path, { intent: 'change-role', membershipId: member.membershipId, role: 'OWNER' }, { cookie }),
			{ slug: org.slug },
		)
		expect(statusOf(promote)).toBe(403)

		const removed = await call(
			membersAction,
			formRequest(path, { intent: 'remove', membershipId: member.membershipId }, { cookie }),
			{
				slug: org.slug,
			},
		)
		expect(dataOf<{ ok: boolean }>(removed).ok).toBe(true)
		expect(await prisma.membership.count({ where: { id: member.membershipId } })).toBe(0)
		expect((await prisma.seatPool.findUniqueOrThrow({ where: { id: pool.id } })).used).toBe(0)
	})
})

describe('team report', () => {
	test('the page filters by status and search, and pages', async () => {
		const { org, pool, cookie } = await orgWithPool(5)
		const holder = await createUser({ name: 'Zainab Findable' })
		await claimSeat({ poolId: pool.id, userId: holder.id })
		await createInvitation({ organisationId: org.id, poolId: pool.id, email: address('invitee') })
		const load = (search: string) =>
			call(reportLoader, getRequest(`/org/${org.slug}/report${search}`, { cookie }), { slug: org.slug }) as Promise<{
				total: number
				rows: Array<{ email: string; status: string }>
			}>
		expect((await load('')).total).toBe(2)
		const invited = await load('?status=invited')
		expect(invited.rows.map((r) => r.status)).toEqual(['invited'])
		const found = await load('?q=findable')
		expect(found.rows.map((r) => r.email)).toEqual([holder.email])
	})

	test('pages hold 25 rows unless the manager asks for 50 or 100; an unknown size means 25', async () => {
		const { org, pool, cookie } = await orgWithPool(40)
		for (let i = 0; i < 30; i++) {
			await createInvitation({ organisationId: org.id, poolId: pool.id, email: address(`paged-${i}`) })
		}
		const load = (search: string) =>
			call(reportLoader, getRequest(`/org/${org.slug}/report${search}`, { cookie }), { slug: org.slug }) as Promise<{
				total: number
				perPage: number
				pageCount: number
				rows: Array<{ email: string }>
			}>
		const first = await load('')
		expect([first.total, first.perPage, first.pageCount, first.rows.length]).toEqual([30, 25, 2, 25])
		const second = await load('?page=2')
		expect(second.rows).toHaveLength(5)
		expect(new Set([...first.rows, ...second.rows].map((r) => r.email)).size).toBe(30)
		const fifty = await load('?per=50')
		expect([fifty.perPage, fifty.pageCount, fifty.rows.length]).toEqual([50, 1, 30])
		expect((await load('?per=7')).perPage).toBe(25)
	})

	test('the CSV streams every row with the right headers and the page’s filters', async () => {
		const { org, pool, cookie } = await orgWithPool(5)
		const holder = await createUser({ name: 'Owain Glyndŵr' })
		await claimSeat({ poolId: pool.id, userId: holder.id })
		const invitee = address('invitee')
		await createInvitation({ organisationId: org.id, poolId: pool.id, email: invitee })

		const response = (await call(csvLoader, getRequest(`/org/${org.slug}/report.csv`, { cookie }), {
			slug: org.slug,
		})) as Response
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		const today = new Date().toISOString().slice(0, 10)
		expect(response.headers.get('Content-Disposition')).toBe(
			`attachment; filename="${org.slug}-team-report-${today}.csv"`,
		)
		expect(response.body).toBeInstanceOf(ReadableStream)
		const text = await response.text()
		const lines = text
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r?\n/)
		expect(lines[0]).toBe('Course,Name,Email,Status,Invited,Started,Progress (%),Completed,Certificate,Last active')
		expect(lines).toHaveLength(3)
		expect(text).toContain(`Owain Glyndŵr,${holder.email},Not started`)
		expect(text).toContain(`${invitee},Invited`)

		const filtered = (await call(csvLoader, getRequest(`/org/${org.slug}/report.csv?status=invited`, { cookie }), {
			slug: org.slug,
		})) as Response
		const filteredLines = (await filtered.text()).trim().split(/\r?\n/)
		expect(filteredLines).toHaveLength(2)
		expect(filteredLines[1]).toContain(invitee)
	})
})
