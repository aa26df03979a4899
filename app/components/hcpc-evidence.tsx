import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Notice } from '#app/components/ui/notice.tsx'
import { useFormat } from '#app/utils/i18n.ts'
import type { HcpcActivity, HcpcActivityType, HcpcGap } from '#modules/reflective-records/hcpc-gaps.ts'

/** What the HCPC builder shows about the learner's record: loader data from getHcpcEvidence. */
export type HcpcEvidenceData = {
	cycle: { start: string; end: string }
	activities: HcpcActivity[]
	gaps: HcpcGap[]
	types: HcpcActivityType[]
	enoughTypes: boolean
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

/** The kinds of activity as a phrase in the page's language: "work-based learning and reading". */
function useKindList() {
	const { t } = useTranslation('records')
	return (types: readonly HcpcActivityType[]) => {
		const words = types.map((type) => t(`hcpcEvidence.type.${type}`))
		return words.length <= 1
			? (words[0] ?? '')
			: t('hcpcEvidence.and', { list: words.slice(0, -1).join(', '), last: words.at(-1) })
	}
}

/**
 * "No activity from 3 March 2025 (after “Moving and handling update”) to 14 July 2025: 4 months.", in
 * the page's language (the module's `gapSentence` writes the PDF's English).
 */
export function useGapSentence() {
	const { t } = useTranslation('records')
	const f = useFormat()
	return (gap: HcpcGap) =>
		t('hcpcEvidence.gapSentence', {
			count: gap.months,
			from: gap.after
				? t('hcpcEvidence.fromAfter', { date: f.date(gap.from), title: gap.after })
				: t('hcpcEvidence.fromStart', { date: f.date(gap.from) }),
			to: gap.before
				? `${f.date(gap.to)} (“${gap.before}”)`
				: t('hcpcEvidence.toToday', { date: f.date(gap.to) }),
		})
}

const SOURCES = new Set(['Course certificate', 'Reflective circle'])

/**
 * The checks an HCPC profile needs beside its text: the two-year period, a mixture of at least two
 * kinds of activity, a warning for each gap of three months or more (saying where), and the dated
 * list of every activity, oldest first. `explainHref` points at the gap explanation, when there is one to write.
 */
export function HcpcEvidence({ evidence, explainHref }: { evidence: HcpcEvidenceData; explainHref?: string }) {
	const { cycle, activities, gaps, types, enoughTypes } = evidence
	const { t } = useTranslation('records')
	const f = useFormat()
	const kindList = useKindList()
	const gapSentence = useGapSentence()
	return (
		<section aria-labelledby="hcpc-evidence-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-5">
			<h2 id="hcpc-evidence-heading" className="text-xl font-bold text-stone-900">
				{t('hcpcEvidence.heading')}
			</h2>
			<p className="mt-1 text-stone-700">
				{t('hcpcEvidence.period', { start: f.date(cycle.start), end: f.date(cycle.end) })}
			</p>

			<ul className="mt-4 space-y-3">
				<li data-check="types">
					{enoughTypes ? (
						<Notice tone="success" title={t('hcpcEvidence.mixture', { count: types.length })}>
							{t('hcpcEvidence.youHave', { types: kindList(types) })}
						</Notice>
					) : (
						<Notice tone="warning" title={t('hcpcEvidence.addKind')}>
							{types.length === 0
								? t('hcpcEvidence.nothing')
								: t('hcpcEvidence.everything', { types: kindList(types) })}{' '}
							{t('hcpcEvidence.askMixture')}{' '}
							<Link to="/cpd/new" className={LINK}>
								{t('hcpcEvidence.addEntry')}
							</Link>
						</Notice>
					)}
				</li>
				{gaps.map((gap) => (
					<li key={`${gap.from}-${gap.to}`} data-check="gap">
						<Notice tone="warning" title={t('hcpcEvidence.gapTitle', { count: gap.months })}>
							{gapSentence(gap)} {t('hcpcEvidence.gapAsk')}{' '}
							{explainHref ? (
								<a href={explainHref} className={LINK}>
									{t('hcpcEvidence.explain')}
								</a>
							) : null}
						</Notice>
					</li>
				))}
				{gaps.length === 0 && activities.length > 0 ? (
					<li data-check="no-gaps">
						<Notice tone="success" title={t('hcpcEvidence.noGaps')} />
					</li>
				) : null}
			</ul>

			<details className="mt-4" open={activities.length > 0 && activities.length <= 12}>
				<summary className="cursor-pointer font-semibold text-stone-900">
					{t('hcpcEvidence.activities', { count: activities.length })}
				</summary>
				{activities.length ? (
					<div className="relative mt-3 overflow-x-auto">
						<table className="w-full text-left text-sm">
							<caption className="sr-only">{t('hcpcEvidence.caption')}</caption>
							<thead className="border-b border-stone-300 text-stone-700">
								<tr>
									<th scope="col" className="py-2 pr-3 font-semibold">
										{t('hcpcEvidence.date')}
									</th>
									<th scope="col" className="py-2 pr-3 font-semibold">
										{t('hcpcEvidence.activity')}
									</th>
									<th scope="col" className="py-2 pr-3 font-semibold">
										{t('hcpcEvidence.kind')}
									</th>
									<th scope="col" className="py-2 font-semibold">
										{t('hcpcEvidence.inCircle')}
									</th>
								</tr>
							</thead>
							<tbody className="divide-y divide-stone-200">
								{activities.map((a) => (
									<tr key={`${a.href}-${a.date}`}>
										<td className="py-2 pr-3 whitespace-nowrap text-stone-700">{f.date(a.date)}</td>
										<td className="py-2 pr-3">
											<Link to={a.href} className={LINK}>
												{a.title}
											</Link>
										</td>
										<td className="py-2 pr-3 text-stone-800">{t(`hcpcEvidence.type.${a.type}`)}</td>
										{SOURCES.has(a.source) ? (
											<td className="py-2 text-stone-700">
												{t(`hcpcEvidence.source.${a.source as 'Course certificate'}`)}
											</td>
										) : (
											// A CPD entry's method or a record's form, in the English the PDF uses.
											<td lang="en" className="py-2 text-stone-700">
												{a.source}
											</td>
										)}
									</tr>
								))}
							</tbody>
						</table>
					</div>
				) : (
					<p className="mt-3 text-stone-700">{t('hcpcEvidence.none')}</p>
				)}
			</details>
		</section>
	)
}
