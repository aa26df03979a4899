import QRCode from 'qrcode'

/**
 * An otpauth:// URI as a QR code, rendered on the server as SVG in a data URL (no script, no
 * request to anyone else), for an <img> with a text alternative beside it.
 */
export async function qrCodeDataUrl(text: string) {
	const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
