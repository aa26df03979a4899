import type { DomainErrorCode } from './codes.ts'

export type { DomainErrorCode }

/**
 * What kind of failure a domain error is. app/utils/errors.server.ts maps each kind to one HTTP
 * status, in one place; modules never speak HTTP.
 */
export type DomainErrorKind =
	| 'invalid' // 400/422: the input breaks a business rule
	| 'unauthenticated' // 401: who are you?
	| 'forbidden' // 403: you may not
	| 'not_found' // 404: no such thing (or not yours to know about)
	| 'conflict' // 409: the state has moved on (already used, edited by someone else, no seats left)
	| 'gone' // 410: expired or used up
	| 'throttled' // 429: too many attempts

/**
 * A refusal a module throws for app/ to turn into a response. Contexts throw their own subclass (e.g.
 * OrganisationsError in modules/organisations/errors.ts), which pins `Code` to that context's union.
 */
export class DomainError<Code extends DomainErrorCode = DomainErrorCode> extends Error {
	readonly kind: DomainErrorKind
	/** A stable machine-readable code such as INVALID_CREDENTIALS or NO_SEATS_LEFT. */
	readonly code: Code
	/** Optional field the error belongs to, so forms can show it beside that field. */
	readonly field?: string
	/** For throttled errors: how long until another try is allowed. */
	readonly retryAfterSeconds?: number

	constructor(
		kind: DomainErrorKind,
		code: Code,
		message: string,
		extra: { field?: string; retryAfterSeconds?: number } = {},
	) {
		super(message)
		this.name = 'DomainError'
		this.kind = kind
		this.code = code
		this.field = extra.field
		this.retryAfterSeconds = extra.retryAfterSeconds
	}
}

/** Any context's DomainError: its code is one of every context's codes. */
export type AnyDomainError = DomainError<DomainErrorCode>

export function isDomainError(error: unknown): error is AnyDomainError {
	return error instanceof DomainError
}
