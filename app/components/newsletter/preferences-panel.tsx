import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import { SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { useFormat } from '#app/utils/i18n.ts'
import { SectorCheckboxes } from './sector-checkboxes.tsx'
import { Trans } from '#app/utils/trans.tsx'

export type PreferencesActionData = { saved?: 'interests' | 'unsubscribed'; errors?: string[] } | undefined

/**
 * A subscription's status, its interests (a form with intent "interests") and, while it is not
 * already off, an unsubscribe button (intent "unsubscribe"). Used by /newsletter/preferences/:token
 * and /account/newsletter, whose actions take the same two intents. An address the mail provider
 * reported as bouncing or as spam (ADR 0046) is told so: whatever its status, it gets no newsletter.
 */
export function NewsletterPreferencesPanel({
	email,
	status,
	sectors,
	suppressedAt,
	suppressedReason,
	actionData,
}: {
	email: string
	status: 'PENDING' | 'CONFIRMED' | 'UNSUBSCRIBED'
	sectors: string[]
	suppressedAt: Date | string | null
	suppressedReason: string | null
	actionData: PreferencesActionData
}) {
	const { t } = useTranslation('newsletter')
	const format = useFormat()
	const navigation = useNavigation()
	const intent = navigation.formData?.get('intent')
	const savedRef = useRef<HTMLDivElement>(null)
	useEffect(() => {
		if (actionData?.saved) savedRef.current?.focus()
	}, [actionData])
	return (
		<>
			<p className="mt-4 text-stone-700">{t('preferences.address', { email })}</p>
			<p className="mt-2 font-medium text-stone-900">{t(`preferences.status_${status}`)}</p>
			{suppressedAt ? (
				<Notice tone="warning" title={t('preferences.suppressedTitle')} className="mt-6">
					<Trans
						t={t}
						i18nKey={
							suppressedReason === 'complaint' ? 'preferences.suppressedComplaint' : 'preferences.suppressedBounce'
						}
						values={{ date: format.date(suppressedAt) }}
						components={{
							contact: <Link to="/contact" className="font-medium text-brand-700 underline underline-offset-2" />,
						}}
					/>
				</Notice>
			) : null}
			{actionData?.saved ? (
				<div ref={savedRef} tabIndex={-1} className="mt-6 outline-none">
					<Notice tone="success" role="status">
						{actionData.saved === 'interests' ? t('preferences.saved') : t('preferences.unsubscribed')}
					</Notice>
				</div>
			) : null}
			{status === 'UNSUBSCRIBED' ? null : (
				<>
					<Form method="post" className="mt-8 space-y-4">
						<input type="hidden" name="intent" value="interests" />
						<SectorCheckboxes
							id="newsletter-interests"
							legend={t('preferences.interestsLegend')}
							hint={t('preferences.interestsHint')}
							defaultValue={sectors}
							errors={actionData?.errors}
						/>
						<SubmitButton pending={intent === 'interests'} pendingText={t('preferences.saving')}>
							{t('preferences.save')}
						</SubmitButton>
					</Form>
					<h2 className="mt-10 text-xl font-bold text-stone-900">{t('preferences.unsubscribeHeading')}</h2>
					<p className="mt-2 text-stone-700">{t('preferences.unsubscribeText')}</p>
					<Form method="post" className="mt-4">
						<input type="hidden" name="intent" value="unsubscribe" />
						<SubmitButton pending={intent === 'unsubscribe'} pendingText={t('unsubscribe.pending')}>
							{t('preferences.unsubscribeButton')}
						</SubmitButton>
					</Form>
				</>
			)}
		</>
	)
}
