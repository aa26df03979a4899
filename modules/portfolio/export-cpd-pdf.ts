import { loadPdfKit, registerPdfFonts } from '#modules/pdf/fonts.ts'
import { drawCircleMark, drawRule, PDF_COLOURS, type PdfDoc, collectPdf } from '#modules/pdf/kit.ts'
import { dateColumn, formatHours, formatIsoDate, hoursDecimal, ukShortDate } from './cpd-dates.ts'
import {
	describeEntry,
	EXPORT_FORMAT_LABELS,
	type ExportData,
	type ExportFormat,
	type ExportPeriod,
	loadExportData,
	reflectionParts,
	reflectionText,
} from './export-data.ts'
import type { PortfolioEntry } from './get-cpd-portfolio.ts'

// A4 portrait, in points, with 2 cm margins.
const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 }
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

const REGISTRATION_LABEL: Record<string, string> = {
	NMC: 'NMC PIN',
	HCPC: 'HCPC registration number',
	SWE: 'Social Work England registration number',
	TEACHER: 'Teacher reference number',
	OTHER: 'Registration number',
}

const PROFESSION_BODY_NAME: Record<string, string> = {
	NMC: 'Nursing and Midwifery Council',
	HCPC: 'Health and Care Professions Council',
	SWE: 'Social Work England',
	TEACHER: 'Teaching',
	OTHER: 'Other',
}

type TableColumn = { header: string; width: number; value: (entry: PortfolioEntry) => string; align?: 'right' }

/**
 * Renders an export as an A4 portrait PDF laid out for the format's regulator:
 * - nmc: the CPD log (date, method, topic, link to the Code, hours, participatory hours) with totals
 *   against the 35/20 hour requirement, then a reflective account under the NMC's four questions for
 *   every entry the learner reflected on;
 * - hcpc: a dated list of activities, space for the profile's summary of practice and statement,
 *   then each activity with what was learned and how it benefited service users;
 * - swe: each CPD record with its reflection and impact on practice;
 * - teacher: a professional development record with reflections and impact.
 * Fonts are embedded (Noto), every page is numbered, and nothing is encrypted.
 */
