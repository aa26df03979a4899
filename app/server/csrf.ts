import type { NextFunction, Request, Response } from 'express'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Decides whether a state-changing request came from another site. Browsers send Sec-Fetch-Site
 * (and Origin) on every cross-origin POST, so a request from another site is refused even when it
 * carries the user's cookie. Requests with neither header come from non-browser clients (Stripe's
 * webhooks, curl), which cannot ride on a user's cookies.
 */
export function isCrossSiteRequest({
	method,
	secFetchSite,
	origin,
	allowedOrigins,
}: {
	method: string
	secFetchSite?: string | undefined
	origin?: string | undefined
	allowedOrigins: string[]
}) {
	if (SAFE_METHODS.has(method.toUpperCase())) return false
	// Sec-Fetch-Site is set by the browser and cannot be forged by a page, so when present it decides.
	// (Origin can legitimately be "null" on a same-origin form post under a strict Referrer-Policy.)
	if (secFetchSite) return secFetchSite !== 'same-origin' && secFetchSite !== 'none'
	// Older browsers: fall back to Origin.
	if (origin !== undefined) return origin === 'null' || !allowedOrigins.includes(origin)
	return false
}

/** Express middleware that answers 403 to cross-site state-changing requests. */
export function csrfGuard({ appOrigin }: { appOrigin: string }) {
	return (req: Request, res: Response, next: NextFunction) => {
		const host = req.get('host')
		const allowedOrigins = [appOrigin]
		if (host) allowedOrigins.push(`${req.protocol}://${host}`)
		if (
			isCrossSiteRequest({
				method: req.method,
				secFetchSite: req.get('sec-fetch-site'),
				origin: req.get('origin'),
				allowedOrigins,
			})
		) {
			res.status(403).type('text/plain').send('Cross-site request refused. Reload the page and try again.')
			return
		}
		next()
	}
}
