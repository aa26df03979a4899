// Translation helpers shared by the server's render and the browser (ADR 0041).
import i18next, { type TFunction } from 'i18next'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { translateErrorMessage } from '#modules/i18n/error-messages.ts'
import { DEFAULT_LANGUAGE, isLanguage, type Language, languageTag } from '#modules/i18n/languages.ts'
import { formatCoursePrice, formatDate, formatDateTime, formatPrice, formatShortDate } from './format.ts'

type RootMatch = { id: string; data?: unknown; loaderData?: unknown } | undefined

/** The page's language, from the root loader's data in a route's `meta` or `matches`. */
export function languageOf(matches: readonly RootMatch[]): Language {
	const root = matches.find((match) => match?.id === 'root')
	const data = (root?.loaderData ?? root?.data) as { language?: unknown } | undefined
	return isLanguage(data?.language) ? data.language : DEFAULT_LANGUAGE
}

/**
 * `t` for a route's `meta` function, which runs outside React: `metaT(matches)('courses:meta.title')`.
 * Works on the server (whose i18next holds both languages) and in the browser (which holds the page's).
 */
export function metaT(matches: readonly RootMatch[]): TFunction {
	return i18next.getFixedT(languageOf(matches))
}

/** The language the page is rendered in. */
export function useLanguage(): Language {
	const { i18n } = useTranslation()
	return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE
}

/**
 * Error messages in the page's language (ADR 0045): `translateError(message)` for the English a
 * domain error, a zod schema or zod itself wrote. ErrorList, FormErrors and the error boundary use it
 * already; a page that shows an action's `message` its own way calls it too. English comes back as is.
 */
export function useTranslateError() {
	const { i18n } = useTranslation()
	const language = useLanguage()
	return (message: string) => translateErrorMessage(message, language, i18n)
}

/** Dates, times and prices in the page's language ("6 Rhagfyr 2026" in Welsh), UK time and GBP. */
export function useFormat() {
	const language = useLanguage()
	return {
		language,
		date: (value: Date | string | number) => formatDate(value, language),
		shortDate: (value: Date | string | number) => formatShortDate(value, language),
		dateTime: (value: Date | string | number) => formatDateTime(value, language),
		price: (pence: number) => formatPrice(pence, language),
		coursePrice: (pence: number) => formatCoursePrice(pence, language),
		number: (value: number, options?: Intl.NumberFormatOptions) =>
			new Intl.NumberFormat(languageTag(language), options).format(value),
	}
}

/** Loads a language's messages into the browser's i18next (each language's file is its own chunk). */
export async function loadMessages(language: Language) {
	return language === 'cy'
		? (await import('#modules/i18n/locales/cy/index.ts')).default
		: (await import('#modules/i18n/locales/en/index.ts')).default
}

/**
 * The English error catalogue, which a page in another language needs to recognise the English
 * messages that zod and the server write (ADR 0045); an English page has it in its own messages.
 */
export async function loadEnglishErrors() {
	return (await import('#modules/i18n/locales/en/errors.json')).default
}

/**
 * Keeps the browser's i18next on the language the server chose. The switcher reloads the page, but
 * signing in or out changes the language without a reload (the account's choice takes over from the
 * cookie): the other language's messages are loaded, and the page re-renders in it.
 */
export function useSyncLanguage(language: Language) {
	const { i18n } = useTranslation()
	useEffect(() => {
		if (i18n.language === language) return
		let cancelled = false
		void Promise.all([loadMessages(language), loadEnglishErrors()]).then(([messages, englishErrors]) => {
			if (cancelled) return
			for (const [namespace, bundle] of Object.entries(messages)) {
				i18n.addResourceBundle(language, namespace, bundle, true, true)
			}
			if (!i18n.hasResourceBundle('en', 'errors')) i18n.addResourceBundle('en', 'errors', englishErrors)
			void i18n.changeLanguage(language)
		})
		return () => {
			cancelled = true
		}
	}, [i18n, language])
}
