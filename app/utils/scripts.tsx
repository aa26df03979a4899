// React Router's <Scripts>, and the server render's router context, without the work React Router
// repeats on every request over the whole route table (~240 routes) that a page's HTML does not need.
//
// 1. The server's routes. React Router's <ServerRouter> turns every route of the manifest into a
//    route object and then a data route on every request (0.9 ms of a reading lesson page's CPU),
//    though a static render only ever renders the routes the request matched (their ids are in the
//    static handler's context; React Router's rendering takes its matches from there, not from the
//    route table). `withMatchedRoutesOnly` gives <ServerRouter> a manifest of those routes alone.
//    <Scripts> is the one part of the render that needs the others, for the partial manifest below:
//    it is given the whole manifest back.
//
// 2. The partial manifest. With lazy route discovery (React Router's default), a server-rendered
//    page inlines the manifest entries of its own routes and of every route that matches one of its
//    address's parent paths (`/`, `/learn`, `/learn/<course>` for a lesson), so that the browser can
//    go "up" without asking the server first. React Router finds those by matching each parent path
//    against every branch of the route table, on every request (1.1 ms of the lesson page's CPU).
//    Which routes a path matches depends only on the path and the route table, which is fixed for a
//    build, so here it is worked out once per path (React Router's `matchRoutes` over the manifest's
//    routes) and remembered. <Scripts> is given a router with those routes added to its matches and an
//    empty route table, so that its own search finds nothing more, and writes the same manifest, the
//    same routes in the same order, as before (scripts.test.tsx compares the two).
//
// In the browser, and under any router but the server's static one, <Scripts> is used as it is.
import { useContext, type ComponentProps } from 'react'
import {
	type EntryContext,
	matchRoutes,
	type RouteObject,
	Scripts as RouterScripts,
	UNSAFE_DataRouterContext as DataRouterContext,
	UNSAFE_FrameworkContext as FrameworkContext,
} from 'react-router'

type DataRouterContextValue = NonNullable<React.ContextType<typeof DataRouterContext>>
type DataRouter = DataRouterContextValue['router']
type Manifest = EntryContext['manifest']

/** Each manifest of matched routes only (per request) → the build's whole manifest. */
const wholeManifests = new WeakMap<Manifest, Manifest>()

/**
 * The server render's context with a manifest of the routes the request matched, for <ServerRouter>
 * (see 1. above). The matched routes' entries are the whole manifest's own objects.
 */
export function withMatchedRoutesOnly(context: EntryContext): EntryContext {
	const whole = context.manifest
	const routes: Manifest['routes'] = {}
	for (const match of context.staticHandlerContext.matches) routes[match.route.id] = whole.routes[match.route.id]
	const manifest = { ...whole, routes }
	wholeManifests.set(manifest, whole)
	// No precomputed branches: they are the whole route table's. Nothing in a static render matches
	// an address against the route table but <Scripts>, which is given the whole manifest.
	return { ...context, manifest, branches: undefined as unknown as EntryContext['branches'] }
}

/** The route table as `matchRoutes` needs it (ids, paths, nesting), from the manifest, once per build. */
const routeTables = new WeakMap<Manifest, RouteObject[]>()
function routeTableOf(manifest: Manifest) {
	let table = routeTables.get(manifest)
	if (!table) {
		const children = new Map<string | undefined, Array<Manifest['routes'][string] & object>>()
		for (const route of Object.values(manifest.routes)) {
			if (!route) continue
			const siblings = children.get(route.parentId) ?? []
			siblings.push(route)
			children.set(route.parentId, siblings)
		}
		const build = (parentId: string | undefined): RouteObject[] =>
			(children.get(parentId) ?? []).map((route) => {
				const below = build(route.id)
				return (
					route.index
						? { id: route.id, index: true, path: route.path, caseSensitive: route.caseSensitive }
						: {
								id: route.id,
								path: route.path,
								caseSensitive: route.caseSensitive,
								...(below.length > 0 ? { children: below } : {}),
							}
				) as RouteObject
			})
		table = build(undefined)
		routeTables.set(manifest, table)
	}
	return table
}

/** At most this many paths' routes are kept per build; past it the cache starts again. */
const MAX_PATHS = 2_000

// Per build: the manifest is one object for the life of a build (a new one after a development
// rebuild).
const routeIdsByPath = new WeakMap<Manifest, Map<string, readonly string[]>>()

/** The ids of the routes `path` matches in the build's route table, worked out once per build. */
function routeIdsMatching(manifest: Manifest, basename: string, path: string) {
	let byPath = routeIdsByPath.get(manifest)
	if (!byPath) routeIdsByPath.set(manifest, (byPath = new Map()))
	let ids = byPath.get(path)
	if (!ids) {
		ids = (matchRoutes(routeTableOf(manifest), path, basename) ?? []).flatMap((match) => match.route.id ?? [])
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
function withParentPathMatches(manifest: Manifest, router: DataRouter): DataRouter {
	const state = router.state
	const ids = new Set(state.matches.map((match) => match.route.id))
	for (const path of parentPaths(state.location.pathname)) {
		for (const id of routeIdsMatching(manifest, router.basename || '/', path)) ids.add(id)
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
	const manifest = wholeManifests.get(framework.manifest) ?? framework.manifest
	return (
		<FrameworkContext.Provider value={manifest === framework.manifest ? framework : { ...framework, manifest }}>
			<DataRouterContext.Provider value={{ ...dataRouter, router: withParentPathMatches(manifest, dataRouter.router) }}>
				<RouterScripts {...props} />
			</DataRouterContext.Provider>
		</FrameworkContext.Provider>
	)
}
