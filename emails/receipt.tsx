import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type ReceiptProps = {
	name: string
	courseTitle: string
	quantity: number
	/** Set for a seat licence bought for an organisation. */
	organisationName: string | null
	amountPence: number
	paidAt: Date
	/** "CIR-7KQ2M9XD" */
	orderReference: string
	/** The course (for a learner) or the organisation's page (for seats). */
	nextUrl: string
	/** True for the demo checkout, where no money changed hands. */
	demo: boolean
}

export function subject({ courseTitle, orderReference }: ReceiptProps, t: EmailT) {
	return t('receipt.subject', { orderReference, courseTitle })
}

/** Sent once when an order is fulfilled: what was bought, for how much, when, and its reference. */
export default function Receipt({
	name,
	courseTitle,
	quantity,
	organisationName,
	amountPence,
	paidAt,
	orderReference,
	nextUrl,
	demo,
}: ReceiptProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const amountLabel = format.price(amountPence)
	const paidOn = format.date(paidAt)
	const strong = <strong />
	return (
		<EmailLayout
			preview={t('receipt.preview', { orderReference, amountLabel, courseTitle })}
			heading={t('receipt.heading')}
		>
			<Greeting name={name} />
			<Paragraph>
				{organisationName
					? t('receipt.seats', { count: quantity, courseTitle, organisationName })
					: t('receipt.place', { courseTitle })}{' '}
				{demo ? t('receipt.demo') : null}
			</Paragraph>
			<Paragraph>
				<Trans t={t} i18nKey="receipt.course" values={{ courseTitle }} components={{ strong }} />
				<br />
				<Trans t={t} i18nKey="receipt.quantity" values={{ quantity }} components={{ strong }} />
				<br />
				<Trans t={t} i18nKey="receipt.amount" values={{ amountLabel }} components={{ strong }} />
				<br />
				<Trans t={t} i18nKey="receipt.date" values={{ paidOn }} components={{ strong }} />
				<br />
				<Trans t={t} i18nKey="receipt.reference" values={{ orderReference }} components={{ strong }} />
			</Paragraph>
			<ActionButton href={nextUrl}>
				{organisationName ? t('receipt.assignSeats') : t('receipt.startCourse')}
			</ActionButton>
			<SmallPrint>{t('receipt.small')}</SmallPrint>
		</EmailLayout>
	)
}

Receipt.PreviewProps = {
	name: 'Siân Llewellyn-Nowak',
	courseTitle: 'Restorative conversations in health and social care',
	quantity: 1,
	organisationName: null,
	amountPence: 4900,
	paidAt: new Date('2026-11-21T10:00:00Z'),
	orderReference: 'CIR-7KQ2M9XD',
	nextUrl: 'http://localhost:3000/learn/restorative-conversations',
	demo: false,
} satisfies ReceiptProps
