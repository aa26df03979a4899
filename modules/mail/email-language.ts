// The language an email is written in (ADR 0041): the recipient's own choice when they have an account,
// else what the sender chose for them (an invitation), else English.
import type { i18n as I18n, TFunction } from 'i18next'
import { prisma, type Tx } from '#modules/db/client.ts'
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '#modules/i18n/languages.ts'
import { serverI18n } from '#modules/i18n/translate.ts'

/** A `t` for the `emails` namespace, fixed to one language: what every template's subject() receives. */
export type EmailT = TFunction<'emails'>

// One i18next instance per language, sharing the server's messages, for templates rendered with React
// (I18nextProvider): concurrent emails in different languages never switch each other's language.
const instances = new Map<Language, I18n>(
	LANGUAGES.map((language) => [language, serverI18n.cloneInstance({ lng: language, defaultNS: 'emails' })]),
)

export function emailI18n(language: Language): I18n {
	return instances.get(language) ?? instances.get(DEFAULT_LANGUAGE)!
}

export function emailT(language: Language): EmailT {
	return serverI18n.getFixedT(language, 'emails')
}

/**
 * The language to write to `address` in: the saved choice of the person whose sign-in or personal
 * address it is; `fallback` (the sender's choice) or English for anyone else or anyone who has not chosen.
 */
export async function recipientLanguage(address: string, fallback?: Language | null, tx?: Tx): Promise<Language> {
	const email = address.trim().toLowerCase()
	const user = await (tx ?? prisma).user.findFirst({
		where: { OR: [{ email }, { personalEmail: email }] },
		select: { language: true },
	})
	if (isLanguage(user?.language)) return user.language
	return isLanguage(fallback) ? fallback : DEFAULT_LANGUAGE
}
