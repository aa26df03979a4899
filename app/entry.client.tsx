import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { HydratedRouter } from 'react-router/dom'
import { DEFAULT_LANGUAGE } from '#modules/i18n/languages.ts'
import { i18nextOptions } from '#modules/i18n/options.ts'
import { loadEnglishErrors, loadMessages } from '#app/utils/i18n.ts'

// The browser loads only the messages of the language the server rendered the page in (its
// `<html lang>`): switching language reloads the page (app/routes/language.ts), so one is enough.
async function hydrate() {
	const language = document.documentElement.lang.startsWith('cy') ? 'cy' : DEFAULT_LANGUAGE
	const messages = await loadMessages(language)
	// Error messages arrive in English (from zod in this browser, or the server's reply) and are
	// recognised by the English catalogue (ADR 0045), so a page in Welsh also loads that one file.
	const englishErrors =
		language === DEFAULT_LANGUAGE ? {} : { [DEFAULT_LANGUAGE]: { errors: await loadEnglishErrors() } }
	await i18next
		.use(initReactI18next)
		.init({ ...i18nextOptions, lng: language, resources: { [language]: messages, ...englishErrors } })
	startTransition(() => {
		hydrateRoot(
			document,
			<I18nextProvider i18n={i18next}>
				<StrictMode>
					<HydratedRouter />
				</StrictMode>
			</I18nextProvider>,
		)
	})
}

void hydrate()
