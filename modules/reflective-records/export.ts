import { prisma } from '#modules/db/client.ts'
import { loadPdfKit, registerPdfFonts } from '#modules/pdf/fonts.ts'
import { drawCircleMark, drawRule, PDF_COLOURS, type PdfDoc, collectPdf } from '#modules/pdf/kit.ts'
import { formatIsoDate, londonToday, ukShortDate } from '#modules/portfolio/cpd-dates.ts'
import { renderCsv } from '#modules/spreadsheets/csv.ts'
import { gapSentence } from './hcpc-gaps.ts'
import { getHcpcEvidence, type HcpcEvidence } from './hcpc.ts'
import { getRecord, listRecords, type ReflectiveRecordView } from './records.ts'
import { isSignOff, NMC_CODE_THEMES, RECORD_KIND_INFO, REGULATOR_INFO } from './schemas.ts'
import { type ExportedRecord, RECORDS_EXPORT_VERSION, RecordsExportSchema } from './export-schema.ts'
import { recordSections } from './sections.ts'

export { RECORDS_EXPORT_VERSION } from './export-schema.ts'

/** Answers that the partner's own table shows instead (the names and emails the learner typed). */
const PARTNER_KEYS = new Set(['partnerEmail', 'partnerName', 'signerName', 'signerRole', 'signerEmail'])

async function learnerOf(userId: string) {
	return prisma.user.findUniqueOrThrow({
		where: { id: userId },
		select: { name: true, profession: true, registrationBody: true, registrationNumber: true },
	})
}

/** One record as the JSON exports give it (records.export.json, and the CPD passport's passport.json). */
export function exportableRecord(record: ReflectiveRecordView): ExportedRecord {
	return {
		id: record.id,
		kind: record.kind,
		form: RECORD_KIND_INFO[record.kind].label,
		title: record.title,
		date: record.date,
		fields: record.fields,
		sections: recordSections(record).map(({ key, heading, text }) => ({ key, heading, text })),
		confirmation:
			record.partnerStatus === 'none'
				? null
				: {
						status: record.partnerStatus,
						confirmedAt: record.partner?.confirmedAt?.toISOString() ?? null,
						attestation: record.partner?.attestation ?? null,
					},
	}
}

/**
 * Every one of the learner's records as JSON: each record's form, answers (by field and under the
 * form's questions) and its partner's confirmation, for another system to read.
 */
export async function exportRecordsJson({ userId, now = new Date() }: { userId: string; now?: Date }) {
	const [learner, records] = await Promise.all([learnerOf(userId), listRecords({ userId })])
	// An HCPC profile carries its dated list of activities: the two years up to the day of the export.
	const hcpc = records.some((r) => r.kind === 'HCPC_PROFILE')
		? await getHcpcEvidence({ userId, today: londonToday(now) })
		: null
	// Parsed with the published schema's zod source, so the file always matches what docs/ promises.
	const body = RecordsExportSchema.parse({
		format: 'circle-reflective-records',
		version: RECORDS_EXPORT_VERSION,
		exportedAt: now.toISOString(),
		learner,
		records: records.map(exportableRecord),
		...(hcpc
			? {
					hcpcActivities: {
						periodStart: hcpc.cycle.start,
						periodEnd: hcpc.cycle.end,
						activities: hcpc.activities.map(({ date, title, type, source, minutes, evidence }) => ({
							date,
							title,
							type,
							source,
							minutes,
							evidence,
						})),
						gaps: hcpc.gaps,
						types: hcpc.types,
						enoughTypes: hcpc.enoughTypes,
					},
				}
			: {}),
	})
	return { filename: `reflective-records-${londonToday(now)}.json`, content: JSON.stringify(body, null, 2) }
}

/**
 * Every record as CSV, one row per answered question (form, title, date, confirmation, question,
 * answer), through the one CSV writer (which neutralises spreadsheet formulas).
 */
