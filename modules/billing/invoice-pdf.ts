import { z } from 'zod'
import { loadPdfKit, registerPdfFonts } from '#modules/pdf/fonts.ts'
import { collectPdf, drawCircleMark, drawRule, PDF_COLOURS, type PdfDoc, textRight } from '#modules/pdf/kit.ts'
import {
	type InvoiceDocument,
	type InvoiceLine,
	LineSchema,
	type Party,
	PartySchema,
	type Supplier,
	SupplierSchema,
} from './invoice-documents.ts'

// A4 portrait, in points, with 2 cm margins.
const PAGE = { width: 595.28, height: 841.89 }
const M = 50
const RIGHT = PAGE.width - M
const WIDTH = RIGHT - M

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })
const money = (pence: number) => gbp.format(pence / 100)
const ukDate = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London',
})
const date = (value: Date) => ukDate.format(value)

/**
 * Renders a VAT invoice or a credit note as an A4 PDF, from the copy stored when it was issued:
 * supplier (name, address, VAT and company numbers), the buyer's organisation and billing address
 * and VAT number, invoice number, invoice and tax-point dates, purchase order number, lines with
 * net, VAT rate and VAT, totals, payment terms, and the bank details to pay into (or that it is
 * paid). A credit note names the invoice it credits and why. Fonts are embedded (Noto).
 */
