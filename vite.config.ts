import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import path from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import { i18nRouteNamespaces } from './scripts/i18n/route-namespaces.ts'

/** Rollup warnings that say nothing about Circle's code, each with the reason it is noise. */
function isNoise(warning: { code?: string; id?: string; message: string }) {
	// A `@__PURE__` comment in a dependency's source sits where Rollup cannot use it; Rollup drops
	// the comment and the code is unchanged. Only a dependency's own (zod's) comments are ignored.
	if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return true
	// React Router gives every route a client chunk; a resource route (CSV and PDF exports,
	// webhooks, JSON twins) has no component, so its chunk is empty by design and never loaded.
	if (warning.code === 'EMPTY_BUNDLE') return true
	return false
}

/**
 * In the browser's build, `zod` is modules/validation/zod-browser.ts: zod with jitless parsing set
 * before any schema is built, whichever page or chunk builds it first (ADR 0053).
 */
function zodJitlessInTheBrowser(): Plugin {
	const shim = path.resolve('modules/validation/zod-browser.ts')
	return {
		name: 'circle-zod-jitless-in-the-browser',
		enforce: 'pre',
		resolveId(source, importer) {
			if (source !== 'zod' || this.environment.name !== 'client' || importer === shim) return undefined
			return shim
		},
	}
}

export default defineConfig(() => ({
	plugins: [tailwindcss(), reactRouter(), i18nRouteNamespaces(), zodJitlessInTheBrowser()],
	build: {
		target: 'es2022',
		// No source maps: React Router's build warns on any production source map that it exposes the
		// server's code (it cannot tell a browser-only map), which a newcomer's first start should not
		// show. Revisit when the error reporting that would read them exists.
		sourcemap: false,
		// hls.js (inside Mux Player) is about 600 kB minified on its own and cannot be split further;
		// it and the rest of the player load only when a video lesson is opened (React.lazy in
		// app/components/learn/video-player.tsx), never with the first page. Every other chunk is
		// far below this limit, so the warning still catches an accidental large import.
		chunkSizeWarningLimit: 650,
		rollupOptions: {
			onwarn(warning, warn) {
				if (!isNoise(warning)) warn(warning)
			},
			output: {
				// hls.js in a chunk of its own (it imports nothing), so the lazily loaded player is two
				// files that each stay under the limit above. Only modules without dependencies can be
				// named here safely: Rollup pulls a named chunk's dependencies (React) in with it, and the
				// first page would then load the player.
				manualChunks: (id) => (id.includes('/node_modules/hls.js/') ? 'hls' : undefined),
			},
		},
	},
	server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
}))
