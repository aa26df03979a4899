import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Badge } from '#app/components/ui/badge.tsx'
import { useFormat } from '#app/utils/i18n.ts'
import type { RjcLevel } from '#modules/db/generated/enums.ts'
import type { Requirement } from '#modules/reflective-records/revalidation.ts'

const KEYS = [
	'hours',
	'participatory',
	'feedback',
	'accounts',
	'discussion',
	'records',
	'peer',
	'rjc-hours',
	'rjc-approved',
	'rjc-observed',
] as const

/** A requirement's label in the page's language, by its key (the module's English label otherwise). */
function labelOf(t: TFunction<'records'>, r: Requirement, level: RjcLevel | undefined) {
	const key = KEYS.find((k) => k === r.key)
	if (!key) return r.label
	return key === 'rjc-hours'
		? t('requirement.rjc-hours', { level: level ? t(`rjcLevel.${level}`) : '' })
		: t(`requirement.${key}`)
}

/** A regulator's requirements as labelled progress bars: what is asked, what is done, and "Done" when met. */
export function Requirements({ items, id, level }: { items: Requirement[]; id: string; level?: RjcLevel }) {
	const { t } = useTranslation('records')
	const f = useFormat()
	const amount = (value: number, unit: Requirement['unit']) => {
		const n = Math.round(value * 100) / 100
		return unit === 'hours'
			? t('amountHours', { count: n, hours: f.number(n, { maximumFractionDigits: 2 }) })
			: f.number(n)
	}
	return (
		<ul className="mt-4 space-y-4" aria-labelledby={id}>
			{items.map((r) => {
				const share = r.target ? Math.min(1, r.done / r.target) : 1
				const label = labelOf(t, r, level)
				return (
					<li key={r.key} data-requirement={r.key}>
						<div className="flex flex-wrap items-baseline justify-between gap-2">
							<span className="font-medium text-stone-900">{label}</span>
							<span className="text-stone-700">
								<span className="font-semibold text-stone-900">{amount(r.done, r.unit)}</span>
								{t('of')}
								{amount(r.target, r.unit)} {r.met ? <Badge tone="success">{t('done')}</Badge> : null}
							</span>
						</div>
						<div
							className="mt-1 h-3 overflow-hidden rounded-full bg-stone-200"
							role="progressbar"
							aria-label={label}
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
