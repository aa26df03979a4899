import { inject } from 'vitest'

// Runs before each test file, before it imports anything that creates the Prisma client: point this
// worker at its own database so that test files running in parallel never see each other's writes.
const urls = inject('testDatabaseUrls')
const directUrls = inject('testDirectDatabaseUrls')
const poolId = Number(process.env.VITEST_POOL_ID ?? 1)
const url = urls[(poolId - 1) % urls.length]
if (!url) throw new Error('No test database was provided by tests/setup/global-setup.ts')
process.env.DATABASE_URL = url
// The same database without PgBouncer in between (equal to DATABASE_URL unless TEST_VIA_PGBOUNCER=1).
process.env.DATABASE_DIRECT_URL = directUrls[(poolId - 1) % directUrls.length]
process.env.NODE_ENV = 'test'
