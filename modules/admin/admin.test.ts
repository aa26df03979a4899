// The admin module against a real database: permissions, the audit trail, disabling ends sessions,
// case-insensitive search, and lists that run the same number of queries however long the page.
import { afterAll, describe, expect, test } from 'vitest'
import { createSession, validateSessionToken } from '#modules/auth/sessions.ts'
import { createTestUser, releaseTestResources } from '#tests/factories/auth.ts'
import { onQuery, prisma, type Role } from '#modules/db/client.ts'
import { changeUserRole } from './change-user-role.ts'
import { listEnquiries, setEnquiryHandled } from './enquiries.ts'
import { getAdminOverview, startOfUkMonth } from './get-admin-overview.ts'
import { listOrders } from './list-orders.ts'
import { listOrganisations } from './list-organisations.ts'
import { listUsers } from './list-users.ts'
import { disableUser, enableUser } from './set-user-disabled.ts'

afterAll(async () => {
	await releaseTestResources()
})

let n = 0
const tag = (prefix: string) => `${prefix}${Date.now().toString(36)}${++n}${Math.random().toString(36).slice(2, 7)}`

const admin = () => createTestUser({ role: 'ADMIN', name: 'Priya Admin' })

async function makeUsers(count: number, label: string, role: Role = 'LEARNER') {
	await prisma.user.createMany({
		data: Array.from({ length: count }, (_, i) => ({
			email: `${label}-${i}@example.org`,
			name: `${label} ${i}`,
			role,
		})),
	})
	return prisma.user.findMany({ where: { email: { startsWith: `${label}-` } }, select: { id: true } })
}

async function countQueries(run: () => Promise<unknown>) {
	let count = 0
	const stop = onQuery(() => void (count += 1))
	try {
		await run()
	} finally {
		stop()
	}
	return count
}

describe('permissions', () => {
	test('a learner or trainer is refused by every admin function, and nothing changes', async () => {
		const target = await createTestUser()
		const enquiry = await prisma.enquiry.create({
			data: { name: 'A', email: 'a@example.org', message: 'x'.repeat(25) },
			select: { id: true },
		})
		for (const role of ['LEARNER', 'TRAINER'] as const) {
			const actor = await createTestUser({ role })
			const actorId = actor.id
			await expect(listUsers({ actorId })).rejects.toMatchObject({ kind: 'forbidden' })
			await expect(listOrders({ actorId })).rejects.toMatchObject({ kind: 'forbidden' })
			await expect(listOrganisations({ actorId })).rejects.toMatchObject({ kind: 'forbidden' })
			await expect(listEnquiries({ actorId })).rejects.toMatchObject({ kind: 'forbidden' })
			await expect(getAdminOverview({ actorId })).rejects.toMatchObject({ kind: 'forbidden' })
			await expect(
				changeUserRole({ actorId, userId: target.id, role: 'ADMIN', reason: 'Promoting myself' }),
			).rejects.toMatchObject({ kind: 'forbidden' })
			await expect(disableUser({ actorId, userId: target.id, reason: 'Just because' })).rejects.toMatchObject({
				kind: 'forbidden',
			})
			await expect(setEnquiryHandled({ actorId, enquiryId: enquiry.id, handled: true })).rejects.toMatchObject({
				kind: 'forbidden',
			})
		}
		const row = await prisma.user.findUniqueOrThrow({
			where: { id: target.id },
			select: { role: true, disabledAt: true },
		})
		expect(row).toEqual({ role: 'LEARNER', disabledAt: null })
		expect((await prisma.enquiry.findUniqueOrThrow({ where: { id: enquiry.id } })).handledAt).toBeNull()
	})
})

