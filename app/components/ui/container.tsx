import { type ComponentProps } from 'react'
import { cx } from './cx.ts'

const widths = {
	prose: 'max-w-3xl',
	default: 'max-w-6xl',
	wide: 'max-w-7xl',
} as const

/** Centres content with the page's side padding; comfortable at 320px and at desktop widths. */
export function Container({
	width = 'default',
	className,
	...props
}: ComponentProps<'div'> & { width?: keyof typeof widths }) {
	return <div className={cx('mx-auto w-full px-4 sm:px-6 lg:px-8', widths[width], className)} {...props} />
}
