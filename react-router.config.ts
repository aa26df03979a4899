import type { Config } from '@react-router/dev/config'

export default {
	ssr: true,
	appDirectory: 'app',
	buildDirectory: 'build',
	future: {
		// Every loader of a request gets the same Request object (not a copy per route), so the
		// session validated for the root loader is reused by the page's loaders (auth.server.ts
		// caches it per Request): one session query per page instead of one per loader.
		v8_passThroughRequests: true,
	},
} satisfies Config
