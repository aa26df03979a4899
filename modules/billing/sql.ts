// Every raw SQL statement of the billing context (ADR 0018): row locks that the query builder cannot
// express. Row types come from the generated models, so renaming or retyping a column fails `tsc`
// here; sql.test.ts runs each statement against PostgreSQL.
import { type Order, type SeatPool, type Tx } from '#modules/db/client.ts'

export type LockedOrderRow = Pick<Order, 'status' | 'amountPence'>

/**
 * Locks an order's row until the transaction ends and returns its status and amount (null when
 * there is no such order). Fulfilment, refunds and disputes all take this lock first, so whichever
 * arrives second sees what the first one did.
 */
export async function lockOrder(tx: Tx, orderId: string) {
	const [row] = await tx.$queryRaw<LockedOrderRow[]>`
		SELECT status, "amountPence" FROM "Order" WHERE id = ${orderId} FOR UPDATE`
	return row ?? null
}

export type LockedSeatPoolRow = Pick<SeatPool, 'id' | 'seats' | 'used'>

/** Locks an organisation's seat pool for a course (null when it has none) before seats are taken back. */
export async function lockSeatPool(tx: Tx, { organisationId, courseId }: { organisationId: string; courseId: string }) {
	const [row] = await tx.$queryRaw<LockedSeatPoolRow[]>`
		SELECT id, seats, used FROM "SeatPool"
		WHERE "organisationId" = ${organisationId} AND "courseId" = ${courseId}
		FOR UPDATE`
	return row ?? null
}
