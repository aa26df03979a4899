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
/**
 * The `lang` for a course's own English content (titles, summaries: ADR 0041) on this page: nothing
 * on an English page, `"en"` on a page in another language, so a screen reader reads it as English.
 */
export function useEnglishContentLang(): 'en' | undefined {
	return useLanguage() === 'en' ? undefined : 'en'
}

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

/**
 * Keeps the browser's i18next on the language the server chose. The switcher reloads the page, but
 * signing in or out changes the language without a reload (the account's choice takes over from the
 * cookie): every namespace the browser holds in the old language is loaded in the new one (and, for
 * a language other than English, the `errors` catalogue in both, ADR 0045), then the page re-renders
 * in it. Only in the browser, whose i18next has a backend (app/entry.client.tsx, ADR 0053).
 */
export function useSyncLanguage(language: Language) {
	const { i18n } = useTranslation()
	useEffect(() => {
		if (i18n.language === language) return
		let cancelled = false
		const namespaces = new Set(Object.keys(i18n.store.data[i18n.language] ?? {}))
		const bundles: Array<[Language, string[]]> = []
		if (language !== DEFAULT_LANGUAGE) {
			namespaces.add('errors')
			bundles.push([DEFAULT_LANGUAGE, ['errors']])
		}
		bundles.push([language, [...namespaces]])
		void Promise.all(
			bundles.map(
				([lng, ns]) => new Promise<void>((resolve) => i18n.services.backendConnector.load([lng], ns, () => resolve())),
			),
		).then(() => {
			if (!cancelled) void i18n.changeLanguage(language)
		})
		return () => {
			cancelled = true
		}
	}, [i18n, language])
}
