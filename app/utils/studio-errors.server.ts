import { data } from 'react-router'
import { requireRole } from '#app/utils/auth.server.ts'
import { STATUS_FOR_KIND } from '#app/utils/errors.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'

// HTTP glue shared by the studio routes (the authoring rules themselves live in modules/authoring).

/** The signed-in trainer or admin (403 for learners; visitors go to /login). */
export function requireTrainer(request: Request) {
	return requireRole(request, 'TRAINER')
}

/**
 * A domain error as the studio's action reply: `{ ok: false, intent, target, message, field }` with
 * the status for its kind. Anything else is rethrown.
 */
export function studioError(error: unknown, { intent, target }: { intent: string; target?: string | null }) {
	if (!isDomainError(error)) throw error
	return data(
		{ ok: false as const, intent, target: target ?? null, message: error.message, field: error.field ?? null },
		{ status: STATUS_FOR_KIND[error.kind] },
	)
}

/** A JSON Response for a domain error (resource routes). Anything else is rethrown. */
export function jsonError(error: unknown) {
	if (!isDomainError(error)) throw error
	return Response.json(
		{ message: error.message, code: error.code, field: error.field ?? null },
		{ status: STATUS_FOR_KIND[error.kind], headers: { 'Cache-Control': 'private, no-store' } },
	)
}
