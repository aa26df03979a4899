// Every raw SQL statement of the billing context (ADR 0018): row locks that the query builder cannot
// express. Row types come from the generated models, so renaming or retyping a column fails `tsc`
// here; sql.test.ts runs each statement against PostgreSQL.
import { type DocumentCounter, type Order, type SeatPool, type Tx } from '#modules/db/client.ts'

export type LockedOrderRow = Pick<Order, 'status' | 'amountPence' | 'seatsGrantedAt'>

/**
 * Locks an order's row until the transaction ends and returns its status and amount (null when
 * there is no such order). Fulfilment, refunds and disputes all take this lock first, so whichever
 * arrives second sees what the first one did.
 */
export async function lockOrder(tx: Tx, orderId: string) {
	const [row] = await tx.$queryRaw<LockedOrderRow[]>`
		SELECT status, "amountPence", "seatsGrantedAt" FROM "Order" WHERE id = ${orderId} FOR UPDATE`
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

export type DocumentSeries = 'CIR' | 'CRN'

/**
 * Takes the next number of a gap-free series (CIR invoices, CRN credit notes) for a year: one
 * statement that creates the year's counter row or increments it, returning the new value. The row
 * stays locked until the caller's transaction ends, so concurrent issuers take numbers one after
 * another, and a transaction that rolls back gives its number back (ADR 0036). Call it as late in
 * the transaction as possible: every other issuer of the series waits for the lock.
 */
export async function takeDocumentNumber(tx: Tx, { series, year }: { series: DocumentSeries; year: number }) {
	const [row] = await tx.$queryRaw<Array<Pick<DocumentCounter, 'last'>>>`
		INSERT INTO "DocumentCounter" (series, year, last) VALUES (${series}, ${year}, 1)
		ON CONFLICT (series, year) DO UPDATE SET last = "DocumentCounter".last + 1
		RETURNING last`
	return row!.last
}

/**
 * Claims one overdue chase step of an invoice: true for the one caller that inserted the row, false
 * when that step was already claimed (by this worker earlier, or another one now).
 */
export async function claimInvoiceChase(tx: Tx, { invoiceId, step }: { invoiceId: string; step: number }) {
	const inserted = await tx.$executeRaw`
		INSERT INTO "InvoiceChase" ("invoiceId", step, "createdAt") VALUES (${invoiceId}, ${step}, now())
		ON CONFLICT DO NOTHING`
	return inserted === 1
}
