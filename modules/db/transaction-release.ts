import type { PrismaPg } from '@prisma/adapter-pg'
import type pg from 'pg'

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>

const ENDS_A_TRANSACTION = /^\s*(?:COMMIT|ROLLBACK)\s*;?\s*$/i

/**
 * Gives a transaction's connection back to the pool when its COMMIT or ROLLBACK fails.
 *
 * Prisma 6.19 ends an interactive transaction by sending COMMIT (or ROLLBACK) and, once that has
 * answered, calling the adapter's `commit()` (`rollback()`), which is what releases the pg client.
 * When the statement fails because the connection is gone (a PgBouncer restart, a failover), Prisma
 * throws before that call: the client is never released, and the pool is one connection smaller for
 * the life of the process. Enough restarts under load and every request waits for a connection that
 * never comes (found by modules/db/reconnect.test.ts once its restarts were real). Here, the failed
 * statement releases the client with its error, so pg discards it and opens a fresh one when needed.
 */
export function releaseOnFailedEnd(factory: PrismaPg): PrismaPg {
	const connect = factory.connect.bind(factory)
	factory.connect = async () => {
		const adapter = await connect()
		const start = adapter.startTransaction.bind(adapter)
		adapter.startTransaction = async (isolationLevel) => releasingOnFailedEnd(await start(isolationLevel))
		return adapter
	}
	return factory
}

function releasingOnFailedEnd(transaction: Transaction): Transaction {
	// @prisma/adapter-pg's transaction holds the pool client it releases in commit() and rollback().
	const client = (transaction as unknown as { client: pg.PoolClient }).client
	const executeRaw = transaction.executeRaw.bind(transaction)
	transaction.executeRaw = async (query) => {
		try {
			return await executeRaw(query)
		} catch (error) {
			// Prisma will not call commit() or rollback() after this: release here, once, and as broken.
			if (ENDS_A_TRANSACTION.test(query.sql)) client.release(error instanceof Error ? error : new Error(String(error)))
			throw error
		}
	}
	return transaction
}
