import { Trans, useTranslation } from 'react-i18next'
import type { EmailT } from '#modules/mail/email-language.ts'
import { EmailLayout, SmallPrint, TextLink } from './components/layout.tsx'

export type NewsletterIssueProps = {
	subject: string
	/** The issue's Markdown, already rendered by the lessons' sanitiser (modules/markdown). */
	html: string
	/** One click unsubscribes (the same address as the List-Unsubscribe header); null on a test send. */
	unsubscribeUrl: string | null
	preferencesUrl: string | null
}

export function subject(props: NewsletterIssueProps, t: EmailT) {
	return t('newsletterIssue.subject', { subject: props.subject })
}

/** One issue of the "inner circle" newsletter, to one subscriber. */
export default function NewsletterIssue({ subject, html, unsubscribeUrl, preferencesUrl }: NewsletterIssueProps) {
	const { t } = useTranslation('emails')
	return (
		<EmailLayout preview={t('newsletterIssue.preview')} heading={subject}>
			{/* Sanitised by renderMarkdown: no script, no event handlers, only http(s) links. */}
			<div
				dangerouslySetInnerHTML={{ __html: html }}
				style={{ color: '#1c1917', fontSize: '16px', lineHeight: '26px' }}
			/>
			{unsubscribeUrl && preferencesUrl ? (
				<SmallPrint>
					<Trans
						t={t}
						i18nKey="newsletterIssue.small"
						components={{
							unsubscribe: <TextLink href={unsubscribeUrl} />,
							preferences: <TextLink href={preferencesUrl} />,
						}}
					/>
				</SmallPrint>
			) : (
				<SmallPrint>{t('newsletterIssue.test')}</SmallPrint>
			)}
		</EmailLayout>
	)
}

NewsletterIssue.PreviewProps = {
	subject: 'Working with, not to: a term in three schools',
	html: '<p>Morning circles: three schools, one term.</p>',
	unsubscribeUrl: 'http://localhost:3000/newsletter/unsubscribe/preview-token',
	preferencesUrl: 'http://localhost:3000/newsletter/preferences/preview-token',
} satisfies NewsletterIssueProps
