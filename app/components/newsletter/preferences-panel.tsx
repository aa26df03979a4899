import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { SectorCheckboxes } from './sector-checkboxes.tsx'

export type PreferencesActionData = { saved?: 'interests' | 'unsubscribed'; errors?: string[] } | undefined

/**
 * A subscription's status, its interests (a form with intent "interests") and, while it is not
 * already off, an unsubscribe button (intent "unsubscribe"). Used by /newsletter/preferences/:token
 * and /account/newsletter, whose actions take the same two intents.
 */
export function NewsletterPreferencesPanel({
	email,
	status,
	sectors,
	actionData,
}: {
	email: string
	status: 'PENDING' | 'CONFIRMED' | 'UNSUBSCRIBED'
	sectors: string[]
	actionData: PreferencesActionData
}) {
	const { t } = useTranslation('newsletter')
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
