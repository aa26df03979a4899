// What a failed statement says about its connection (ADR 0056). Two questions, asked of pg's own
// errors and of what Prisma makes of them: did the connection go away (a PgBouncer restart, a
// failover, a server stopping), and if so, can we prove the statement never reached the server?

/** A pattern an error, or anything it wraps (cause, meta, driverAdapterError, errors), may match. */
export type ErrorPattern = {
	/** Node socket codes, SQLSTATEs and Prisma codes, matched against `code` and `originalCode`. */
	codes: ReadonlySet<string>
	/** @prisma/adapter-pg's DriverAdapterError kinds. */
	kinds: ReadonlySet<string>
	message: RegExp
}

/** Whether `error` or anything it wraps matches `pattern`. */
export function errorMatches(error: unknown, pattern: ErrorPattern): boolean {
	const seen = new Set<unknown>()
	const visit = (value: unknown, depth: number): boolean => {
		if (!value || typeof value !== 'object' || seen.has(value) || depth > 5) return false
		seen.add(value)
		const record = value as Record<string, unknown>
		if (typeof record.code === 'string' && pattern.codes.has(record.code)) return true
		if (typeof record.originalCode === 'string' && pattern.codes.has(record.originalCode)) return true
		if (typeof record.kind === 'string' && pattern.kinds.has(record.kind)) return true
		if (typeof record.message === 'string' && pattern.message.test(record.message)) return true
		return ['cause', 'meta', 'driverAdapterError', 'errors'].some((key) => {
			const inner = record[key]
			return Array.isArray(inner) ? inner.some((e) => visit(e, depth + 1)) : visit(inner, depth + 1)
		})
	}
	return visit(error, 0)
}

/**
 * The database could not be reached, or the connection went away before an answer: a socket
 * refused or reset, a server shutting down or starting, PgBouncer without a server.
 * @prisma/adapter-pg drops the socket's own code and keeps only a `kind` (DatabaseNotReachable for
 * a refused connection, ConnectionClosed for a reset one), so the kinds count too.
 */
export const CONNECTION_LOST: ErrorPattern = {
	codes: new Set([
		'ECONNREFUSED',
		'ECONNRESET',
		'ETIMEDOUT',
		'EHOSTUNREACH',
		'ENOTFOUND',
		'EPIPE',
		'P1001', // Prisma: can't reach the database server
		'P1002', // Prisma: the server timed out
		'P1017', // Prisma: the server closed the connection
		'57P01', // admin_shutdown: the server is stopping (fast shutdown, failover)
		'57P02', // crash_shutdown
		'57P03', // cannot_connect_now: the server is starting
		'08000',
		'08001',
		'08003',
		'08004',
		'08006',
	]),
	kinds: new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']),
	message:
		/ECONNREFUSED|ECONNRESET|Connection terminated|is not queryable|the database system is (shutting down|starting up)|terminating connection|pgbouncer cannot connect to server|server conn crashed|server login has been failing/i,
}

/** Whether the database could not be reached or the connection was lost before an answer came. */
export function isConnectionLost(error: unknown) {
	return errorMatches(error, CONNECTION_LOST)
}

// Failures that happen before a statement is written to any socket: no connection could be opened
// (refused, no such host, the server or PgBouncer refusing the login while it starts or has no
// server), or pg refused to send on a client it already knew was broken. Only pg's own errors, as
// ResilientPool sees them: once Prisma has wrapped one, "refused" and "reset" look alike.
const NEVER_SENT: ErrorPattern = {
	codes: new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', '57P03']),
	kinds: new Set(['DatabaseNotReachable']),
	message: /is not queryable|the database system is (starting up|shutting down)|pgbouncer cannot connect to server/i,
}

/** Whether `error` (from pg, when connecting or sending) proves the statement never reached the server. */
export function neverReachedServer(error: unknown) {
	return errorMatches(error, NEVER_SENT)
}
