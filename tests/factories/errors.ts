import { isDomainError } from '#modules/errors/domain-error.ts'

/**
 * The DomainError a call was refused with. A call that succeeds fails the test, and so does one that
 * throws anything else (a bug, not a refusal), which is rethrown as it came.
 */
export async function refusal(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		if (isDomainError(error)) return error
		throw error
	}
	throw new Error('Expected a refusal')
}
