import { appUrl } from '#modules/env/env.ts'
import { loadPdfKit, registerPdfFonts } from '#modules/pdf/fonts.ts'
import { drawCircleMark, drawRule, PDF_COLOURS, type PdfDoc, textRight, collectPdf } from '#modules/pdf/kit.ts'
import { formatCpdHours, formatUkDate, formatUkDay, verificationUrl } from './certificate-text.ts'

/**
 * Everything a certificate shows, as frozen on its database row. The renderer needs nothing else,
 * so a certificate can be re-created byte for byte at any time (and benchmarked without a database).
 */
export type CertificatePdfData = {
	code: string
	learnerName: string
	courseTitle: string
	versionNumber: number
	cpdMinutes: number
	outcomes: string[]
	completedAt: Date
	/** The last UK calendar day it is valid (a `date`: UTC midnight); null or absent when it does not expire. */
	validUntil?: Date | null
	issuedAt: Date
	revokedAt?: Date | null
	revokedReason?: string | null
}

/** Who signs Circle's certificates. One place to change when the lead trainer changes. */
export const CERTIFICATE_SIGNATORY = {
	name: 'Dr Maya Okafor',
	title: 'Lead trainer, Circle',
} as const

// A4 landscape, in points.
const WIDTH = 841.89
const HEIGHT = 595.28
const MARGIN = 64

/**
 * Renders a certificate as an A4 landscape PDF and resolves with its bytes. The layout: a double
 * frame, Circle's mark drawn as vector shapes, the title in Noto Serif, the learner's name large,
 * the course title and version, CPD hours, completion date and (for a course whose certificates
 * expire) the last day it is valid, the learning outcomes (the type
 * shrinks to fit long lists), a QR code and the address that verify the certificate, the
 * signatory, and the certificate number. Fonts are embedded (subset) so every name renders as
 * typed; nothing is encrypted. The PDF's creation date is the issue date, so the same row always
 * gives the same bytes. A revoked certificate is marked as revoked across the page.
 */
export async function renderCertificatePdf({
	certificate,
	baseUrl = appUrl(),
}: {
	certificate: CertificatePdfData
	/** Origin the verification link and QR code point at; defaults to APP_URL. */
	baseUrl?: string
}): Promise<Buffer> {
	const url = verificationUrl({ baseUrl, code: certificate.code })
	const { doc, done } = await openCertificateDocument({
		code: certificate.code,
		issuedAt: certificate.issuedAt,
		title: `Certificate of CPD completion: ${certificate.courseTitle}`,
		subject: `${certificate.learnerName}, ${formatCpdHours(certificate.cpdMinutes)}, certificate ${certificate.code}`,
		keywords: 'CPD certificate, relational practice, restorative practice',
	})
	let y = drawTitleBlock(doc, certificate)
	y = Math.max(y + 18, 352)
	drawOutcomes(doc, certificate.outcomes, { x: MARGIN, y, width: 560, height: 486 - y })
	await drawQrCode(doc, url, { x: WIDTH - MARGIN - 92, y: y - 4, size: 92 })
	closeCertificateDocument(doc, { url, issuedAt: certificate.issuedAt, revokedAt: certificate.revokedAt })
	return done
}

/**
 * A certificate's page, shared with the programme certificate (modules/programmes) so both are one
 * family: A4 landscape, its metadata dated the issue date (so the same row always gives the same
 * bytes), the embedded fonts, the double frame and the header with the certificate number.
 */
export async function openCertificateDocument({
	code,
	issuedAt,
	title,
	subject,
	keywords,
}: {
	code: string
	issuedAt: Date
	title: string
	subject: string
	keywords: string
}) {
	const PDFDocument = await loadPdfKit()
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 0,
		lang: 'en-GB',
		displayTitle: true,
		info: {
			Title: title,
			Author: 'Circle',
			Subject: subject,
			Keywords: keywords,
			Creator: 'Circle',
			Producer: 'Circle',
			CreationDate: issuedAt,
			ModDate: issuedAt,
		},
	})
	const done = collectPdf(doc)
	registerPdfFonts(doc)
	drawFrame(doc)
	drawHeader(doc, code)
	return { doc, done }
}

/**
 * Ends a certificate's page: the footer (signatory, date of issue, the address that verifies it, in
 * `urlSize` points: a programme's longer address is set smaller) and, on a revoked certificate,
 * REVOKED across the page.
 */
