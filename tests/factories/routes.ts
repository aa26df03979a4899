/** Calling route modules in tests with real Requests (build them with getRequest and formRequest in ./auth.ts). */

const context = { clientIp: 'route-test', cspNonce: 'test' }

/**
 * Runs a loader or action as React Router would, with a test context; a thrown redirect, response or
 * `data()` comes back as the result instead of rejecting.
 */
export async function runRoute<T>(
	fn: (args: never) => Promise<T>,
	request: Request,
	params: Record<string, string> = {},
) {
	return fn({ request, params, context } as never).catch((thrown: unknown) => thrown)
}

/** The HTTP status of what a loader or action returned or threw: a Response's, a `data()`'s, or 200. */
export function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	const init = (result as { init?: { status?: number } | null }).init
	return init?.status ?? 200
}
