import { parseWithZod } from '@conform-to/zod/v4'
import { isRouteErrorResponse } from 'react-router'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { AuthError } from '#modules/auth/errors.ts'
import { type DomainErrorKind, isDomainError } from '#modules/errors/domain-error.ts'
import { LearningError } from '#modules/learning/errors.ts'
import { OrganisationsError } from '#modules/organisations/errors.ts'
import {
	problemJson,
	replyWithDomainError,
	replyWithProblem,
	throwAsResponse,
	withDomainErrors,
} from './errors.server.ts'

// The one family of adapters from domain errors to HTTP. The statuses are written out here rather
// than read from STATUS_FOR_KIND, so that a change to the table is a change these tests notice.
const STATUSES: [DomainErrorKind, number][] = [
	['invalid', 422],
	['unauthenticated', 401],
	['forbidden', 403],
	['not_found', 404],
	['conflict', 409],
	['gone', 410],
	['throttled', 429],
]

type DataResult = { type: 'DataWithResponseInit'; data: Record<string, unknown>; init: ResponseInit | null }

function thrown(fn: () => unknown): unknown {
	try {
		fn()
	} catch (error) {
		return error
	}
	throw new Error('expected a throw')
}

function headersOf(result: DataResult) {
	return new Headers(result.init?.headers)
}

const SignUpSchema = z.object({ email: z.string().email(), password: z.string() })

function signUpSubmission() {
	const form = new FormData()
	form.set('email', 'ann@example.org')
	form.set('password', 'correct horse battery staple')
	return parseWithZod(form, { schema: SignUpSchema })
}

describe('every adapter answers each kind with its one status', () => {
	test.each(STATUSES)('%s is %i', async (kind, status) => {
		const error = new OrganisationsError(kind, 'NO_SEATS_LEFT', 'Every seat is in use.')
		const submission = signUpSubmission()

		const thrownData = thrown(() => throwAsResponse(error)) as DataResult
		expect(thrownData.init?.status).toBe(status)
		expect((replyWithDomainError(submission, error) as unknown as DataResult).init?.status).toBe(status)
		expect((replyWithProblem(error, {}) as unknown as DataResult).init?.status).toBe(status)
		expect(problemJson(error).status).toBe(status)
		const wrapped = await withDomainErrors(() => Promise.reject(error)).catch((e: unknown) => e)
		expect((wrapped as DataResult).init?.status).toBe(status)
	})
})

describe('anything that is not a DomainError passes through untouched', () => {
	test('to reach handleError and the 500 page', async () => {
		const bug = new TypeError('undefined is not a function')
		expect(thrown(() => throwAsResponse(bug))).toBe(bug)
		expect(thrown(() => replyWithDomainError(signUpSubmission(), bug))).toBe(bug)
		expect(thrown(() => replyWithProblem(bug, { intent: 'invite' }))).toBe(bug)
		expect(thrown(() => problemJson(bug))).toBe(bug)
		await expect(withDomainErrors(() => Promise.reject(bug))).rejects.toBe(bug)
		expect(isRouteErrorResponse(bug)).toBe(false)
	})

	test('withDomainErrors returns what the function returns', async () => {
		await expect(withDomainErrors(async () => ({ seats: 3 }))).resolves.toEqual({ seats: 3 })
	})
})

