// Storage: image type from magic bytes, and disk storage that cannot be steered outside its directory.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { jpeg, png, webpVp8x } from '#tests/factories/images.ts'
import { DiskFileStorage } from './file-storage.ts'
import { readImageInfo } from './image-info.ts'

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'circle-storage-'))
afterAll(() => fs.rmSync(uploadDir, { recursive: true, force: true }))

describe('readImageInfo', () => {
	test('reads type and dimensions from PNG, JPEG and WebP headers', () => {
		expect(readImageInfo(png(1200, 630))).toMatchObject({
			type: 'png',
			width: 1200,
			height: 630,
			contentType: 'image/png',
		})
		expect(readImageInfo(jpeg(1600, 900))).toMatchObject({ type: 'jpeg', width: 1600, height: 900, extension: 'jpg' })
		expect(readImageInfo(webpVp8x(2000, 1000))).toMatchObject({ type: 'webp', width: 2000, height: 1000 })
		expect(readImageInfo(new TextEncoder().encode('<script>alert(1)</script>'))).toBeNull()
	})
})

describe('DiskFileStorage', () => {
	test('refuses keys that could leave the upload directory', async () => {
		const storage = new DiskFileStorage(uploadDir)
		for (const key of [
			'../escape.png',
			'covers/../../escape.png',
			'/etc/passwd',
			'covers\\..\\x.png',
			'.hidden',
			'a//b',
			'covers/x\0.png',
		]) {
			await expect(storage.put(key, new Uint8Array([1]), 'image/png'), key).rejects.toThrow(/Unsafe storage key/)
			expect(await storage.get(key)).toBeNull()
		}
		expect(fs.existsSync(path.join(uploadDir, '..', 'escape.png'))).toBe(false)
	})
})
