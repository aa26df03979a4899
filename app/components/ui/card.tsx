import { type HTMLAttributes } from 'react'
import { cx } from './cx.ts'

/** A quiet surface with a subtle border. Pass `as="article"` or `as="section"` where it is one. */
export function Card({
	as: Tag = 'div',
	className,
	...props
}: HTMLAttributes<HTMLElement> & { as?: 'div' | 'article' | 'section' | 'aside' | 'li' }) {
	return <Tag className={cx('rounded-2xl border border-stone-200 bg-white shadow-xs', className)} {...props} />
}
