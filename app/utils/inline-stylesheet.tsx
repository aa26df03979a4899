// The app's stylesheet, inlined in the page's <head> by the server (ADR 0057): a production page carries
// its CSS in a <style> element instead of a <link rel="stylesheet">, so nothing the browser downloads
// stands between the HTML and the first paint. entry.server.tsx puts the built CSS in this context and
// the root layout writes it into the head; in the browser the layout reads the same text back from the
// element before hydrating it, so it hydrates unchanged and the CSS is not in the page's JavaScript.
// The root layout is never unmounted, so client-side navigation keeps it. In development (Vite's dev
// server, Vitest) the context is empty and the root route links the stylesheet instead.
import { createContext, useContext, useState } from 'react'

export const STYLESHEET_ID = 'circle-styles'

export const InlineStylesheetContext = createContext('')

/** `<style>` with the app's CSS; nothing when none was inlined (development). */
export function InlineStylesheet() {
	const fromServer = useContext(InlineStylesheetContext)
	const [css] = useState(
		() =>
			fromServer ||
			(typeof document === 'undefined' ? '' : (document.getElementById(STYLESHEET_ID)?.textContent ?? '')),
	)
	if (!css) return null
	return <style id={STYLESHEET_ID} dangerouslySetInnerHTML={{ __html: css }} />
}

/** CSS that is safe inside a `<style>` element: no `</style` can end it early (`\/` is `/` in CSS). */
export function styleSafeCss(css: string) {
	return css.replace(/<\/(style)/gi, '<\\/$1')
}
