// Which language a request is answered in (ADR 0041), through remix-i18next's detector: the
// person's saved choice when signed in, then the language cookie the switcher sets, then the
// browser's Accept-Language, then English.
import { createCookie } from 'react-router'
import { RemixI18Next } from 'remix-i18next/server'
import { getEnv, isRealDeployment } from '#modules/env/env.ts'
import { DEFAULT_LANGUAGE, isLanguage, type Language, LANGUAGES } from '#modules/i18n/languages.ts'
import { i18nextOptions } from '#modules/i18n/options.ts'
import { resources } from '#modules/i18n/resources.ts'
import { translator } from '#modules/i18n/translate.ts'
import { getOptionalUser } from './auth.server.ts'

const YEAR_SECONDS = 365 * 24 * 60 * 60

/**
 * Remembers a visitor's choice of language (strictly necessary under PECR: it does only what the
 * visitor asked for, and holds nothing about them). Signed in, the choice is also saved on the account.
 */
export function languageCookie() {
	// Built on first use, when the environment has been read (Secure only in production).
	cookie ??= createCookie('circle_lang', {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: YEAR_SECONDS,
		secure: isRealDeployment(getEnv()),
	})
	return cookie
}
let cookie: ReturnType<typeof createCookie> | undefined

let remixI18n: RemixI18Next | undefined
function detector() {
	remixI18n ??= new RemixI18Next({
		detection: {
			supportedLanguages: [...LANGUAGES],
			fallbackLanguage: DEFAULT_LANGUAGE,
			cookie: languageCookie(),
			order: ['custom', 'cookie', 'header'],
			async findLocale(request) {
				const user = await getOptionalUser(request)
				return user?.language ?? null
			},
		},
		i18next: { ...i18nextOptions, resources },
	})
	return remixI18n
}

/** The language to answer this request in. */
export async function getLanguage(request: Request): Promise<Language> {
	const language = await detector().getLocale(request)
	return isLanguage(language) ? language : DEFAULT_LANGUAGE
}

/** Server-side `t` for this request's language (action messages, meta, downloads). */
export async function getT(request: Request) {
	return translator(await getLanguage(request))
}
