import { data, type LoaderFunction, type ServerBuild } from 'react-router'
import { isConnectionLost } from '#modules/db/connection-errors.ts'

/** How long a page asks to be left before it is loaded again when the database cannot be reached. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5

const wrappedBuilds = new WeakMap<ServerBuild, ServerBuild>()

/**
 * `build` with every route's loader wrapped so that a database that cannot be reached, once
 * modules/db has waited and retried (ADR 0056), answers 503 with Retry-After and the error
 * boundary's "unavailable for a moment" page, not a 500 that asks the person to report a fault.
 * Only loaders: a read can simply be loaded again. An action's write may or may not have been
 * applied when its connection was lost, so it keeps the 500 page, which asks nothing of the person
 * but to check and tell us.
 */
export function withUnavailablePages(build: ServerBuild): ServerBuild {
	let wrapped = wrappedBuilds.get(build)
	if (!wrapped) {
		const routes: ServerBuild['routes'] = {}
		for (const [id, route] of Object.entries(build.routes)) {
			const loader = route?.module.loader
			routes[id] =
				route && loader ? { ...route, module: { ...route.module, loader: answerUnavailable(loader) } } : route
		}
		wrapped = { ...build, routes }
		wrappedBuilds.set(build, wrapped)
	}
	return wrapped
}

function answerUnavailable(loader: LoaderFunction): LoaderFunction {
	return async (args, handlerContext) => {
		try {
			return await loader(args, handlerContext)
		} catch (thrown) {
			if (thrown instanceof Response || !isConnectionLost(thrown)) throw thrown
			// entry.server's handleError logs the 503 with the request id, as it does every 5xx.
			throw data(
				{ code: 'DATABASE_UNAVAILABLE' },
				{
					status: 503,
					headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' },
				},
			)
		}
	}
}
