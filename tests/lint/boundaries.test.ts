// The layer rules of the README's Architecture are held by ESLint (eslint.config.js). A rule that was
// never seen to fire is not a rule: lint small fixtures, placed where the rule applies, with the
// project's own configuration, and check each is refused (or allowed) as the README says.
import fs from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImportMessages(filePath: string, code: string) {
	const [result] = await eslint.lintText(code, { filePath })
	return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('modules/ never imports from app/', () => {
	test.each([
		["import { requireUser } from '#app/utils/auth.server.ts'", 'modules/organisations/fixture.ts'],
		["import { requireUser } from '../../app/utils/auth.server.ts'", 'modules/organisations/fixture.ts'],
		["import { loader } from '../../app/routes/org.tsx'", 'modules/organisations/fixture.test.ts'],
		["export { data } from '#app/utils/errors.server.ts'", 'modules/auth/fixture.ts'],
		["import { x } from '#app/components/forms.tsx'", 'emails/fixture.tsx'],
	])('%s in %s is refused', async (code, filePath) => {
		expect(await restrictedImportMessages(filePath, code)).toEqual([
			expect.stringContaining('modules/ must not import from app/'),
		])
	})

	test('modules/ may import other modules and packages', async () => {
		const code = "import { prisma } from '#modules/db/client.ts'\nimport { z } from 'zod'\nexport { prisma, z }\n"
		expect(await restrictedImportMessages('modules/organisations/fixture.ts', code)).toEqual([])
	})

	test('app/ may import from app/ and modules/', async () => {
		const code =
			"import { requireUser } from '#app/utils/auth.server.ts'\nimport { prisma } from '#modules/db/client.ts'\nexport { requireUser, prisma }\n"
		expect(await restrictedImportMessages('app/routes/fixture.tsx', code)).toEqual([])
	})
})

describe('production code never imports test helpers', () => {
	test.each([
		["import { uniqueEmail } from '#tests/factories/auth.ts'", 'modules/auth/fixture.ts'],
		["import { startFakeStripe } from '../../tests/fakes/stripe-server.ts'", 'modules/billing/fixture.ts'],
		["import { uniqueEmail } from '#tests/factories/auth.ts'", 'app/routes/fixture.tsx'],
		["import { uniqueEmail } from '#tests/factories/auth.ts'", 'scripts/fixture.ts'],
	])('%s in %s is refused', async (code, filePath) => {
		expect(await restrictedImportMessages(filePath, code)).toEqual([
			expect.stringContaining('must not import test helpers'),
		])
	})

	test('tests beside the code may use the factories', async () => {
		const code = "import { uniqueEmail } from '#tests/factories/auth.ts'\nexport { uniqueEmail }\n"
		expect(await restrictedImportMessages('modules/auth/fixture.test.ts', code)).toEqual([])
	})
})

describe('the tree keeps its layout', () => {
	function filesUnder(dir: string): string[] {
		return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const full = path.join(dir, entry.name)
			return entry.isDirectory() ? filesUnder(full) : [full]
		})
	}

	test('HTTP glue (*.server.ts) lives in app/utils, not among the components', () => {
		expect(filesUnder('app/components').filter((f) => /\.server\.tsx?$/.test(f))).toEqual([])
	})

	test('no dynamic import() from modules/ into app/ either (ESLint sees only static imports)', () => {
		const offenders = ['modules', 'emails', 'prisma']
			.flatMap(filesUnder)
			.filter((f) => /\.tsx?$/.test(f) && !f.includes('/generated/'))
			.filter((f) => /import\(\s*['"`](#app\/|(\.\.\/)+app\/)/.test(fs.readFileSync(f, 'utf8')))
		expect(offenders).toEqual([])
	})

	test('test helpers live in tests/factories, not in modules/', () => {
		expect(filesUnder('modules').filter((f) => /(^|\/)testing\.tsx?$/.test(f))).toEqual([])
	})
})
