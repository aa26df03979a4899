import { useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { ActionButton, EmailLayout, Greeting, Paragraph, SmallPrint } from './components/layout.tsx'
import { useEmailFormat } from './components/format.ts'

export type ConfirmationRequestProps = {
	/** The partner's name when the learner gave one. */
	partnerName?: string | null
	learnerName: string
	/** "NMC reflective discussion", "Social Work England CPD record" */
	formLabel: string
	recordTitle: string
	/** "the discussion partner" or "the peer" */
	partnerRole: string
	confirmUrl: string
	expiresAt: Date
	/** A mentor or line manager signing off a teacher's whole record, rather than confirming they took part. */
	signOff?: boolean
}

export function subject({ learnerName, formLabel, signOff }: ConfirmationRequestProps, t: EmailT) {
	return signOff
		? t('confirmationRequest.subjectSignOff', { learnerName, formLabel })
		: t('confirmationRequest.subject', { learnerName, formLabel })
}

/** Sent to a learner's discussion partner or peer, with the single-use link to confirm the record. */
export default function ConfirmationRequest({
	partnerName,
	learnerName,
	formLabel,
	recordTitle,
	partnerRole,
	confirmUrl,
	expiresAt,
	signOff = false,
}: ConfirmationRequestProps) {
	const { t } = useTranslation('emails')
	const format = useEmailFormat()
	const expiresOn = format.date(expiresAt)
	return (
		<EmailLayout
			preview={t('confirmationRequest.preview', { learnerName, partnerRole, formLabel })}
			heading={
				signOff
					? t('confirmationRequest.headingSignOff', { learnerName, formLabel })
					: t('confirmationRequest.heading', { learnerName, formLabel })
			}
		>
			<Greeting name={partnerName} />
			<Paragraph>
				{signOff
					? t('confirmationRequest.bodySignOff', { learnerName, partnerRole, recordTitle })
					: t('confirmationRequest.body', { learnerName, partnerRole, recordTitle })}
			</Paragraph>
			<ActionButton href={confirmUrl}>
				{signOff ? t('confirmationRequest.actionSignOff') : t('confirmationRequest.action')}
			</ActionButton>
			<SmallPrint>{t('confirmationRequest.small', { expiresOn, learnerName })}</SmallPrint>
		</EmailLayout>
	)
}

ConfirmationRequest.PreviewProps = {
	partnerName: 'Jo Okafor',
	learnerName: 'Sam Taylor',
	formLabel: 'NMC reflective discussion',
	recordTitle: 'Discussion of my five reflective accounts',
	partnerRole: 'the discussion partner',
	confirmUrl: 'http://localhost:3000/confirm/preview',
	expiresAt: new Date('2027-01-05T12:00:00Z'),
} satisfies ConfirmationRequestProps
