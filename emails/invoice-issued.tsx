import { EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

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

export function subject({ kind, number, purchaseOrderNumber }: InvoiceIssuedProps) {
	const po = purchaseOrderNumber ? ` (PO ${purchaseOrderNumber})` : ''
	return kind === 'invoice' ? `Invoice ${number} from Circle${po}` : `Credit note ${number} from Circle${po}`
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
	const invoice = kind === 'invoice'
	return (
		<EmailLayout
			preview={invoice ? `Invoice ${number}: ${amountLabel}.` : `Credit note ${number}: ${amountLabel} credited.`}
			heading={invoice ? `Invoice ${number}` : `Credit note ${number}`}
		>
			<Paragraph>Hello,</Paragraph>
			{invoice ? (
				<Paragraph>
					Please find attached invoice <strong>{number}</strong> for {buyerName}, for <strong>{amountLabel}</strong>
					{purchaseOrderNumber ? ` against purchase order ${purchaseOrderNumber}` : ''}.{' '}
					{dueOn
						? `Please pay by ${dueOn} by bank transfer to the account on the invoice, quoting ${number} as the reference.`
						: 'It has been paid: nothing more is due.'}
				</Paragraph>
			) : (
				<Paragraph>
					Please find attached credit note <strong>{number}</strong> for {buyerName}: <strong>{amountLabel}</strong>{' '}
					credited against invoice {invoiceNumber}
					{purchaseOrderNumber ? ` (purchase order ${purchaseOrderNumber})` : ''}.
				</Paragraph>
			)}
			<SmallPrint>
				Amounts are in pounds sterling. Keep this {invoice ? 'invoice' : 'credit note'} for your VAT records; reply to
				this email if anything on it is wrong.
			</SmallPrint>
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
