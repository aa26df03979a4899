// The page's messages, inlined by the server (ADR 0053): entry.server.tsx puts the JSON of exactly
// the namespaces the page's routes use in this context, the root layout writes it into the page, and
// entry.client.tsx reads it back before hydrating (and provides the same text, so the element
// hydrates unchanged). A data block, not a script: nothing runs, so the CSP needs no nonce for it.
import { createContext, useContext } from 'react'

/** The id of the `<script type="application/json">` that carries a page's messages. */
export const MESSAGES_SCRIPT_ID = 'i18n-messages'

export const InlineMessagesContext = createContext('')

/** `<script type="application/json">` with the page's messages; nothing when there are none. */
export function InlineMessages() {
	const json = useContext(InlineMessagesContext)
	if (!json) return null
	return <script id={MESSAGES_SCRIPT_ID} type="application/json" dangerouslySetInnerHTML={{ __html: json }} />
}

/** JSON that is safe inside a `<script>` element: no `</script>` or `<!--` can end it early. */
export function scriptSafeJson(value: unknown) {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029')
}
