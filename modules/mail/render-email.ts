import { render } from '@react-email/components'
import { createElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { DEFAULT_LANGUAGE, type Language } from '#modules/i18n/languages.ts'
import { emailI18n, emailT } from './email-language.ts'
import { type EmailContent, type EmailTemplate, emailTemplates } from './templates.ts'

export type RenderedEmail = { subject: string; html: string; text: string }

/**
 * Renders one of Circle's email templates to its subject line, HTML and plain-text versions, in
 * `language` (subject too). Every message carries both, so that text-only clients and screen-reader
 * users get a proper message.
 */
export async function renderEmail(
	{ template, props }: EmailContent,
	language: Language = DEFAULT_LANGUAGE,
): Promise<RenderedEmail> {
	// The map's entries are correlated with `template` by EmailContent, which TypeScript cannot follow.
	const { component, subject } = emailTemplates[template] as EmailTemplate<typeof props>
	// Templates call useTranslation('emails'); the provider fixes the language of this one email.
	const element = createElement(I18nextProvider, { i18n: emailI18n(language) }, createElement(component, props))
	const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
	return { subject: subject(props, emailT(language)), html, text }
}
