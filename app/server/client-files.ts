import fs from 'node:fs'
import express from 'express'

/**
 * Serves the files of the client build (`build/client`: public/'s files and the fingerprinted
 * assets) with express.static, but only for addresses under a name the directory holds at start
 * (`/media/…`, `/assets/…`, `/favicon.ico`). Every other request, every page among them, goes straight
 * on: express.static would otherwise look each page's address up on disk first and build a "not
 * found" error for it (~0.2 ms of CPU a page). The client build does not change while the server runs.
 */
export function clientFiles(clientDir: string, options: Parameters<typeof express.static>[1]): express.RequestHandler {
	const names = new Set(fs.existsSync(clientDir) ? fs.readdirSync(clientDir) : [])
	const serve = express.static(clientDir, options)
	return (req, res, next) => {
		const first = req.path.split('/', 2)[1] ?? ''
		let name = first
		try {
			name = decodeURIComponent(first)
		} catch {
			// A malformed escape: express.static answers it as before.
			return serve(req, res, next)
		}
		if (!names.has(name)) return next()
		return serve(req, res, next)
	}
}
