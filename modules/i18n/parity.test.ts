// Every message exists in both languages (ADR 0041): the same namespaces, the same keys (plurals in
// each language's own forms), the same {{placeholders}}, and no empty or untranslated text.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { LANGUAGES, languageTag, type Language } from './languages.ts'
import { resources } from './resources.ts'

const localesDir = new URL('./locales/', import.meta.url)

type Tree = { [key: string]: string | Tree }

/** Leaf keys as dotted paths, each with its text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
	const out = new Map<string, string>()
	for (const [key, value] of Object.entries(tree)) {
		const path = prefix ? `${prefix}.${key}` : key
		if (typeof value === 'string') out.set(path, value)
		else for (const [k, v] of leaves(value, path)) out.set(k, v)
	}
	return out
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/** Plural keys grouped by their base key, with the forms each language has. */
function split(keys: Iterable<string>) {
	const plain = new Set<string>()
	const plurals = new Map<string, Set<string>>()
	for (const key of keys) {
		const match = PLURAL_SUFFIX.exec(key)
		if (!match) {
			plain.add(key)
			continue
		}
		const base = key.slice(0, match.index)
		plurals.set(base, (plurals.get(base) ?? new Set()).add(match[1]!))
	}
	return { plain, plurals }
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort()

// Words that are the same in both languages: names and acronyms Circle keeps as they are.
// "Sector" is the Welsh word as well.
const SAME_IN_BOTH = /^(Circle|CPD|NMC|HCPC|RJC|SCORM|xAPI|VAT|PDF|CSV|XLSX|JSON|ZIP|URL|ID|OK|Sector|[\d\s.,:;/()£%+–-]*)$/i

describe('messages', () => {
	test('every language has the same message files, and each is in its index', () => {
		const files = (language: Language) =>
			readdirSync(new URL(`${language}/`, localesDir))
				.filter((name) => name.endsWith('.json'))
				.map((name) => name.replace(/\.json$/, ''))
				.sort()
		const english = files('en')
		expect(english.length).toBeGreaterThan(0)
		for (const language of LANGUAGES) {
			expect(files(language), `${language} message files`).toEqual(english)
			expect(Object.keys(resources[language]).sort(), `${language}/index.ts`).toEqual(english)
		}
	})

	for (const namespace of Object.keys(resources.en) as (keyof typeof resources.en)[]) {
		test(`${namespace}: the same keys, placeholders and plural forms in every language`, () => {
			const english = leaves(resources.en[namespace] as Tree)
			const englishKeys = split(english.keys())
			for (const language of LANGUAGES) {
				const messages = leaves(resources[language][namespace] as Tree)
				const keys = split(messages.keys())
				expect([...keys.plain].sort(), `${language}/${namespace}.json keys`).toEqual([...englishKeys.plain].sort())
				expect([...keys.plurals.keys()].sort(), `${language}/${namespace}.json plural keys`).toEqual(
					[...englishKeys.plurals.keys()].sort(),
				)
				// Each plural key has exactly the forms the language's plural rules use (Welsh has six).
				const forms = new Intl.PluralRules(languageTag(language)).resolvedOptions().pluralCategories.slice().sort()
				for (const [base, present] of keys.plurals) {
					expect([...present].sort(), `${language}/${namespace}.json ${base}`).toEqual(forms)
				}
				for (const [key, text] of messages) {
					expect(text.trim(), `${language}/${namespace}.json ${key} is empty`).not.toBe('')
					const englishKey = english.has(key) ? key : `${key.replace(PLURAL_SUFFIX, '')}_other`
					expect(placeholders(text), `${language}/${namespace}.json ${key} placeholders`).toEqual(
						placeholders(english.get(englishKey) ?? ''),
					)
					if (language !== 'en' && english.get(key) === text && !SAME_IN_BOTH.test(text)) {
						expect.fail(`${language}/${namespace}.json ${key} is the English text, untranslated: "${text}"`)
					}
				}
			}
		})
	}

	test('every message file is valid JSON', () => {
		for (const language of LANGUAGES) {
			for (const name of readdirSync(new URL(`${language}/`, localesDir)).filter((n) => n.endsWith('.json'))) {
				const text = readFileSync(new URL(`${language}/${name}`, localesDir), 'utf8')
				expect(() => JSON.parse(text), `${language}/${name}`).not.toThrow()
			}
		}
	})

	// react-i18next's <Trans> parses messages as HTML, where these elements are void: <link>words</link>
	// renders an empty link with the words after it. Name such tags <a>, <strong>, … instead.
	test('no message wraps words in a tag HTML treats as empty', () => {
		const VOID_TAG = /<(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)>/
		for (const language of LANGUAGES) {
			for (const [namespace, tree] of Object.entries(resources[language])) {
				for (const [key, text] of leaves(tree as Tree)) {
					expect(VOID_TAG.test(text), `${language}/${namespace}.json ${key}: ${text}`).toBe(false)
				}
			}
		}
	})
})
