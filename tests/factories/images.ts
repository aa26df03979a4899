// Image bytes for upload tests: real PNGs (pngjs) and minimal JPEG and WebP headers, enough for
// Circle's magic-byte and dimension checks.
import { PNG } from 'pngjs'

export function png(width: number, height: number) {
	return new Uint8Array(PNG.sync.write(new PNG({ width, height })))
}

/** A minimal JPEG header: SOI, an APP0 segment, then SOF0 with the dimensions. */
export function jpeg(width: number, height: number) {
	const app0 = [
		0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
	]
	const sof = [
		0xff,
		0xc0,
		0x00,
		0x11,
		0x08,
		height >> 8,
		height & 255,
		width >> 8,
		width & 255,
		0x03,
		1,
		0x22,
		0,
		2,
		0x11,
		1,
		3,
		0x11,
		1,
	]
	return new Uint8Array([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9])
}

/** A WebP with a VP8X header (24-bit width-1 and height-1). */
export function webpVp8x(width: number, height: number) {
	const bytes = new Uint8Array(40)
	bytes.set(new TextEncoder().encode('RIFF'), 0)
	bytes.set(new TextEncoder().encode('WEBPVP8X'), 8)
	bytes[16] = 10
	const w = width - 1
	const h = height - 1
	bytes.set([w & 255, (w >> 8) & 255, (w >> 16) & 255, h & 255, (h >> 8) & 255, (h >> 16) & 255], 24)
	return bytes
}
