import { type ReactNode } from 'react'
import { useTranslateError } from '#app/utils/i18n.ts'
import { cx } from './cx.ts'

const tones = {
	info: 'border-brand-200 bg-brand-50 text-brand-900',
	success: 'border-green-200 bg-green-50 text-green-900',
	warning: 'border-accent-200 bg-accent-50 text-accent-900',
	error: 'border-red-200 bg-red-50 text-red-900',
} as const

/**
 * A message box. `role` is up to the caller: "status" for confirmations that should be announced
 * politely, "alert" for errors that need attention now, nothing for static notes. An error or
 * warning given as plain text (a domain error's message, say) is shown in the page's language
 * (ADR 0045).
 */
export function Notice({
	tone = 'info',
	title,
	children,
	role,
	className,
	id,
	tabIndex,
}: {
	tone?: keyof typeof tones
	title?: ReactNode
	children?: ReactNode
	role?: 'status' | 'alert'
	className?: string
	id?: string
	tabIndex?: number
}) {
	const translateError = useTranslateError()
	if (tone === 'error' || tone === 'warning') {
		if (typeof title === 'string') title = translateError(title)
		if (typeof children === 'string') children = translateError(children)
	}
	return (
		<div role={role} id={id} tabIndex={tabIndex} className={cx('rounded-xl border p-4 sm:p-5', tones[tone], className)}>
			{title ? <p className="font-semibold">{title}</p> : null}
			{children ? (
				<div className={cx(title ? 'mt-1' : undefined, 'text-[0.95rem] leading-relaxed')}>{children}</div>
			) : null}
		</div>
	)
}
