import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

/**
 * A <details> disclosure works without JavaScript; once the page is hydrated this adds what a menu
 * is expected to do: close after navigating, on Escape (returning focus to the toggle) and on a
 * click outside it.
 */
export function useDismissableDetails<T extends HTMLDetailsElement>() {
	const ref = useRef<T>(null)
	const location = useLocation()

	useEffect(() => {
		if (ref.current) ref.current.open = false
	}, [location.pathname, location.search])

	useEffect(() => {
		const details = ref.current
		if (!details) return
		const onKeyDown = (event: KeyboardEvent) => {
			if (event.key !== 'Escape' || !details.open) return
			details.open = false
			details.querySelector('summary')?.focus()
		}
		const onPointerDown = (event: PointerEvent) => {
			if (details.open && event.target instanceof Node && !details.contains(event.target)) details.open = false
		}
		document.addEventListener('keydown', onKeyDown)
		document.addEventListener('pointerdown', onPointerDown)
		return () => {
			document.removeEventListener('keydown', onKeyDown)
			document.removeEventListener('pointerdown', onPointerDown)
		}
	}, [])

	return ref
}