export async function exportRecordsCsv({ userId, now = new Date() }: { userId: string; now?: Date }) {
	const records = await listRecords({ userId })
	const hcpc = records.some((r) => r.kind === 'HCPC_PROFILE')
		? await getHcpcEvidence({ userId, today: londonToday(now) })
		: null
	const rows: string[][] = [['Form', 'Title', 'Date', 'Confirmed by', 'Question', 'Answer']]
	for (const record of records) {
		const confirmedBy =
			record.partnerStatus === 'confirmed' && record.partner?.attestation
				? [record.partner.attestation.name, record.partner.attestation.pin].filter(Boolean).join(', ')
				: record.partnerStatus === 'invited'
					? 'Waiting for confirmation'
					: ''
		for (const section of recordSections(record)) {
			rows.push([
				RECORD_KIND_INFO[record.kind].label,
				record.title,
				ukShortDate(record.date),
				confirmedBy,
				section.heading,
				section.text,
			])
		}
		const comment = record.partnerStatus === 'confirmed' ? record.partner?.attestation?.comment : undefined
		if (comment) {
			rows.push([
				RECORD_KIND_INFO[record.kind].label,
				record.title,
				ukShortDate(record.date),
				confirmedBy,
				'Comment on signing off',
				comment,
			])
		}
	}
	// The HCPC profile's dated list of activities, one row each, under the profile's own form name.
	if (hcpc) {
		for (const activity of hcpc.activities) {
			rows.push([
				'HCPC dated list of CPD activities',
				activity.title,
				ukShortDate(activity.date),
				'',
				activity.type,
				[activity.source, activity.evidence].filter(Boolean).join(' · '),
			])
		}
	}
	return { filename: `reflective-records-${londonToday(now)}.csv`, content: renderCsv(rows) }
}

// A4 portrait in points, 2 cm margins: the regulators' templates are A4 Word forms.
const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 }
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right

const FORM_TITLE: Record<ReflectiveRecordView['kind'], string> = {
	NMC_REFLECTIVE_ACCOUNT: 'Reflective accounts form',
	NMC_FEEDBACK: 'Practice-related feedback log',
	NMC_DISCUSSION: 'Reflective discussion form',
	SWE_CPD: 'CPD record',
	HCPC_PROFILE: 'CPD profile',
	RJC_SUPERVISION: 'Supervision log',
	RJC_OBSERVED_PRACTICE: 'Observed practice record',
	TEACHER_SIGN_OFF: 'Professional development record',
}

const FORM_NOTE: Record<ReflectiveRecordView['kind'], string> = {
	NMC_REFLECTIVE_ACCOUNT:
		'One of the five written reflective accounts for revalidation: a piece of CPD, feedback or an event in my practice, what I took from it, and where it sits in the Code. Written so that no patient, person I support or colleague can be identified.',
	NMC_FEEDBACK:
		'A note of practice-related feedback and how it was used. Keep it free of anything that identifies anyone.',
	NMC_DISCUSSION:
		'My reflective discussion with another NMC registrant about my five written reflective accounts. My partner entered their own details below, from a single-use link Circle emailed to them.',
	SWE_CPD:
		'A piece of CPD for Social Work England’s annual renewal. At least two a year, one of them with a peer reflection.',
	HCPC_PROFILE:
		'My CPD profile for the HCPC, in the order the HCPC asks for it: a summary of my practice, a statement of how my CPD has met the HCPC’s standards, and a dated list of my CPD activities over the last two years, with any gap of three months or more explained.',
	RJC_SUPERVISION:
		'One entry of my supervision log. The RJC’s Code of Practice asks for case supervision at least every 12 weeks. Cases are described so that no one can be identified.',
	RJC_OBSERVED_PRACTICE:
		'A restorative process of mine that someone observed, with their feedback. The RJC’s Code of Practice asks for at least one observed piece of practice a year.',
	TEACHER_SIGN_OFF:
		'A piece of professional development tagged to the Teachers’ Standards, with the difference it made to pupils. My mentor or line manager signed it off below, from a single-use link Circle emailed to them.',
}

/** The heading over the partner's confirmed details, for each kind of partner. */
const PARTNER_HEADING = {
	'discussion partner': 'Reflective discussion partner’s details',
	peer: 'Peer’s confirmation',
	'mentor or line manager': 'Signed off by',
} as const

/**
 * One record as an A4 PDF laid out like its regulator's template: the form's title and the
 * registrant's details at the top, then each question in a shaded band with the answer beneath (the
 * Code's four themes as tick boxes on a reflective account), and for a discussion or peer reflection
 * the partner's confirmed details in a table. Another learner's record is RECORD_NOT_FOUND.
 */