describe('users', () => {
	test('disabling a user ends every one of their sessions and is audited with the reason; enabling is audited', async () => {
		const actor = await admin()
		const target = await createTestUser()
		const phone = await createSession({ userId: target.id })
		const laptop = await createSession({ userId: target.id })
		const other = await createTestUser()
		const otherSession = await createSession({ userId: other.id })
		expect(await validateSessionToken(phone.token)).not.toBeNull()

		const result = await disableUser({ actorId: actor.id, userId: target.id, reason: 'Account shared with others' })
		expect(result.sessionsEnded).toBe(2)
		expect(await prisma.session.count({ where: { userId: target.id } })).toBe(0)
		expect(await validateSessionToken(phone.token)).toBeNull()
		expect(await validateSessionToken(laptop.token)).toBeNull()
		// Someone else's session is untouched.
		expect(await validateSessionToken(otherSession.token)).not.toBeNull()
		expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).disabledAt).not.toBeNull()

		await expect(
			disableUser({ actorId: actor.id, userId: target.id, reason: 'Account shared with others' }),
		).rejects.toMatchObject({ code: 'ALREADY_DISABLED' })

		await enableUser({ actorId: actor.id, userId: target.id, reason: 'Confirmed with their employer' })
		expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).disabledAt).toBeNull()

		const audit = await prisma.auditLog.findMany({
			where: { targetType: 'User', targetId: target.id },
			orderBy: { createdAt: 'asc' },
			select: { action: true, actorId: true, details: true },
		})
		expect(audit).toEqual([
			{
				action: 'user.disabled',
				actorId: actor.id,
				details: { reason: 'Account shared with others', sessionsEnded: 2 },
			},
			{ action: 'user.enabled', actorId: actor.id, details: { reason: 'Confirmed with their employer' } },
		])
	})

	test('an admin cannot demote themselves (or disable themselves); another admin can demote them', async () => {
		const actor = await admin()
		for (const role of ['LEARNER', 'TRAINER'] as const) {
			await expect(
				changeUserRole({ actorId: actor.id, userId: actor.id, role, reason: 'Stepping down' }),
			).rejects.toMatchObject({ kind: 'conflict', code: 'CANNOT_DEMOTE_SELF', field: 'role' })
		}
		await expect(disableUser({ actorId: actor.id, userId: actor.id, reason: 'Leaving' })).rejects.toMatchObject({
			code: 'CANNOT_DISABLE_SELF',
		})
		expect((await prisma.user.findUniqueOrThrow({ where: { id: actor.id } })).role).toBe('ADMIN')
		expect(await prisma.auditLog.count({ where: { targetType: 'User', targetId: actor.id } })).toBe(0)

		const colleague = await admin()
		await changeUserRole({ actorId: colleague.id, userId: actor.id, role: 'TRAINER', reason: 'Moved to authoring' })
		expect((await prisma.user.findUniqueOrThrow({ where: { id: actor.id } })).role).toBe('TRAINER')
		const audit = await prisma.auditLog.findFirstOrThrow({
			where: { targetType: 'User', targetId: actor.id },
			select: { action: true, actorId: true, details: true },
		})
		expect(audit).toEqual({
			action: 'user.role_changed',
			actorId: colleague.id,
			details: { from: 'ADMIN', to: 'TRAINER', reason: 'Moved to authoring' },
		})
	})

	test('search matches names and emails in any letter case; role and disabled filters apply', async () => {
		const actor = await admin()
		const label = tag('zebra')
		const ada = await createTestUser({ name: `Ada ${label} Lovelace`, email: `ada-${label}@example.org` })
		const bo = await createTestUser({ name: 'Bo', email: `bo-${label}@Example.org`.toLowerCase(), role: 'TRAINER' })
		await createTestUser({ name: 'Unrelated' })

		const upper = await listUsers({ actorId: actor.id, query: label.toUpperCase() })
		expect(upper.users.map((u) => u.id).sort()).toEqual([ada.id, bo.id].sort())
		expect(upper.total).toBe(2)
		const byName = await listUsers({ actorId: actor.id, query: `ADA ${label.toUpperCase()} LOVE` })
		expect(byName.users.map((u) => u.id)).toEqual([ada.id])
		const trainers = await listUsers({ actorId: actor.id, query: label, role: 'TRAINER' })
		expect(trainers.users.map((u) => u.id)).toEqual([bo.id])

		await disableUser({ actorId: actor.id, userId: ada.id, reason: 'Duplicate account' })
		expect((await listUsers({ actorId: actor.id, query: label, disabled: true })).users.map((u) => u.id)).toEqual([
			ada.id,
		])
		expect((await listUsers({ actorId: actor.id, query: label, disabled: false })).users.map((u) => u.id)).toEqual([
			bo.id,
		])
	})

	test('last seen is the latest session of each user', async () => {
		const actor = await admin()
		const label = tag('seen')
		const user = await createTestUser({ name: `Seen ${label}` })
		await prisma.session.createMany({
			data: [
				{
					id: `${label}-a`,
					userId: user.id,
					lastSeenAt: new Date('2026-01-02T10:00:00Z'),
					expiresAt: new Date(Date.now() + 1e9),
				},
				{
					id: `${label}-b`,
					userId: user.id,
					lastSeenAt: new Date('2026-03-04T10:00:00Z'),
					expiresAt: new Date(Date.now() + 1e9),
				},
			],
		})
		const { users } = await listUsers({ actorId: actor.id, query: label })
		expect(users[0]?.lastSeenAt).toEqual(new Date('2026-03-04T10:00:00Z'))
	})

	test('the users list runs the same number of queries for 5 rows as for 50', async () => {
		const actor = await admin()
		const few = tag('few')
		const many = tag('many')
		for (const u of [...(await makeUsers(5, few)), ...(await makeUsers(50, many))]) {
			await createSession({ userId: u.id })
		}
		let fewRows = 0
		let manyRows = 0
		const fewQueries = await countQueries(async () => {
			fewRows = (await listUsers({ actorId: actor.id, query: few, pageSize: 50 })).users.length
		})
		const manyQueries = await countQueries(async () => {
			manyRows = (await listUsers({ actorId: actor.id, query: many, pageSize: 50 })).users.length
		})
		expect([fewRows, manyRows]).toEqual([5, 50])
		expect(manyQueries).toBe(fewQueries)
		expect(fewQueries).toBeLessThanOrEqual(5)
	})
})

