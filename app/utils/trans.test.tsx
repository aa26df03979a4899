// <Trans> must not leak react-i18next's internal `i18nIsDynamicList` prop onto DOM elements: React
// warns on stderr ("React does not recognize the `i18nIsDynamicList` prop") the first time a page
// renders a message whose components are DOM elements, as most of Circle's are. react-i18next 17.0.3
// set the prop to undefined on every element it cloned; 17.0.4 strips it.
import { renderToString } from 'react-dom/server'
import { I18nextProvider, Trans } from 'react-i18next'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { serverI18n } from '#modules/i18n/translate.ts'

afterEach(() => {
	vi.restoreAllMocks()
})

describe('<Trans> on the server', () => {
	test('renders DOM elements passed as components without React warnings', () => {
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
		const t = serverI18n.getFixedT('cy', 'records')
		const html = renderToString(
			<I18nextProvider i18n={serverI18n}>
				<p>
					<Trans t={t} i18nKey="rjcPanel.none" components={{ a: <a href="/records/new/supervision" /> }} />
				</p>
				<p>
					<Trans
						t={t}
						i18nKey="rjcPanel.overdue"
						components={{ a: <a href="/records/new/rjc-supervision" className="underline" /> }}
					/>
				</p>
			</I18nextProvider>,
		)
		expect(html).toContain('href="/records/new/supervision"')
		expect(html).toContain('class="underline"')
		expect(html).not.toMatch(/i18nisdynamiclist/i)
		expect(errors.mock.calls.flat().join(' ')).not.toContain('i18nIsDynamicList')
	})
})
