import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { EnvError, isDemoMode, isRealDeployment, parseEnv, requireDirectDatabaseUrl, seedsDemoContent } from './env.ts'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')

describe('parseEnv', () => {
	test('defaults make an empty environment valid', () => {
		const env = parseEnv({})
		expect(env.PORT).toBe(3000)
		expect(env.DATABASE_URL).toBeUndefined()
		expect(env.RUN_WORKER).toBe(true)
	})

	test('empty strings count as unset', () => {
		expect(parseEnv({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000)
	})

	test.each([
		['PORT', 'abc', /^Invalid environment: PORT must be a whole number between 1 and 65535 \(got "abc"\)$/],
		['PORT', '70000', /PORT must be a whole number between 1 and 65535/],
		['DATABASE_URL', 'mysql://x@y/z', /^Invalid environment: DATABASE_URL must be a URL like postgresql:\/\//],
		['DATABASE_URL', 'not a url', /DATABASE_URL must be a URL like postgresql/],
		['SMTP_URL', 'http://mail', /SMTP_URL must start with smtp:\/\//],
		['DATABASE_POOL_SIZE', '0', /DATABASE_POOL_SIZE must be a whole number between 1 and 100/],
		['DATABASE_REPLICA_URL', 'replica.internal:5432', /DATABASE_REPLICA_URL must be a URL like postgresql/],
		['REPLICA_MAX_LAG_SECONDS', '0', /REPLICA_MAX_LAG_SECONDS must be a whole number of seconds between 1 and 3600/],
	])('%s=%s is refused with a line naming the variable', (name, value, message) => {
		expect(() => parseEnv({ [name]: value })).toThrow(EnvError)
		expect(() => parseEnv({ [name]: value })).toThrow(message)
	})
	test.each([
		['STRIPE_SECRET_KEY', 'pk_live_51SuperSecretValue', 'SuperSecretValue'],
		['STRIPE_WEBHOOK_SECRET', 'wh_SuperSecretValue', 'SuperSecretValue'],
		['DATABASE_URL', 'mysql://circle:hunter2@db.internal/circle', 'hunter2'],
		['DATABASE_REPLICA_URL', 'mysql://circle:hunter2@replica.internal/circle', 'hunter2'],
		['DATABASE_DIRECT_URL', 'mysql://circle:hunter2@db.internal/circle', 'hunter2'],
		['SMTP_URL', 'http://mailer:hunter2@mail.internal', 'hunter2'],
	])('a malformed secret (%s) is named but its value is never repeated', (name, value, secret) => {
		// The pairs are completed, so the only complaint is the malformed value itself.
		const complete = { STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' }
		const error = catchEnvError(() => parseEnv({ ...complete, [name]: value }))
		expect(error.message).toMatch(
			new RegExp(`^Invalid environment: ${name} .*\\(its value is a secret, so it is not shown\\)$`),
		)
		expect(error.message).not.toContain(secret)
	})

	test('a value that is not a secret is repeated, so the mistake is easy to see', () => {
		expect(catchEnvError(() => parseEnv({ TRUST_PROXY: 'lots' })).message).toContain('(got "lots")')
	})
})

describe('requireDirectDatabaseUrl', () => {
	test('is DATABASE_DIRECT_URL when a pooler sits in DATABASE_URL, else DATABASE_URL itself', () => {
		const pooled = 'postgresql://circle:circle@pgbouncer:6432/circle'
		const direct = 'postgresql://circle:circle@primary:5432/circle'
		expect(requireDirectDatabaseUrl(parseEnv({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: direct }))).toBe(direct)
		expect(requireDirectDatabaseUrl(parseEnv({ DATABASE_URL: direct }))).toBe(direct)
		expect(() => requireDirectDatabaseUrl(parseEnv({}))).toThrow(/DATABASE_URL is not set/)
	})
})

describe('settings that come in pairs', () => {
	test.each([
		[{ STRIPE_SECRET_KEY: 'sk_test_abc' }, 'STRIPE_WEBHOOK_SECRET'],
		[{ STRIPE_WEBHOOK_SECRET: 'whsec_abc' }, 'STRIPE_SECRET_KEY'],
		[{ MUX_TOKEN_ID: 'token-id' }, 'MUX_TOKEN_SECRET'],
		[{ MUX_TOKEN_SECRET: 'token-secret' }, 'MUX_TOKEN_ID'],
	])('%o alone is refused, naming both and the one missing', (source, missing) => {
		const [first, second] = missing.startsWith('STRIPE')
			? ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']
			: ['MUX_TOKEN_ID', 'MUX_TOKEN_SECRET']
		const error = catchEnvError(() => parseEnv(source))
		expect(error.message).toContain(`${first} and ${second} must be set together`)
		expect(error.message).toContain(`${missing} is not set`)
		// The half that was given is a secret too: it is not repeated either.
		for (const value of Object.values(source)) expect(error.message).not.toContain(value)
	})

	test('both halves, or neither, are accepted', () => {
		const both = parseEnv({
			STRIPE_SECRET_KEY: 'sk_test_abc',
			STRIPE_WEBHOOK_SECRET: 'whsec_abc',
			MUX_TOKEN_ID: 'id',
			MUX_TOKEN_SECRET: 'secret',
		})
		expect(both).toMatchObject({ STRIPE_SECRET_KEY: 'sk_test_abc', MUX_TOKEN_SECRET: 'secret' })
		expect(parseEnv({}).STRIPE_SECRET_KEY).toBeUndefined()
	})

	test('an empty half counts as unset', () => {
		expect(() => parseEnv({ MUX_TOKEN_ID: 'id', MUX_TOKEN_SECRET: '' })).toThrow(/MUX_TOKEN_SECRET is not set/)
	})
})

function catchEnvError(fn: () => unknown): EnvError {
	try {
		fn()
	} catch (error) {
		if (error instanceof EnvError) return error
		throw error
	}
	throw new Error('expected an EnvError')
}

describe('demo mode and a real deployment (ADR 0052)', () => {
	const own = 'postgresql://circle:secret@db.internal:5432/circle'
	// What `npm start` gives its processes for the embedded database (modules/db/embedded.ts).
	const embedded = 'postgresql://circle:circle@localhost:54329/circle'

	test('a fresh clone (nothing set) is a demo, and stays one once npm start has filled in production and the embedded database', () => {
		expect(isDemoMode(parseEnv({}))).toBe(true)
		const started = parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'true', DATABASE_URL: embedded })
		expect(isDemoMode(started)).toBe(true)
		expect(isRealDeployment(started)).toBe(false)
		expect(seedsDemoContent(started)).toBe(true)
	})

	test.each([undefined, 'false'])(
		'production with a database of its own is a real deployment (DEMO_MODE=%s, SEED_DEMO unset or false)',
		(demo) => {
			for (const seed of [undefined, 'false']) {
				const env = parseEnv({ NODE_ENV: 'production', DATABASE_URL: own, DEMO_MODE: demo, SEED_DEMO: seed })
				expect(isDemoMode(env)).toBe(false)
				expect(isRealDeployment(env)).toBe(true)
				expect(seedsDemoContent(env)).toBe(false)
			}
		},
	)

	test('DEMO_MODE=true or SEED_DEMO=true with a database of its own in production is refused, naming the danger', () => {
		expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: own, DEMO_MODE: 'true' })).toThrow(
			/DEMO_MODE=true cannot be used in production with a DATABASE_URL of your own/,
		)
		expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: own, SEED_DEMO: 'yes' })).toThrow(
			/SEED_DEMO=true cannot be used in production with a DATABASE_URL of your own/,
		)
		// A PostgreSQL on this machine but not the embedded one's port is the operator's own too.
		const local = 'postgresql://circle:circle@localhost:5432/circle'
		expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: local, DEMO_MODE: 'true' })).toThrow(EnvError)
	})

	test('an environment built without parseEnv cannot make a real deployment a demo either', () => {
		const forced = { ...parseEnv({ NODE_ENV: 'production', DATABASE_URL: own }), DEMO_MODE: true, SEED_DEMO: true }
		expect(isDemoMode(forced)).toBe(false)
		expect(isRealDeployment(forced)).toBe(true)
		expect(seedsDemoContent(forced)).toBe(false)
	})

	test('the production image without a database stays what it was: not a demo, unless DEMO_MODE says so', () => {
		expect(isRealDeployment(parseEnv({ NODE_ENV: 'production' }))).toBe(true)
		expect(seedsDemoContent(parseEnv({ NODE_ENV: 'production' }))).toBe(false)
		expect(isDemoMode(parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'true' }))).toBe(true)
		// npm start's processes, after it started the embedded database for it:
		const started = parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'false', DATABASE_URL: embedded })
		expect(isRealDeployment(started)).toBe(true)
	})

	test('development and tests with a database of their own are neither a demo nor a real deployment', () => {
		for (const NODE_ENV of ['development', 'test']) {
			const env = parseEnv({ NODE_ENV, DATABASE_URL: own })
			expect(isDemoMode(env)).toBe(false)
			expect(isRealDeployment(env)).toBe(false)
			expect(seedsDemoContent(env)).toBe(true)
		}
	})
})

