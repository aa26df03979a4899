// Every raw SQL statement of the programmes context; sql.test.ts runs each against PostgreSQL.
import { type ProgrammeEnrolment, type Tx } from '#modules/db/client.ts'

/**
 * Locks a learner's enrolment on a programme (if any) until the transaction ends, so two course
 * completions that finish a programme together take turns: the second, reading after the first has
 * committed, sees both certificates and issues the programme's. Without it each would see only its
 * own new certificate (READ COMMITTED) and neither would issue.
 */
export async function lockProgrammeEnrolment(tx: Tx, { programmeId, userId }: { programmeId: string; userId: string }) {
	const rows = await tx.$queryRaw<Array<Pick<ProgrammeEnrolment, 'id'>>>`
		SELECT id FROM "ProgrammeEnrolment" WHERE "programmeId" = ${programmeId} AND "userId" = ${userId} FOR UPDATE`
	return rows[0] ?? null
}
