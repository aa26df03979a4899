// The i18next instance the server's render uses, one per language, shared by every request (issue 18,
// "Cut the cost of a page"). react-i18next's `useTranslation` is written for a browser, where a
// component renders many times and keeps its refs: on the server every call is a first render, so
// each one copied all the instance's own properties into a new wrapper object (`createI18nWrapper`)
// and made a new `t` (`getFixedT`), and every `t(key)` then spread all of i18next's options into a
// new object before looking the key up. About 5 ms of a lesson page's 24 ms of CPU.
import type { i18n as I18n, TFunction } from 'i18next'

/** A `t` remembers at most this many messages; beyond it, it translates as i18next does. */
const MAX_REMEMBERED = 2_000

type FixedT = TFunction & { lng?: string; lngs?: readonly string[]; ns?: unknown; keyPrefix?: unknown }

/**
 * `instance` (fixed to a language, never changed, its resources bundled) as the server's render should
 * see it: an object whose prototype is the instance and whose only own property is `getFixedT`, so
 * that react-i18next's per-call wrapper copies one property instead of all of i18next's; and
 * `getFixedT` hands out one `t` per language, namespace and key prefix, made once, which remembers
 * each message asked for without options. Options (interpolation, plurals, `defaultValue`) go
 * through i18next every time, so the text is exactly what i18next gives, as in the browser.
 */
export function forServerRender(instance: I18n): I18n {
	const fixed = new Map<string, TFunction>()
	const facade = Object.create(instance) as I18n
	const getFixedT = (lng: unknown, ns?: unknown, keyPrefix?: unknown, fixedOptions?: unknown) => {
		const get = instance.getFixedT as (...args: unknown[]) => TFunction
		if (fixedOptions !== undefined || (keyPrefix !== undefined && typeof keyPrefix !== 'string')) {
			return get(lng, ns, keyPrefix, fixedOptions)
		}
		const key = JSON.stringify([lng ?? null, ns ?? null, keyPrefix ?? null])
		let t = fixed.get(key)
		if (t === undefined) {
			t = rememberingT(instance, get(lng, ns, keyPrefix) as FixedT)
			fixed.set(key, t)
		}
		return t
	}
	Object.defineProperty(facade, 'getFixedT', { value: getFixedT, writable: true, enumerable: true, configurable: true })
	return facade
}

/**
 * `fixedT` as i18next makes it (lib/i18next.js, `getFixedT`), without its per-call copy of all of
 * i18next's options (needed only for selector functions and key prefixes, which go to `fixedT`), and
 * remembering what `t(key)` returns (no options, or options that are all numbers: `{ minutes: 5 }`),
 * since the resources never change.
 */
function rememberingT(instance: I18n, fixedT: FixedT): TFunction {
	const remembered = new Map<string, unknown>()
	const translate = instance.t as (key: string, options: Record<string, unknown>) => unknown
	const t = (key: unknown, ...rest: unknown[]) => {
		const options = rest[0]
		if (typeof key !== 'string' || rest.length > 1 || fixedT.keyPrefix) return callFixedT(fixedT, key, rest)
		if (options !== undefined && !isPlainOptions(options)) return callFixedT(fixedT, key, rest)
		const memoKey = options === undefined ? key : numbersOnlyKey(key, options)
		if (memoKey !== undefined) {
			const text = remembered.get(memoKey)
			if (text !== undefined) return text
		}
		// What fixedT does with a string key and an options object (or none).
		const o: Record<string, unknown> = { ...options }
		o.lng = o.lng || fixedT.lng
		o.lngs = o.lngs || fixedT.lngs
		o.ns = o.ns || fixedT.ns
		if (o.keyPrefix !== '') o.keyPrefix = o.keyPrefix || fixedT.keyPrefix
		const text = translate(key, o)
		if (memoKey !== undefined && remembered.size < MAX_REMEMBERED) remembered.set(memoKey, text)
		return text
	}
	// What react-i18next's <Trans> and the callers read off a fixed `t`.
	return Object.assign(t, { lng: fixedT.lng, lngs: fixedT.lngs, ns: fixedT.ns, keyPrefix: fixedT.keyPrefix }) as never
}

function callFixedT(fixedT: FixedT, key: unknown, rest: unknown[]) {
	return (fixedT as unknown as (...args: unknown[]) => unknown)(key, ...rest)
}

/** An options object i18next's `fixedT` would copy as it is (not a default value, not a selector's). */
function isPlainOptions(options: unknown): options is Record<string, unknown> {
	if (typeof options !== 'object' || options === null || Array.isArray(options)) return false
	const { keyPrefix } = options as { keyPrefix?: unknown }
	return !keyPrefix
}

/** The key to remember `t(key, options)` under when every option is a number, else undefined. */
function numbersOnlyKey(key: string, options: Record<string, unknown>) {
	let memoKey = key
	for (const name in options) {
		const value = options[name]
		if (typeof value !== 'number') return undefined
		memoKey += `\u0000${name}=${value}`
	}
	return memoKey
}
