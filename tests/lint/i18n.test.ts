// The interface-text rule (ADR 0041, eslint.config.js): literal words in JSX are refused, and the
// list of files still waiting for translation (i18n-untranslated.json) only shrinks.
import fs from 'node:fs'
import { ESLint } from 'eslint'
import i18next from 'eslint-plugin-i18next'
import { describe, expect, test } from 'vitest'
import untranslated from '../../i18n-untranslated.json' with { type: 'json' }

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

describe('i18n-untranslated.json only shrinks', () => {
	test('every listed file exists and still holds text to translate', async () => {
		const listed = untranslated as string[]
		expect(new Set(listed).size, 'no file listed twice').toBe(listed.length)
		for (const file of listed) expect(fs.existsSync(file), `${file} is listed but gone: remove it`).toBe(true)
		// Lint the listed files with the rule switched on for them, as if they were off the list.
		const strict = new ESLint({
			cwd: process.cwd(),
			overrideConfig: {
				files: ['**/*.tsx'],
				plugins: { i18next },
				rules: {
					'i18next/no-literal-string': (await eslint.calculateConfigForFile('app/root.tsx')).rules[
						'i18next/no-literal-string'
					],
				},
			},
		})
		const results = await strict.lintFiles(listed)
		const done = results
			.filter((r) => !r.messages.some((m) => m.ruleId === 'i18next/no-literal-string'))
			.map((r) => r.filePath.replace(`${process.cwd()}/`, ''))
		expect(done, 'translated files to take off i18n-untranslated.json').toEqual([])
	}, 120_000)
})
