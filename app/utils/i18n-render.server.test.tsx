// The server's render translates through forServerRender's instance (app/entry.server.tsx); the
// browser through plain i18next. Hydration needs the same text from both, in both languages.
import type { i18n as I18n } from 'i18next'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { describe, expect, test } from 'vitest'
import { LANGUAGES } from '#modules/i18n/languages.ts'
import { NAMESPACES, resources } from '#modules/i18n/resources.ts'
import { serverI18n } from '#modules/i18n/translate.ts'
import { forServerRender } from './i18n-render.server.ts'
import { Trans } from './trans.tsx'

type Tree = { [key: string]: unknown }

/** Every message's key, plural forms as their base key (what the code passes to `t`). */
function keysOf(tree: Tree, prefix = ''): Set<string> {
	const keys = new Set<string>()
	for (const [key, value] of Object.entries(tree)) {
		const path = prefix ? `${prefix}.${key}` : key
		if (value !== null && typeof value === 'object') for (const k of keysOf(value as Tree, path)) keys.add(k)
		else keys.add(path.replace(/_(zero|one|two|few|many|other)$/, ''))
	}
	return keys
}

// Every placeholder the catalogues use gets a value, so interpolation and plurals both run.
const everything = { count: 3, number: 2, minutes: 10, percent: 40, done: 2, total: 5, name: 'Nia', title: 'Cylchoedd' }
const optionSets: Array<Record<string, unknown> | undefined> = [
	undefined,
	{ count: 0 },
	{ count: 1 },
	{ count: 2 },
	{ count: 3 },
	{ count: 6 },
	everything,
	{ ...everything, count: 1 },
	{ defaultValue: 'fallback' },
	{ ns: 'errors' },
]

describe('forServerRender', () => {
	for (const language of LANGUAGES) {
		test(`gives i18next's text for every message, with and without options, in ${language}`, () => {
			const plain = serverI18n.cloneInstance({ lng: language })
			const facade = forServerRender(serverI18n.cloneInstance({ lng: language }))
			let compared = 0
			const differences: string[] = []
			for (const ns of NAMESPACES) {
				const expected = plain.getFixedT(language, ns) as (key: string, options?: unknown) => unknown
				const actual = facade.getFixedT(language, ns) as (key: string, options?: unknown) => unknown
				for (const key of [...keysOf(resources.en[ns] as Tree), 'no.such.key']) {
					for (const options of optionSets) {
						const want = JSON.stringify(expected(key, options))
						// Twice: the second from what it remembered, when it remembers.
						for (const got of [actual(key, options), actual(key, options)]) {
							if (JSON.stringify(got) !== want)
								differences.push(`${ns}:${key} ${JSON.stringify(options)}: ${want} ≠ ${JSON.stringify(got)}`)
						}
						compared++
					}
				}
			}
			expect(differences).toEqual([])
			expect(compared).toBeGreaterThan(1000)
			// ~80,000 translations: 3 s on a quiet machine, 30 s when a test run shares 2 busy cores.
		}, 120_000)
	}

	test('hands out one `t` per language and namespace, and stays an object with one own property', () => {
		const facade = forServerRender(serverI18n.cloneInstance({ lng: 'cy' }))
		expect(facade.getFixedT('cy', 'learn')).toBe(facade.getFixedT('cy', 'learn'))
		expect(facade.getFixedT('cy', 'learn')).not.toBe(facade.getFixedT('cy', 'common'))
		expect(facade.language).toBe('cy')
		// react-i18next copies the instance's own properties on every useTranslation call on the server.
		renderToString(
			<I18nextProvider i18n={facade}>
				<Message />
			</I18nextProvider>,
		)
		expect(Object.keys(Object.getOwnPropertyDescriptors(facade)).length).toBeLessThanOrEqual(2)
	})

	test('renders the same HTML as i18next itself, in both languages', () => {
		for (const language of LANGUAGES) {
			const page = (i18n: I18n) =>
				renderToString(
					<I18nextProvider i18n={i18n}>
						<Message />
					</I18nextProvider>,
				)
			const html = page(forServerRender(serverI18n.cloneInstance({ lng: language })))
			expect(html).toBe(page(serverI18n.cloneInstance({ lng: language })))
			expect(html).toContain(language === 'cy' ? '5 mun.' : '5 min')
		}
	})
})

function Message() {
	const { t, i18n } = useTranslation('learn')
	return (
		<p lang={i18n.language}>
			{t('outline.title')} {t('outline.minutes', { minutes: 5 })} {t('outline.done', { done: 1, total: 11 })}{' '}
			<Trans t={t} i18nKey="outline.module" values={{ number: 2 }} />
		</p>
	)
}
