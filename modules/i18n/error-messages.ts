// Error messages in the reader's language (ADR 0045). Domain errors and zod schemas keep writing
// their English, which stays what logs, scripts, JSON problems and English pages see, byte for byte.
// What a person reads goes through translateErrorMessage at render time: the English is looked up
// in the `errors` namespace's English catalogue (an exact sentence, or a template whose {{values}}
// are captured from the message) and the same key is rendered in the page's language with the
// captured values. Shared by the server's render and the browser, so it imports only types.
import type { i18n as I18n } from 'i18next'
import type { Language } from './languages.ts'

type Tree = { [key: string]: string | Tree }

type Pattern = { key: string; regex: RegExp; names: string[]; literalLength: number }

export type ErrorCatalogue = {
	/** The catalogue key and captured values for an English message, or null when it has no entry. */
	match(message: string): { key: string; values: Record<string, string> } | null
	/**
	 * The entry whose English, placeholders ignored, is `template` (a message as written in the source,
	 * with `{{…}}` where it is computed): how the guard test checks every message has an entry.
	 */
	matchTemplate(template: string): string | null
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g

function escapeRegex(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The literal parts of a template, placeholders dropped: the same skeleton whatever they are named. */
function skeleton(template: string) {
	return template.replace(PLACEHOLDER, '\u0000')
}

function leaves(tree: Tree, prefix = '', out: Array<[string, string]> = []) {
	for (const [key, value] of Object.entries(tree)) {
		const path = prefix ? `${prefix}.${key}` : key
		if (typeof value === 'string') out.push([path, value])
		else leaves(value, path, out)
	}
	return out
}

const compiled = new WeakMap<object, ErrorCatalogue>()

/** The lookup built from the English `errors` namespace (built once per bundle object). */
export function compileErrorCatalogue(english: Tree): ErrorCatalogue {
	const cached = compiled.get(english)
	if (cached) return cached
	const exact = new Map<string, string>()
	const skeletons = new Map<string, string>()
	const patterns: Pattern[] = []
	for (const [path, text] of leaves(english)) {
		// A plural form answers for its base key: t() picks the reader's form from `count`.
		const key = path.replace(PLURAL_SUFFIX, '')
		if (!skeletons.has(skeleton(text))) skeletons.set(skeleton(text), key)
		const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)
		if (names.length === 0) {
			if (!exact.has(text)) exact.set(text, key)
			continue
		}
		const parts = text.split(PLACEHOLDER).filter((_, index) => index % 2 === 0)
		patterns.push({
			key,
			names,
			regex: new RegExp(`^${parts.map(escapeRegex).join('([\\s\\S]+?)')}$`),
			literalLength: parts.join('').length,
		})
	}
	// The most specific template first: "Too small: expected string to have >={{minimum}} characters"
	// before "Too small: {{detail}}".
	patterns.sort((a, b) => b.literalLength - a.literalLength)
	const catalogue: ErrorCatalogue = {
		match(message) {
			const key = exact.get(message)
			if (key) return { key, values: {} }
			for (const pattern of patterns) {
				const found = pattern.regex.exec(message)
				if (!found) continue
				const values: Record<string, string> = {}
				pattern.names.forEach((name, index) => (values[name] = found[index + 1]!))
				return { key: pattern.key, values }
			}
			return null
		},
		matchTemplate(template) {
			return exact.get(template) ?? skeletons.get(skeleton(template)) ?? null
		},
	}
	compiled.set(english, catalogue)
	return catalogue
}

/**
 * `message` (an English error message from a domain error, a zod schema or zod itself) in
 * `language`. English, and anything the catalogue does not know (a message already written in the
 * reader's language, say), comes back unchanged. Captured values that are themselves catalogued
 * messages ("This draft cannot be published yet: {{reason}}") are translated too.
 */
export function translateErrorMessage(message: string, language: Language, i18n: I18n, depth = 0): string {
	if (language === 'en' || !message) return message
	const english = i18n.getResourceBundle('en', 'errors') as Tree | undefined
	if (!english) return message
	const found = compileErrorCatalogue(english).match(message)
	if (!found) return message
	const values: Record<string, string | number> = {}
	for (const [name, value] of Object.entries(found.values)) {
		values[name] =
			name === 'count' && /^\d+$/.test(value)
				? Number(value)
				: depth < 2
					? translateErrorMessage(value, language, i18n, depth + 1)
					: value
	}
	const t = i18n.getFixedT(language, 'errors')
	return (t as unknown as (key: string, options: object) => string)(found.key, { ...values, defaultValue: message })
}