describe('npm start with a bad environment', () => {
	test.each([
		['PORT', 'eighty'],
		['DATABASE_URL', 'postgres//missing-colon'],
	])('%s=%s stops start-up with one clear line and exit code 1', async (name, value) => {
		const error = await run(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: '', [name]: value },
			timeout: 30_000,
		}).then(
			() => null,
			(e: { code: number; stderr: string; stdout: string }) => e,
		)
		expect(error?.code).toBe(1)
		const lines = error!.stderr.trim().split('\n')
		expect(lines).toHaveLength(1)
		expect(lines[0]).toMatch(new RegExp(`^Invalid environment: ${name} `))
		// Nothing was started before the check.
		expect(error!.stdout).not.toContain('embedded PostgreSQL')
	})

	test.each([
		['DEMO_MODE', /^Invalid environment: DEMO_MODE=true cannot be used in production/],
		['SEED_DEMO', /^Invalid environment: SEED_DEMO=true cannot be used in production/],
	])('npm start with a database of its own refuses %s=true before starting anything', async (name, message) => {
		// NODE_ENV unset, as a plain `npm start` has it: start-up fills in production.
		const { NODE_ENV: _, ...inherited } = process.env
		const error = await run(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			cwd: root,
			env: { ...inherited, DATABASE_URL: 'postgresql://circle:secret@db.invalid:5432/circle', [name]: 'true' },
			timeout: 30_000,
		}).then(
			() => null,
			(e: { code: number; stderr: string; stdout: string }) => e,
		)
		expect(error?.code).toBe(1)
		expect(error!.stderr.trim()).toMatch(message)
		expect(error!.stdout).not.toContain('migrations')
	})

	test('a malformed secret stops start-up without its value reaching the log', async () => {
		const secret = 'pk_live_SuperSecretValue'
		const error = await run(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: '', STRIPE_SECRET_KEY: secret, STRIPE_WEBHOOK_SECRET: 'whsec_x' },
			timeout: 30_000,
		}).then(
			() => null,
			(e: { code: number; stderr: string; stdout: string }) => e,
		)
		expect(error?.code).toBe(1)
		expect(error!.stderr).toMatch(/^Invalid environment: STRIPE_SECRET_KEY must be a Stripe secret key/)
		expect(error!.stderr + error!.stdout).not.toContain('SuperSecretValue')
	})
})

describe('processes and shutdown', () => {
	test('WEB_CONCURRENCY defaults to the CPUs this process may use; 1 to 64 accepted', async () => {
		const os = await import('node:os')
		const { webConcurrency } = await import('./env.ts')
		expect(webConcurrency(parseEnv({}))).toBe(os.availableParallelism())
		expect(webConcurrency(parseEnv({ WEB_CONCURRENCY: '1' }))).toBe(1)
		expect(() => parseEnv({ WEB_CONCURRENCY: '0' })).toThrow(/WEB_CONCURRENCY must be a whole number between 1 and 64/)
	})

	test('SHUTDOWN_GRACE_SECONDS defaults to 25 and refuses nonsense', () => {
		expect(parseEnv({}).SHUTDOWN_GRACE_SECONDS).toBe(25)
		expect(parseEnv({ SHUTDOWN_GRACE_SECONDS: '5' }).SHUTDOWN_GRACE_SECONDS).toBe(5)
		expect(() => parseEnv({ SHUTDOWN_GRACE_SECONDS: 'soon' })).toThrow(/SHUTDOWN_GRACE_SECONDS must be a whole number/)
	})
})
