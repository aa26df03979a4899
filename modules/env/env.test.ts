import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from './env.ts'

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
	])('%s=%s is refused with a line naming the variable', (name, value, message) => {
		expect(() => parseEnv({ [name]: value })).toThrow(EnvError)
		expect(() => parseEnv({ [name]: value })).toThrow(message)
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
})
