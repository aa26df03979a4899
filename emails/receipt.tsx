import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

export type ReceiptProps = {
	name: string
	courseTitle: string
	quantity: number
	/** Set for a seat licence bought for an organisation. */
	organisationName: string | null
	/** "£49.00" */
	amountLabel: string
	/** "21 November 2026" */
	paidOn: string
	/** "CIR-7KQ2M9XD" */
	orderReference: string
	/** The course (for a learner) or the organisation's page (for seats). */
	nextUrl: string
	/** True for the demo checkout, where no money changed hands. */
	demo: boolean
}

export function subject({ courseTitle, orderReference }: ReceiptProps) {
	return `Your Circle receipt ${orderReference}: ${courseTitle}`
}

/** Sent once when an order is fulfilled: what was bought, for how much, when, and its reference. */
export default function Receipt({
	name,
	courseTitle,
	quantity,
	organisationName,
	amountLabel,
	paidOn,
	orderReference,
	nextUrl,
	demo,
}: ReceiptProps) {
	const what = organisationName
		? `${quantity} ${quantity === 1 ? 'seat' : 'seats'} on ${courseTitle} for ${organisationName}`
		: `a place on ${courseTitle}`
	return (
		<EmailLayout
			preview={`Receipt ${orderReference}: ${amountLabel} for ${courseTitle}.`}
			heading="Thank you for your order"
		>
			<Paragraph>Hello {name},</Paragraph>
			<Paragraph>
				Thank you for buying {what}. {demo ? 'This was a demo checkout: no real payment was taken.' : null}
			</Paragraph>
			<Paragraph>
				Course: <strong>{courseTitle}</strong>
				<br />
				Quantity: <strong>{quantity}</strong>
				<br />
				Amount: <strong>{amountLabel}</strong>
				<br />
				Date: <strong>{paidOn}</strong>
				<br />
				Order reference: <strong>{orderReference}</strong>
			</Paragraph>
			<ActionButton href={nextUrl}>{organisationName ? 'Assign your seats' : 'Start the course'}</ActionButton>
			<SmallPrint>
				Please quote the order reference if you contact us about this order. Amounts are in pounds sterling and include
				any VAT charged at checkout.
			</SmallPrint>
		</EmailLayout>
	)
}

Receipt.PreviewProps = {
	name: 'Siân Llewellyn-Nowak',
	courseTitle: 'Restorative conversations in health and social care',
	quantity: 1,
	organisationName: null,
	amountLabel: '£49.00',
	paidOn: '21 November 2026',
	orderReference: 'CIR-7KQ2M9XD',
	nextUrl: 'http://localhost:3000/learn/restorative-conversations',
	demo: false,
} satisfies ReceiptProps