async function makeCourse(label: string) {
	const course = await prisma.course.create({
		data: { slug: `${label}-course`, pricePence: 4900 },
		select: { id: true },
	})
	const version = await prisma.courseVersion.create({
		data: {
			courseId: course.id,
			number: 1,
			status: 'PUBLISHED',
			title: `Restorative circles ${label}`,
			summary: 'S',
			cpdMinutes: 90,
		},
		select: { id: true },
	})
	await prisma.course.update({ where: { id: course.id }, data: { publishedVersionId: version.id } })
	return course
}

describe('organisations and orders', () => {
	test('lists run the same number of queries for 5 rows as for 50', async () => {
		const actor = await admin()
		const buyer = await createTestUser()
		const course = await makeCourse(tag('c'))
		const counts: Record<string, { queries: number; rows: number }[]> = { orgs: [], orders: [] }
		for (const size of [5, 50]) {
			const label = tag('trust')
			for (let i = 0; i < size; i++) {
				const org = await prisma.organisation.create({
					data: {
						name: `${label} ${i}`,
						slug: `${label}-${i}`,
						memberships: { create: { userId: buyer.id, role: 'OWNER' } },
						seatPools: { create: { courseId: course.id, seats: 10, used: 3 } },
					},
					select: { id: true },
				})
				await prisma.order.create({
					data: {
						buyerUserId: buyer.id,
						organisationId: org.id,
						courseId: course.id,
						quantity: 10,
						amountPence: 49000,
					},
				})
			}
			let rows = 0
			const orgQueries = await countQueries(async () => {
				const result = await listOrganisations({ actorId: actor.id, query: label.toUpperCase(), pageSize: 50 })
				rows = result.organisations.length
				expect(result.organisations[0]).toMatchObject({ memberCount: 1, seatPools: [{ seats: 10, used: 3 }] })
			})
			counts.orgs!.push({ queries: orgQueries, rows })
			const orderQueries = await countQueries(async () => {
				rows = (await listOrders({ actorId: actor.id, query: label, pageSize: 50 })).orders.length
			})
			counts.orders!.push({ queries: orderQueries, rows })
		}
		for (const key of ['orgs', 'orders']) {
			const [five, fifty] = counts[key]!
			expect([five!.rows, fifty!.rows]).toEqual([5, 50])
			expect(fifty!.queries).toBe(five!.queries)
		}
	})

	test('orders filter by status and are found by buyer email in any case or by course title', async () => {
		const actor = await admin()
		const label = tag('ord')
		const buyer = await createTestUser({ email: `buyer-${label}@example.org` })
		const course = await makeCourse(label)
		const paid = await prisma.order.create({
			data: { buyerUserId: buyer.id, courseId: course.id, amountPence: 4900, status: 'PAID' },
			select: { id: true },
		})
		const pending = await prisma.order.create({
			data: { buyerUserId: buyer.id, courseId: course.id, amountPence: 4900 },
			select: { id: true },
		})
		const byEmail = await listOrders({ actorId: actor.id, query: `BUYER-${label.toUpperCase()}` })
		expect(byEmail.orders.map((o) => o.id).sort()).toEqual([paid.id, pending.id].sort())
		const paidOnly = await listOrders({ actorId: actor.id, query: `circles ${label}`, status: 'PAID' })
		expect(paidOnly.orders.map((o) => o.id)).toEqual([paid.id])
		expect(paidOnly.orders[0]?.courseTitle).toBe(`Restorative circles ${label}`)
		expect((await listOrders({ actorId: actor.id, query: pending.id })).orders.map((o) => o.id)).toEqual([pending.id])
	})
})

