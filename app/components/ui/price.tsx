import { useFormat } from '#app/utils/i18n.ts'
import { cx } from './cx.ts'

/** A course price: "Free" or "£49.00", "Am ddim" on a Welsh page (VAT and volume pricing are shown at checkout). */
export function Price({ pence, className }: { pence: number; className?: string }) {
	const format = useFormat()
	return (
		<span className={cx('font-semibold tabular-nums', pence <= 0 ? 'text-brand-700' : 'text-stone-900', className)}>
			{format.coursePrice(pence)}
		</span>
	)
}
