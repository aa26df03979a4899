import { type ComponentProps } from 'react'
import { Link } from 'react-router'
import { cx } from './cx.ts'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'on-dark' | 'on-dark-outline' | 'danger'
export type ButtonSize = 'sm' | 'md' | 'lg'

const base =
	'inline-flex items-center justify-center gap-2 rounded-lg font-semibold no-underline transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60'

const variants: Record<ButtonVariant, string> = {
	primary: 'bg-brand-700 text-white shadow-sm hover:bg-brand-800 active:bg-brand-900',
	secondary: 'border border-brand-700 bg-white text-brand-700 hover:bg-brand-50',
	ghost: 'text-brand-700 hover:bg-brand-50',
	'on-dark': 'bg-white text-brand-800 shadow-sm hover:bg-brand-50',
	'on-dark-outline': 'border border-white/80 text-white hover:bg-white/10',
	danger: 'bg-red-700 text-white shadow-sm hover:bg-red-800',
}

// Every size keeps the target at least 24px high (WCAG 2.2 target size); md and lg reach 44px.
const sizes: Record<ButtonSize, string> = {
	sm: 'min-h-9 px-3 text-sm',
	md: 'min-h-11 px-4 text-base',
	lg: 'min-h-12 px-6 text-lg',
}

export function buttonClasses({
	variant = 'primary',
	size = 'md',
	className,
}: {
	variant?: ButtonVariant
	size?: ButtonSize
	className?: string
} = {}) {
	return cx(base, variants[variant], sizes[size], className)
}

type StyleProps = { variant?: ButtonVariant; size?: ButtonSize }

export function Button({ variant, size, className, type = 'button', ...props }: ComponentProps<'button'> & StyleProps) {
	return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />
}

/** A link that looks like a button: for navigation, never for actions that change data. */
export function ButtonLink({ variant, size, className, ...props }: ComponentProps<typeof Link> & StyleProps) {
	return <Link className={buttonClasses({ variant, size, className })} {...props} />
}
