import type PgBoss from 'pg-boss'
import type { Tx } from '#modules/db/client.ts'

/**
 * pg-boss's connection interface over a Prisma transaction, so that a job is inserted by the
 * transaction's own connection: it exists exactly when the transaction commits. pg-boss sends its
 * own parameterised SQL; JSON payloads are stringified here, as the pg driver would do.
 */
export function transactionDb(tx: Tx): PgBoss.Db {
	return {
		async executeSql(text: string, values: unknown[] = []) {
			const params = values.map((v) =>
				v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v,
			)
			// pg-boss's own constant SQL with $1…$n placeholders: every value is still bound, never spliced in.
			// eslint-disable-next-line no-restricted-syntax -- the text is pg-boss's, so no tagged template can carry it
			const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...params)
			return { rows }
		},
	}
}
