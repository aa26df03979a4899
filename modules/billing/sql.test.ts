// Each raw statement of the billing context run directly against PostgreSQL (ADR 0018): the row's
// keys must be the ones its type declares, and the values what the fixture says.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createOrganisation, createSeatPool, createUser } from '#tests/factories/organisations.ts'
import { lockOrder, lockSeatPool } from './sql.ts'

afterAll(releaseTestResources)

const keys = (row: object | null | undefined) => Object.keys(row ?? {}).sort()

describe('billing/sql.ts', () => {
	test('lockOrder returns the locked order’s status and amount, or null', async () => {
		const org = await createOrganisation()
		const buyer = await createUser({ name: 'Bea Buyer' })
		const pool = await createSeatPool({ organisationId: org.id, seats: 3 })
		const order = await prisma.order.create({
			data: {
				buyerUserId: buyer.id,
				organisationId: org.id,
				courseId: pool.course.id,
				amountPence: 14700,
				status: 'PAID',
			},
			select: { id: true },
		})
		await prisma.$transaction(async (tx) => {
			const row = await lockOrder(tx, order.id)
			expect(keys(row)).toEqual(['amountPence', 'seatsGrantedAt', 'status'])
			expect(row).toEqual({ status: 'PAID', amountPence: 14700, seatsGrantedAt: null })
			expect(await lockOrder(tx, 'no-such-order')).toBeNull()
		})
	})

	test('lockSeatPool returns the organisation’s pool for the course, or null', async () => {
		const org = await createOrganisation()
		const other = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 5, used: 2 })
		await prisma.$transaction(async (tx) => {
			const row = await lockSeatPool(tx, { organisationId: org.id, courseId: pool.course.id })
			expect(keys(row)).toEqual(['id', 'seats', 'used'])
			expect(row).toEqual({ id: pool.id, seats: 5, used: 2 })
			expect(await lockSeatPool(tx, { organisationId: other.id, courseId: pool.course.id })).toBeNull()
		})
	})
})
