import { defineConfig } from 'vitest/config'

// `npm run test:cluster`: the failure drills (tests/cluster/drills.test.ts, ADR 0050), on their own.
// They start their own cluster (no test database), run one at a time and take minutes.
export default defineConfig({
	test: {
		include: ['tests/cluster/drills.test.ts'],
		pool: 'forks',
		maxWorkers: 1,
		testTimeout: 900_000,
		hookTimeout: 900_000,
	},
})
