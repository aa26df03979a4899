import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type InvoiceOverdueProps = {
	number: string
	buyerName: string
	amountPence: number
	dueAt: Date
	/** Days past the due date: 1, 14 or 30. */
	daysOverdue: number
	purchaseOrderNumber: string | null
	bank: { accountName: string; sortCode: string; accountNumber: string }
}

export function subject({ number, daysOverdue }: InvoiceOverdueProps, t: EmailT) {
	return daysOverdue >= 30 ? t('invoiceOverdue.subjectFinal', { number }) : t('invoiceOverdue.subject', { number })
}

/** Chases an unpaid invoice after its due date (once per step: 1, 14 and 30 days late). */
export default function InvoiceOverdue({
	number,
	buyerName,
	amountPence,
	dueAt,
	daysOverdue,
	purchaseOrderNumber,
	bank,
}: InvoiceOverdueProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const amountLabel = format.price(amountPence)
	const dueOn = format.date(dueAt)
	const strong = <strong />
	return (
		<EmailLayout
			preview={t('invoiceOverdue.preview', { amountLabel, dueOn })}
			heading={t('invoiceOverdue.heading', { number })}
		>
			<Greeting />
			<Paragraph>
				<Trans
					t={t}
					i18nKey={purchaseOrderNumber ? 'invoiceOverdue.bodyPo' : 'invoiceOverdue.body'}
					values={{ number, buyerName, amountLabel, dueOn, purchaseOrderNumber }}
					components={{ strong }}
				/>
				{daysOverdue >= 30 ? ` ${t('invoiceOverdue.final')}` : null}
			</Paragraph>
			<Paragraph>
				<Trans t={t} i18nKey="invoiceOverdue.pay" values={{ ...bank, number }} components={{ strong }} />
			</Paragraph>
			<SmallPrint>{t('invoiceOverdue.small')}</SmallPrint>
		</EmailLayout>
	)
}

InvoiceOverdue.PreviewProps = {
	number: 'CIR-2026-000123',
	buyerName: 'Riverside Academy Trust',
	amountPence: 118800,
	dueAt: new Date('2027-01-05T12:00:00Z'),
	daysOverdue: 14,
	purchaseOrderNumber: 'PO-44817',
	bank: { accountName: 'Circle Learning Ltd', sortCode: '12-34-56', accountNumber: '12345678' },
} satisfies InvoiceOverdueProps
