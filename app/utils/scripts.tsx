// React Router's <Scripts>, with the route matching its server render repeats on every request done
// once per address instead.
//
// With lazy route discovery (React Router's default), a server-rendered page inlines a partial
// manifest: the page's own routes and every route that matches one of its address's parent paths
// (`/`, `/learn`, `/learn/<course>` for a lesson), so that the browser can go "up" without asking
// the server first. React Router finds those by matching each parent path against every branch of
// the route table (~240 routes), on every request: 1.1 ms of a reading lesson page's ~16 ms of CPU,
// more than React Router's own matching of the page's address. Which routes a path matches depends
// only on the path and the route table, which is fixed for a build, so here it is worked out once
// per path (with React Router's `matchRoutes`) and remembered. <Scripts> is then given the router
// with those routes added to its matches and an empty route table, so its own search finds nothing
// more and the manifest it writes holds the same routes, in the same order, as before.
//
// In the browser, and when the router is not the server's static one, <Scripts> is used as it is.
import { useContext, type ComponentProps } from 'react'
import {
	matchRoutes,
	Scripts as RouterScripts,
	UNSAFE_DataRouterContext as DataRouterContext,
	UNSAFE_FrameworkContext as FrameworkContext,
} from 'react-router'

type DataRouterContextValue = NonNullable<React.ContextType<typeof DataRouterContext>>
type DataRouter = DataRouterContextValue['router']

/** At most this many paths' routes are kept per build; past it the cache starts again. */
const MAX_PATHS = 2_000

// Per build: the manifest is one object for the life of a build (a new one after a development
// rebuild).
const routeIdsByPath = new WeakMap<object, Map<string, readonly string[]>>()

/** The ids of the routes `path` matches in the router's route table, worked out once per build. */
function routeIdsMatching(manifest: object, router: DataRouter, path: string) {
	let byPath = routeIdsByPath.get(manifest)
	if (!byPath) routeIdsByPath.set(manifest, (byPath = new Map()))
	let ids = byPath.get(path)
	if (!ids) {
		ids = (matchRoutes(router.routes, path, router.basename || '/') ?? []).map((match) => match.route.id)
		if (byPath.size >= MAX_PATHS) byPath.clear()
		byPath.set(path, ids)
	}
	return ids
}

/**
 * The paths React Router's partial manifest adds the routes of: `/` and each parent path of the
 * address (`/a/b/c` → `/`, `/a`, `/a/b`).
 */
export function parentPaths(pathname: string) {
	const segments = pathname.split('/').filter(Boolean)
	const paths = ['/']
	segments.pop()
	while (segments.length > 0) {
		paths.push(`/${segments.join('/')}`)
		segments.pop()
	}
	return paths
}

/** The static router as <Scripts> should see it: its matches and its parent paths', no route table. */
function withParentPathMatches(manifest: object, router: DataRouter): DataRouter {
	const state = router.state
	const ids = new Set(state.matches.map((match) => match.route.id))
	for (const path of parentPaths(state.location.pathname)) {
		for (const id of routeIdsMatching(manifest, router, path)) ids.add(id)
	}
	const matches = [...ids].map((id) => ({ route: { id } }))
	// Own properties over the router's getters; everything else is read from the router itself.
	return Object.create(router, {
		routes: { value: [] },
		branches: { value: [] },
		state: { value: { ...state, matches } },
	}) as DataRouter
}

export function Scripts(props: ComponentProps<typeof RouterScripts>) {
	const dataRouter = useContext(DataRouterContext)
	const framework = useContext(FrameworkContext)
	if (!dataRouter?.static || !framework || framework.routeDiscovery.mode !== 'lazy') {
		return <RouterScripts {...props} />
	}
	return (
		<DataRouterContext.Provider
			value={{ ...dataRouter, router: withParentPathMatches(framework.manifest, dataRouter.router) }}
		>
			<RouterScripts {...props} />
		</DataRouterContext.Provider>
	)
}
