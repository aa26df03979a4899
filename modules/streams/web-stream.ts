import type { Readable } from 'node:stream'

/**
 * A Node stream as a web `ReadableStream` for a `Response`, read one chunk per pull. Node 20's
 * `Readable.toWeb` pushes chunks while the stream flows and throws an uncaught "Controller is already
 * closed" when the browser cancels a download part-way; pulling instead never enqueues after a cancel,
 * and a cancel destroys the Node stream (its producer's error handler then stops the work).
 */
export function toWebStream(node: Readable): ReadableStream<Uint8Array> {
	const chunks = node[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const { value, done } = await chunks.next()
				if (done) controller.close()
				else controller.enqueue(value)
			} catch (error) {
				controller.error(error)
			}
		},
		cancel(reason) {
			node.destroy(reason instanceof Error ? reason : new Error('The download was cancelled'))
		},
	})
}