export async function renderRecordPdf({
	userId,
	recordId,
	today = londonToday(),
}: {
	userId: string
	recordId: string
	/** The day the HCPC profile's two-year list of activities runs up to. */
	today?: string
}) {
	const [learner, record] = await Promise.all([learnerOf(userId), getRecord({ userId, recordId })])
	const info = RECORD_KIND_INFO[record.kind]
	const hcpc = record.kind === 'HCPC_PROFILE' ? await getHcpcEvidence({ userId, today }) : null
	const PDFDocument = await loadPdfKit()
	const doc = new PDFDocument({
		size: 'A4',
		margins: MARGIN,
		bufferPages: true,
		lang: 'en-GB',
		displayTitle: true,
		info: {
			Title: `${FORM_TITLE[record.kind]}: ${record.title}`,
			Author: learner.name,
			Subject: info.label,
			Creator: 'Circle',
			Producer: 'Circle',
		},
	})
	const done = collectPdf(doc)
	registerPdfFonts(doc)

	// Header: the mark, the regulator and the form's own title.
	drawCircleMark(doc, { cx: MARGIN.left + 8, cy: MARGIN.top + 8, radius: 7 })
	doc
		.font('sansBold')
		.fontSize(12)
		.fillColor(PDF_COLOURS.brandDark)
		.text('Circle', MARGIN.left + 21, MARGIN.top, { lineBreak: false })
	doc
		.font('sans')
		.fontSize(9.5)
		.fillColor(PDF_COLOURS.muted)
		.text(REGULATOR_INFO[info.regulator].pdfHeader, MARGIN.left, MARGIN.top + 2, {
			width: WIDTH,
			align: 'right',
		})
	doc
		.font('serifBold')
		.fontSize(20)
		.fillColor(PDF_COLOURS.brand)
		.text(FORM_TITLE[record.kind], MARGIN.left, MARGIN.top + 32, { width: WIDTH })
	doc.moveDown(0.4)
	doc.font('sans').fontSize(9.5).fillColor(PDF_COLOURS.muted).text(FORM_NOTE[record.kind], { width: WIDTH })
	doc.moveDown(0.8)

	// The registrant's details, as the templates ask at the top.
	drawDetailsTable(
		doc,
		hcpc
			? [
					['Name', learner.name],
					['Profession', learner.profession ?? ''],
					[REGULATOR_INFO[info.regulator].numberLabel, learner.registrationNumber ?? ''],
					['Profile', record.title],
					['Date of the profile', formatIsoDate(record.date)],
					['CPD period', `${formatIsoDate(hcpc.cycle.start)} to ${formatIsoDate(hcpc.cycle.end)}`],
				]
			: [
					['Name', learner.name],
					[REGULATOR_INFO[info.regulator].numberLabel, learner.registrationNumber ?? ''],
					['Title', record.title],
					['Date', formatIsoDate(record.date)],
				],
	)
	doc.moveDown(1)

	for (const section of recordSections(record)) {
		if (section.key === 'codeThemes') {
			drawQuestion(doc, 'Themes of the Code it relates to')
			const chosen = new Set(section.text.split('; '))
			for (const theme of NMC_CODE_THEMES) drawTickBox(doc, theme, chosen.has(theme))
			doc.moveDown(0.8)
			continue
		}
		if (PARTNER_KEYS.has(section.key)) continue
		// The HCPC profile's gaps are explained beside its dated list of activities, drawn below.
		if (hcpc && section.key === 'gapExplanation') continue
		drawQuestion(doc, section.heading)
		doc
			.font('serif')
			.fontSize(10.5)
			.fillColor(PDF_COLOURS.ink)
			.text(section.text, MARGIN.left + 6, doc.y, { width: WIDTH - 12, lineGap: 2 })
		doc.moveDown(1)
	}

	if (hcpc) drawHcpcActivities(doc, hcpc, record.fields.gapExplanation)

	if (info.partner) {
		drawQuestion(doc, PARTNER_HEADING[info.partner])
		const attestation = record.partnerStatus === 'confirmed' ? record.partner?.attestation : null
		if (attestation) {
			drawDetailsTable(doc, [
				['Name', attestation.name],
				...(attestation.pin ? ([['NMC PIN', attestation.pin]] as Array<[string, string]>) : []),
				...(attestation.role ? ([['Role', attestation.role]] as Array<[string, string]>) : []),
				['Email address', attestation.email],
				[isSignOff(record.kind) ? 'Date signed off' : 'Date of discussion', formatIsoDate(attestation.date)],
				...(attestation.comment ? ([['Comment', attestation.comment]] as Array<[string, string]>) : []),
				[
					'Confirmed',
					record.partner?.confirmedAt
						? `${formatIsoDate(record.partner.confirmedAt.toISOString().slice(0, 10))}, from a single-use link sent by Circle`
						: '',
				],
			])
		} else {
			doc
				.font('sans')
				.fontSize(10)
				.fillColor(PDF_COLOURS.muted)
				.text(
					record.partnerStatus === 'invited'
						? `Waiting for confirmation (asked ${record.partner?.invitedEmail ?? ''}).`
						: 'Not confirmed.',
					MARGIN.left + 6,
					doc.y,
					{ width: WIDTH - 12 },
				)
		}
	}

	// Footer on every page: who, which form, page n of m.
	const range = doc.bufferedPageRange()
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i)
		const bottom = doc.page.margins.bottom
		doc.page.margins.bottom = 0
		drawRule(doc, {
			x1: MARGIN.left,
			x2: PAGE.width - MARGIN.right,
			y: PAGE.height - 46,
			width: 0.5,
			colour: PDF_COLOURS.rule,
		})
		doc
			.font('sans')
			.fontSize(8)
			.fillColor(PDF_COLOURS.muted)
			.text(`${learner.name} · ${info.label}`, MARGIN.left, PAGE.height - 40, { width: WIDTH / 2, lineBreak: false })
			.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN.left + WIDTH / 2, PAGE.height - 40, {
				width: WIDTH / 2,
				align: 'right',
				lineBreak: false,
			})
		doc.page.margins.bottom = bottom
	}
	doc.end()
	const slug =
		record.title
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 50) || 'record'
	return { filename: `${info.slug}-${record.date}-${slug}.pdf`, content: await done }
}

