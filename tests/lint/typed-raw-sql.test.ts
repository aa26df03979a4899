// ADR 0018 is enforced by lint: $queryRaw outside a context's sql.ts, and the Unsafe variants
// anywhere, fail `npx eslint`. This proves the rule fires (and where it does not).
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

const source = `import { prisma } from '#modules/db/client.ts'
export async function read(id: string) {
	return prisma.$queryRaw<Array<{ id: string }>>\`SELECT id FROM "User" WHERE id = \${id}\`
}
`
const unsafe = `import { prisma } from '#modules/db/client.ts'
export async function read(id: string) {
	return prisma.$queryRawUnsafe('SELECT id FROM "User" WHERE id = ' + id)
}
`

async function rulesFired(code: string, filePath: string) {
	const [result] = await eslint.lintText(code, { filePath })
	return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)
}

describe('typed raw SQL (ADR 0018)', () => {
	test('$queryRaw outside sql.ts fails lint, in modules/ and in app/', async () => {
		expect(await rulesFired(source, 'modules/example/read-things.ts')).toEqual([expect.stringMatching(/sql\.ts/)])
		expect(await rulesFired(source, 'app/routes/example.tsx')).toEqual([expect.stringMatching(/sql\.ts/)])
	})

	test('$queryRaw in a context’s sql.ts passes', async () => {
		expect(await rulesFired(source, 'modules/example/sql.ts')).toEqual([])
	})

	test('$queryRawUnsafe fails everywhere, sql.ts included', async () => {
		expect(await rulesFired(unsafe, 'modules/example/sql.ts')).toEqual([expect.stringMatching(/Unsafe/)])
		expect(await rulesFired(unsafe, 'modules/example/read-things.ts')).toEqual([expect.stringMatching(/Unsafe/)])
	})
})