export async function renderInvoicePdf(document: InvoiceDocument): Promise<{ filename: string; content: Buffer }> {
	const invoice = document.invoice
	const supplier = SupplierSchema.parse(invoice.supplier)
	const buyer = PartySchema.parse(invoice.buyer)
	const credit = document.kind === 'credit-note' ? document.note : null
	const number = credit ? credit.number : invoice.number
	const lines = z.array(LineSchema).parse(credit ? credit.lines : invoice.lines)
	const title = credit ? 'Credit note' : supplier.vatNumber ? 'VAT invoice' : 'Invoice'

	const PDFDocument = await loadPdfKit()
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: M, bottom: M, left: M, right: M },
		lang: 'en-GB',
		displayTitle: true,
		info: {
			Title: `${title} ${number}`,
			Author: supplier.name,
			Subject: `${title} ${number} for ${buyer.name}`,
			Creator: 'Circle',
			Producer: 'Circle',
			CreationDate: credit ? credit.issuedAt : invoice.issuedAt,
		},
	})
	const done = collectPdf(doc)
	registerPdfFonts(doc)

	// Header: the mark and the supplier's name; the document's kind and number on the right.
	drawCircleMark(doc, { cx: M + 14, cy: M + 14, radius: 11 })
	doc
		.font('sansBold')
		.fontSize(16)
		.fillColor(PDF_COLOURS.brandDark)
		.text(supplier.name, M + 36, M + 4, { width: 260 })
	doc.font('sansBold').fontSize(22).fillColor(PDF_COLOURS.ink)
	textRight(doc, title, { right: RIGHT, y: M })
	doc.font('sans').fontSize(12).fillColor(PDF_COLOURS.muted)
	textRight(doc, number, { right: RIGHT, y: M + 30 })
	if (supplier.demo) {
		doc.font('sansBold').fontSize(9).fillColor(PDF_COLOURS.revoked)
		textRight(doc, 'DEMO: not a real invoice, no payment is due', { right: RIGHT, y: M + 48 })
	}
	drawRule(doc, { x1: M, x2: RIGHT, y: M + 66, width: 1, colour: PDF_COLOURS.brandLine })

	// From and Bill to, side by side.
	let y = M + 80
	const columnWidth = WIDTH / 2 - 10
	const fromBottom = party(doc, 'From', supplierParty(supplier), { x: M, y, width: columnWidth })
	const toBottom = party(doc, credit ? 'Credit to' : 'Bill to', buyer, { x: M + WIDTH / 2 + 10, y, width: columnWidth })
	y = Math.max(fromBottom, toBottom) + 16

	// The document's facts as label/value pairs in two columns.
	const facts: Array<[string, string]> = credit
		? [
				['Credit note number', credit.number],
				['Date of issue', date(credit.issuedAt)],
				['Credits invoice', invoice.number],
				['Invoice date', date(invoice.issuedAt)],
				['Purchase order', invoice.purchaseOrderNumber ?? 'None given'],
				['Reason', credit.reason],
			]
		: [
				['Invoice number', invoice.number],
				['Invoice date', date(invoice.issuedAt)],
				['Tax point', date(invoice.taxPointAt)],
				['Purchase order', invoice.purchaseOrderNumber ?? 'None given'],
				[
					'Payment terms',
					invoice.paymentTermsDays > 0 ? `${invoice.paymentTermsDays} days from the invoice date` : 'Paid at order',
				],
				['Due date', invoice.paymentTermsDays > 0 ? date(invoice.dueAt) : date(invoice.issuedAt)],
			]
	doc
		.save()
		.roundedRect(M, y, WIDTH, 20 + Math.ceil(facts.length / 2) * 30, 6)
		.fill(PDF_COLOURS.brandTint)
		.restore()
	facts.forEach(([label, value], i) => {
		const x = M + 12 + (i % 2) * (WIDTH / 2)
		const rowY = y + 10 + Math.floor(i / 2) * 30
		doc
			.font('sans')
			.fontSize(8)
			.fillColor(PDF_COLOURS.muted)
			.text(label.toUpperCase(), x, rowY, { characterSpacing: 0.4 })
		doc
			.font('sansSemiBold')
			.fontSize(10.5)
			.fillColor(PDF_COLOURS.ink)
			.text(value, x, rowY + 11, { width: WIDTH / 2 - 24, height: 14, ellipsis: true })
	})
	y += 20 + Math.ceil(facts.length / 2) * 30 + 18

	y = drawLines(doc, lines, y)
	y = drawTotals(
		doc,
		{
			credit: credit !== null,
			net: sum(lines, 'netPence'),
			vat: sum(lines, 'vatPence'),
			total: sum(lines, 'grossPence'),
			lines,
		},
		y,
	)

	// How to pay, or that nothing is owed.
	y += 18
	if (credit) {
		note(
			doc,
			y,
			`This credit note reduces invoice ${invoice.number} by ${money(sum(lines, 'grossPence'))}. Money already paid is returned to the account it came from.`,
		)
	} else if (invoice.paidAt) {
		note(doc, y, `Paid on ${date(invoice.paidAt)}. Thank you: nothing more is due.`)
	} else {
		const bank = supplier.bank
		doc.save().roundedRect(M, y, WIDTH, 92, 6).lineWidth(1).strokeColor(PDF_COLOURS.brandLine).stroke().restore()
		doc
			.font('sansBold')
			.fontSize(11)
			.fillColor(PDF_COLOURS.ink)
			.text(`Please pay ${money(invoice.totalPence)} by ${date(invoice.dueAt)}`, M + 12, y + 10)
		const rows: Array<[string, string]> = [
			['Account name', bank.accountName],
			['Sort code', bank.sortCode],
			['Account number', bank.accountNumber],
			['Payment reference', invoice.number],
		]
		rows.forEach(([label, value], i) => {
			doc
				.font('sans')
				.fontSize(10)
				.fillColor(PDF_COLOURS.muted)
				.text(label, M + 12, y + 30 + i * 14.5, { lineBreak: false })
			doc
				.font('sansSemiBold')
				.fontSize(10)
				.fillColor(PDF_COLOURS.ink)
				.text(value, M + 140, y + 30 + i * 14.5, { lineBreak: false })
		})
	}

	// Footer: who to ask, and the registered details.
	const footer = [
		supplier.email ? `Questions about this ${credit ? 'credit note' : 'invoice'}: ${supplier.email}` : null,
		[
			supplier.companyNumber ? `Registered in England and Wales, company ${supplier.companyNumber}` : null,
			supplier.vatNumber ? `VAT registration ${supplier.vatNumber}` : 'Not registered for VAT: no VAT is charged',
		]
			.filter(Boolean)
			.join(' · '),
		'Amounts are in pounds sterling (GBP).',
	].filter((line): line is string => Boolean(line))
	drawRule(doc, { x1: M, x2: RIGHT, y: PAGE.height - M - 44, width: 0.5, colour: PDF_COLOURS.rule })
	doc.font('sans').fontSize(8.5).fillColor(PDF_COLOURS.muted)
	footer.forEach((line, i) =>
		doc.text(line, M, PAGE.height - M - 36 + i * 12, { width: WIDTH, align: 'center', lineBreak: false }),
	)

	doc.end()
	return { filename: `${number}.pdf`, content: await done }
}

