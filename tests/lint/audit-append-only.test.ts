// The audit log is append-only from the app's side (ADR 0026): besides the database trigger
// (modules/audit/append-only.test.ts), `auditLog.update|updateMany|delete|deleteMany|upsert` fails
// `npx eslint` in every kind of production file. no-restricted-syntax lists in later config blocks
// replace earlier ones, so this lints a fixture in each place a block applies.
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

const writes = {
	update: `import { prisma } from '#modules/db/client.ts'
export async function tidy(id: string) {
	await prisma.auditLog.update({ where: { id }, data: { action: 'nothing' } })
}
`,
	deleteMany: `import { type Tx } from '#modules/db/client.ts'
export async function tidy(tx: Tx) {
	await tx.auditLog.deleteMany({})
}
`,
	upsert: `import { prisma } from '#modules/db/client.ts'
export async function tidy(id: string) {
	const { auditLog } = prisma
	await auditLog.upsert({ where: { id }, create: { action: 'a', targetType: 'b', targetId: 'c' }, update: {} })
}
`,
	delete: `import { prisma } from '#modules/db/client.ts'
export async function tidy(id: string) {
	await prisma.auditLog.delete({ where: { id } })
}
`,
}

const append = `import { prisma } from '#modules/db/client.ts'
export async function add() {
	await prisma.auditLog.create({ data: { action: 'a', targetType: 'b', targetId: 'c' } })
	return prisma.auditLog.findMany({ take: 1 })
}
`

async function auditMessages(code: string, filePath: string) {
	const [result] = await eslint.lintText(code, { filePath })
	return result!.messages
		.filter((m) => m.ruleId === 'no-restricted-syntax' && /append-only/.test(m.message))
		.map((m) => m.message)
}

const PRODUCTION_FILES = [
	'modules/example/tidy-audit.ts',
	'modules/example/sql.ts',
	'app/routes/example.tsx',
	'app/utils/example.server.ts',
	'app/utils/errors.server.ts',
	'scripts/example.ts',
	'prisma/example.ts',
	'tests/factories/example.ts',
]

describe('the audit log is append-only in lint', () => {
	for (const [kind, code] of Object.entries(writes)) {
		test(`auditLog.${kind} fails lint in every production file`, async () => {
			for (const file of PRODUCTION_FILES) {
				expect(await auditMessages(code, file), file).toEqual([expect.stringMatching(/recordAudit/)])
			}
		})
	}

	test('creating and reading entries passes', async () => {
		for (const file of PRODUCTION_FILES) expect(await auditMessages(append, file), file).toEqual([])
	})

	test('tests may try the writes (the trigger test does), so the rule does not apply to them', async () => {
		expect(await auditMessages(writes.delete, 'modules/audit/append-only.test.ts')).toEqual([])
	})
})
