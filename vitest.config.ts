import { defineConfig } from 'vitest/config'
import { i18nRouteNamespaces } from './scripts/i18n/route-namespaces.ts'

export default defineConfig({
	// `virtual:i18n-route-namespaces`, which entry.server.tsx imports (ADR 0053).
	plugins: [i18nRouteNamespaces()],
	test: {
		include: [
			'app/**/*.test.{ts,tsx}',
			'modules/**/*.test.ts',
			'emails/**/*.test.{ts,tsx}',
			'tests/**/*.test.ts',
			'scripts/**/*.test.ts',
			'prisma/**/*.test.ts',
		],
		// The failure drills take minutes: `npm run test:cluster` runs them (vitest.cluster.config.ts).
		exclude: ['node_modules', 'build', 'tests/e2e/**', 'tests/cluster/drills.test.ts'],
		globalSetup: ['tests/setup/global-setup.ts'],
		setupFiles: ['tests/setup/worker-database.ts'],
		pool: 'forks',
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Argon2 hashing and PostgreSQL work are real, so give slow CI machines room.
		slowTestThreshold: 2_000,
	},
})
