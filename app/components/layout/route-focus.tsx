import { useEffect, useRef } from 'react'
import { type Location, useLocation } from 'react-router'

/**
 * Where keyboard and screen reader focus goes after a client-side navigation, or null to leave it.
 * A full page load starts at the top of the document; a client-side one leaves focus on the link or
 * button that was used (often gone from the page, so focus falls to the body) and says nothing. So:
 * a navigation to `#id` focuses that element (a quiz result, a form); one to another page focuses
 * its main heading, which a screen reader then reads out, the way a route announcer would. A change
 * of query string alone (filters, pagination, a confirmation panel) leaves focus where it is.
 */
export function routeFocusTarget(
	doc: Document,
	location: Pick<Location, 'pathname' | 'hash'>,
	previous: Pick<Location, 'pathname'>,
): HTMLElement | null {
	if (location.hash.length > 1) {
		const target = doc.getElementById(decodeURIComponent(location.hash.slice(1)))
		if (target) return target
	}
	if (location.pathname === previous.pathname) return null
	return doc.querySelector<HTMLElement>('#main h1') ?? doc.getElementById('main')
}

/** Moves focus after client-side navigations (see routeFocusTarget). Rendered once, in the root layout. */
export function RouteFocus() {
	const location = useLocation()
	const previous = useRef<Location | null>(null)
	useEffect(() => {
		const before = previous.current
		previous.current = location
		// The first render is a full page load: the browser starts at the top (or at the #fragment).
		if (!before || before.key === location.key) return
		const active = document.activeElement
		// A page that has already put focus somewhere of its own (an element made focusable for the
		// purpose, such as a confirmation it just showed) keeps it.
		if (active instanceof HTMLElement && active !== document.body && active.getAttribute('tabindex') === '-1') return
		const target = routeFocusTarget(document, location, before)
		if (!target) return
		if (!target.hasAttribute('tabindex') && !isFocusable(target)) target.setAttribute('tabindex', '-1')
		// React Router has already scrolled (to the top, to the fragment or back to where this page was).
		target.focus({ preventScroll: true })
	}, [location])
	return null
}

function isFocusable(element: HTMLElement) {
	return element.matches('a[href], button, input, select, textarea, summary, [contenteditable]')
}
