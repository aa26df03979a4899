import { type ActionFunction, type ActionFunctionArgs, data, type ServerBuild } from 'react-router'
import { writeFenceCookie } from '#modules/db/replica.ts'

const fencedBuilds = new WeakMap<ServerBuild, ServerBuild>()

/**
 * Read-your-writes with a read replica (ADR 0049): `build` with every route's action wrapped so that
 * its answer carries the write-fence cookie (the primary's WAL position once the action has
 * finished, so after its transactions committed). The person's next heavy reads (readDb) then wait
 * for the replica to have replayed their change, or go to the primary.
 *
 * The action is the one place every submission passes through, whatever comes after it: a redirect
 * (returned or thrown) that React Router sends straight back on a document request, a page rendered
 * from the action's data, a data request's answer, a resource route's (an API's) response. Entry
 * hooks would miss the first and the last. Actions that are not fenced are the ones not reached: a
 * GET never writes through an action, and nothing is added when no replica is configured.
 */
export function withWriteFence(build: ServerBuild): ServerBuild {
	let fenced = fencedBuilds.get(build)
	if (!fenced) {
		const routes: ServerBuild['routes'] = {}
		for (const [id, route] of Object.entries(build.routes)) {
			const action = route?.module.action
			routes[id] = route && action ? { ...route, module: { ...route.module, action: fenceAction(action) } } : route
		}
		fenced = { ...build, routes }
		fencedBuilds.set(build, fenced)
	}
	return fenced
}

function fenceAction(action: ActionFunction): ActionFunction {
	return async (args, handlerContext) => {
		let result: unknown
		try {
			result = await action(args, handlerContext)
		} catch (thrown) {
			// A thrown redirect is an answer like a returned one; anything else is a failure, left as it is.
			throw thrown instanceof Response ? await withFence(args, thrown) : thrown
		}
		return withFence(args, result)
	}
}

async function withFence({ request }: ActionFunctionArgs, result: unknown) {
	const cookie = await writeFenceCookie(request)
	if (!cookie) return result
	if (result instanceof Response) {
		// A new Response: Response.redirect() and fetch() responses have headers that cannot be changed.
		const headers = new Headers(result.headers)
		headers.append('Set-Cookie', cookie)
		return new Response(result.body, { status: result.status, statusText: result.statusText, headers })
	}
	if (isDataWithResponseInit(result)) {
		const headers = new Headers(result.init?.headers)
		headers.append('Set-Cookie', cookie)
		return data(result.data, { ...result.init, headers })
	}
	// Plain data: React Router merges an action's Set-Cookie headers into the page or data answer.
	return data(result, { headers: { 'Set-Cookie': cookie } })
}

/** React Router's own test for what `data()` returns (its class is not exported). */
function isDataWithResponseInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
	return (
		typeof value === 'object' &&
		value !== null &&
		'type' in value &&
		value.type === 'DataWithResponseInit' &&
		'data' in value &&
		'init' in value
	)
}
