import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { getEnv } from '#modules/env/env.ts'

export type StoredFile = {
	/** The whole file, or a stream of it (an S3-compatible store would stream). */
	body: Uint8Array | ReadableStream<Uint8Array>
	contentType: string
	size: number
}

/**
 * Where uploaded files live. Keys are relative, slash-separated names such as
 * `covers/ckabc-1f2e.png`. The disk implementation is the default; an S3-compatible store
 * (PutObject / GetObject / DeleteObject on a bucket, key = the same string) implements the same
 * three methods, so nothing else changes when Circle runs on several machines.
 */
export interface FileStorage {
	put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
	get(key: string): Promise<StoredFile | null>
	delete(key: string): Promise<void>
}

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

/**
 * Checks a storage key and returns it unchanged, or throws: only `[A-Za-z0-9._-]` segments joined by
 * `/`, none starting with a dot, so `..`, absolute paths, backslashes and NUL bytes are impossible.
 */
export function assertSafeKey(key: string) {
	const segments = key.split('/')
	if (!key || segments.length > 4 || !segments.every((s) => SAFE_SEGMENT.test(s))) {
		throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`)
	}
	return key
}

const CONTENT_TYPES: Record<string, string> = {
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
}

/** Stores files under one directory (UPLOAD_DIR). Content types follow from the file extension. */
export class DiskFileStorage implements FileStorage {
	readonly root: string
	constructor(root: string) {
		this.root = path.resolve(root)
	}

	private pathFor(key: string) {
		const full = path.resolve(this.root, ...assertSafeKey(key).split('/'))
		// Belt and braces: whatever the key check allows must still land inside the root.
		if (!full.startsWith(this.root + path.sep)) throw new Error(`Storage key escapes the upload directory: ${key}`)
		return full
	}

	async put(key: string, bytes: Uint8Array, _contentType: string) {
		const target = this.pathFor(key)
		await fs.mkdir(path.dirname(target), { recursive: true })
		// Write then rename, so a reader never sees half a file.
		const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
		await fs.writeFile(temp, bytes)
		await fs.rename(temp, target)
	}

	async get(key: string): Promise<StoredFile | null> {
		let target: string
		try {
			target = this.pathFor(key)
		} catch {
			return null
		}
		try {
			const bytes = await fs.readFile(target)
			const contentType = CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream'
			return { body: new Uint8Array(bytes), contentType, size: bytes.length }
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
			throw error
		}
	}

	async delete(key: string) {
		await fs.rm(this.pathFor(key), { force: true })
	}
}

/** The configured storage: disk under UPLOAD_DIR (the only implementation so far). */
export function getFileStorage(): FileStorage {
	return new DiskFileStorage(getEnv().UPLOAD_DIR)
}
