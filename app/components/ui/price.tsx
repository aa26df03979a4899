import { formatCoursePrice } from '#app/utils/format.ts'
import { cx } from './cx.ts'

/** A course price: "Free" or "£49.00" (VAT and volume pricing are shown at checkout). */
export function Price({ pence, className }: { pence: number; className?: string }) {
	return (
		<span className={cx('font-semibold tabular-nums', pence <= 0 ? 'text-brand-700' : 'text-stone-900', className)}>
			{formatCoursePrice(pence)}
		</span>
	)
}
