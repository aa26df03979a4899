import type { Membership, Tx } from '#modules/db/client.ts'

/**
 * Locks one membership of the organisation until the transaction ends, so two SCIM requests about
 * the same person (a PATCH and a DELETE sent together) apply one after the other: the second sees
 * what the first did, and a leaver's seats are ended once.
 */
export async function lockMembership(tx: Tx, { id, organisationId }: { id: string; organisationId: string }) {
	await tx.$queryRaw<Array<Pick<Membership, 'id'>>>`
		SELECT id FROM "Membership" WHERE id = ${id} AND "organisationId" = ${organisationId} FOR UPDATE`
}
