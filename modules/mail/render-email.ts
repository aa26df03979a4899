import { render } from '@react-email/components'
import { createElement } from 'react'
import { type EmailContent, type EmailTemplate, emailTemplates } from './templates.ts'

export type RenderedEmail = { subject: string; html: string; text: string }

/**
 * Renders one of Circle's email templates to its subject line, HTML and plain-text versions. Every
 * message carries both, so that text-only clients and screen-reader users get a proper message.
 */
export async function renderEmail({ template, props }: EmailContent): Promise<RenderedEmail> {
	// The map's entries are correlated with `template` by EmailContent, which TypeScript cannot follow.
	const { component, subject } = emailTemplates[template] as EmailTemplate<typeof props>
	const element = createElement(component, props)
	const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
	return { subject: subject(props), html, text }
}
