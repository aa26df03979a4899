import { data } from 'react-router'
import { NewsletterPreferencesSchema } from '#modules/newsletter/schemas.ts'
import { unsubscribeFromNewsletter, updateNewsletterInterests } from '#modules/newsletter/subscribe.ts'
import { withDomainErrors } from './errors.server.ts'

/**
 * The action behind NewsletterPreferencesPanel: intent "interests" saves the sectors, intent
 * "unsubscribe" unsubscribes. `token` is the subscription's own (from its link, or found for the
 * signed-in person); `source` is recorded with the change.
 */
export async function handleNewsletterPreferences({
	formData,
	token,
	source,
	ipAddress,
}: {
	formData: FormData
	token: string
	source: 'preferences' | 'account'
	ipAddress: string
}) {
	const now = new Date()
	if (formData.get('intent') === 'unsubscribe') {
		await withDomainErrors(() => unsubscribeFromNewsletter({ token, source, ipAddress, now }))
		return { saved: 'unsubscribed' as const }
	}
	const parsed = NewsletterPreferencesSchema.safeParse({ sectors: formData.getAll('sectors') })
	if (!parsed.success) return data({ errors: parsed.error.issues.map((i) => i.message) }, { status: 400 })
	await withDomainErrors(() =>
		updateNewsletterInterests({ token, sectors: parsed.data.sectors, source, ipAddress, now }),
	)
	return { saved: 'interests' as const }
}
