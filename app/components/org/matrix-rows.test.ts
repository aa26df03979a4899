import { describe, expect, test } from 'vitest'
import { serverI18n } from '#modules/i18n/translate.ts'
import { matrixLabels, rowHtml } from './matrix-rows.ts'

const english = matrixLabels(serverI18n.getFixedT('en', 'org'), 'en')
const welsh = matrixLabels(serverI18n.getFixedT('cy', 'org'), 'cy')

// The matrix's rows are HTML strings, not React elements (for speed, ADR 0027): every text in them
// comes from people and trainers, so every text must be escaped here, as React would.
describe('rowHtml', () => {
	test('markup in a name, address, team or note is shown as text, never run', () => {
		const html = rowHtml(
			{
				name: '<img src=x onerror=alert(1)>',
				email: '"onmouseover="alert(2)@example.org',
				teams: "Ward <b>7</b> & 'Day' unit",
				cells: ['OVERDUE since 2026-02-01\n<script>alert(3)</script>', null],
			},
			english,
		)
		expect(html).not.toMatch(/<img|<script|<b>|"onmouseover/)
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
		expect(html).toContain('&quot;onmouseover=&quot;alert(2)@example.org')
		expect(html).toContain('Ward &lt;b&gt;7&lt;/b&gt; &amp; &#39;Day&#39; unit')
		expect(html).toContain('&lt;script&gt;alert(3)&lt;/script&gt;')
	})

	test('a row is its person as a row header, then one cell per course with its status class', () => {
		const html = rowHtml({ name: 'Ann Jones', email: 'ann@example.org', teams: null, cells: [null] }, english)
		expect(html).toMatch(
			/^<th scope="row" class="[^"]+"><span[^>]*>Ann Jones<\/span><span[^>]*>ann@example.org<\/span><\/th>/,
		)
		expect(html).toMatch(/<td class="text-stone-500">Not assigned<\/td>$/)
	})

	test('the cells are in the reader’s language, dates included', () => {
		const row = {
			name: 'Ann Jones',
			email: 'ann@example.org',
			teams: null,
			cells: ['OVERDUE since 2027-02-01', 'IN_DATE none -', 'DUE_SOON due 2027-01-31\nRenewal 2', null],
		}
		const en = rowHtml(row, english)
		expect(en).toContain('>Overdue since 1 February 2027</td>')
		expect(en).toContain('>In date, no expiry</td>')
		expect(en).toContain('>Due soon, due 31 January 2027<span class="block text-xs">Renewal 2</span></td>')
		expect(en).toContain('>Not assigned</td>')
		const cy = rowHtml(row, welsh)
		expect(cy).toContain('>Yn hwyr ers 1 Chwefror 2027</td>')
		expect(cy).toContain('>Heb ei neilltuo</td>')
		expect(cy).not.toMatch(/Overdue|February|Not assigned/)
	})
})
