import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: [
			'app/**/*.test.{ts,tsx}',
			'modules/**/*.test.ts',
			'emails/**/*.test.{ts,tsx}',
			'tests/**/*.test.ts',
			'scripts/**/*.test.ts',
			'prisma/**/*.test.ts',
		],
		exclude: ['node_modules', 'build', 'tests/e2e/**'],
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
