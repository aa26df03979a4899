// The languages Circle's interface is written in (ADR 0041). Shared by server and browser code, so it
// imports only plain values.
import type { Language } from '#modules/db/generated/enums.ts'

export type { Language }

/** Every language the interface is offered in, English first (the fallback). */
export const LANGUAGES = ['en', 'cy'] as const satisfies readonly Language[]

export const DEFAULT_LANGUAGE: Language = 'en'

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** The language's own name, as the switcher offers it to a reader of that language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', cy: 'Cymraeg' }

/**
 * The BCP 47 tag for `<html lang>` and for Intl's dates and numbers: British English and Welsh as
 * written in the UK.
 */
export function languageTag(language: Language) {
	return language === 'cy' ? 'cy-GB' : 'en-GB'
}