function drawQuestion(doc: PdfDoc, text: string) {
	doc.font('sansSemiBold').fontSize(10)
	const height = doc.heightOfString(text, { width: WIDTH - 16 }) + 10
	if (doc.y + height + 40 > PAGE.height - MARGIN.bottom) doc.addPage()
	const y = doc.y
	doc.save().rect(MARGIN.left, y, WIDTH, height).fill(PDF_COLOURS.brandTint).restore()
	doc.save().rect(MARGIN.left, y, 3, height).fill(PDF_COLOURS.brand).restore()
	doc.fillColor(PDF_COLOURS.brandDark).text(text, MARGIN.left + 10, y + 5, { width: WIDTH - 16 })
	doc.y = y + height + 6
}

function drawTickBox(doc: PdfDoc, label: string, ticked: boolean) {
	const y = doc.y
	doc
		.save()
		.lineWidth(0.8)
		.strokeColor(PDF_COLOURS.ink)
		.rect(MARGIN.left + 8, y + 1, 9, 9)
		.stroke()
		.restore()
	if (ticked) {
		doc
			.save()
			.lineWidth(1.4)
			.strokeColor(PDF_COLOURS.brand)
			.moveTo(MARGIN.left + 9.5, y + 5.5)
			.lineTo(MARGIN.left + 12, y + 8.5)
			.lineTo(MARGIN.left + 16, y + 2.5)
			.stroke()
			.restore()
	}
	doc
		.font(ticked ? 'sansSemiBold' : 'sans')
		.fontSize(10)
		.fillColor(PDF_COLOURS.ink)
		.text(label, MARGIN.left + 24, y, { width: WIDTH - 30 })
	doc.moveDown(0.3)
}

function drawDetailsTable(doc: PdfDoc, rows: Array<[string, string]>) {
	const labelWidth = 130
	for (const [label, value] of rows) {
		doc.font('sans').fontSize(10)
		const valueHeight = doc.heightOfString(value || ' ', { width: WIDTH - labelWidth - 12 })
		// A long label ("Teacher reference number") wraps too: the row is as tall as the taller of the two.
		doc.font('sansSemiBold').fontSize(9.5)
		const labelHeight = doc.heightOfString(label, { width: labelWidth - 12 })
		const height = Math.max(valueHeight, labelHeight, 12) + 8
		const y = doc.y
		doc.save().lineWidth(0.5).strokeColor(PDF_COLOURS.rule).rect(MARGIN.left, y, WIDTH, height).stroke().restore()
		doc.save().rect(MARGIN.left, y, labelWidth, height).fill('#f5f5f4').restore()
		doc
			.font('sansSemiBold')
			.fontSize(9.5)
			.fillColor(PDF_COLOURS.muted)
			.text(label, MARGIN.left + 6, y + 4, { width: labelWidth - 12 })
		doc
			.font('sans')
			.fontSize(10)
			.fillColor(PDF_COLOURS.ink)
			.text(value, MARGIN.left + labelWidth + 6, y + 4, { width: WIDTH - labelWidth - 12 })
		doc.y = y + height
	}
	doc.x = MARGIN.left
}