function supplierParty(supplier: Supplier): Party {
	return { name: supplier.name, address: supplier.address, vatNumber: supplier.vatNumber, email: supplier.email }
}

function party(doc: PdfDoc, heading: string, who: Party, { x, y, width }: { x: number; y: number; width: number }) {
	doc.font('sans').fontSize(8).fillColor(PDF_COLOURS.muted).text(heading.toUpperCase(), x, y, { characterSpacing: 0.4 })
	doc
		.font('sansSemiBold')
		.fontSize(11)
		.fillColor(PDF_COLOURS.ink)
		.text(who.name, x, y + 12, { width })
	doc.font('sans').fontSize(10).fillColor(PDF_COLOURS.ink)
	for (const line of who.address) doc.text(line, { width })
	if (who.vatNumber) doc.text(`VAT number: ${who.vatNumber}`, { width })
	if (who.email) doc.fillColor(PDF_COLOURS.muted).text(who.email, { width })
	return doc.y
}

const COLUMNS = [
	{ header: 'Description', width: 183, align: 'left' as const },
	{ header: 'Qty', width: 32, align: 'right' as const },
	{ header: 'Unit price\nexcl. VAT', width: 62, align: 'right' as const },
	{ header: 'Net', width: 62, align: 'right' as const },
	{ header: 'VAT\nrate', width: 34, align: 'right' as const },
	{ header: 'VAT', width: 56, align: 'right' as const },
	{ header: 'Total', width: 66, align: 'right' as const },
]

function drawLines(doc: PdfDoc, lines: InvoiceLine[], top: number) {
	let x = M
	doc.font('sansSemiBold').fontSize(8.5).fillColor(PDF_COLOURS.muted)
	for (const column of COLUMNS) {
		doc.text(column.header, x, top, { width: column.width - (column.align === 'right' ? 0 : 6), align: column.align })
		x += column.width
	}
	let y = top + 26
	drawRule(doc, { x1: M, x2: RIGHT, y: y - 4, width: 0.75, colour: PDF_COLOURS.rule })
	for (const line of lines) {
		const cells = [
			line.description,
			String(line.quantity),
			money(line.unitNetPence),
			money(line.netPence),
			`${line.vatRatePercent}%`,
			money(line.vatPence),
			money(line.grossPence),
		]
		doc.font('sans').fontSize(10).fillColor(PDF_COLOURS.ink)
		const height = doc.heightOfString(cells[0]!, { width: COLUMNS[0]!.width - 6 })
		x = M
		cells.forEach((cell, i) => {
			const column = COLUMNS[i]!
			doc.text(cell, x, y + 4, { width: column.width - (column.align === 'right' ? 0 : 6), align: column.align })
			x += column.width
		})
		y += Math.max(height, 14) + 10
		drawRule(doc, { x1: M, x2: RIGHT, y, width: 0.5, colour: PDF_COLOURS.rule })
	}
	return y + 10
}

function drawTotals(
	doc: PdfDoc,
	{
		credit,
		net,
		vat,
		total,
		lines,
	}: { credit: boolean; net: number; vat: number; total: number; lines: InvoiceLine[] },
	top: number,
) {
	const rate = lines[0]?.vatRatePercent ?? 0
	const rows: Array<[string, string, boolean]> = [
		['Total excluding VAT', money(net), false],
		[`VAT at ${rate}%`, money(vat), false],
		[credit ? 'Total credited' : 'Total including VAT', money(total), true],
	]
	let y = top
	for (const [label, value, strong] of rows) {
		doc
			.font(strong ? 'sansBold' : 'sans')
			.fontSize(strong ? 12 : 10.5)
			.fillColor(PDF_COLOURS.ink)
		textRight(doc, label, { right: RIGHT - 110, y })
		textRight(doc, value, { right: RIGHT, y })
		y += strong ? 20 : 16
	}
	return y
}

function note(doc: PdfDoc, y: number, text: string) {
	doc.font('sansSemiBold').fontSize(11).fillColor(PDF_COLOURS.brandDark).text(text, M, y, { width: WIDTH })
}

function sum(lines: InvoiceLine[], key: 'netPence' | 'vatPence' | 'grossPence') {
	return lines.reduce((total, line) => total + line[key], 0)
}
