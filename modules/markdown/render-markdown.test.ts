import { describe, expect, test } from 'vitest'
import { renderMarkdown } from './render-markdown.ts'

describe('renderMarkdown', () => {
	test('renders headings, emphasis, lists and GFM tables', () => {
		const html = renderMarkdown('## Fair process\n\n- **Engage**\n- *Explain*\n\n| a | b |\n|---|---|\n| 1 | 2 |')
		expect(html).toContain('<h2>Fair process</h2>')
		expect(html).toContain('<strong>Engage</strong>')
		expect(html).toContain('<em>Explain</em>')
		expect(html).toContain('<table>')
	})

	test('drops raw <script>, <style>, <object> and inline event handlers', () => {
		const html = renderMarkdown(
			[
				'Hello <script>alert(1)</script>',
				'',
				'<img src="x" onerror="alert(2)">',
				'',
				'<style>body{display:none}</style>',
				'',
				'<object data="evil.swf"></object>',
				'',
				'<a href="https://example.org" onclick="alert(3)">click</a>',
				'',
				'<iframe src="https://evil.example/"></iframe>',
			].join('\n'),
		)
		expect(html).not.toMatch(/<script|<style|<object|<iframe|<img|onerror|onclick/i)
		// What was between the tags is left as harmless text.
		expect(html).toContain('<p>Hello alert(1)</p>')
	})

	test('neutralises javascript: and data: URLs in links and images', () => {
		const html = renderMarkdown(
			'[click me](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![pic](javascript:alert(2)) [spaced](JaVaScRiPt:alert(3))',
		)
		expect(html).not.toMatch(/javascript:/i)
		expect(html).not.toMatch(/data:text/i)
		// The link text survives; only the dangerous address is removed.
		expect(html).toContain('click me')
	})

	test('external links get rel="noopener noreferrer"; relative links do not need it', () => {
		const html = renderMarkdown('[Circle](https://example.org/x) and [home](/courses)')
		expect(html).toContain('<a href="https://example.org/x" rel="noopener noreferrer">Circle</a>')
		expect(html).toContain('<a href="/courses">home</a>')
	})

	test('an image pointing at an allowed player becomes a titled iframe', () => {
		const html = renderMarkdown(
			'![Restorative circle in action](https://www.youtube-nocookie.com/embed/abc123)\n\n![Vimeo](https://player.vimeo.com/video/42)\n\n![Mux](https://player.mux.com/xyz)',
		)
		expect(html).toContain(
			'<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Restorative circle in action"',
		)
		expect(html).toContain('src="https://player.vimeo.com/video/42"')
		expect(html).toContain('src="https://player.mux.com/xyz"')
	})

	test('embeds from hosts off the allow-list (or look-alike hosts) stay plain images', () => {
		const html = renderMarkdown(
			'![a](https://www.youtube.com/embed/abc)\n\n![b](https://player.mux.com.evil.example/x)\n\n![c](http://player.vimeo.com/video/1)',
		)
		expect(html).not.toContain('<iframe')
	})
})
