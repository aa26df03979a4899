import path from 'node:path'
import type { RouteConfigEntry } from '@react-router/dev/routes'
import { matchRoutes, type RouteObject, type ServerBuild } from 'react-router'
import { beforeAll, describe, expect, test } from 'vitest'
import { routeSubsets } from './route-subsets.ts'

// Circle's own route table, as the build makes it from app/routes (flatRoutes reads the directory
// React Router's Vite plugin names).
let build: ServerBuild
beforeAll(async () => {
	;(globalThis as { __reactRouterAppDirectory?: string }).__reactRouterAppDirectory = path.resolve('app')
	const entries = (await (await import('../routes.ts')).default) as RouteConfigEntry[]
	const routes: ServerBuild['routes'] = {
		root: { id: 'root', path: '', module: {} as never },
	}
	const add = (entry: RouteConfigEntry, parentId: string) => {
		const id = entry.id ?? entry.file
		routes[id] = {
			id,
			parentId,
			path: entry.path,
			index: entry.index,
			caseSensitive: entry.caseSensitive,
			module: {} as never,
		}
		for (const child of entry.children ?? []) add(child, id)
	}
	for (const entry of entries) add(entry, 'root')
	build = { routes, basename: undefined, routeDiscovery: { mode: 'lazy', manifestPath: '/__manifest' } } as never
})

function tree(routes: ServerBuild['routes']): RouteObject[] {
	const children = (parentId: string | undefined): RouteObject[] =>
		Object.values(routes)
			.filter((route) => route!.parentId === parentId)
			.map((route) =>
				// flatRoutes gives an index route without a layout file its whole path.
				route!.index
					? { id: route!.id, path: route!.path, index: true, caseSensitive: route!.caseSensitive }
					: { id: route!.id, path: route!.path, caseSensitive: route!.caseSensitive, children: children(route!.id) },
			)
	return children(undefined)
}

// How React Router reads a request's address before matching it (getNormalizedPath, without a basename).
function normalised(pathname: string) {
	let result = pathname === '/_root.data' ? '/' : pathname.replace(/\.data$/, '')
	if (result !== '/' && result.endsWith('/')) result = result.slice(0, -1)
	return result
}

function matchedIds(routes: RouteObject[], pathname: string) {
	return matchRoutes(routes, normalised(pathname))?.map((match) => match.route.id) ?? null
}

// Addresses for every route: each parameter filled in, optional segments with and without, splats
// empty and deep, then each in upper case, with a trailing slash and as a data request.
function addressesFor(routes: ServerBuild['routes']) {
	const templates = new Set<string>()
	for (const route of Object.values(routes)) {
		const parts: string[] = []
		for (let r = route; r; r = r.parentId ? routes[r.parentId] : undefined) if (r.path) parts.unshift(r.path)
		let variants = ['']
		for (const segment of parts.join('/').split('/').filter(Boolean)) {
			const optional = segment.endsWith('?')
			const bare = optional ? segment.slice(0, -1) : segment
			const filled = bare === '*' ? ['a/b/c'] : bare.startsWith(':') ? ['x1'] : [bare]
			variants = variants.flatMap((prefix) => [
				...filled.map((f) => `${prefix}/${f}`),
				...(optional || bare === '*' ? [prefix] : []),
			])
		}
		for (const variant of variants) templates.add(variant || '/')
	}
	const addresses = new Set<string>()
	for (const template of templates) {
		for (const address of [template, template.toUpperCase(), `${template}/`, `${template}.data`, `${template}/extra`]) {
			addresses.add(address.replace(/\/\/+/g, '/'))
		}
	}
	return [...addresses]
}

describe('a build per first path segment', () => {
	test('matches every address of every route to the same routes as the whole table', () => {
		const subsets = routeSubsets(build)
		const whole = tree(build.routes)
		const addresses = [
			...addressesFor(build.routes),
			'/',
			'/_root.data',
			'/nowhere',
			'/nowhere/at/all.data',
			'/%6Cearn/a/b',
			'//learn/a/b',
			'/__manifest',
		]
		expect(addresses.length).toBeGreaterThan(500)
		for (const address of addresses) {
			const subset = tree(subsets.buildFor(address).routes)
			expect(matchedIds(subset, address), address).toEqual(matchedIds(whole, address))
		}
	})

	test("gives a lesson's address only the routes its segment can reach", () => {
		const subsets = routeSubsets(build)
		const all = Object.keys(build.routes).length
		const lesson = subsets.buildFor('/learn/a-course/a-lesson')
		expect(subsets.keyFor('/learn/a-course/a-lesson')).toBe('learn')
		expect(subsets.keyFor('/LEARN/a-course/a-lesson.data')).toBe('learn')
		expect(Object.keys(lesson.routes).length).toBeLessThan(all / 4)
		expect(Object.keys(lesson.routes)).toContain('routes/learn.$courseSlug.$lessonId')
		expect(Object.keys(lesson.routes)).toContain('root')
		// The rest of the build is the same object's: assets, entry, modules.
		expect(lesson.routes['routes/learn.$courseSlug.$lessonId']).toBe(build.routes['routes/learn.$courseSlug.$lessonId'])
		expect(subsets.keyFor('/')).toBe('')
		expect(subsets.keyFor('/_root.data')).toBe('')
	})

	test('gives the whole build to what it cannot place for sure, and to route discovery', () => {
		const subsets = routeSubsets(build)
		for (const address of ['/__manifest', '/%6Cearn/a/b', '//learn/a/b', '/no-such-segment/x']) {
			expect(subsets.keyFor(address), address).toBeNull()
			expect(subsets.buildFor(address), address).toBe(build)
		}
	})
})
