// Loads a route's message namespaces before React Router renders it (ADR 0053). A route's loader runs
// on every navigation that shows it for the first time (every route has one in the browser, even
// those without a server loader), and the router renders only when all the loaders it runs have
// finished: so wrapping each loader to also wait for the route's namespaces means no page ever renders
// a key in place of its text. The messages and the loader's data are fetched side by side.
import type { i18n as I18n } from 'i18next'
import type { ClientInstrumentation } from 'react-router'
import { routeNamespacesOf } from './i18n-namespaces.ts'

export function loadRouteMessages(i18n: I18n): ClientInstrumentation {
	return {
		route({ id, instrument }) {
			const namespaces = routeNamespacesOf(id)
			if (namespaces.length === 0) return
			instrument({
				async loader(callLoader) {
					const missing = namespaces.filter((ns) => !i18n.hasResourceBundle(i18n.language, ns))
					await Promise.all([callLoader(), missing.length > 0 ? i18n.loadNamespaces(missing) : undefined])
				},
			})
		},
	}
}
