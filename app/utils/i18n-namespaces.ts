// Which messages a page needs (ADR 0053), shared by the server, which inlines them in the page, and
// the browser, which loads a route's before it renders it after a navigation. The browser imports this
// module (and its map of every route, ~1.7 KB gzip) only when it is idle after hydrating, or at its
// first navigation (i18n-navigation.client.ts): a page needs none of it to hydrate.
import routeNamespaces from 'virtual:i18n-route-namespaces'
import { DEFAULT_LANGUAGE, type Language } from '#modules/i18n/languages.ts'

/** The namespaces one route's component tree uses beyond the root's. */
export function routeNamespacesOf(routeId: string): readonly string[] {
	return routeId === 'root' ? [] : (routeNamespaces[routeId] ?? [])
}

/**
 * The message bundles (language, namespace) a page made of these routes needs: the root's
 * namespaces and each route's, in the page's language. A page in another language than English also
 * gets the `errors` catalogue in English and in its language: errors arrive in English and are
 * recognised by the English (ADR 0045); an English page shows them as they are and needs neither.
 */
export function bundlesFor(routeIds: readonly string[], language: Language): Array<[Language, string]> {
	const namespaces = new Set(routeNamespaces.root ?? [])
	for (const id of routeIds) for (const ns of routeNamespacesOf(id)) namespaces.add(ns)
	if (language !== DEFAULT_LANGUAGE) namespaces.add('errors')
	const bundles: Array<[Language, string]> = [...namespaces].sort().map((ns) => [language, ns])
	if (language !== DEFAULT_LANGUAGE) bundles.push([DEFAULT_LANGUAGE, 'errors'])
	return bundles
}
