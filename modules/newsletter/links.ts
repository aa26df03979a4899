import { appUrl } from '#modules/env/env.ts'

/** How long a confirmation link works. */
export const CONFIRMATION_DAYS = 7

/** The link in the confirmation email. */
export function confirmUrl(token: string) {
	return `${appUrl()}/newsletter/confirm/${encodeURIComponent(token)}`
}

/** The one-click unsubscribe address (RFC 8058): the List-Unsubscribe header and the link at each issue's foot. */
export function newsletterUnsubscribeUrl(token: string) {
	return `${appUrl()}/newsletter/unsubscribe/${encodeURIComponent(token)}`
}

/** Where a subscriber changes their interests. */
export function newsletterPreferencesUrl(token: string) {
	return `${appUrl()}/newsletter/preferences/${encodeURIComponent(token)}`
}

/** RFC 8058 headers for one recipient. */
export function listUnsubscribeHeaders(token: string) {
	return {
		'List-Unsubscribe': `<${newsletterUnsubscribeUrl(token)}>`,
		'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
	}
}