export async function renderCpdPdf(data: ExportData): Promise<Buffer> {
	const label = EXPORT_FORMAT_LABELS[data.format]
	const PDFDocument = await loadPdfKit()
	const doc = new PDFDocument({
		size: 'A4',
		margins: MARGIN,
		bufferPages: true,
		lang: 'en-GB',
		displayTitle: true,
		info: {
			Title: `${label.title}: ${data.learner.name}`,
			Author: data.learner.name,
			Subject: `CPD record, ${data.periodLabel}`,
			Creator: 'Circle',
			Producer: 'Circle',
			CreationDate: dateColumn(data.today),
		},
	})
	const done = collectPdf(doc)
	registerPdfFonts(doc)

	drawTitle(doc, data, label.title)
	drawSummary(doc, data)
	switch (data.format) {
		case 'nmc':
			drawTable(doc, data, [
				{ header: 'Date', width: 58, value: (e) => ukShortDate(e.date) },
				{ header: 'Method', width: 72, value: (e) => e.method },
				{ header: 'Topic', width: 126, value: (e) => e.title },
				{ header: 'Link to the Code', width: 103, value: (e) => e.standards.join('; ') },
				{ header: 'Hours', width: 40, value: (e) => hoursDecimal(e.minutes), align: 'right' },
				{
					header: 'Participatory hours',
					width: 84,
					value: (e) => hoursDecimal(e.participatoryMinutes),
					align: 'right',
				},
			])
			drawReflectiveAccounts(doc, data)
			break
		case 'hcpc':
			drawTable(doc, data, [
				{ header: 'Date', width: 62, value: (e) => ukShortDate(e.date) },
				{ header: 'Activity type', width: 100, value: (e) => e.method },
				{ header: 'Activity', width: 275, value: (e) => e.title },
				{ header: 'Hours', width: 46, value: (e) => hoursDecimal(e.minutes), align: 'right' },
			])
			drawWritingSpace(
				doc,
				'Summary of practice',
				'Up to 500 words describing your role and the people you work with.',
				150,
			)
			drawWritingSpace(
				doc,
				'Personal statement',
				'Up to 1,500 words on how your CPD has met the HCPC’s standards: improving the quality of your practice and benefiting service users.',
				260,
			)
			drawEntryDetails(doc, data, 'Evidence of CPD activities', (e) => [
				['What I did', describeEntry(e)],
				['What I learned', e],
				['How it improved my practice and benefited service users', e.impactOnPractice ?? ''],
				['HCPC CPD standards', e.standards.join('; ')],
				['Evidence', evidenceText(e)],
			])
			break
		case 'swe':
			drawEntryDetails(doc, data, 'CPD records', (e) => [
				['What I did', describeEntry(e)],
				['Reflection: what I learned', e],
				['Impact on my practice', e.impactOnPractice ?? ''],
				['Professional standards', e.standards.join('; ')],
				['Evidence', evidenceText(e)],
			])
			break
		case 'teacher':
			drawTable(doc, data, [
				{ header: 'Date', width: 62, value: (e) => ukShortDate(e.date) },
				{ header: 'Activity', width: 200, value: (e) => e.title },
				{ header: 'Type', width: 90, value: (e) => e.method },
				{ header: 'Teachers’ Standards', width: 85, value: (e) => e.standards.join('; ') },
				{ header: 'Hours', width: 46, value: (e) => hoursDecimal(e.minutes), align: 'right' },
			])
			drawEntryDetails(doc, data, 'Reflections and impact', (e) => [
				['What I did', describeEntry(e)],
				['Reflection', e],
				['Impact on my practice and on pupils', e.impactOnPractice ?? ''],
				['Evidence', evidenceText(e)],
			])
			break
	}
	drawPageFooters(doc, data, label.short)
	doc.end()
	return done
}

/**
 * A learner's CPD portfolio as a PDF laid out for their regulator (see renderCpdPdf), with all
 * entries or only those in the format's current cycle.
 */
export async function exportCpdPdf({
	userId,
	format,
	period = 'all',
	today,
}: {
	userId: string
	/** Null for the learner's own regulator's layout. */
	format?: ExportFormat | null
	period?: ExportPeriod
	today?: string
}) {
	const data = await loadExportData({ userId, format, period, today })
	return { filename: `circle-cpd-${data.format}-${data.today}.pdf`, content: await renderCpdPdf(data) }
}

function evidenceText(entry: PortfolioEntry) {
	return entry.evidence ?? (entry.certificate ? `Circle certificate ${entry.certificate.code}` : '')
}

function drawTitle(doc: PdfDoc, data: ExportData, title: string) {
	const top = MARGIN.top
	drawCircleMark(doc, { cx: MARGIN.left + 8, cy: top + 8, radius: 7 })
	doc
		.font('sansBold')
		.fontSize(12)
		.fillColor(PDF_COLOURS.brandDark)
		.text('Circle', MARGIN.left + 21, top, { lineBreak: false })
	doc.font('serifBold').fontSize(20).fillColor(PDF_COLOURS.brand)
	doc.text(title, MARGIN.left, top + 30, { width: CONTENT_WIDTH })
	doc.moveDown(0.4)

	const body = data.learner.registrationBody
	const facts: Array<[string, string]> = [['Name', data.learner.name]]
	if (data.learner.profession) facts.push(['Profession', data.learner.profession])
	if (body && body !== 'OTHER') facts.push(['Registered with', PROFESSION_BODY_NAME[body] ?? body])
	if (data.learner.registrationNumber)
		facts.push([REGISTRATION_LABEL[body ?? 'OTHER'] ?? 'Registration number', data.learner.registrationNumber])
	facts.push(['Period', data.periodLabel])
	facts.push(['Prepared', `${formatIsoDate(data.today)}, from the learner’s Circle CPD portfolio`])
	for (const [name, value] of facts) {
		const y = doc.y
		doc.font('sansSemiBold').fontSize(9.5).fillColor(PDF_COLOURS.muted).text(name, MARGIN.left, y, { width: 110 })
		doc
			.font('sans')
			.fontSize(9.5)
			.fillColor(PDF_COLOURS.ink)
			.text(value, MARGIN.left + 110, y, { width: CONTENT_WIDTH - 110 })
		doc.moveDown(0.15)
	}
	doc.moveDown(0.6)
}