/**
 * The HCPC profile's dated list of CPD activities as a table (date, activity, kind, evidence),
 * then the kinds of activity it shows, then each gap of three months or more with the learner's explanation.
 */
function drawHcpcActivities(doc: PdfDoc, hcpc: HcpcEvidence, gapExplanation: string | string[] | undefined) {
	drawQuestion(doc, 'Dated list of my CPD activities')
	const columns = [
		{ label: 'Date', width: 70 },
		{ label: 'Activity', width: 195 },
		{ label: 'Kind of activity', width: 100 },
		{ label: 'Recorded as, evidence', width: WIDTH - 70 - 195 - 100 },
	]
	const drawRow = (cells: string[], header = false) => {
		doc.font(header ? 'sansSemiBold' : 'sans').fontSize(9)
		const height =
			Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: columns[i]!.width - 8 }))) + 8
		if (doc.y + height > PAGE.height - MARGIN.bottom) {
			doc.addPage()
			if (!header)
				drawRow(
					columns.map((c) => c.label),
					true,
				)
		}
		const y = doc.y
		if (header) doc.save().rect(MARGIN.left, y, WIDTH, height).fill('#f5f5f4').restore()
		let x = MARGIN.left
		cells.forEach((cell, i) => {
			doc
				.fillColor(header ? PDF_COLOURS.muted : PDF_COLOURS.ink)
				.text(cell, x + 4, y + 4, { width: columns[i]!.width - 8 })
			x += columns[i]!.width
		})
		drawRule(doc, { x1: MARGIN.left, x2: MARGIN.left + WIDTH, y: y + height, width: 0.5, colour: PDF_COLOURS.rule })
		doc.y = y + height
	}
	if (hcpc.activities.length === 0) {
		doc
			.font('sans')
			.fontSize(10)
			.fillColor(PDF_COLOURS.muted)
			.text('No activities recorded in this period.', MARGIN.left + 6, doc.y, { width: WIDTH - 12 })
	} else {
		drawRow(
			columns.map((c) => c.label),
			true,
		)
		for (const a of hcpc.activities) {
			drawRow([ukShortDate(a.date), a.title, a.type, [a.source, a.evidence].filter(Boolean).join('. ')])
		}
	}
	doc.x = MARGIN.left
	doc.moveDown(0.6)
	doc
		.font('sans')
		.fontSize(10)
		.fillColor(PDF_COLOURS.ink)
		.text(
			`${hcpc.activities.length} ${hcpc.activities.length === 1 ? 'activity' : 'activities'} of ${hcpc.types.length} ${hcpc.types.length === 1 ? 'kind' : 'kinds'}${hcpc.types.length ? ` (${hcpc.types.join(', ').toLowerCase()})` : ''}.`,
			MARGIN.left + 6,
			doc.y,
			{ width: WIDTH - 12 },
		)
	doc.moveDown(1)

	drawQuestion(doc, 'Gaps of three months or more in my CPD record')
	doc.font('sans').fontSize(10).fillColor(PDF_COLOURS.ink)
	if (hcpc.gaps.length === 0) {
		doc.text('There is no gap of three months or more.', MARGIN.left + 6, doc.y, { width: WIDTH - 12 })
	} else {
		for (const gap of hcpc.gaps) doc.text(`• ${gapSentence(gap)}`, MARGIN.left + 6, doc.y, { width: WIDTH - 12 })
		doc.moveDown(0.5)
		const text = typeof gapExplanation === 'string' ? gapExplanation : ''
		doc
			.font('serif')
			.fontSize(10.5)
			.fillColor(text ? PDF_COLOURS.ink : PDF_COLOURS.muted)
			.text(text || 'Not explained yet.', MARGIN.left + 6, doc.y, { width: WIDTH - 12, lineGap: 2 })
	}
	doc.moveDown(1)
}
