import type { RequestHandler } from 'express'
import { COVER_MAX_BYTES } from '#modules/storage/cover-rules.ts'

/**
 * The most a request body may be, anywhere but the routes below: well above the largest form Circle
 * has (a reading of 100,000 characters, percent-encoded, with its Welsh beside it; a CSV of 1,000
 * invitations of at most 1 MiB), and small enough that a body read whole costs a worker little.
 */
export const MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024

/** Routes that take a file bigger than that, with their own limit (each also reads its body through limitBody). */
const LARGER_BODIES: { path: RegExp; maxBytes: number }[] = [
	// A cover image and the rest of its form (app/routes/studio.courses.$courseId.cover.tsx, studio.news.$postId.cover.tsx).
	{ path: /^\/studio\/(?:courses|news)\/[^/]+\/cover(?:\.data)?\/?$/i, maxBytes: COVER_MAX_BYTES + 64 * 1024 },
]

export function maxBodyBytesFor(path: string) {
	return LARGER_BODIES.find((rule) => rule.path.test(path))?.maxBytes ?? MAX_REQUEST_BODY_BYTES
}

function refuse(res: Parameters<RequestHandler>[1], status: 411 | 413, message: string) {
	// The body is not read: close the connection rather than drain what the client goes on sending.
	res
		.status(status)
		.type('text/plain; charset=utf-8')
		.set({ 'Cache-Control': 'no-store', Connection: 'close' })
		.send(message)
}

/**
 * Refuses a request body bigger than its route allows (413) before anything reads it, so that no
 * request, signed in or not, can make a worker hold more than the limit in memory: React Router's
 * adapter streams the body into a `Request`, and `formData()` or `text()` then reads it whole.
 *
 * The limit is checked against Content-Length, which Node's HTTP parser holds the body to (it never
 * delivers more bytes than the header says). A body sent in chunks has no length to check, so it
 * is refused with 411 Length Required: browsers, beacons, Stripe, Mux and SCIM directories all send
 * Content-Length, and nothing of Circle's streams a request.
 */
export function limitRequestBodies(): RequestHandler {
	return (req, res, next) => {
		const declared = req.get('content-length')
		if (declared === undefined) {
			if (req.get('transfer-encoding') === undefined) return next()
			return refuse(res, 411, 'Length required: send the request body with a Content-Length header.')
		}
		const maxBytes = maxBodyBytesFor(req.path)
		if (Number(declared) <= maxBytes) return next()
		refuse(
			res,
			413,
			`Request too large: at most ${Math.floor(maxBytes / 1024).toLocaleString('en-GB')} KB may be sent here.`,
		)
	}
}
