import { type ComponentProps } from 'react'
import { cx } from './cx.ts'

const tones = {
	brand: 'bg-brand-50 text-brand-800 ring-brand-200',
	accent: 'bg-accent-50 text-accent-800 ring-accent-200',
	neutral: 'bg-stone-100 text-stone-700 ring-stone-200',
	success: 'bg-green-50 text-green-800 ring-green-200',
} as const

export function Badge({ tone = 'brand', className, ...props }: ComponentProps<'span'> & { tone?: keyof typeof tones }) {
	return (
		<span
			className={cx(
				'inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset',
				tones[tone],
				className,
			)}
			{...props}
		/>
	)
}
