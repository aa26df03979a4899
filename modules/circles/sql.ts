// Every raw SQL statement of the circles context; sql.test.ts runs each against PostgreSQL.
import { type Circle, type CircleBooking, type Tx } from '#modules/db/client.ts'

export type LockedCircle = Pick<
	Circle,
	| 'id'
	| 'title'
	| 'capacity'
	| 'startsAt'
	| 'durationMinutes'
	| 'cancelledAt'
	| 'organisationId'
	| 'teamId'
	| 'courseId'
	| 'sequence'
	| 'facilitatorId'
	| 'checkInCode'
>

/**
 * Locks a circle's row until the transaction ends and returns it. Every booking, cancellation and
 * promotion of one circle takes this lock first, so they take turns: counting the places taken and
 * then taking one is safe however many people book at once (the count is read under the lock).
 */
export async function lockCircle(tx: Tx, { circleId }: { circleId: string }) {
	const rows = await tx.$queryRaw<LockedCircle[]>`
		SELECT id, title, capacity, "startsAt", "durationMinutes", "cancelledAt", "organisationId", "teamId",
		       "courseId", sequence, "facilitatorId", "checkInCode"
		FROM "Circle" WHERE id = ${circleId} FOR UPDATE`
	return rows[0] ?? null
}

/** The first people on a circle's waiting list, in the order they joined it (up to `limit`). */
export async function selectFirstWaiters(tx: Tx, { circleId, limit }: { circleId: string; limit: number }) {
	if (limit <= 0) return []
	return tx.$queryRaw<Array<Pick<CircleBooking, 'id' | 'userId' | 'queuedAt'>>>`
		SELECT id, "userId", "queuedAt" FROM "CircleBooking"
		WHERE "circleId" = ${circleId} AND status = 'WAITING'
		ORDER BY "queuedAt", id
		LIMIT ${limit}`
}

/**
 * Inserts a person's attendance of a circle unless they already have one, returning the new row's id
 * (null when it was there already): ON CONFLICT DO NOTHING, because a failed INSERT would abort the
 * whole PostgreSQL transaction. The unique (circleId, userId) makes attending count once.
 */
export async function insertAttendance(
	tx: Tx,
	row: {
		id: string
		circleId: string
		userId: string
		method: 'REGISTER' | 'CODE'
		markedById: string | null
		attendedAt: Date
	},
) {
	const inserted = await tx.$queryRaw<Array<{ id: string }>>`
		INSERT INTO "CircleAttendance" (id, "circleId", "userId", method, "markedById", "attendedAt")
		VALUES (${row.id}, ${row.circleId}, ${row.userId}, ${row.method}::"CircleAttendanceMethod", ${row.markedById}, ${row.attendedAt})
		ON CONFLICT ("circleId", "userId") DO NOTHING
		RETURNING id`
	return inserted[0]?.id ?? null
}
