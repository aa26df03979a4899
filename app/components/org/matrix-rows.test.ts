import { describe, expect, test } from 'vitest'
import { rowHtml } from './matrix-rows.ts'

// The matrix's rows are HTML strings, not React elements (for speed, ADR 0027): every text in them
// comes from people and trainers, so every text must be escaped here, as React would.
describe('rowHtml', () => {
	test('markup in a name, address, team or note is shown as text, never run', () => {
		const html = rowHtml({
			name: '<img src=x onerror=alert(1)>',
			email: '"onmouseover="alert(2)@example.org',
			teams: "Ward <b>7</b> & 'Day' unit",
			cells: ['OVERDUE 2026-02-01\n<script>alert(3)</script>', null],
		})
		expect(html).not.toMatch(/<img|<script|<b>|"onmouseover/)
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
		expect(html).toContain('&quot;onmouseover=&quot;alert(2)@example.org')
		expect(html).toContain('Ward &lt;b&gt;7&lt;/b&gt; &amp; &#39;Day&#39; unit')
		expect(html).toContain('&lt;script&gt;alert(3)&lt;/script&gt;')
	})

	test('a row is its person as a row header, then one cell per course with its status class', () => {
		const html = rowHtml({ name: 'Ann Jones', email: 'ann@example.org', teams: null, cells: [null] })
		expect(html).toMatch(
			/^<th scope="row" class="[^"]+"><span[^>]*>Ann Jones<\/span><span[^>]*>ann@example.org<\/span><\/th>/,
		)
		expect(html).toMatch(/<td class="text-stone-500">Not assigned<\/td>$/)
	})
})
