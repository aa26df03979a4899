// Modules Vite makes at build time (vite.config.ts).

declare module 'virtual:i18n-route-namespaces' {
	/** Route id → the message namespaces its component tree uses beyond the root's (ADR 0053). */
	const routeNamespaces: Record<string, string[]>
	export default routeNamespaces
}
