import { z } from 'zod'

// The one rule for text people type into Circle. PostgreSQL refuses a NUL byte in any text value
// (the query fails), and the other C0 control characters are invisible, break CSV and PDF output and
// are never typed on purpose. Shared by the server and the browser (Conform's client-side
// validation), so this file imports nothing but zod.

// Matching control characters is the point of these two patterns.
/* eslint-disable no-control-regex */
/** Any C0 control character or DEL: for one-line fields (names, titles, searches, ids). */
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F]/
/** The same, except tab, line feed and carriage return: for text areas (Markdown, reflections). */
const CONTROL_CHARACTER_EXCEPT_LAYOUT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const CONTROL_CHARACTERS_GLOBAL = /[\u0000-\u001F\u007F]/g
/* eslint-enable no-control-regex */

export const CONTROL_CHARACTER_MESSAGE =
	'This text contains a hidden control character: type it again, or paste it as plain text'

/** Whether `value` holds a character no text field accepts (multiline: tabs and line breaks are fine). */
export function hasControlCharacter(value: string, { multiline = false } = {}) {
	return (multiline ? CONTROL_CHARACTER_EXCEPT_LAYOUT : CONTROL_CHARACTER).test(value)
}

type StringParams = Parameters<typeof z.string>[0]

/**
 * A one-line text field: trimmed, and refused with a clear message when it holds a NUL byte or
 * another control character (a line break included). Chain `.min()`, `.max()` and the rest as on
 * `z.string()`.
 */
export function singleLineText(params?: StringParams) {
	return z
		.string(params)
		.trim()
		.refine((value) => !hasControlCharacter(value), CONTROL_CHARACTER_MESSAGE)
}

/** A text area: tabs and line breaks allowed, NUL and other control characters refused. Not trimmed. */
export function multilineText(params?: StringParams) {
	return z.string(params).refine((value) => !hasControlCharacter(value, { multiline: true }), CONTROL_CHARACTER_MESSAGE)
}

/**
 * A search box's text as every search uses it: control characters dropped (a search is never an
 * error worth a message, and PostgreSQL would refuse a NUL byte), trimmed, and cut to `max`
 * characters (a very long term is never useful and costs a scan). Empty when nothing is left.
 */
export function searchTerm(query: string | null | undefined, max = 200) {
	return (query ?? '').replace(CONTROL_CHARACTERS_GLOBAL, '').trim().slice(0, max)
}
