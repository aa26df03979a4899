const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Text made safe to put inside HTML (element content or a quoted attribute), for the rare markup
 * built as a string rather than by React (the compliance matrix's rows). React escapes everything else.
 */
export function escapeHtml(text: string) {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}
