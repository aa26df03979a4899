import type { Config } from '@react-router/dev/config'

export default {
	ssr: true,
	appDirectory: 'app',
	// scripts/build.ts --build-dir sets it (the cluster test builds apart from build/); else build/.
	buildDirectory: process.env.CIRCLE_BUILD_DIR || 'build',
	// Every flag is named, so the build prints no "Future Flag Warning" notices; each is on unless
	// its comment says why it waits.
	future: {
		// Every loader of a request gets the same Request object (not a copy per route), so the
		// session validated for the root loader is reused by the page's loaders (auth.server.ts
		// caches it per Request): one session query per page instead of one per loader.
		v8_passThroughRequests: true,
		// Off for now: with it, getLoadContext (app/server/express.ts) must return a
		// RouterContextProvider, and the two dozen loaders, actions and tests that read
		// `context.clientIp` / `context.cspNonce` move to `context.get(…)`. Worth doing as its own
		// change, when a route first needs middleware.
		v8_middleware: false,
		// No route exports clientLoader, clientAction or HydrateFallback, so there is nothing to split
		// yet; on, so that the first one that does is split from its component.
		v8_splitRouteModules: true,
		// Vite 7 is in use; the plugin builds the client and server through Vite's environment API.
		v8_viteEnvironmentApi: true,
		// Only changes the `.data` URL of paths ending in a slash (`/a/` → `/a/_.data`); Circle's
		// links have none, and the client builds these URLs itself.
		v8_trailingSlashAwareDataRequests: true,
	},
} satisfies Config
