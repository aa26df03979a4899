import { cx } from '#app/components/ui/cx.ts'

/**
 * Circle's mark: a ring with one person joining it, drawn inline so the page needs no image
 * requests. `tone` picks colours for light or dark backgrounds.
 */
export function CircleMark({ className, tone = 'light' }: { className?: string; tone?: 'light' | 'dark' }) {
	const ring = tone === 'light' ? 'var(--color-brand-700)' : '#ffffff'
	const dot = tone === 'light' ? 'var(--color-accent-500)' : 'var(--color-accent-300)'
	const gap = tone === 'light' ? '#ffffff' : 'var(--color-brand-900)'
	return (
		<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={cx('size-8', className)}>
			<circle cx="16" cy="17" r="11" fill="none" stroke={ring} strokeWidth="3.5" />
			{/* Someone joining the circle: the accent dot sits on the ring with a gap around it. */}
			<circle cx="16" cy="6" r="5" fill={gap} />
			<circle cx="16" cy="6" r="3.5" fill={dot} />
		</svg>
	)
}

export function Wordmark({ tone = 'light', className }: { tone?: 'light' | 'dark'; className?: string }) {
	return (
		<span className={cx('inline-flex items-center gap-2', className)}>
			<CircleMark tone={tone} />
			<span className={cx('text-xl font-bold tracking-tight', tone === 'light' ? 'text-brand-800' : 'text-white')}>
				Circle
			</span>
		</span>
	)
}
