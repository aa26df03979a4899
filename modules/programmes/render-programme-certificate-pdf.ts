import { appUrl } from '#modules/env/env.ts'
import { formatCpdHours, formatUkDate } from '#modules/certificates/certificate-text.ts'
import {
	closeCertificateDocument,
	drawQrCode,
	openCertificateDocument,
} from '#modules/certificates/render-certificate-pdf.ts'
import { drawRule, PDF_COLOURS, type PdfDoc } from '#modules/pdf/kit.ts'
import type { ProgrammeCertificateCourse } from './complete-programmes.ts'

/** Everything a programme certificate shows, as frozen on its row. */
export type ProgrammeCertificatePdfData = {
	code: string
	learnerName: string
	programmeTitle: string
	courses: ProgrammeCertificateCourse[]
	cpdMinutes: number
	completedAt: Date
	issuedAt: Date
	revokedAt?: Date | null
}

/** The public address that checks a programme certificate (printed on it and in its QR code). */
export function programmeVerificationUrl({ baseUrl, code }: { baseUrl: string; code: string }) {
	return `${baseUrl.replace(/\/$/, '')}/verify/programmes/${code}`
}

const WIDTH = 841.89
const MARGIN = 64

/**
 * Renders a programme certificate as an A4 landscape PDF in the course certificate's family (the
 * same frame, header, QR code and signatory): the learner's name, the programme, its total CPD
 * hours and completion date, and a numbered list of its courses, each with its version, CPD hours,
 * completion date and its own certificate number. The creation date is the issue date, so the same
 * row always gives the same bytes; a revoked certificate is marked across the page.
 */
export async function renderProgrammeCertificatePdf({
	certificate,
	baseUrl = appUrl(),
}: {
	certificate: ProgrammeCertificatePdfData
	baseUrl?: string
}): Promise<Buffer> {
	const url = programmeVerificationUrl({ baseUrl, code: certificate.code })
	const { doc, done } = await openCertificateDocument({
		code: certificate.code,
		issuedAt: certificate.issuedAt,
		title: `Certificate of programme completion: ${certificate.programmeTitle}`,
		subject: `${certificate.learnerName}, ${formatCpdHours(certificate.cpdMinutes)}, certificate ${certificate.code}`,
		keywords: 'CPD certificate, learning programme, relational practice, restorative practice',
	})
	const y = drawTitleBlock(doc, certificate)
	const top = Math.max(y + 14, 318)
	drawCourses(doc, certificate.courses, { x: MARGIN, y: top, width: 590, height: 482 - top })
	await drawQrCode(doc, url, { x: WIDTH - MARGIN - 92, y: top + 6, size: 92 })
	closeCertificateDocument(doc, { url, issuedAt: certificate.issuedAt, revokedAt: certificate.revokedAt, urlSize: 8 })
	return done
}

function drawTitleBlock(doc: PdfDoc, certificate: ProgrammeCertificatePdfData) {
	const centre = { width: WIDTH - MARGIN * 2, align: 'center' as const, lineBreak: false }
	doc.font('serifBold').fontSize(28).fillColor(PDF_COLOURS.brand)
	doc.text('Certificate of programme completion', MARGIN, 110, centre)
	doc.font('sans').fontSize(12).fillColor(PDF_COLOURS.muted)
	doc.text('This is to certify that', MARGIN, 156, centre)

	const nameWidth = 640
	let nameSize = 32
	doc.font('serif')
	while (nameSize > 18 && doc.fontSize(nameSize).widthOfString(certificate.learnerName) > nameWidth) nameSize -= 1
	doc.fillColor(PDF_COLOURS.ink)
	doc.text(certificate.learnerName, (WIDTH - nameWidth) / 2, 174 + (32 - nameSize) * 0.6, {
		width: nameWidth,
		align: 'center',
		height: 44,
		ellipsis: true,
	})
	const mid = WIDTH / 2
	drawRule(doc, { x1: mid - 200, x2: mid + 200, y: 220, width: 0.5, colour: PDF_COLOURS.brandLine })

	doc.font('sans').fontSize(12).fillColor(PDF_COLOURS.muted)
	doc.text('has completed every course of the learning programme', MARGIN, 229, centre)
	const titleWidth = 660
	let titleSize = 19
	doc.font('sansSemiBold')
	while (titleSize > 14 && doc.fontSize(titleSize).widthOfString(certificate.programmeTitle) > titleWidth)
		titleSize -= 0.5
	doc.fillColor(PDF_COLOURS.brand)
	doc.text(certificate.programmeTitle, (WIDTH - titleWidth) / 2, 249, {
		width: titleWidth,
		align: 'center',
		height: titleSize * 2.6,
		ellipsis: true,
	})
	const y = doc.y + 6
	const count = certificate.courses.length
	const facts = [
		`${count} ${count === 1 ? 'course' : 'courses'}`,
		`${formatCpdHours(certificate.cpdMinutes)} in total`,
		`Completed on ${formatUkDate(certificate.completedAt)}`,
	]
	doc.font('sans').fontSize(11).fillColor(PDF_COLOURS.ink)
	doc.text(facts.join('   ·   '), MARGIN, y, centre)
	return y + 16
}

/**
 * The numbered course list: two lines each (the title, then its version, CPD hours, completion date
 * and, in one column, the course certificate's number in smaller type), shrinking from 9.5pt to 7pt and then to two
 * columns so a twelve-course programme still fits.
 */
function drawCourses(
	doc: PdfDoc,
	courses: ProgrammeCertificateCourse[],
	box: { x: number; y: number; width: number; height: number },
) {
	doc.font('sansSemiBold').fontSize(8).fillColor(PDF_COLOURS.brand)
	doc.text('COURSES IN THIS PROGRAMME', box.x, box.y, { characterSpacing: 0.5, lineBreak: false })
	const top = box.y + 15
	const available = box.height - 15
	const columns = courses.length > 6 ? 2 : 1
	const perColumn = Math.ceil(courses.length / columns)
	const rowHeight = Math.min(26, (available - 4) / Math.max(perColumn, 1))
	const size = Math.max(6.5, Math.min(9.5, rowHeight * 0.42))
	const columnWidth = (box.width - (columns - 1) * 20) / columns
	courses.forEach((course, index) => {
		const column = Math.floor(index / perColumn)
		const x = box.x + column * (columnWidth + 20)
		const y = top + (index % perColumn) * rowHeight
		doc.font('sansSemiBold').fontSize(size).fillColor(PDF_COLOURS.brand)
		doc.text(`${index + 1}.`, x, y, { width: 16, lineBreak: false })
		doc.fillColor(PDF_COLOURS.ink)
		doc.text(course.title, x + 16, y, { width: columnWidth - 16, height: size * 1.2, ellipsis: true })
		doc
			.font('sans')
			.fontSize(size * 0.85)
			.fillColor(PDF_COLOURS.muted)
		const detail = [
			`Version ${course.versionNumber}`,
			formatCpdHours(course.cpdMinutes),
			`completed ${formatUkDate(new Date(course.completedAt))}`,
			// Two columns leave no room for the course certificate's number: the verify page lists it.
			...(columns === 1 ? [course.code] : []),
		].join('  ·  ')
		doc.text(detail, x + 16, y + size * 1.25, { width: columnWidth - 16, height: size, ellipsis: true })
	})
}
