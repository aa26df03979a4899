import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	plugins: [tailwindcss(), reactRouter()],
	build: { target: 'es2022' },
	server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
})
