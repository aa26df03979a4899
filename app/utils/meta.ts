import type { MetaDescriptor } from 'react-router'

/**
 * A page's title and description, plus anything else it needs (robots, referrer). Every route's
 * `meta` goes through here, so no page is left without a description: a child route's meta
 * replaces the root's rather than adding to it, and search results and shared links show the
 * description as the page's summary.
 */
export function pageMeta(title: string, description: string, ...more: MetaDescriptor[]): MetaDescriptor[] {
	return [{ title }, { name: 'description', content: description }, ...more]
}

/** For pages kept out of search engines: everything behind a login, and single-use links. */
export const NOINDEX: MetaDescriptor = { name: 'robots', content: 'noindex' }
