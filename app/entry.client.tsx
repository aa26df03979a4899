import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { HydratedRouter } from 'react-router/dom'
import { DEFAULT_LANGUAGE } from '#modules/i18n/languages.ts'
import { i18nextOptions } from '#modules/i18n/options.ts'
import { messagesBackend } from '#app/utils/i18n-backend.client.ts'
import { InlineMessagesContext, MESSAGES_SCRIPT_ID } from '#app/utils/i18n-messages.tsx'
import { loadRouteMessages, loadRouteNamespaces } from '#app/utils/i18n-navigation.client.ts'

// The browser starts with exactly the messages the server inlined for this page (ADR 0053): the
// namespaces its routes use, in the language the server rendered it in (its `<html lang>`), and on a
// page not in English the English error catalogue too (ADR 0045). A route navigated to later brings
// its own namespaces before it renders (loadRouteMessages).
async function hydrate() {
	const language = document.documentElement.lang.startsWith('cy') ? 'cy' : DEFAULT_LANGUAGE
	const inlined = document.getElementById(MESSAGES_SCRIPT_ID)?.textContent ?? ''
	const resources = inlined ? (JSON.parse(inlined) as Record<string, Record<string, object>>) : {}
	await i18next
		.use(messagesBackend)
		.use(initReactI18next)
		.init({
			...i18nextOptions,
			lng: language,
			resources,
			// Messages not inlined are loaded when needed, each namespace on its own.
			partialBundledLanguages: true,
			ns: Object.keys(resources[language] ?? {}),
			// Welsh has every English key (modules/i18n/parity.test.ts), so the browser never needs the
			// English of a namespace to fall back on; loading it would double a Welsh page's messages.
			fallbackLng: false,
		})
	startTransition(() => {
		hydrateRoot(
			document,
			<I18nextProvider i18n={i18next}>
				<InlineMessagesContext.Provider value={inlined}>
					<StrictMode>
						<HydratedRouter instrumentations={[loadRouteMessages(i18next)]} />
					</StrictMode>
				</InlineMessagesContext.Provider>
			</I18nextProvider>,
		)
	})
	// Which namespaces each route uses, for the first navigation: fetched when the browser is idle.
	const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 1))
	whenIdle(() => void loadRouteNamespaces())
}

void hydrate()
