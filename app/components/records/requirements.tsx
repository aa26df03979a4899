import { Badge } from '#app/components/ui/badge.tsx'
import type { Requirement } from '#modules/reflective-records/revalidation.ts'

function amount(value: number, unit: Requirement['unit']) {
	const n = Math.round(value * 100) / 100
	return unit === 'hours' ? `${n} ${n === 1 ? 'hour' : 'hours'}` : String(n)
}

/** A regulator's requirements as labelled progress bars: what is asked, what is done, and "Done" when met. */
export function Requirements({ items, id }: { items: Requirement[]; id: string }) {
	return (
		<ul className="mt-4 space-y-4" aria-labelledby={id}>
			{items.map((r) => {
				const share = r.target ? Math.min(1, r.done / r.target) : 1
				return (
					<li key={r.key} data-requirement={r.key}>
						<div className="flex flex-wrap items-baseline justify-between gap-2">
							<span className="font-medium text-stone-900">{r.label}</span>
							<span className="text-stone-700">
								<span className="font-semibold text-stone-900">{amount(r.done, r.unit)}</span> of{' '}
								{amount(r.target, r.unit)} {r.met ? <Badge tone="success">Done</Badge> : null}
							</span>
						</div>
						<div
							className="mt-1 h-3 overflow-hidden rounded-full bg-stone-200"
							role="progressbar"
							aria-label={r.label}
							aria-valuemin={0}
							aria-valuemax={r.target}
							aria-valuenow={Math.min(r.done, r.target)}
						>
							<div
								className={r.met ? 'h-full bg-green-700' : 'h-full bg-brand-700'}
								style={{ width: `${share * 100}%` }}
							/>
						</div>
					</li>
				)
			})}
		</ul>
	)
}
