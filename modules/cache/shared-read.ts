const ignore = () => undefined

/**
 * Shares a read between concurrent callers without ever handing one a value read before it
 * arrived. The first caller for a key starts a read; callers arriving while it runs share the
 * next read, which starts as soon as the running one ends. So each caller sees everything
 * committed before it asked (what a freshness stamp needs), and sixteen concurrent views of one
 * course cost two reads instead of sixteen. A failed read fails only the callers sharing it.
 */
export function createSharedRead<T>(read: (key: string) => Promise<T>) {
	const running = new Map<string, Promise<T>>()
	const queued = new Map<string, Promise<T>>()

	function start(key: string) {
		const value = read(key)
		running.set(key, value)
		const settle = () => {
			if (running.get(key) === value) running.delete(key)
		}
		value.then(settle, settle)
		return value
	}

	return (key: string): Promise<T> => {
		const current = running.get(key)
		if (!current) return start(key)
		let next = queued.get(key)
		if (!next) {
			next = current.then(ignore, ignore).then(() => {
				queued.delete(key)
				return start(key)
			})
			queued.set(key, next)
		}
		return next
	}
}
