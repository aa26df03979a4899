import { renderMarkdown } from './render-markdown.ts'

/** How many distinct Markdown documents keep their HTML in memory (a few hundred lessons' worth). */
export const MARKDOWN_CACHE_ENTRIES = 256
/** Longer documents are rendered every time rather than held in memory. */
export const MARKDOWN_CACHE_MAX_CHARS = 100_000

const cache = new Map<string, string>()

/**
 * renderMarkdown with a small in-process LRU cache keyed by the Markdown itself. Rendering a
 * lesson's Markdown (parse, GFM, sanitise, stringify) costs tens of milliseconds of CPU and was most
 * of a reading lesson page's time (docs/performance.md); the output depends on nothing but the
 * input, so a hit can never be stale, and an edited lesson is simply a new key.
 */
export function renderMarkdownCached(markdown: string): string {
	if (markdown.length > MARKDOWN_CACHE_MAX_CHARS) return renderMarkdown(markdown)
	const hit = cache.get(markdown)
	if (hit !== undefined) {
		// Re-insert to mark it most recently used (a Map iterates in insertion order).
		cache.delete(markdown)
		cache.set(markdown, hit)
		return hit
	}
	const html = renderMarkdown(markdown)
	cache.set(markdown, html)
	if (cache.size > MARKDOWN_CACHE_ENTRIES) cache.delete(cache.keys().next().value!)
	return html
}

/** Entries currently cached (for tests). */
export function markdownCacheSize() {
	return cache.size
}
