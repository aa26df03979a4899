// HTTP glue for file uploads: reading a multipart body without holding more than a limit in memory.

export class BodyTooLargeError extends Error {}

/**
 * The request with a body that errors as soon as more than `maxBytes` arrive, so a client that
 * under-declares its Content-Length still cannot make us hold more than the limit in memory.
 */
export function limitBody(request: Request, maxBytes: number) {
	const reader = request.body!.getReader()
	let seen = 0
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { done, value } = await reader.read()
			if (done) return controller.close()
			seen += value.byteLength
			if (seen > maxBytes) {
				await reader.cancel()
				controller.error(new BodyTooLargeError())
				return
			}
			controller.enqueue(value)
		},
		cancel(reason) {
			return reader.cancel(reason)
		},
	})
	return new Request(request.url, {
		method: request.method,
		headers: request.headers,
		body,
		duplex: 'half',
	} as RequestInit)
}
