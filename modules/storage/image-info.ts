// Image type and size from the file's own bytes, never from its name or the browser's Content-Type:
// a script named cover.png is still a script. Only the header bytes are read.

export type ImageType = 'png' | 'jpeg' | 'webp'
export type ImageInfo = { type: ImageType; width: number; height: number; contentType: string; extension: string }

const META: Record<ImageType, { contentType: string; extension: string }> = {
	png: { contentType: 'image/png', extension: 'png' },
	jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
	webp: { contentType: 'image/webp', extension: 'webp' },
}

/** The image's type and pixel dimensions, or null when the bytes are not a PNG, JPEG or WebP we can read. */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
	const dims = readPng(bytes) ?? readJpeg(bytes) ?? readWebp(bytes)
	if (!dims || dims.width <= 0 || dims.height <= 0) return null
	return { ...dims, ...META[dims.type] }
}

function ascii(bytes: Uint8Array, start: number, length: number) {
	return String.fromCharCode(...bytes.subarray(start, start + length))
}

function view(bytes: Uint8Array) {
	return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function readPng(bytes: Uint8Array) {
	if (bytes.length < 24 || !PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return null
	// The first chunk must be IHDR: length 13, then width and height as big-endian 32-bit.
	if (ascii(bytes, 12, 4) !== 'IHDR') return null
	const dv = view(bytes)
	return { type: 'png' as const, width: dv.getUint32(16), height: dv.getUint32(20) }
}

function readJpeg(bytes: Uint8Array) {
	if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return null
	const dv = view(bytes)
	let offset = 2
	while (offset + 4 <= bytes.length) {
		if (bytes[offset] !== 0xff) return null
		const marker = bytes[offset + 1]!
		if (marker === 0xff) {
			offset += 1 // fill byte
			continue
		}
		// Standalone markers carry no length.
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
			offset += 2
			continue
		}
		if (marker === 0xd9 || marker === 0xda) return null // end of image / start of scan before any frame header
		const length = dv.getUint16(offset + 2)
		if (length < 2) return null
		const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
		if (isSof) {
			if (offset + 9 > bytes.length) return null
			return { type: 'jpeg' as const, height: dv.getUint16(offset + 5), width: dv.getUint16(offset + 7) }
		}
		offset += 2 + length
	}
	return null
}

function readWebp(bytes: Uint8Array) {
	if (bytes.length < 30 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null
	const dv = view(bytes)
	const chunk = ascii(bytes, 12, 4)
	if (chunk === 'VP8 ') {
		// Frame tag (3 bytes) then the start code 9d 01 2a, then 14-bit width and height.
		if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null
		return { type: 'webp' as const, width: dv.getUint16(26, true) & 0x3fff, height: dv.getUint16(28, true) & 0x3fff }
	}
	if (chunk === 'VP8L') {
		if (bytes[20] !== 0x2f) return null
		const bits = dv.getUint32(21, true)
		return { type: 'webp' as const, width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
	}
	if (chunk === 'VP8X') {
		const width = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16))
		const height = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16))
		return { type: 'webp' as const, width, height }
	}
	return null
}
