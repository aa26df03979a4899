// Loads a route's message namespaces before React Router renders it (ADR 0053). A route's loader runs
// on every navigation that shows it for the first time (every route has one in the browser, even
// those without a server loader), and the router renders only when all the loaders it runs have
// finished: so wrapping each loader to also wait for the route's namespaces means no page ever renders
// a key in place of its text. The messages and the loader's data are fetched side by side.
//
// Which namespaces a route uses comes from the map of every route (i18n-namespaces.ts), which no page
// needs to hydrate: it is imported when the browser is first idle (entry.client.tsx), or by the first
// navigation if that comes sooner, beside the route's data.
import type { i18n as I18n } from 'i18next'
import type { ClientInstrumentation } from 'react-router'

type RouteNamespacesOf = (routeId: string) => readonly string[]

let routeNamespaces: Promise<RouteNamespacesOf> | undefined

/** The map of each route's namespaces, imported once. */
export function loadRouteNamespaces() {
	routeNamespaces ??= import('./i18n-namespaces.ts').then((module) => module.routeNamespacesOf)
	return routeNamespaces
}

async function loadMessagesOf(i18n: I18n, routeId: string) {
	const namespaces = (await loadRouteNamespaces())(routeId)
	const missing = namespaces.filter((ns) => !i18n.hasResourceBundle(i18n.language, ns))
	if (missing.length > 0) await i18n.loadNamespaces(missing)
}

export function loadRouteMessages(i18n: I18n): ClientInstrumentation {
	return {
		route({ id, instrument }) {
			// The root's namespaces are in every page.
			if (id === 'root') return
			instrument({
				async loader(callLoader) {
					await Promise.all([callLoader(), loadMessagesOf(i18n, id)])
				},
			})
		},
	}
}
