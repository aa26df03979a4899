// Each raw statement of the organisations context run directly against PostgreSQL (ADR 0018): the
// row's keys must be the ones its type declares, and the values what the fixture says.
import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { prisma } from '#modules/db/client.ts'
import {
	addMember,
	createInvitation,
	createOrganisation,
	createSeatPool,
	createUser,
} from '#tests/factories/organisations.ts'
import { claimSeat } from './claim-seat.ts'
import * as sql from './sql.ts'

afterAll(releaseTestResources)

const keys = (row: object | null | undefined) => Object.keys(row ?? {}).sort()

async function world() {
	const org = await createOrganisation()
	const admin = await addMember({ organisationId: org.id, role: 'ADMIN' })
	const pool = await createSeatPool({ organisationId: org.id, seats: 4 })
	const holder = await createUser({ name: 'Holly Holder' })
	const seat = await claimSeat({ poolId: pool.id, userId: holder.id })
	await createInvitation({ organisationId: org.id, poolId: pool.id, email: `inv-${crypto.randomUUID()}@example.org` })
	return { org, admin, pool, holder, seat }
}

describe('organisations/sql.ts', () => {
	test('access statements', async () => {
		const { org, admin } = await world()
		const row = await sql.selectOrganisationBySlugFor({ slug: org.slug, userId: admin.id })
		expect(keys(row)).toEqual(['id', 'memberRole', 'name', 'slug'])
		expect(row).toMatchObject({ id: org.id, memberRole: 'ADMIN' })
		expect(await sql.selectOrganisationBySlugFor({ slug: 'no-such-org', userId: admin.id })).toBeNull()

		const actor = await sql.selectActor(prisma, { organisationId: org.id, actorId: admin.id })
		expect(keys(actor)).toEqual(['disabledAt', 'memberRole', 'organisationName', 'role'])
		expect(actor).toMatchObject({ role: 'LEARNER', disabledAt: null, organisationName: org.name, memberRole: 'ADMIN' })
		expect(await sql.selectActor(prisma, { organisationId: org.id, actorId: 'nobody' })).toBeNull()

		expect(await sql.selectManagesAnOrganisation({ userId: admin.id })).toBe(true)
	})

	test('locks and pools', async () => {
		const { org, pool, seat } = await world()
		const locked = await prisma.$transaction(async (tx) => {
			await sql.lockMemberships(tx, org.id)
			await sql.lockSeatAssignment(tx, seat.assignmentId)
			return sql.lockSeatPool(tx, { poolId: pool.id, organisationId: org.id })
		})
		expect(keys(locked)).toEqual(['courseId', 'id', 'seats', 'used'])
		expect(locked).toMatchObject({ id: pool.id, seats: 4, used: 1 })

		const [row] = await sql.selectSeatPools({ organisationId: org.id })
		expect(keys(row)).toEqual(['courseId', 'courseSlug', 'id', 'seats', 'title', 'used'])
		expect(row).toMatchObject({ id: pool.id, courseSlug: pool.course.slug, title: pool.course.title })
	})

	test('reminder statements', async () => {
		const { org, pool, seat, holder } = await world()
		const holderRow = await sql.selectReminderHolder(prisma, {
			organisationId: org.id,
			poolId: pool.id,
			assignmentId: seat.assignmentId,
		})
		expect(keys(holderRow)).toEqual([
			'assignmentId',
			'completedAt',
			'courseSlug',
			'courseTitle',
			'email',
			'name',
			'organisationName',
			'started',
		])
		expect(holderRow).toMatchObject({ email: holder.email, name: 'Holly Holder', started: false, completedAt: null })

		const now = new Date()
		const due = await sql.selectPoolHoldersToRemind(prisma, {
			organisationId: org.id,
			poolId: pool.id,
			stalledBefore: now,
			remindedSince: now,
		})
		expect(due.map(keys)).toEqual([
			['assignmentId', 'courseSlug', 'courseTitle', 'email', 'name', 'organisationName', 'remindedRecently', 'started'],
		])
		const stalled = await sql.selectStalledHolders({
			stalledBefore: new Date(now.getTime() + 60_000),
			remindedSince: now,
		})
		expect(stalled.find((h) => h.assignmentId === seat.assignmentId)).toMatchObject({ started: false })
	})

	test('team report statements', async () => {
		const { org, pool } = await world()
		expect(await sql.selectReportVersion(org.id)).toBeGreaterThan(0)
		expect(await sql.selectReportVersion('no-such-org')).toBe(-1)
		const order = await sql.selectReportOrder({ organisationId: org.id, filters: {} })
		expect(order).toHaveLength(2)
		const rows = await sql.selectReportRowsByKey({ organisationId: org.id, keys: order })
		const batch = await sql.selectReportBatch({ organisationId: org.id, filters: {}, afterKey: null, limit: 10 })
		const expected = [
			'assignmentId',
			'certificateCode',
			'completedAt',
			'courseId',
			'courseSlug',
			'courseTitle',
			'doneAll',
			'doneRequired',
			'email',
			'invitationId',
			'invitedAt',
			'key',
			'kind',
			'lastActiveAt',
			'name',
			'poolId',
			'startedAt',
			'status',
			'totalAll',
			'totalRequired',
		]
		expect(rows.map(keys)).toEqual([expected, expected])
		expect(batch.map((r) => r.status).sort()).toEqual(['invited', 'not_started'])

		await prisma.enrolment.updateMany({
			where: { seatAssignment: { poolId: pool.id } },
			data: { completedAt: new Date() },
		})
		const weeks = await sql.selectCompletionsByWeek({
			organisationId: org.id,
			since: new Date(Date.now() - 86_400_000 * 8),
		})
		expect(weeks.map(keys)).toEqual([['completions', 'week']])
		expect(weeks[0]!.week).toBeInstanceOf(Date)
	})
})
