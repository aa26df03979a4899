import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, Trans as ReactI18nextTrans } from 'react-i18next'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { LANGUAGES } from '#modules/i18n/languages.ts'
import { resources } from '#modules/i18n/resources.ts'
import { serverI18n } from '#modules/i18n/translate.ts'
import { parseMessage, Trans } from './trans.tsx'

afterEach(() => {
	vi.restoreAllMocks()
})

type Tree = { [key: string]: string | Tree }
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
	return Object.entries(tree).flatMap(([key, value]) =>
		typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
	)
}

// Loose types for rendering every message by its key: the component's props are typed per namespace.
const AnyTrans = Trans as unknown as (props: Record<string, unknown>) => ReactElement
const AnyReactI18nextTrans = ReactI18nextTrans as unknown as (props: Record<string, unknown>) => ReactElement

describe('<Trans>', () => {
	// Every message with markup, in both languages, renders as react-i18next's <Trans> rendered it
	// (the component it replaced), with an element for each tag the message names (`br`, `strong`, `i`
	// and `p` left to render as themselves) and a value for each placeholder.
	test("renders every message with markup as react-i18next's <Trans> did", () => {
		let compared = 0
		const different: string[] = []
		for (const language of LANGUAGES) {
			for (const [namespace, messages] of Object.entries(resources[language])) {
				const t = serverI18n.getFixedT(language, namespace as never)
				for (const [fullKey, message] of leaves(messages as Tree)) {
					if (!/<\/?[A-Za-z0-9]+\s*\/?>/.test(message)) continue
					const plural = /_(zero|one|two|few|many|other)$/.exec(fullKey)
					const key = plural ? fullKey.slice(0, plural.index) : fullKey
					const names = [...new Set([...message.matchAll(/<\/?([A-Za-z0-9]+)\s*\/?>/g)].map((m) => m[1]!))].filter(
						(name) => !['br', 'strong', 'i', 'p'].includes(name),
					)
					const numbered = names.length > 0 && names.every((name) => /^\d+$/.test(name))
					const components = numbered
						? Array.from({ length: Math.max(...names.map(Number)) + 1 }, (_, i) => <span key={i} data-tag={i} />)
						: Object.fromEntries(names.map((name) => [name, <a key={name} href={`/${name}`} className="link" />]))
					const values = Object.fromEntries(
						[...message.matchAll(/\{\{\s*([\w]+)/g)]
							.map((m) => m[1]!)
							.filter((name) => name !== 'count')
							.map((name) => [name, `${name} & co`]),
					)
					for (const count of plural || /\{\{\s*count/.test(message) ? [0, 1, 2, 3, 6, 11] : [undefined]) {
						const props = { t, i18nKey: key, components, values, count }
						const ours = renderToStaticMarkup(<AnyTrans {...props} />)
						const theirs = renderToStaticMarkup(
							<I18nextProvider i18n={serverI18n}>
								<AnyReactI18nextTrans {...props} />
							</I18nextProvider>,
						)
						if (ours !== theirs)
							different.push(`${language}/${namespace} ${key} (count ${count}):\n  ${ours}\n  ${theirs}`)
						compared++
					}
				}
			}
		}
		expect(different).toEqual([])
		// Both languages' links, emphases and numbered tags: well over a hundred messages.
		expect(compared).toBeGreaterThan(150)
	})

	test('a value is text, never markup', () => {
		const t = serverI18n.getFixedT('en', 'ui')
		const html = renderToStaticMarkup(
			<Trans t={t} i18nKey="errors.forbidden.help" components={{ contact: <a href="/contact" /> }} />,
		)
		expect(html).toContain('<a href="/contact">get in touch with us</a>')

		// A course title with something that looks like a tag in it stays as typed.
		const dashboard = serverI18n.getFixedT('en', 'dashboard')
		const title = renderToStaticMarkup(
			<AnyTrans t={dashboard} i18nKey="course.offerText" values={{ from: 1, to: 2, title: 'A <em>b</em> & c' }} />,
		)
		expect(title).toContain('<strong>A &lt;em&gt;b&lt;/em&gt; &amp; c</strong>')
	})

	test('reads nested, self-closing, numbered and unmatched tags', () => {
		expect(parseMessage('a <0>b <strong>c</strong></0><br/> d</x> <e')).toEqual([
			'a ',
			{
				name: '0',
				selfClosing: false,
				children: ['b ', { name: 'strong', selfClosing: false, children: ['c'] }],
			},
			{ name: 'br', selfClosing: true, children: [] },
			' d',
			'</x>',
			' <e',
		])
		const t = ((key: string) => key) as never
		expect(
			renderToStaticMarkup(
				<AnyTrans
					t={t}
					i18nKey="Read <0>this</0>, <link>that</link>,<br/><i>then</i> <own></own> <unknown>this</unknown>"
					components={{ 0: <b />, link: <a href="/x" className="c" />, own: <em>kept</em> }}
				/>,
			),
		).toBe(
			'Read <b>this</b>, <a href="/x" class="c">that</a>,<br/><i>then</i> <em>kept</em> &lt;unknown&gt;this&lt;/unknown&gt;',
		)
	})

	test('renders DOM elements passed as components without React warnings', () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
		const t = serverI18n.getFixedT('cy', 'records')
		const html = renderToStaticMarkup(
			<p>
				<Trans
					t={t}
					i18nKey="rjcPanel.overdue"
					components={{ a: <a href="/records/new/rjc-supervision" className="underline" /> }}
				/>
			</p>,
		)
		expect(html).toContain('href="/records/new/rjc-supervision"')
		expect(html).toContain('class="underline"')
		expect(errors).not.toHaveBeenCalled()
	})
})
