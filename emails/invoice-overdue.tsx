import { EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type InvoiceOverdueProps = {
	number: string
	buyerName: string
	amountLabel: string
	/** "5 January 2027" */
	dueOn: string
	/** Days past the due date: 1, 14 or 30. */
	daysOverdue: number
	purchaseOrderNumber: string | null
	bank: { accountName: string; sortCode: string; accountNumber: string }
}

export function subject({ number, daysOverdue }: InvoiceOverdueProps) {
	return daysOverdue >= 30 ? `Final reminder: invoice ${number} is overdue` : `Invoice ${number} is overdue`
}

/** Chases an unpaid invoice after its due date (once per step: 1, 14 and 30 days late). */
export default function InvoiceOverdue({
	number,
	buyerName,
	amountLabel,
	dueOn,
	daysOverdue,
	purchaseOrderNumber,
	bank,
}: InvoiceOverdueProps) {
	return (
		<EmailLayout preview={`${amountLabel} was due on ${dueOn}.`} heading={`Invoice ${number} is overdue`}>
			<Paragraph>Hello,</Paragraph>
			<Paragraph>
				Our invoice <strong>{number}</strong> to {buyerName} for <strong>{amountLabel}</strong>
				{purchaseOrderNumber ? ` (purchase order ${purchaseOrderNumber})` : ''} was due on {dueOn} and we have not
				received payment yet. {daysOverdue >= 30 ? 'This is our final reminder before we contact you by phone.' : ''}
			</Paragraph>
			<Paragraph>
				Please pay by bank transfer to {bank.accountName}, sort code {bank.sortCode}, account {bank.accountNumber},
				quoting <strong>{number}</strong> as the reference. If you have already paid, thank you: please ignore this
				email.
			</Paragraph>
			<SmallPrint>Reply to this email if there is a problem with the invoice.</SmallPrint>
		</EmailLayout>
	)
}

InvoiceOverdue.PreviewProps = {
	number: 'CIR-2026-000123',
	buyerName: 'Riverside Academy Trust',
	amountLabel: '£1,188.00',
	dueOn: '5 January 2027',
	daysOverdue: 14,
	purchaseOrderNumber: 'PO-44817',
	bank: { accountName: 'Circle Learning Ltd', sortCode: '12-34-56', accountNumber: '12345678' },
} satisfies InvoiceOverdueProps
