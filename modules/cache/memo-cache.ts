/**
 * A small in-process cache for results that are expensive to compute and cheap to hold: an
 * organisation's report ordering, a course version's analytics. Each entry is kept until its
 * `stamp` changes (a version number the caller reads from the database, so a write in any process
 * is seen at once), its age passes `ttlMs`, or it is pushed out by newer entries (least recently
 * used first, at most `maxEntries`). Concurrent misses for one key share a single computation, so
 * sixteen managers opening the same report compute it once. A failed computation is not cached.
 */
export type MemoCache<V> = {
	/** The cached value for `key` while its stamp matches and it is fresh; otherwise `compute()`'s. */
	get(key: string, compute: () => Promise<V>, options?: { stamp?: string | number }): Promise<V>
	/** Forgets every entry whose key starts with `prefix` (all of them without one). */
	clear(prefix?: string): void
	/** Entries held (settled or in flight), for tests and the bench. */
	readonly size: number
}

type Entry<V> = { value: Promise<V>; stamp: string | number | undefined; at: number }

export function createMemoCache<V>({
	ttlMs,
	maxEntries,
	now = () => performance.now(),
}: {
	ttlMs: number
	maxEntries: number
	/** The clock, in milliseconds (tests pass their own). */
	now?: () => number
}): MemoCache<V> {
	const entries = new Map<string, Entry<V>>()
	return {
		get(key, compute, { stamp } = {}) {
			const hit = entries.get(key)
			if (hit && hit.stamp === stamp && now() - hit.at < ttlMs) {
				// Re-insert to mark it most recently used (a Map iterates in insertion order).
				entries.delete(key)
				entries.set(key, hit)
				return hit.value
			}
			const entry: Entry<V> = { value: compute(), stamp, at: now() }
			entries.delete(key)
			entries.set(key, entry)
			entry.value.catch(() => {
				if (entries.get(key) === entry) entries.delete(key)
			})
			while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
			return entry.value
		},
		clear(prefix) {
			if (prefix === undefined) return entries.clear()
			for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key)
		},
		get size() {
			return entries.size
		},
	}
}