describe('replyWithDomainError (forms)', () => {
	test('puts an error with a field beside that field, and hides the fields it is told to', () => {
		const error = new AuthError('invalid', 'WRONG_PASSWORD', 'That password is not right.', { field: 'password' })
		const reply = replyWithDomainError(signUpSubmission(), error, { hideFields: ['password'] }) as unknown as DataResult
		const result = reply.data.result as { error: Record<string, string[]>; initialValue: Record<string, unknown> }
		expect(result.error).toEqual({ password: ['That password is not right.'] })
		expect(result.initialValue.email).toBe('ann@example.org')
		expect(result.initialValue).not.toHaveProperty('password')
	})

	test('puts an error without a field above the form', () => {
		const error = new AuthError('conflict', 'EMAIL_TAKEN', 'There is already an account for that address.')
		const reply = replyWithDomainError(signUpSubmission(), error) as unknown as DataResult
		expect((reply.data.result as { error: Record<string, string[]> }).error).toEqual({
			'': ['There is already an account for that address.'],
		})
	})

	test('tells a throttled person when to try again', () => {
		const error = new AuthError('invalid', 'INVALID_CREDENTIALS', 'Too many tries.', { retryAfterSeconds: 90 })
		const throttled = new OrganisationsError('throttled', 'REMINDED_RECENTLY', 'Reminded today.', {
			retryAfterSeconds: 3600,
		})
		expect(
			headersOf(replyWithDomainError(signUpSubmission(), throttled) as unknown as DataResult).get('Retry-After'),
		).toBe('3600')
		expect(headersOf(replyWithDomainError(signUpSubmission(), error) as unknown as DataResult).get('Retry-After')).toBe(
			'90',
		)
	})
})

describe('replyWithProblem (in-page replies)', () => {
	test("carries the page's own context beside the message, code and field", () => {
		const error = new OrganisationsError('conflict', 'SEAT_STARTED', 'They have started: the seat stays theirs.', {
			field: 'assignmentId',
		})
		const reply = replyWithProblem(error, { intent: 'reclaim', membershipId: 'm1' }) as unknown as DataResult
		expect(reply.data).toEqual({
			ok: false,
			code: 'SEAT_STARTED',
			message: 'They have started: the seat stays theirs.',
			field: 'assignmentId',
			intent: 'reclaim',
			membershipId: 'm1',
		})
	})

	test('may shape its context from the error, and pass headers on', () => {
		const error = new LearningError('forbidden', 'NOT_ENROLLED', 'Enrol first.')
		const reply = replyWithProblem(error, (e) => ({ error: { message: e.message } }), {
			headers: { 'Cache-Control': 'private, no-store' },
		}) as unknown as DataResult
		expect(reply.data).toMatchObject({ ok: false, error: { message: 'Enrol first.' } })
		expect(headersOf(reply).get('Cache-Control')).toBe('private, no-store')
	})
})

describe('problemJson (resource routes)', () => {
	test('is a JSON problem that is never cached', async () => {
		const error = new LearningError('not_found', 'LESSON_NOT_FOUND', 'There is no such lesson.')
		const response = problemJson(error)
		expect(response.headers.get('Content-Type')).toContain('application/json')
		expect(response.headers.get('Cache-Control')).toBe('private, no-store')
		expect(await response.json()).toEqual({
			code: 'LESSON_NOT_FOUND',
			message: 'There is no such lesson.',
			field: null,
		})
	})
})

describe('throwAsResponse (pages)', () => {
	test("gives the error boundary the error's message and code", () => {
		const error = new OrganisationsError('gone', 'INVITATION_EXPIRED', 'This invitation has expired.')
		expect((thrown(() => throwAsResponse(error)) as DataResult).data).toEqual({
			message: 'This invitation has expired.',
			code: 'INVITATION_EXPIRED',
		})
	})
})

describe('error codes are typed per context', () => {
	test('a misspelt code, or another context’s code, fails the type check', () => {
		const error: unknown = new LearningError('forbidden', 'NOT_ENROLLED', 'Enrol first.')
		if (!isDomainError(error)) throw new Error('expected a DomainError')
		expect(error.code === 'NOT_ENROLLED').toBe(true)
		// @ts-expect-error 'NOT_ENROLED' is no context's code (tsc refuses the comparison)
		expect(error.code === 'NOT_ENROLED').toBe(false)
		// @ts-expect-error NO_SEATS_LEFT belongs to the organisations context, not to learning
		expect(new LearningError('conflict', 'NO_SEATS_LEFT', 'x').code).toBe('NO_SEATS_LEFT')
	})
})
