import type { ZodError } from 'zod'
import { PortfolioError } from '#modules/portfolio/errors.ts'

/** The first problem in a failed parse, as an `invalid` DomainError naming its field. */
export function invalidEntry(error: ZodError): never {
	const issue = error.issues[0]
	throw new PortfolioError('invalid', 'INVALID_CPD_ENTRY', issue?.message ?? 'Check the entry', {
		field: issue?.path[0] === undefined ? undefined : String(issue.path[0]),
	})
}

/** Someone else's entry and a missing one get the same answer, so neither can be told apart. */
export function entryNotFound(): never {
	throw new PortfolioError('not_found', 'CPD_ENTRY_NOT_FOUND', 'There is no such entry in your CPD portfolio.')
}
