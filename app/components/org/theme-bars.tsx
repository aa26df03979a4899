import { type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A small table of counts with a bar beside each, for the team themes page: the numbers are in the
 * table (what a screen reader reads), the bars only repeat them for the eye.
 */
export function ThemeBars({
	caption,
	valueLabel,
	rows,
}: {
	caption: ReactNode
	valueLabel: string
	rows: Array<{ label: string; value: number; note: string }>
}) {
	const { t } = useTranslation('org')
	const max = Math.max(1, ...rows.map((row) => row.value))
	return (
		<table className="w-full max-w-3xl border-collapse text-left">
			<caption className="mb-2 text-left text-stone-900">{caption}</caption>
			<thead className="sr-only">
				<tr>
					<th scope="col">{t('themeBars.answer')}</th>
					<th scope="col">{valueLabel}</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((row) => (
					<tr key={row.label} className="border-t border-stone-200">
						<th scope="row" className="w-2/5 py-2 pr-4 align-middle font-medium text-stone-900">
							{row.label}
						</th>
						<td className="py-2 align-middle">
							<div className="flex items-center gap-3">
								<span
									aria-hidden="true"
									className="block h-4 rounded bg-brand-600"
									style={{ width: `${Math.max(row.value === 0 ? 0 : 4, (row.value / max) * 60)}%` }}
								/>
								<span className="text-sm whitespace-nowrap text-stone-800">{row.note}</span>
							</div>
						</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}
