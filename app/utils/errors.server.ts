import { data } from 'react-router'
import { type DomainErrorKind, isDomainError } from '#modules/errors/domain-error.ts'

/** The one mapping from domain error kinds to HTTP statuses. */
export const STATUS_FOR_KIND: Record<DomainErrorKind, number> = {
	invalid: 422,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	gone: 410,
	throttled: 429,
}

/**
 * Turns a thrown DomainError into a thrown Response with the right status (for loaders and actions
 * that have no form to show it on); anything else is rethrown untouched.
 */
export function throwAsResponse(error: unknown): never {
	if (isDomainError(error)) {
		const headers: HeadersInit = error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : {}
		throw data({ message: error.message, code: error.code }, { status: STATUS_FOR_KIND[error.kind], headers })
	}
	throw error
}

/** Runs `fn`, converting domain errors to HTTP responses. */
export async function withDomainErrors<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn()
	} catch (error) {
		throwAsResponse(error)
	}
}
