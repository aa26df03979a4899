import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

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

export default defineConfig(() => ({
	plugins: [tailwindcss(), reactRouter()],
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