export function closeCertificateDocument(
	doc: PdfDoc,
	{ url, issuedAt, revokedAt, urlSize = 9 }: { url: string; issuedAt: Date; revokedAt?: Date | null; urlSize?: number },
) {
	drawFooter(doc, { url, issuedAt, urlSize })
	if (revokedAt) drawRevoked(doc, revokedAt)
	doc.end()
}

/** The double frame round the page. */
function drawFrame(doc: PdfDoc) {
	doc.save()
	// A pale band behind the top of the page gives the certificate a "paper" feel without heavy ink.
	doc.rect(18, 18, WIDTH - 36, HEIGHT - 36).fill(PDF_COLOURS.brandTint)
	doc.rect(30, 30, WIDTH - 60, HEIGHT - 60).fill('#ffffff')
	doc
		.lineWidth(2.5)
		.strokeColor(PDF_COLOURS.brand)
		.rect(18, 18, WIDTH - 36, HEIGHT - 36)
		.stroke()
	doc
		.lineWidth(0.75)
		.strokeColor(PDF_COLOURS.accent)
		.rect(30, 30, WIDTH - 60, HEIGHT - 60)
		.stroke()
	// A small ring at each inner corner: the "circle" of people that gives the platform its name.
	for (const [cx, cy] of [
		[30, 30],
		[WIDTH - 30, 30],
		[30, HEIGHT - 30],
		[WIDTH - 30, HEIGHT - 30],
	] as const) {
		doc.circle(cx, cy, 5).fillAndStroke('#ffffff', PDF_COLOURS.accent)
		doc.circle(cx, cy, 1.8).fill(PDF_COLOURS.brand)
	}
	doc.restore()
}

/** Circle's mark, name and the certificate number across the top. */
function drawHeader(doc: PdfDoc, code: string) {
	drawCircleMark(doc, { cx: MARGIN + 13, cy: 70, radius: 12 })
	doc.font('sansBold').fontSize(21).fillColor(PDF_COLOURS.brandDark)
	doc.text('Circle', MARGIN + 34, 56, { lineBreak: false })
	doc.font('sans').fontSize(8).fillColor(PDF_COLOURS.muted)
	doc.text('CPD in relational and restorative practice', MARGIN + 35, 83, { lineBreak: false })

	const right = WIDTH - MARGIN
	doc.font('sansSemiBold').fontSize(7.5).fillColor(PDF_COLOURS.muted)
	textRight(doc, 'CERTIFICATE NUMBER', { right, y: 60, characterSpacing: 0.5 })
	doc.font('sansSemiBold').fontSize(11).fillColor(PDF_COLOURS.ink)
	textRight(doc, code, { right, y: 72, characterSpacing: 0.6 })
}

function drawTitleBlock(doc: PdfDoc, certificate: CertificatePdfData) {
	const centre = { x: MARGIN, width: WIDTH - MARGIN * 2, align: 'center' as const }
	doc.font('serifBold').fontSize(30).fillColor(PDF_COLOURS.brand)
	doc.text('Certificate of CPD completion', centre.x, 112, { ...centre, lineBreak: false })

	// A short rule with a dot in the middle, under the title.
	const mid = WIDTH / 2
	drawRule(doc, { x1: mid - 70, x2: mid - 8, y: 163, width: 0.75, colour: PDF_COLOURS.accent })
	drawRule(doc, { x1: mid + 8, x2: mid + 70, y: 163, width: 0.75, colour: PDF_COLOURS.accent })
	doc.save()
	doc.circle(mid, 163, 2.6).fill(PDF_COLOURS.accent)
	doc.restore()

	doc.font('sans').fontSize(12).fillColor(PDF_COLOURS.muted)
	doc.text('This is to certify that', centre.x, 178, { ...centre, lineBreak: false })

	// The name, as large as fits on one line (long double-barrelled names shrink, never wrap).
	const nameWidth = 640
	let nameSize = 36
	doc.font('serif')
	while (nameSize > 18 && doc.fontSize(nameSize).widthOfString(certificate.learnerName) > nameWidth) nameSize -= 1
	doc.fillColor(PDF_COLOURS.ink)
	const nameTop = 198 + (36 - nameSize) * 0.6
	doc.text(certificate.learnerName, (WIDTH - nameWidth) / 2, nameTop, {
		width: nameWidth,
		align: 'center',
		height: 50,
		ellipsis: true,
	})

	drawRule(doc, { x1: mid - 200, x2: mid + 200, y: 252, width: 0.5, colour: PDF_COLOURS.brandLine })

	doc.font('sans').fontSize(12).fillColor(PDF_COLOURS.muted)
	doc.text('has completed the online course', centre.x, 262, { ...centre, lineBreak: false })

	// Course titles get up to two lines, shrinking a little before they wrap.
	const titleWidth = 660
	let titleSize = 19
	doc.font('sansSemiBold')
	while (titleSize > 14 && doc.fontSize(titleSize).widthOfString(certificate.courseTitle) > titleWidth) titleSize -= 0.5
	doc.fillColor(PDF_COLOURS.brand)
	doc.text(certificate.courseTitle, (WIDTH - titleWidth) / 2, 284, {
		width: titleWidth,
		align: 'center',
		height: titleSize * 2.8,
		ellipsis: true,
		lineGap: 1,
	})
	let y = doc.y + 8

	const facts = [
		`Version ${certificate.versionNumber}`,
		formatCpdHours(certificate.cpdMinutes),
		`Completed on ${formatUkDate(certificate.completedAt)}`,
		// The date is printed, not whether it has passed: the verification page says that, live.
		...(certificate.validUntil ? [`Valid until ${formatUkDay(certificate.validUntil)}`] : []),
	]
	doc.font('sans').fontSize(11).fillColor(PDF_COLOURS.ink)
	const separator = '   ·   '
	doc.text(facts.join(separator), centre.x, y, { ...centre, lineBreak: false })
	y += 16
	return y
}