function drawSummary(doc: PdfDoc, data: ExportData) {
	const lines: string[] = [
		`${formatHours(data.totals.minutes)} of CPD in ${data.totals.records} ${data.totals.records === 1 ? 'activity' : 'activities'}`,
	]
	if (data.format === 'nmc') {
		lines[0] = `${formatHours(data.totals.minutes)} of CPD in total (the NMC asks for 35 over three years)`
		lines.push(`${formatHours(data.totals.participatoryMinutes)} of participatory learning (the NMC asks for 20)`)
	}
	if (data.format === 'swe') {
		lines.push(
			`${data.totals.records} ${data.totals.records === 1 ? 'record' : 'records'} (Social Work England asks for at least 2 each registration year)`,
		)
	}
	const height = 20 + lines.length * 15
	ensureSpace(doc, height + 10)
	const y = doc.y
	doc.save().rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(PDF_COLOURS.brandTint).restore()
	doc.save().rect(MARGIN.left, y, 3, height).fill(PDF_COLOURS.brand).restore()
	let lineY = y + 10
	for (const [i, line] of lines.entries()) {
		doc
			.font(i === 0 ? 'sansSemiBold' : 'sans')
			.fontSize(10)
			.fillColor(PDF_COLOURS.ink)
		doc.text(line, MARGIN.left + 14, lineY, { width: CONTENT_WIDTH - 24, lineBreak: false })
		lineY += 15
	}
	doc.x = MARGIN.left
	doc.y = y + height + 16
}

function heading(doc: PdfDoc, text: string, size = 14) {
	ensureSpace(doc, size * 4)
	doc
		.font('serifBold')
		.fontSize(size)
		.fillColor(PDF_COLOURS.brand)
		.text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH })
	doc.moveDown(0.3)
}

function ensureSpace(doc: PdfDoc, height: number) {
	if (doc.y + height > PAGE.height - MARGIN.bottom) doc.addPage()
}

function drawTable(doc: PdfDoc, data: ExportData, columns: TableColumn[]) {
	heading(doc, data.format === 'nmc' ? 'CPD log' : 'Record of activities')
	const padding = 4
	const size = 8.5
	const rowHeight = (cells: string[], font: string) => {
		doc.font(font).fontSize(size)
		return (
			Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: columns[i]!.width - padding * 2 }))) +
			padding * 2
		)
	}
	const drawRow = (cells: string[], { font, fill }: { font: string; fill?: string }) => {
		const height = rowHeight(cells, font)
		const y = doc.y
		if (fill) doc.save().rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(fill).restore()
		let x = MARGIN.left
		doc.font(font).fontSize(size).fillColor(PDF_COLOURS.ink)
		for (const [i, text] of cells.entries()) {
			const column = columns[i]!
			doc.text(text, x + padding, y + padding, { width: column.width - padding * 2, align: column.align ?? 'left' })
			x += column.width
		}
		drawRule(doc, {
			x1: MARGIN.left,
			x2: MARGIN.left + CONTENT_WIDTH,
			y: y + height,
			width: 0.5,
			colour: PDF_COLOURS.rule,
		})
		doc.x = MARGIN.left
		doc.y = y + height
	}
	const header = columns.map((c) => c.header)
	const drawHeader = () => drawRow(header, { font: 'sansSemiBold', fill: PDF_COLOURS.brandTint })

	ensureSpace(doc, rowHeight(header, 'sansSemiBold') * 2)
	drawHeader()
	if (data.entries.length === 0) {
		drawRow(['No entries in this period yet.', ...columns.slice(1).map(() => '')], { font: 'sans' })
	}
	for (const entry of data.entries) {
		const cells = columns.map((c) => c.value(entry))
		// A row never splits across pages; the header is repeated on every new page.
		if (doc.y + rowHeight(cells, 'sans') > PAGE.height - MARGIN.bottom) {
			doc.addPage()
			drawHeader()
		}
		drawRow(cells, { font: 'sans' })
	}
	const totals = columns.map((c, i) => {
		if (i === 0) return 'Total'
		if (c.header === 'Hours') return hoursDecimal(data.totals.minutes)
		if (c.header === 'Participatory hours') return hoursDecimal(data.totals.participatoryMinutes)
		return ''
	})
	if (doc.y + rowHeight(totals, 'sansBold') > PAGE.height - MARGIN.bottom) doc.addPage()
	drawRow(totals, { font: 'sansBold', fill: PDF_COLOURS.brandTint })
	doc.moveDown(1.2)
}

