/**
 * JavaScript a page ships, from React Router's build manifest: the client entry and its imports,
 * plus each matched route's module and its static imports, each file counted once, gzip-compressed
 * as the server sends it. Chunks loaded with import() (the Mux player) are not in the manifest's
 * static imports, so they are left out, as the budget asks.
 */
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { matchRoutes, type RouteObject } from 'react-router'

type ManifestRoute = {
	id: string
	parentId?: string
	path?: string
	index?: boolean
	module: string
	imports?: string[]
}
type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> }

/** Builds the nested route tree React Router matches against from the flat manifest. */
export function routeTree(routes: Record<string, ManifestRoute>, parentId?: string): RouteObject[] {
	return Object.values(routes)
		.filter((r) => r.parentId === parentId)
		.map((r) =>
			r.index
				? { id: r.id, path: r.path, index: true as const }
				: { id: r.id, path: r.path, children: routeTree(routes, r.id) },
		)
}

/** Which files a path's first load downloads, per the manifest. */
export function filesForPath(manifest: Manifest, pathname: string) {
	const matches = matchRoutes(routeTree(manifest.routes), pathname) ?? []
	const files = new Set([manifest.entry.module, ...manifest.entry.imports])
	for (const m of matches) {
		const route = manifest.routes[m.route.id!]!
		files.add(route.module)
		for (const f of route.imports ?? []) files.add(f)
	}
	return [...files]
}

export async function jsPerPage(buildDir: string, paths: string[]) {
	const build = (await import(path.join(buildDir, 'server/index.js'))) as { assets: Manifest }
	const clientDir = path.join(buildDir, 'client')
	const sizeCache = new Map<string, { raw: number; gzip: number }>()
	const size = (file: string) => {
		let s = sizeCache.get(file)
		if (!s) {
			const bytes = fs.readFileSync(path.join(clientDir, file))
			s = { raw: bytes.length, gzip: gzipSync(bytes).length }
			sizeCache.set(file, s)
		}
		return s
	}
	return Object.fromEntries(
		paths.map((p) => {
			const files = filesForPath(build.assets, p)
			const total = files.reduce((t, f) => ({ raw: t.raw + size(f).raw, gzip: t.gzip + size(f).gzip }), {
				raw: 0,
				gzip: 0,
			})
			return [p, { ...total, files: files.length }]
		}),
	)
}
