// Circle's small PDF kit: the palette, the mark and the few drawing moves that the certificate
// (modules/certificates) and the CPD portfolio exports (modules/portfolio) share, so the two
// documents look like they come from one place. Fonts are in fonts.ts. How a document's bytes
// reach a file or a response is each caller's own business, not the kit's.
import type PDFDocument from 'pdfkit'

export type PdfDoc = InstanceType<typeof PDFDocument>

/** Circle's colours on paper (the same teal and orange as the web app's brand and accent). */
export const PDF_COLOURS = {
	brand: '#0f5257',
	brandDark: '#0a3437',
	brandTint: '#effaf9',
	brandLine: '#aedfdb',
	accent: '#d97821',
	ink: '#1c1917',
	muted: '#57534e',
	rule: '#d6d3d1',
	revoked: '#b91c1c',
} as const

/** Circle's mark: a ring of six people around a shared space, the first one highlighted. */
export function drawCircleMark(doc: PdfDoc, { cx, cy, radius }: { cx: number; cy: number; radius: number }) {
	doc.save()
	doc
		.lineWidth(radius * 0.27)
		.strokeColor(PDF_COLOURS.brand)
		.circle(cx, cy, radius)
		.stroke()
	for (let i = 0; i < 6; i++) {
		const angle = (Math.PI * 2 * i) / 6 - Math.PI / 2
		doc
			.circle(cx + Math.cos(angle) * radius, cy + Math.sin(angle) * radius, i === 0 ? radius * 0.31 : radius * 0.24)
			.fill(i === 0 ? PDF_COLOURS.accent : PDF_COLOURS.brand)
	}
	doc.restore()
}

/** A straight line from (x1, y) to (x2, y), leaving the document's line style as it was. */
export function drawRule(
	doc: PdfDoc,
	{ x1, x2, y, width, colour }: { x1: number; x2: number; y: number; width: number; colour: string },
) {
	doc.save().lineWidth(width).strokeColor(colour).moveTo(x1, y).lineTo(x2, y).stroke().restore()
}

/** One line of text whose right edge is at `right`, in the current font and size. */
export function textRight(
	doc: PdfDoc,
	text: string,
	{ right, y, ...options }: PDFKit.Mixins.TextOptions & { right: number; y: number },
) {
	const width = doc.widthOfString(text, options)
	doc.text(text, right - width, y, { ...options, lineBreak: false })
}

/** Resolves with a PDF's bytes once it has ended (every renderer's document, written to a buffer). */
export function collectPdf(doc: PdfDoc): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = []
		doc.on('data', (chunk: Buffer) => chunks.push(chunk))
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
}
