// A React Router server build made of real route modules, for tests of the HTTP layer (the Express app,
// its fences and error handling) without Vite: the server build and its client manifest, one entry per
// route, in the shape React Router reads.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ServerBuild } from 'react-router'

export type TestRoute = {
	id: string
	parentId?: string
	path: string
	/** The route module: its loader, action, default component, ErrorBoundary. */
	module: unknown
	/** Whether the client manifest says the route has an action (default false). */
	hasAction?: boolean
}

export function testServerBuild({ entry, routes }: { entry: unknown; routes: TestRoute[] }) {
	return {
		entry: { module: entry },
		routes: Object.fromEntries(routes.map(({ id, parentId, path, module }) => [id, { id, parentId, path, module }])),
		assets: {
			entry: { module: '/assets/entry.client.js', imports: [] },
			routes: Object.fromEntries(
				routes.map(({ id, parentId, path, hasAction = false }) => [
					id,
					{
						id,
						parentId,
						path,
						module: `/assets/${id}.js`,
						hasAction,
						hasLoader: true,
						hasClientAction: false,
						hasClientLoader: false,
						hasClientMiddleware: false,
						hasErrorBoundary: id === 'root',
						clientActionModule: undefined,
						clientLoaderModule: undefined,
						clientMiddlewareModule: undefined,
						hydrateFallbackModule: undefined,
					},
				]),
			),
			url: '/assets/manifest.js',
			version: 'test',
		},
		publicPath: '/',
		assetsBuildDirectory: 'build/client',
		future: { v8_middleware: false, v8_passThroughRequests: true },
		ssr: true,
		isSpaMode: false,
		prerender: [],
		routeDiscovery: { mode: 'initial' },
		basename: '/',
	} as unknown as ServerBuild
}

/**
 * Circle's Express app (createHttpApp, production mode) serving a test build on a free loopback
 * port, with the given settings over a production environment. `close()` stops it.
 */
export async function serveTestBuild(build: ServerBuild, settings: Record<string, string> = {}) {
	const [{ createHttpApp }, { parseEnv }] = await Promise.all([
		import('#app/server/express.ts'),
		import('#modules/env/env.ts'),
	])
	const app = await createHttpApp({
		env: parseEnv({ NODE_ENV: 'production', ...settings }),
		mode: { kind: 'production', buildDir: 'tests/.tmp/no-build', build },
	})
	const server = await new Promise<Server>((resolve) => {
		const s = app.listen(0, '127.0.0.1', () => resolve(s))
	})
	const port = (server.address() as AddressInfo).port
	return {
		server,
		port,
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}
