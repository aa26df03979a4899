// The interface-text rule (ADR 0041, eslint.config.js): literal words in JSX are refused in every
// page, component and email; no file is exempt.
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function literalStringMessages(filePath: string, code: string) {
	const [result] = await eslint.lintText(code, { filePath })
	return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string')
}

describe('interface text goes through t()', () => {
	test.each([
		['<p>Your courses</p>', 'app/routes/fixture.tsx'],
		['<img src="/a.png" alt="A learner" />', 'app/components/fixture.tsx'],
		['<input aria-label="Search" />', 'app/routes/fixture.tsx'],
		["<p>{done ? 'Finished' : 'Not started'}</p>", 'app/routes/fixture.tsx'],
		['<p>Thanks for signing up</p>', 'emails/fixture.tsx'],
		// Files once exempt while they waited for translation are held to the rule like the rest.
		['<p>Dev outbox</p>', 'app/routes/dev.outbox.tsx'],
		['<label title="Per page">Per page</label>', 'app/components/audit-log.tsx'],
	])('%s in %s is refused', async (jsx, filePath) => {
		const code = `export function Fixture({ done }: { done: boolean }) {\n\treturn ${jsx}\n}\n`
		expect(await literalStringMessages(filePath, code)).not.toEqual([])
	})

	test('translated text, class names, links and punctuation are allowed', async () => {
		const code = [
			"import { useTranslation } from 'react-i18next'",
			'export function Fixture({ n }: { n: number }) {',
			'\tconst { t } = useTranslation()',
			'\treturn (',
			'\t\t<a href="/courses" className="text-sm underline" aria-label={t(\'nav.courses\')}>',
			"\t\t\t{t('nav.courses')} · {n} <span>Circle</span>",
			'\t\t</a>',
			'\t)',
			'}',
		].join('\n')
		expect((await literalStringMessages('app/routes/fixture.tsx', code)).map((m) => m.message)).toEqual([])
	})
})

describe('dates and prices are formatted in the page’s language', () => {
	test.each([
		["import { formatDate } from '#app/utils/format.ts'", 'app/components/fixture.tsx'],
		["import { formatCoursePrice, SECTORS } from '#app/utils/format.ts'", 'app/routes/fixture.tsx'],
		["import { formatDateTime } from '#modules/i18n/format.ts'", 'app/routes/fixture.tsx'],
	])('%s in %s is refused (useFormat() instead)', async (line, filePath) => {
		const [result] = await eslint.lintText(`${line}\n`, { filePath })
		const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports')
		expect(messages.map((m) => m.message).join('\n')).toContain('useFormat()')
	})

	test('the rest of the format module, and the formatters in server code, stay allowed', async () => {
		for (const [line, filePath] of [
			["import { SECTORS, formatCpdHours } from '#app/utils/format.ts'", 'app/routes/fixture.tsx'],
			["import { formatDate } from '#app/utils/format.ts'", 'app/utils/fixture.server.ts'],
		] as const) {
			const [result] = await eslint.lintText(`${line}\n`, { filePath })
			expect((result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([])
		}
	})
})
