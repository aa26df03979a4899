// Dates, prices and CPD figures in the language the email is being written in (ADR 0041): callers
// pass Dates and numbers, never text they formatted themselves, so a Welsh reader gets Welsh months.
import { useTranslation } from 'react-i18next'
import {
	formatCalendarDay,
	formatCpdHours,
	formatDate,
	formatDateAtTime,
	formatHoursAndMinutes,
	formatPrice,
	formatWeekdayDateAtTime,
} from '#modules/i18n/format.ts'
import { DEFAULT_LANGUAGE, isLanguage, languageTag, type Language } from '#modules/i18n/languages.ts'

export function useEmailLanguage(): Language {
	const { i18n } = useTranslation('emails')
	return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE
}

export function useEmailFormat() {
	const language = useEmailLanguage()
	return {
		language,
		/** "21 November 2026": the UK date of an instant. */
		date: (value: Date) => formatDate(value, language),
		/** A calendar day from a `date` column (held as UTC midnight). */
		day: (value: Date) => formatCalendarDay(value, language),
		/** "5 December 2026 at 21:46", UK time. */
		dateAtTime: (value: Date) => formatDateAtTime(value, language),
		/** "Monday 14 December 2026 at 18:30", UK time. */
		weekdayDateAtTime: (value: Date) => formatWeekdayDateAtTime(value, language),
		price: (pence: number) => formatPrice(pence, language),
		cpdHours: (minutes: number) => formatCpdHours(minutes, language),
		hoursAndMinutes: (minutes: number) => formatHoursAndMinutes(minutes, language),
		number: (value: number) => value.toLocaleString(languageTag(language)),
	}
}