function drawOutcomes(doc: PdfDoc, outcomes: string[], box: { x: number; y: number; width: number; height: number }) {
	if (outcomes.length === 0) return
	doc.font('sansSemiBold').fontSize(8).fillColor(PDF_COLOURS.brand)
	doc.text('LEARNING OUTCOMES', box.x, box.y, { characterSpacing: 0.5, lineBreak: false })
	const top = box.y + 16
	const available = box.height - 16
	const layout = fitOutcomes(doc, outcomes, { width: box.width, height: available })

	const columnWidth = (box.width - (layout.columns - 1) * GUTTER) / layout.columns
	doc.font('sans').fontSize(layout.size)
	let column = 0
	let y = top
	for (const text of layout.items) {
		const height = itemHeight(doc, text, columnWidth, layout.size)
		if (y + height > top + available + 0.5 && column < layout.columns - 1) {
			column += 1
			y = top
		}
		const x = box.x + column * (columnWidth + GUTTER)
		doc.save()
		doc.circle(x + 3, y + layout.size * 0.68, Math.max(1.2, layout.size * 0.17)).fill(PDF_COLOURS.accent)
		doc.restore()
		doc.fillColor(PDF_COLOURS.ink)
		doc.text(text, x + BULLET_INDENT, y, { width: columnWidth - BULLET_INDENT, lineGap: 1 })
		y += height
	}
}

const GUTTER = 24
const BULLET_INDENT = 12

function itemHeight(doc: PdfDoc, text: string, columnWidth: number, size: number) {
	doc.font('sans').fontSize(size)
	return doc.heightOfString(text, { width: columnWidth - BULLET_INDENT, lineGap: 1 }) + size * 0.4
}

/** Whether `items` fit in `columns` columns of the box at `size`, filling each column top to bottom. */
function fits(doc: PdfDoc, items: string[], columns: number, size: number, box: { width: number; height: number }) {
	const columnWidth = (box.width - (columns - 1) * GUTTER) / columns
	let column = 0
	let used = 0
	for (const text of items) {
		const height = itemHeight(doc, text, columnWidth, size)
		if (used + height > box.height + 0.5) {
			column += 1
			used = 0
			if (column >= columns || height > box.height) return false
		}
		used += height
	}
	return true
}

/**
 * The largest comfortable type for the outcomes: one column from 10pt down to 8pt, then two columns
 * down to 7pt. Anything longer still (a trainer's twenty outcomes) is cut short with a count of the
 * rest, which the verification page lists in full; print below 7pt is not readable.
 */
function fitOutcomes(doc: PdfDoc, outcomes: string[], box: { width: number; height: number }) {
	for (let size = 10; size >= 8; size -= 0.25) {
		if (fits(doc, outcomes, 1, size, box)) return { items: outcomes, columns: 1, size }
	}
	for (let size = 9; size >= 7; size -= 0.25) {
		if (fits(doc, outcomes, 2, size, box)) return { items: outcomes, columns: 2, size }
	}
	for (let keep = outcomes.length - 1; keep >= 1; keep--) {
		const items = [...outcomes.slice(0, keep), `…and ${outcomes.length - keep} more, listed on the verification page`]
		if (fits(doc, items, 2, 7, box)) return { items, columns: 2, size: 7 }
	}
	return { items: outcomes.slice(0, 1), columns: 1, size: 7 }
}

