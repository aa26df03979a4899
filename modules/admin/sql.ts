// Every raw SQL statement of the admin context (ADR 0018); sql.test.ts runs each one.
import { type Tx, type User } from '#modules/db/client.ts'

/**
 * Locks a user's row and reads their platform role (null when there is no such user): two admins
 * changing the same person at once are applied one after the other.
 */
export async function lockUserRole(tx: Tx, userId: string) {
	const [row] = await tx.$queryRaw<Array<Pick<User, 'role'>>>`SELECT role FROM "User" WHERE id = ${userId} FOR UPDATE`
	return row ?? null
}
