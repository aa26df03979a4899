import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

export default defineConfig(({ isSsrBuild }) => ({
	plugins: [tailwindcss(), reactRouter()],
	build: {
		target: 'es2022',
		// Source maps for the browser's bundles (the Mux player's is the largest), so errors reported
		// from the browser and the DevTools show the original code. Mux ships maps for its own files.
		sourcemap: !isSsrBuild,
	},
	server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
}))
