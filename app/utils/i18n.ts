// Translation helpers shared by the server's render and the browser (ADR 0041).
import i18next, { type TFunction } from 'i18next'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
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
 * Keeps the browser's i18next on the language the server chose. The switcher reloads the page, but
 * signing in or out changes the language without a reload (the account's choice takes over from the
 * cookie): the other language's messages are loaded, and the page re-renders in it.
 */
export function useSyncLanguage(language: Language) {
	const { i18n } = useTranslation()
	useEffect(() => {
		if (i18n.language === language) return
		let cancelled = false
		void loadMessages(language).then((messages) => {
			if (cancelled) return
			for (const [namespace, bundle] of Object.entries(messages)) {
				i18n.addResourceBundle(language, namespace, bundle, true, true)
			}
			void i18n.changeLanguage(language)
		})
		return () => {
			cancelled = true
		}
	}, [i18n, language])
}
