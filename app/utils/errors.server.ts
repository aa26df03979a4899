import type { SubmissionResult } from '@conform-to/react'
import { data } from 'react-router'
import { type AnyDomainError, type DomainErrorKind, isDomainError } from '#modules/errors/domain-error.ts'
import { SCIM_TYPE_FOR_CODE, type ScimErrorCode } from '#modules/scim/errors.ts'
import { ERROR_SCHEMA } from '#modules/scim/schemas.ts'

// The one way from a domain error to HTTP. Every route turns DomainErrors into responses through
// the helpers below; a lint rule keeps STATUS_FOR_KIND private to this file, so no route can pick
// a status of its own. Anything that is not a DomainError is rethrown untouched, to reach
// entry.server.tsx's handleError (logged with the request id) and the 500 page.

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

/** The status and headers (Retry-After for throttles) a domain error answers with. */
export function domainErrorInit(error: AnyDomainError, headers: Record<string, string> = {}) {
	const retryAfter: Record<string, string> = error.retryAfterSeconds
		? { 'Retry-After': String(error.retryAfterSeconds) }
		: {}
	return { status: STATUS_FOR_KIND[error.kind], headers: { ...headers, ...retryAfter } }
}

/**
 * Turns a thrown DomainError into a thrown Response with the right status (for loaders and actions
 * that have no form to show it on; the error boundary shows its message); anything else is rethrown.
 */
export function throwAsResponse(error: unknown): never {
	if (isDomainError(error)) {
		throw data({ message: error.message, code: error.code }, domainErrorInit(error))
	}
	throw error
}

/** Runs `fn`, converting domain errors to HTTP responses (see throwAsResponse). */
export async function withDomainErrors<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn()
	} catch (error) {
		throwAsResponse(error)
	}
}

type Replyable = {
	reply: (options?: {
		formErrors?: string[]
		fieldErrors?: Record<string, string[]>
		hideFields?: string[]
	}) => SubmissionResult<string[]>
}

/**
 * A DomainError as a Conform form reply, `{ result }`: the message beside its field (or above the
 * form when it has none), with the status for its kind and Retry-After for throttles. List password
 * fields in `hideFields` so they are never sent back.
 */
export function replyWithDomainError(
	submission: Replyable,
	error: unknown,
	{ hideFields }: { hideFields?: string[] } = {},
) {
	if (!isDomainError(error)) throw error
	const result = error.field
		? submission.reply({ fieldErrors: { [error.field]: [error.message] }, hideFields })
		: submission.reply({ formErrors: [error.message], hideFields })
	return data({ result }, domainErrorInit(error))
}

/**
 * A DomainError as an action's in-page reply (no Conform form): `{ ok: false, code, message, field,
 * ...extra }` with the status for its kind. `extra` carries what the page needs to place the message
 * (the intent, the row it is about); it may be computed from the error, and may word the message.
 */
export function replyWithProblem<Extra extends object>(
	error: unknown,
	extra: Extra | ((error: AnyDomainError) => Extra),
	{ headers }: { headers?: Record<string, string> } = {},
) {
	if (!isDomainError(error)) throw error
	const context = typeof extra === 'function' ? extra(error) : extra
	return data(
		{ ok: false as const, code: error.code, message: error.message, field: error.field ?? null, ...context },
		domainErrorInit(error, headers),
	)
}

/**
 * A DomainError as a JSON problem for resource routes called by scripts (`{ code, message, field }`,
 * never cached), with the status for its kind.
 */
export function problemJson(error: unknown) {
	if (!isDomainError(error)) throw error
	return Response.json(
		{ code: error.code, message: error.message, field: error.field ?? null },
		domainErrorInit(error, { 'Cache-Control': 'private, no-store' }),
	)
}

/**
 * A DomainError as the SCIM error document of RFC 7644 §3.12
 * (`{ schemas: [Error], status: "400", scimType, detail }`, Content-Type application/scim+json).
 * SCIM clients expect 400 for every invalid request, so `invalid` answers 400 here, not 422.
 */
export function scimProblem(error: unknown) {
	if (!isDomainError(error)) throw error
	const init = domainErrorInit(error, { 'Cache-Control': 'no-store', 'Content-Type': SCIM_CONTENT_TYPE })
	const status = error.kind === 'invalid' ? 400 : init.status
	const code = error.code as string
	const scimType =
		code in SCIM_TYPE_FOR_CODE
			? SCIM_TYPE_FOR_CODE[code as ScimErrorCode]
			: error.kind === 'invalid'
				? 'invalidValue'
				: null
	const headers: Record<string, string> = { ...init.headers }
	if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="Circle SCIM"'
	return new Response(
		JSON.stringify({
			schemas: [ERROR_SCHEMA],
			status: String(status),
			...(scimType ? { scimType } : {}),
			detail: error.message,
		}),
		{ status, headers },
	)
}

/** SCIM's media type (RFC 7644 §3.1). */
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8'