describe('enquiries', () => {
	test('marking an enquiry handled and reopening it are audited; the open filter follows', async () => {
		const actor = await admin()
		const label = tag('enq')
		const enquiry = await prisma.enquiry.create({
			data: { name: `Aisha ${label}`, email: `${label}@example.org`, message: 'We would like training for our staff.' },
			select: { id: true },
		})
		const open = () => listEnquiries({ actorId: actor.id, query: label.toUpperCase() })
		expect((await open()).enquiries.map((e) => e.id)).toEqual([enquiry.id])

		await setEnquiryHandled({ actorId: actor.id, enquiryId: enquiry.id, handled: true })
		expect((await prisma.enquiry.findUniqueOrThrow({ where: { id: enquiry.id } })).handledAt).not.toBeNull()
		expect((await open()).enquiries).toEqual([])
		expect(
			(await listEnquiries({ actorId: actor.id, query: label, show: 'handled' })).enquiries.map((e) => e.id),
		).toEqual([enquiry.id])
		await expect(setEnquiryHandled({ actorId: actor.id, enquiryId: enquiry.id, handled: true })).rejects.toMatchObject({
			code: 'ALREADY_HANDLED',
		})

		await setEnquiryHandled({ actorId: actor.id, enquiryId: enquiry.id, handled: false })
		expect((await open()).enquiries.map((e) => e.id)).toEqual([enquiry.id])
		const audit = await prisma.auditLog.findMany({
			where: { targetType: 'Enquiry', targetId: enquiry.id },
			orderBy: { createdAt: 'asc' },
			select: { action: true, actorId: true },
		})
		expect(audit).toEqual([
			{ action: 'enquiry.handled', actorId: actor.id },
			{ action: 'enquiry.reopened', actorId: actor.id },
		])
	})
})

describe('overview', () => {
	test('counts reflect new rows; the month starts at UK midnight', async () => {
		const actor = await admin()
		const before = await getAdminOverview({ actorId: actor.id })
		await prisma.enquiry.create({ data: { name: 'N', email: 'n@example.org', message: 'x'.repeat(25) } })
		const buyer = await createTestUser()
		const course = await makeCourse(tag('ov'))
		await prisma.order.create({
			data: {
				buyerUserId: buyer.id,
				courseId: course.id,
				amountPence: 12_345,
				status: 'PAID',
				fulfilledAt: new Date(),
			},
		})
		const after = await getAdminOverview({ actorId: actor.id })
		expect(after.users).toBe(before.users + 1)
		expect(after.openEnquiries).toBe(before.openEnquiries + 1)
		expect(after.coursesPublished).toBe(before.coursesPublished + 1)
		expect(after.ordersPaidThisMonth).toBe(before.ordersPaidThisMonth + 1)
		expect(after.revenueThisMonthPence).toBe(before.revenueThisMonthPence + 12_345)

		expect(startOfUkMonth(new Date('2026-07-15T12:00:00Z')).toISOString()).toBe('2026-06-30T23:00:00.000Z')
		expect(startOfUkMonth(new Date('2026-11-21T12:00:00Z')).toISOString()).toBe('2026-11-01T00:00:00.000Z')
		// 23:30 UTC on 31 October 2026 is still October in the UK (GMT again from 25 October).
		expect(startOfUkMonth(new Date('2026-10-31T23:30:00Z')).toISOString()).toBe('2026-09-30T23:00:00.000Z')
	})
})
