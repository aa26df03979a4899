import { Transform, type TransformCallback } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { type AppLoadContext, type EntryContext, ServerRouter } from 'react-router'

export const streamTimeout = 5_000

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	routerContext: EntryContext,
	loadContext: AppLoadContext,
) {
	return new Promise<Response>((resolve, reject) => {
		let shellRendered = false
		const userAgent = request.headers.get('user-agent')
		// Crawlers and SPA-mode builds get the whole document at once; browsers get it streamed.
		const readyOption = (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'
		const nonce = loadContext?.cspNonce

		const { pipe, abort } = renderToPipeableStream(
			<ServerRouter context={routerContext} url={request.url} nonce={nonce} />,
			{
				nonce,
				[readyOption]() {
					shellRendered = true
					const body = new CoalescingStream()
					const stream = createReadableStreamFromReadable(body)
					responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
					resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }))
					pipe(body)
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					if (shellRendered) console.error(error)
				},
			},
		)
		setTimeout(abort, streamTimeout + 1000)
	})
}

/**
 * Passes React's output through in as few chunks as possible. React writes a page as dozens of
 * ~2 KB chunks in one synchronous burst, and each chunk would otherwise cross the web stream and
 * reach the socket as a write of its own (a 90 KB report page: ~45 writes); joined per tick, a page
 * goes out in one or two. Anything React writes later (a Suspense boundary resolving) still streams.
 */
class CoalescingStream extends Transform {
	#chunks: Buffer[] = []
	#scheduled = false

	override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
		this.#chunks.push(chunk)
		if (!this.#scheduled) {
			this.#scheduled = true
			setImmediate(() => this.#release())
		}
		callback()
	}

	override _flush(callback: TransformCallback) {
		this.#release()
		callback()
	}

	#release() {
		this.#scheduled = false
		if (this.#chunks.length === 0) return
		this.push(this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks))
		this.#chunks = []
	}
}
