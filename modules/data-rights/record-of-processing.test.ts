// docs/record-of-processing.md stays true to the code: every table in the schema is accounted for, and
// every retention period it states is the configuration's default.
import fs from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { EnvSchema } from '#modules/env/env.ts'

const root = path.resolve(import.meta.dirname, '../..')
const read = (file: string) => fs.readFile(path.join(root, file), 'utf8')

test('every table in prisma/schema.prisma is named in the record of processing', async () => {
	const [schema, record] = await Promise.all([read('prisma/schema.prisma'), read('docs/record-of-processing.md')])
	const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!)
	expect(models.length).toBeGreaterThan(50)
	const missing = models.filter((model) => !record.includes(`\`${model}\``))
	expect(missing, 'tables the record of processing does not mention').toEqual([])
})

test('each retention period in the record of processing is the configured default', async () => {
	const record = await read('docs/record-of-processing.md')
	const defaults = EnvSchema.parse({})
	const variables = [
		'RETENTION_SESSION_DAYS',
		'RETENTION_THROTTLE_DAYS',
		'RETENTION_OUTBOX_DAYS',
		'RETENTION_AUDIT_DAYS',
		'RETENTION_INACTIVE_ACCOUNT_DAYS',
		'RETENTION_INACTIVE_WARNING_DAYS',
		'DATA_EXPORT_LINK_DAYS',
	] as const
	for (const name of variables) {
		const row = record
			.split('\n')
			.find((line) => line.startsWith('|') && line.includes(`\`${name}\``) && /\| \d+ days?\b/.test(line))
		expect(row, `${name} has a row in the retention table`).toBeDefined()
		const days = Number(row!.match(/\| (\d+) days?\b/)![1])
		expect(days, name).toBe(defaults[name])
	}
})
