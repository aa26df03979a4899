import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type InvoiceIssuedProps = {
	kind: 'invoice' | 'credit-note'
	/** CIR-2026-000123 or CRN-2026-000004 */
	number: string
	/** The invoice itself, or the one a credit note credits. */
	invoiceNumber: string
	buyerName: string
	amountPence: number
	dueAt: Date | null
	purchaseOrderNumber: string | null
}

export function subject({ kind, number, purchaseOrderNumber }: InvoiceIssuedProps, t: EmailT) {
	if (kind === 'invoice') {
		return purchaseOrderNumber
			? t('invoiceIssued.subjectInvoicePo', { number, purchaseOrderNumber })
			: t('invoiceIssued.subjectInvoice', { number })
	}
	return purchaseOrderNumber
		? t('invoiceIssued.subjectCreditNotePo', { number, purchaseOrderNumber })
		: t('invoiceIssued.subjectCreditNote', { number })
}

/** Sent to an organisation's billing contact with the invoice or credit note attached as a PDF. */
export default function InvoiceIssued({
	kind,
	number,
	invoiceNumber,
	buyerName,
	amountPence,
	dueAt,
	purchaseOrderNumber,
}: InvoiceIssuedProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const amountLabel = format.price(amountPence)
	const dueOn = dueAt ? format.date(dueAt) : null
	const strong = <strong />
	const invoice = kind === 'invoice'
	const values = { number, invoiceNumber, buyerName, amountLabel, purchaseOrderNumber }
	return (
		<EmailLayout
			preview={
				invoice
					? t('invoiceIssued.previewInvoice', { number, amountLabel })
					: t('invoiceIssued.previewCreditNote', { number, amountLabel })
			}
			heading={
				invoice ? t('invoiceIssued.headingInvoice', { number }) : t('invoiceIssued.headingCreditNote', { number })
			}
		>
			<Greeting />
			{invoice ? (
				<Paragraph>
					<Trans
						t={t}
						i18nKey={purchaseOrderNumber ? 'invoiceIssued.invoiceBodyPo' : 'invoiceIssued.invoiceBody'}
						values={values}
						components={{ strong }}
					/>{' '}
					{dueOn ? t('invoiceIssued.payBy', { dueOn, number }) : t('invoiceIssued.paid')}
				</Paragraph>
			) : (
				<Paragraph>
					<Trans
						t={t}
						i18nKey={purchaseOrderNumber ? 'invoiceIssued.creditNoteBodyPo' : 'invoiceIssued.creditNoteBody'}
						values={values}
						components={{ strong }}
					/>
				</Paragraph>
			)}
			<SmallPrint>{invoice ? t('invoiceIssued.smallInvoice') : t('invoiceIssued.smallCreditNote')}</SmallPrint>
		</EmailLayout>
	)
}

InvoiceIssued.PreviewProps = {
	kind: 'invoice',
	number: 'CIR-2026-000123',
	invoiceNumber: 'CIR-2026-000123',
	buyerName: 'Riverside Academy Trust',
	amountPence: 118800,
	dueAt: new Date('2027-01-05T12:00:00Z'),
	purchaseOrderNumber: 'PO-44817',
} satisfies InvoiceIssuedProps
