import type { ServerBuild } from 'react-router'

/**
 * React Router matches each request's address against the whole route table twice (once to tell a
 * document from data or a resource, once in the static handler), trying the ~180 ranked branches in
 * turn until one matches: ~0.7 ms of CPU per page on the bench's lesson page, whatever the page.
 *
 * An address can only match a route whose first path segment is the address's own first segment,
 * or a parameter, a splat or optional, or one with no path at all (the root, its index, pathless
 * layouts). So the request handler for `/learn/…` needs only the routes of `learn` and those: this
 * module splits the build into one build per first segment, each with that subset of routes and
 * everything else shared (the same route modules, the same assets manifest, so the browser is told
 * about the whole app exactly as before). Within a subset the ranking keeps the full table's order.
 *
 * Any address it cannot place for sure (a first segment no route has, percent-encoding, an empty
 * segment) gets the whole build, as does React Router's route-discovery endpoint (`/__manifest`,
 * which matches addresses the browser asks about, not its own).
 */
export type RouteSubsets = {
	/** The build whose route table is enough for this pathname (as the request carries it). */
	buildFor(pathname: string): ServerBuild
	/** The key of that build: a first segment in lower case, '' for the root, or null for the whole build. */
	keyFor(pathname: string): string | null
}

type Placement = { kind: 'root' } | { kind: 'any' } | { kind: 'segment'; segment: string }

function placementOf(routes: ServerBuild['routes'], id: string): Placement {
	const parts: string[] = []
	for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) {
		if (route.path) parts.unshift(route.path)
	}
	const segments = parts.join('/').split('/').filter(Boolean)
	const first = segments[0]
	if (first === undefined) return { kind: 'root' }
	if (first.startsWith(':') || first.startsWith('*') || first.endsWith('?')) return { kind: 'any' }
	return { kind: 'segment', segment: first.toLowerCase() }
}

export function routeSubsets(build: ServerBuild): RouteSubsets {
	const ids = Object.keys(build.routes)
	const placements = new Map(ids.map((id) => [id, placementOf(build.routes, id)]))
	const segments = new Set<string>()
	for (const placement of placements.values()) if (placement.kind === 'segment') segments.add(placement.segment)

	const subset = (segment: string | null): ServerBuild => {
		const routes: ServerBuild['routes'] = {}
		for (const id of ids) {
			const placement = placements.get(id)!
			if (placement.kind !== 'segment' || placement.segment === segment) routes[id] = build.routes[id]
		}
		return { ...build, routes }
	}
	const builds = new Map<string, ServerBuild>([['', subset(null)]])
	for (const segment of segments) builds.set(segment, subset(segment))

	const manifestPath = build.routeDiscovery?.manifestPath ?? '/__manifest'
	const keyFor = (pathname: string): string | null => {
		if (build.basename && build.basename !== '/') return null
		if (pathname === manifestPath || pathname.includes('%') || pathname.includes('//')) return null
		// As React Router reads a data request's address (getNormalizedPath): `/_root.data` is `/`.
		if (pathname === '/_root.data') return ''
		const path = pathname.endsWith('.data') ? pathname.slice(0, -'.data'.length) : pathname
		const end = path.indexOf('/', 1)
		const first = (end === -1 ? path.slice(1) : path.slice(1, end)).toLowerCase()
		if (first === '') return ''
		return segments.has(first) ? first : null
	}
	return {
		keyFor,
		buildFor(pathname) {
			const key = keyFor(pathname)
			return key === null ? build : builds.get(key)!
		},
	}
}