function paragraph(
	doc: PdfDoc,
	text: string,
	{ size = 9.5, color: colour = PDF_COLOURS.ink }: { size?: number; color?: string } = {},
) {
	doc
		.font('sans')
		.fontSize(size)
		.fillColor(colour)
		.text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 })
}

function drawWritingSpace(doc: PdfDoc, title: string, hint: string, height: number) {
	ensureSpace(doc, height + 50)
	heading(doc, title, 12)
	paragraph(doc, hint, { size: 8.5, color: PDF_COLOURS.muted })
	doc.moveDown(0.4)
	const y = doc.y
	doc.save().lineWidth(0.5).strokeColor(PDF_COLOURS.rule).rect(MARGIN.left, y, CONTENT_WIDTH, height).stroke()
	for (let lineY = y + 22; lineY < y + height - 4; lineY += 22) {
		doc
			.moveTo(MARGIN.left + 10, lineY)
			.lineTo(MARGIN.left + CONTENT_WIDTH - 10, lineY)
			.stroke()
	}
	doc.restore()
	doc.x = MARGIN.left
	doc.y = y + height + 18
}

function entryHeading(doc: PdfDoc, title: string, meta: string) {
	ensureSpace(doc, 90)
	drawRule(doc, { x1: MARGIN.left, x2: MARGIN.left + 40, y: doc.y, width: 1, colour: PDF_COLOURS.accent })
	doc.moveDown(0.4)
	doc
		.font('sansSemiBold')
		.fontSize(11)
		.fillColor(PDF_COLOURS.ink)
		.text(title, MARGIN.left, doc.y, { width: CONTENT_WIDTH })
	doc.font('sans').fontSize(8.5).fillColor(PDF_COLOURS.muted).text(meta, MARGIN.left, doc.y, { width: CONTENT_WIDTH })
	doc.moveDown(0.5)
}

function question(doc: PdfDoc, title: string, answer: string) {
	ensureSpace(doc, 40)
	doc
		.font('sansSemiBold')
		.fontSize(9.5)
		.fillColor(PDF_COLOURS.brandDark)
		.text(title, MARGIN.left, doc.y, { width: CONTENT_WIDTH })
	doc.moveDown(0.15)
	const text = answer.trim()
	paragraph(doc, text || 'Not recorded yet.', { color: text ? PDF_COLOURS.ink : PDF_COLOURS.muted })
	doc.moveDown(0.6)
}

function entryMeta(entry: PortfolioEntry) {
	const parts = [formatIsoDate(entry.date), entry.method, formatHours(entry.minutes)]
	if (entry.participatoryMinutes > 0) parts.push(`${formatHours(entry.participatoryMinutes)} participatory`)
	return parts.join(' · ')
}

