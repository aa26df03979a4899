import { AsyncLocalStorage } from 'node:async_hooks'

// One store per process, kept on globalThis: app/server/express.ts (loaded by tsx) and the routes
// (bundled into build/server, or loaded by Vite in development) each get their own copy of this
// module, and both must see the same store.
const shared = globalThis as unknown as { circleRequestOrigins?: AsyncLocalStorage<string> }
const origins = (shared.circleRequestOrigins ??= new AsyncLocalStorage<string>())

// localhost, 127.x.x.x or [::1], with an optional port: the only Host values trusted for links.
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i

/**
 * The origin a request was addressed to when that is this machine's loopback interface
 * (`http://127.0.0.1:3000`, `http://localhost:3000`, `http://[::1]:3000`), otherwise null. Any other
 * Host header is refused: a link built from it would let whoever sends the request point Circle's
 * emails (a password reset) at their own site.
 */
export function loopbackOrigin({ host, protocol }: { host: string | undefined; protocol: string }) {
	if (!host || !LOOPBACK_HOST.test(host)) return null
	if (protocol !== 'http' && protocol !== 'https') return null
	return `${protocol}://${host.toLowerCase()}`
}

/**
 * Runs `fn` (and everything it awaits) with `origin` as the request's origin, which appUrl() uses
 * for links in emails when APP_URL is unset outside production (see ADR 0020).
 */
export function withRequestOrigin<T>(origin: string | null, fn: () => T): T {
	return origin ? origins.run(origin, fn) : fn()
}

/** The loopback origin of the request being handled, if one was recorded. */
export function currentRequestOrigin() {
	return origins.getStore() ?? null
}
