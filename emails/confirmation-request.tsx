import { ActionButton, EmailLayout, Paragraph, SmallPrint } from './components/layout.tsx'

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
	/** "5 January 2027" */
	expiresOn: string
	/** A mentor or line manager signing off a teacher's whole record, rather than confirming they took part. */
	signOff?: boolean
}

export function subject({ learnerName, formLabel, signOff }: ConfirmationRequestProps) {
	return signOff
		? `${learnerName} asks you to sign off their ${formLabel}`
		: `${learnerName} asks you to confirm their ${formLabel}`
}

/** Sent to a learner's discussion partner or peer, with the single-use link to confirm the record. */
export default function ConfirmationRequest({
	partnerName,
	learnerName,
	formLabel,
	recordTitle,
	partnerRole,
	confirmUrl,
	expiresOn,
	signOff = false,
}: ConfirmationRequestProps) {
	return (
		<EmailLayout
			preview={`${learnerName} has named you as ${partnerRole} on their ${formLabel}.`}
			heading={signOff ? `Sign off ${learnerName}’s ${formLabel}` : `Confirm ${learnerName}’s ${formLabel}`}
		>
			<Paragraph>Hello{partnerName ? ` ${partnerName}` : ''},</Paragraph>
			{signOff ? (
				<Paragraph>
					{learnerName} keeps their professional development records on Circle and has named you as {partnerRole} for “
					{recordTitle}”. The link shows you what they wrote; if it matches what you know of their work, sign it off
					with your details and, if you like, a comment. You do not need an account.
				</Paragraph>
			) : (
				<Paragraph>
					{learnerName} keeps their professional records on Circle and has named you as {partnerRole} for “{recordTitle}
					”. If you took part, please confirm it with your details. It takes a minute and you do not need an account.
				</Paragraph>
			)}
			<ActionButton href={confirmUrl}>{signOff ? 'Read and sign off the record' : 'Confirm the record'}</ActionButton>
			<SmallPrint>
				This link works once and expires on {expiresOn}. If you do not know {learnerName} or did not take part, ignore
				this email and nothing will be confirmed.
			</SmallPrint>
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
	expiresOn: '5 January 2027',
} satisfies ConfirmationRequestProps
