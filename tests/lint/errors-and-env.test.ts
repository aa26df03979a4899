// Two rules of eslint.config.js, each seen to fire on a fixture placed where it applies and seen to
// stay quiet where it does not: STATUS_FOR_KIND is read only by app/utils/errors.server.ts, and
// process.env only by modules/env (tests set the environment for the code under test).
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function messagesOf(ruleId: string, filePath: string, code: string) {
	const [result] = await eslint.lintText(code, { filePath })
	return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message)
}

describe('STATUS_FOR_KIND is read only in app/utils/errors.server.ts', () => {
	test.each([
		[
			"import { STATUS_FOR_KIND } from '#app/utils/errors.server.ts'\nexport const s = STATUS_FOR_KIND.invalid\n",
			'app/routes/fixture.tsx',
		],
		[
			"import * as errors from '#app/utils/errors.server.ts'\nexport const s = errors.STATUS_FOR_KIND\n",
			'app/routes/fixture.ts',
		],
		[
			"import { STATUS_FOR_KIND } from './errors.server.ts'\nexport { STATUS_FOR_KIND }\n",
			'app/utils/fixture.server.ts',
		],
	])('%s in %s is refused', async (code, filePath) => {
		const messages = await messagesOf('no-restricted-syntax', filePath, code)
		expect(messages.length).toBeGreaterThan(0)
		expect(messages[0]).toContain('app/utils/errors.server.ts')
	})

	test('errors.server.ts itself may use it, and routes may use the helpers', async () => {
		expect(
			await messagesOf('no-restricted-syntax', 'app/utils/errors.server.ts', 'export const STATUS_FOR_KIND = {}\n'),
		).toEqual([])
		const route = "import { throwAsResponse } from '#app/utils/errors.server.ts'\nexport { throwAsResponse }\n"
		expect(await messagesOf('no-restricted-syntax', 'app/routes/fixture.tsx', route)).toEqual([])
	})
})

describe('process.env is read only in modules/env', () => {
	test.each([
		['export const url = process.env.DATABASE_URL\n', 'modules/db/fixture.ts'],
		["export const key = process.env['STRIPE_SECRET_KEY']\n", 'modules/billing/fixture.ts'],
		['export const env = { ...process.env }\n', 'app/routes/fixture.tsx'],
		['export const port = process.env.PORT\n', 'scripts/fixture.ts'],
	])('%s in %s is refused', async (code, filePath) => {
		expect(await messagesOf('no-restricted-properties', filePath, code)).toEqual([
			expect.stringContaining('modules/env/env.ts'),
		])
	})

	test.each([
		['export const url = process.env.DATABASE_URL\n', 'modules/env/fixture.ts'],
		["process.env.SMTP_URL = 'smtp://localhost:2525'\n", 'modules/mail/fixture.test.ts'],
		["process.env.NODE_ENV = 'test'\n", 'tests/setup/fixture.ts'],
	])('%s in %s is allowed', async (code, filePath) => {
		expect(await messagesOf('no-restricted-properties', filePath, code)).toEqual([])
	})
})
