// The i18next options shared by the server's instance and the browser's (ADR 0041).
import type { InitOptions } from 'i18next'
import { DEFAULT_LANGUAGE, LANGUAGES } from './languages.ts'

/** Shared words (header, footer, buttons); each area of the site has its own namespace. */
export const DEFAULT_NAMESPACE = 'common'

export const i18nextOptions = {
	supportedLngs: [...LANGUAGES],
	fallbackLng: DEFAULT_LANGUAGE,
	defaultNS: DEFAULT_NAMESPACE,
	// React escapes what it renders; emails and PDFs are rendered through React or as plain text.
	interpolation: { escapeValue: false },
	// Every message is bundled: nothing to load, so init finishes synchronously.
	initAsync: false,
	returnNull: false,
} satisfies InitOptions
