// Translation outside React: emails, PDFs, server-side messages. One i18next instance holds both
// languages; `translator(language)` is a `t` fixed to one of them.
import { createInstance, type TFunction } from 'i18next'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages.ts'
import { i18nextOptions } from './options.ts'
import { resources } from './resources.ts'

export const serverI18n = createInstance({ ...i18nextOptions, resources, lng: DEFAULT_LANGUAGE })
void serverI18n.init()

/** `t` in one language: a person's saved choice, or English when they have none. */
export function translator(language: Language | string | null | undefined): TFunction {
	return serverI18n.getFixedT(isLanguage(language) ? language : DEFAULT_LANGUAGE)
}