/** Shared with the programme certificate (modules/programmes), so both look like one family. */
export async function drawQrCode(doc: PdfDoc, url: string, { x, y, size }: { x: number; y: number; size: number }) {
	// Loaded with the first certificate, like PDFKit (ADR 0054).
	const { default: QRCode } = await import('qrcode')
	const qr = QRCode.create(url, { errorCorrectionLevel: 'M' })
	const count = qr.modules.size
	const cell = size / count
	doc.save()
	// Dark modules merged into horizontal runs: fewer shapes, and no hairline seams between cells.
	for (let row = 0; row < count; row++) {
		let col = 0
		while (col < count) {
			if (!qr.modules.get(row, col)) {
				col += 1
				continue
			}
			const start = col
			while (col < count && qr.modules.get(row, col)) col += 1
			doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell)
		}
	}
	doc.fill(PDF_COLOURS.ink)
	doc.restore()
	doc.font('sans').fontSize(7.5).fillColor(PDF_COLOURS.muted)
	doc.text('Scan to check this certificate', x - 30, y + size + 6, {
		width: size + 60,
		align: 'center',
		lineBreak: false,
	})
}

function drawFooter(doc: PdfDoc, { url, issuedAt, urlSize }: { url: string; issuedAt: Date; urlSize: number }) {
	const lineY = 520
	// Signatory, left.
	doc.font('serifItalic').fontSize(17).fillColor(PDF_COLOURS.brandDark)
	doc.text(CERTIFICATE_SIGNATORY.name, MARGIN, lineY - 24, { lineBreak: false })
	drawRule(doc, { x1: MARGIN, x2: MARGIN + 190, y: lineY, width: 0.75, colour: PDF_COLOURS.ink })
	doc.font('sansSemiBold').fontSize(9).fillColor(PDF_COLOURS.ink)
	doc.text(CERTIFICATE_SIGNATORY.name, MARGIN, lineY + 6, { lineBreak: false })
	doc.font('sans').fontSize(8.5).fillColor(PDF_COLOURS.muted)
	doc.text(CERTIFICATE_SIGNATORY.title, MARGIN, lineY + 19, { lineBreak: false })

	// Date of issue, centre.
	const mid = WIDTH / 2
	doc.font('sansSemiBold').fontSize(7.5).fillColor(PDF_COLOURS.muted)
	doc.text('DATE OF ISSUE', mid - 100, lineY - 10, {
		width: 200,
		align: 'center',
		characterSpacing: 0.5,
		lineBreak: false,
	})
	doc.font('sans').fontSize(10.5).fillColor(PDF_COLOURS.ink)
	doc.text(formatUkDate(issuedAt), mid - 100, lineY + 4, { width: 200, align: 'center', lineBreak: false })

	// Verification address, right.
	const right = WIDTH - MARGIN
	doc.font('sansSemiBold').fontSize(7.5).fillColor(PDF_COLOURS.muted)
	textRight(doc, 'VERIFY AT', { right, y: lineY - 10, characterSpacing: 0.5 })
	doc.font('sans').fontSize(urlSize).fillColor(PDF_COLOURS.brand)
	const width = doc.widthOfString(url)
	doc.text(url, right - width, lineY + 4, { link: url, lineBreak: false })
}

/** REVOKED across the page, with the date. */
function drawRevoked(doc: PdfDoc, revokedAt: Date) {
	doc.save()
	doc.rotate(-24, { origin: [WIDTH / 2, HEIGHT / 2] })
	doc.font('sansBold').fontSize(110).fillColor(PDF_COLOURS.revoked).fillOpacity(0.12)
	doc.text('REVOKED', 0, HEIGHT / 2 - 70, { width: WIDTH, align: 'center', lineBreak: false })
	doc.restore()
	doc.save()
	doc.rect(30, 30, WIDTH - 60, 20).fill(PDF_COLOURS.revoked)
	doc.font('sansSemiBold').fontSize(9).fillColor('#ffffff')
	doc.text(`Revoked on ${formatUkDate(revokedAt)}: this certificate is no longer valid.`, 30, 35.5, {
		width: WIDTH - 60,
		align: 'center',
		lineBreak: false,
	})
	doc.restore()
}
