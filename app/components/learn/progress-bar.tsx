import { useId } from 'react'
import { cx } from '#app/components/ui/cx.ts'

/**
 * A labelled progress bar. It is a real `progressbar` (aria-valuenow/min/max plus a spoken
 * aria-valuetext such as "3 of 8 lessons done"), so screen readers hear the number, and the label
 * is visible text, not colour alone.
 */
export function ProgressBar({
	label,
	value,
	valueText,
	className,
	showLabel = true,
}: {
	label: string
	/** 0–100 */
	value: number
	valueText: string
	className?: string
	showLabel?: boolean
}) {
	const id = useId()
	const percent = Math.max(0, Math.min(100, Math.round(value)))
	return (
		<div className={className}>
			{showLabel ? (
				<div className="mb-1 flex items-baseline justify-between gap-2 text-sm">
					<span id={id} className="font-medium text-stone-800">
						{label}
					</span>
					<span className="text-stone-700">{percent}%</span>
				</div>
			) : null}
			<div
				role="progressbar"
				aria-labelledby={showLabel ? id : undefined}
				aria-label={showLabel ? undefined : label}
				aria-valuemin={0}
				aria-valuemax={100}
				aria-valuenow={percent}
				aria-valuetext={valueText}
				className="h-2.5 w-full overflow-hidden rounded-full bg-stone-200"
			>
				<div
					className={cx('h-full rounded-full', percent >= 100 ? 'bg-green-700' : 'bg-brand-600')}
					style={{ width: `${percent}%` }}
				/>
			</div>
		</div>
	)
}
