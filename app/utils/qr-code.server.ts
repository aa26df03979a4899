/**
 * An otpauth:// URI as a QR code, rendered on the server as SVG in a data URL (no script, no
 * request to anyone else), for an <img> with a text alternative beside it.
 */
export async function qrCodeDataUrl(text: string) {
	// Loaded on first use (enrolling an authenticator, a circle's check-in), not at start-up (ADR 0054).
	const { default: QRCode } = await import('qrcode')
	const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
