import { describe, expect, test } from 'vitest'
import { renderMarkdown } from './render-markdown.ts'
import { MARKDOWN_CACHE_ENTRIES, markdownCacheSize, renderMarkdownCached } from './render-markdown-cached.ts'

describe('renderMarkdownCached', () => {
	test('returns exactly what renderMarkdown returns, first time and from the cache', () => {
		const md = '# Circles\n\nA *check-in* round, then [the guide](https://example.org).\n\n<script>alert(1)</script>'
		const expected = renderMarkdown(md)
		expect(renderMarkdownCached(md)).toBe(expected)
		expect(renderMarkdownCached(md)).toBe(expected)
		expect(renderMarkdownCached(`${md}\n\nEdited.`)).toBe(renderMarkdown(`${md}\n\nEdited.`))
	})

	test('holds at most MARKDOWN_CACHE_ENTRIES documents', () => {
		for (let i = 0; i < MARKDOWN_CACHE_ENTRIES + 50; i++) renderMarkdownCached(`Lesson ${i}`)
		expect(markdownCacheSize()).toBe(MARKDOWN_CACHE_ENTRIES)
		// The newest is still there and still right.
		expect(renderMarkdownCached(`Lesson ${MARKDOWN_CACHE_ENTRIES + 49}`)).toBe(
			renderMarkdown(`Lesson ${MARKDOWN_CACHE_ENTRIES + 49}`),
		)
	})
})
