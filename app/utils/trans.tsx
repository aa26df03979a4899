// A message with markup in it, rendered as React elements: Circle's own <Trans>, for the messages
// that hold a link or some emphasis ("<contact>get in touch</contact>", "<0>3</0> of 5").
//
// react-i18next's <Trans> did this before; with the HTML parser and the options it carries, it was a
// chunk of 4.3 KB gzip that every page loaded before hydrating (the root's error pages, the home
// page, the course and lesson pages use it). Circle's messages need only this much: a translated
// string (`t` with `values` and `count`), tags named in `components` (an object by name, or an array
// by index) or `br`, `strong`, `i` and `p` (rendered as themselves, as react-i18next's defaults do),
// nested or self-closing. It takes the same props as react-i18next's for those uses, so `tsc` still
// checks each `i18nKey` against the messages of the `t` it is given.
//
// One difference, on purpose: a value never becomes markup. react-i18next interpolates the values
// into the message and then parses the whole string, so a course title holding "<strong>" would be
// rendered bold; here string values are put back into the text after the message's own tags are
// read, as text.
import { cloneElement, createElement, Fragment, type ReactElement, type ReactNode } from 'react'
import type { Namespace, ParseKeys, TFunction, TOptions } from 'i18next'
import type { TransProps } from 'react-i18next'

/** The tags rendered as themselves when `components` does not name them (react-i18next's defaults). */
const BASIC_TAGS = new Set(['br', 'strong', 'i', 'p'])
/** `<name>`, `</name>` or `<name/>`; anything else with a `<` in it is text. */
const TAG = /<(\/?)([A-Za-z0-9]+)\s*(\/?)>/g
/** Stands for string value n while the message's tags are read: private-use characters, never in a message. */
const VALUE = /\uE000(\d+)\uE001/g

type Components = readonly ReactElement[] | { readonly [tagName: string]: ReactElement }

type Node = string | { name: string; children: Node[]; selfClosing: boolean }

/** The message's text and tags as a tree; a closing tag that does not match is kept as text. */
export function parseMessage(message: string): Node[] {
	const root: Node[] = []
	const open: Array<{ name: string; children: Node[]; selfClosing: boolean }> = []
	const into = () => open.at(-1)?.children ?? root
	let from = 0
	for (const match of message.matchAll(TAG)) {
		const [tag, closing, name, selfClosing] = match as unknown as [string, string, string, string]
		if (match.index > from) into().push(message.slice(from, match.index))
		from = match.index + tag.length
		if (closing) {
			// The innermost open tag of that name (findLastIndex is ES2023; the browsers' build is ES2022).
			let at = open.length - 1
			while (at >= 0 && open[at]!.name !== name) at--
			if (at < 0) {
				into().push(tag)
				continue
			}
			open.length = at
		} else {
			const node = { name, children: [], selfClosing: Boolean(selfClosing) }
			into().push(node)
			if (!selfClosing) open.push(node)
		}
	}
	if (from < message.length) into().push(message.slice(from))
	return root
}

function textWithValues(text: string, values: readonly string[]): string {
	return text.replace(VALUE, (_, index: string) => values[Number(index)] ?? '')
}

function render(nodes: Node[], components: Components, values: readonly string[]): ReactNode[] {
	return nodes.map((node, index) => {
		if (typeof node === 'string') return textWithValues(node, values)
		const element = (components as Record<string, ReactElement | undefined>)[node.name]
		const inner = render(node.children, components, values)
		if (element) {
			if (node.selfClosing || inner.length === 0) return cloneElement(element, { key: index })
			return cloneElement(element, { key: index }, ...inner)
		}
		if (BASIC_TAGS.has(node.name)) return createElement(node.name, { key: index }, ...(node.selfClosing ? [] : inner))
		// A tag nothing renders: its text, as written.
		return node.selfClosing
			? `<${node.name}/>`
			: createElement(Fragment, { key: index }, `<${node.name}>`, ...inner, `</${node.name}>`)
	})
}

export function Trans<
	const Key extends ParseKeys<Ns, TOpt, KPrefix>,
	Ns extends Namespace = 'common',
	KPrefix = undefined,
	TOpt extends TOptions & { context?: undefined } = { context: undefined },
>({
	t,
	i18nKey,
	components = {},
	values,
	count,
}: Pick<TransProps<Key, Ns, KPrefix, undefined, TOpt>, 'components' | 'values' | 'count'> & {
	t: TFunction<Ns, KPrefix>
	i18nKey: Key
}) {
	const held: string[] = []
	const options: Record<string, unknown> = {}
	for (const [name, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
		if (typeof value === 'string') {
			options[name] = `\uE000${held.length}\uE001`
			held.push(value)
		} else options[name] = value
	}
	if (count !== undefined) options.count = count
	const message = (t as unknown as (key: string, options: object) => string)(i18nKey as string, options)
	return <>{render(parseMessage(message), components, held)}</>
}