function drawReflectiveAccounts(doc: PdfDoc, data: ExportData) {
	const reflected = data.entries.filter((e) => reflectionText(e).trim() || e.impactOnPractice)
	doc.addPage()
	heading(doc, 'Reflective accounts', 16)
	paragraph(
		doc,
		`The NMC asks for five written reflective accounts, each on a piece of CPD, feedback or an event in your practice, and a reflective discussion about them with another NMC registrant. ${reflected.length} ${reflected.length === 1 ? 'entry has' : 'entries have'} reflections recorded here. Make sure no one can be identified from what you have written.`,
		{ size: 9, color: PDF_COLOURS.muted },
	)
	doc.moveDown(1)
	if (reflected.length === 0) paragraph(doc, 'No reflections recorded in this period yet.')
	for (const [i, entry] of reflected.entries()) {
		entryHeading(doc, `Reflective account ${i + 1}: ${entry.title}`, entryMeta(entry))
		question(doc, 'What was the nature of the CPD activity?', describeEntry(entry) || entry.method)
		reflectionQuestion(doc, 'What did you learn?', entry)
		question(doc, 'How did you change or improve your practice as a result?', entry.impactOnPractice ?? '')
		question(
			doc,
			'How is this relevant to the Code?',
			entry.standards.length ? `Themes: ${entry.standards.join('; ')}` : '',
		)
		doc.moveDown(0.6)
	}
}

/** A question answered with the learner's reflections, each course prompt set in italics above its answer. */
function reflectionQuestion(doc: PdfDoc, title: string, entry: PortfolioEntry) {
	const parts = reflectionParts(entry)
	if (parts.length === 0) return question(doc, title, '')
	ensureSpace(doc, 40)
	doc
		.font('sansSemiBold')
		.fontSize(9.5)
		.fillColor(PDF_COLOURS.brandDark)
		.text(title, MARGIN.left, doc.y, { width: CONTENT_WIDTH })
	doc.moveDown(0.15)
	for (const [i, part] of parts.entries()) {
		if (i > 0) doc.moveDown(0.4)
		if (part.prompt) {
			doc.font('sansItalic').fontSize(9).fillColor(PDF_COLOURS.muted)
			doc.text(part.prompt, MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 })
		}
		paragraph(doc, part.text)
	}
	doc.moveDown(0.6)
}

function drawEntryDetails(
	doc: PdfDoc,
	data: ExportData,
	title: string,
	sections: (entry: PortfolioEntry) => Array<[string, string | PortfolioEntry]>,
) {
	ensureSpace(doc, 120)
	heading(doc, title)
	if (data.entries.length === 0) paragraph(doc, 'No entries in this period yet.')
	for (const entry of data.entries) {
		entryHeading(doc, entry.title, entryMeta(entry))
		for (const [name, answer] of sections(entry)) {
			if (typeof answer === 'string') question(doc, name, answer)
			else reflectionQuestion(doc, name, answer)
		}
		doc.moveDown(0.4)
	}
}

function drawPageFooters(doc: PdfDoc, data: ExportData, short: string) {
	const range = doc.bufferedPageRange()
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i)
		// Writing below the bottom margin would start a new page: lift the margin while we do.
		const bottom = doc.page.margins.bottom
		doc.page.margins.bottom = 0
		const y = PAGE.height - 40
		drawRule(doc, { x1: MARGIN.left, x2: PAGE.width - MARGIN.right, y: y - 8, width: 0.5, colour: PDF_COLOURS.rule })
		doc.font('sans').fontSize(8).fillColor(PDF_COLOURS.muted)
		doc.text(`${data.learner.name} · ${short} · Circle`, MARGIN.left, y, { width: CONTENT_WIDTH / 2, lineBreak: false })
		doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN.left + CONTENT_WIDTH / 2, y, {
			width: CONTENT_WIDTH / 2,
			align: 'right',
			lineBreak: false,
		})
		doc.page.margins.bottom = bottom
	}
}
