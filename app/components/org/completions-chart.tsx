import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '#app/utils/i18n.ts'
import { dateTimeFormat } from '#modules/i18n/format.ts'

type Week = { weekStart: string; completions: number }

const shortDates = {
	en: dateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
	cy: dateTimeFormat('cy', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
}

/**
 * Completions per week as a server-rendered SVG bar chart, with the same numbers in a table (the
 * text alternative: screen readers get the table, and anyone can open it). No chart library.
 */
export function CompletionsChart({ weeks }: { weeks: Week[] }) {
	const id = useId()
	const { t } = useTranslation('org')
	const { date: formatDate, language } = useFormat()
	const shortDate = shortDates[language]
	const max = Math.max(1, ...weeks.map((w) => w.completions))
	const total = weeks.reduce((sum, w) => sum + w.completions, 0)
	const width = 720
	const height = 220
	const top = 16
	const bottom = 40
	const left = 36
	const plotHeight = height - top - bottom
	const slot = (width - left) / Math.max(1, weeks.length)
	const barWidth = Math.min(40, slot * 0.6)
	// A few whole-number gridlines.
	const step = Math.max(1, Math.ceil(max / 4))
	const ticks: number[] = []
	for (let t = 0; t <= max; t += step) ticks.push(t)
	const y = (value: number) => top + plotHeight - (value / max) * plotHeight
	const first = weeks[0]
	// An empty axis says nothing: say so in words instead.
	if (total === 0) {
		return (
			<div className="mt-4 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
				<p className="font-semibold text-stone-900">{t('chart.title')}</p>
				<p className="mt-1 text-stone-700">{t('chart.none', { weeks: weeks.length })}</p>
			</div>
		)
	}
	const summary = first
		? t('chart.summary', {
				count: total,
				weeks: weeks.length,
				date: formatDate(first.weekStart),
				busiest: Math.max(0, ...weeks.map((w) => w.completions)),
			})
		: t('chart.noData')
	return (
		<figure className="mt-4 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
			<figcaption id={`${id}-caption`} className="font-semibold text-stone-900">
				{t('chart.title')}
				<span className="block text-sm font-normal text-stone-600">{summary}</span>
			</figcaption>
			<svg
				viewBox={`0 0 ${width} ${height}`}
				className="mt-4 h-auto w-full"
				role="img"
				aria-labelledby={`${id}-caption`}
				focusable="false"
			>
				{ticks.map((t) => (
					<g key={t}>
						<line x1={left} x2={width} y1={y(t)} y2={y(t)} stroke="#e7e5e4" strokeWidth="1" />
						<text x={left - 8} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#57534e">
							{t}
						</text>
					</g>
				))}
				{weeks.map((w, i) => {
					const x = left + i * slot + (slot - barWidth) / 2
					const barTop = y(w.completions)
					return (
						<g key={w.weekStart}>
							<rect x={x} y={barTop} width={barWidth} height={top + plotHeight - barTop} rx="3" fill="#0f5257">
								<title>{t('chart.weekOf', { date: formatDate(w.weekStart), count: w.completions })}</title>
							</rect>
							{w.completions > 0 ? (
								<text x={x + barWidth / 2} y={barTop - 4} textAnchor="middle" fontSize="12" fill="#1c1917">
									{w.completions}
								</text>
							) : null}
							<text x={x + barWidth / 2} y={height - bottom + 18} textAnchor="middle" fontSize="11" fill="#57534e">
								{shortDate.format(new Date(w.weekStart))}
							</text>
						</g>
					)
				})}
			</svg>
			<details className="mt-4">
				<summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-700">{t('chart.showTable')}</summary>
				<table className="mt-2 w-full max-w-md text-left text-sm">
					<caption className="sr-only">{t('chart.title')}</caption>
					<thead className="bg-stone-50">
						<tr>
							<th scope="col" className="px-3 py-2 font-semibold">
								{t('chart.weekBeginning')}
							</th>
							<th scope="col" className="px-3 py-2 font-semibold">
								{t('chart.completions')}
							</th>
						</tr>
					</thead>
					<tbody className="divide-y divide-stone-200">
						{weeks.map((w) => (
							<tr key={w.weekStart}>
								<td className="px-3 py-2">{formatDate(w.weekStart)}</td>
								<td className="px-3 py-2">{w.completions}</td>
							</tr>
						))}
					</tbody>
				</table>
			</details>
		</figure>
	)
}
