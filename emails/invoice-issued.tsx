import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'

export type InvoiceIssuedProps = {
	kind: 'invoice' | 'credit-note'
	/** CIR-2026-000123 or CRN-2026-000004 */
	number: string
	/** The invoice itself, or the one a credit note credits. */
	invoiceNumber: string
	buyerName: string
	/** "£1,188.00" */
	amountLabel: string
	/** "5 January 2027" for an invoice still to pay; null when paid or for a credit note. */
	dueOn: string | null
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
	amountLabel,
	dueOn,
	purchaseOrderNumber,
}: InvoiceIssuedProps) {
	const { t } = useTranslation('emails')
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
	amountLabel: '£1,188.00',
	dueOn: '5 January 2027',
	purchaseOrderNumber: 'PO-44817',
} satisfies InvoiceIssuedProps
