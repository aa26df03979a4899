import type { RequestHandler } from 'express'

/**
 * Whether a request target (path and query, as sent) carries a NUL byte, raw or percent-encoded.
 * `%2500` is the text "%00", not a NUL, and passes.
 */
export function hasNulByte(target: string) {
	return target.includes('\0') || /%00/i.test(target)
}

/**
 * Refuses any request whose path or query holds a NUL byte with 400, before any route sees it.
 * No address of Circle's needs one, and PostgreSQL refuses NUL in text, so letting it through only
 * turns a malformed link into a database error; this covers every route and its `.data` twin at once.
 * Form bodies are checked by the schemas (modules/validation/text.ts).
 */
export function refuseNulBytes(): RequestHandler {
	return (req, res, next) => {
		if (!hasNulByte(req.originalUrl)) return next()
		res
			.status(400)
			.type('text/plain; charset=utf-8')
			.set('Cache-Control', 'no-store')
			.send('Bad request: the address contains a NUL character (%00). Check the link and try again.')
	}
}

/**
 * Refuses a request without a Host header (HTTP/1.0 allows one; a load balancer's bare health check
 * sends one) with 400: Circle builds every request's URL from its host, and without one React
 * Router's adapter throws, which would otherwise log a TypeError and answer 500.
 */
export function refuseMissingHost(): RequestHandler {
	return (req, res, next) => {
		if (req.get('host')) return next()
		res
			.status(400)
			.type('text/plain; charset=utf-8')
			.set('Cache-Control', 'no-store')
			.send('Bad request: the request has no Host header.')
	}
}
