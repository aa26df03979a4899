import { Link } from 'react-router'
import { Notice } from '#app/components/ui/notice.tsx'
import { formatIsoDate } from '#modules/portfolio/cpd-dates.ts'
import {
	gapSentence,
	type HcpcActivity,
	type HcpcActivityType,
	type HcpcGap,
} from '#modules/reflective-records/hcpc-gaps.ts'

/** What the HCPC builder shows about the learner's record: loader data from getHcpcEvidence. */
export type HcpcEvidenceData = {
	cycle: { start: string; end: string }
	activities: HcpcActivity[]
	gaps: HcpcGap[]
	types: HcpcActivityType[]
	enoughTypes: boolean
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

function sentenceList(items: readonly string[]) {
	const lower = items.map((item) => item.toLowerCase())
	return lower.length <= 1 ? (lower[0] ?? '') : `${lower.slice(0, -1).join(', ')} and ${lower.at(-1)}`
}

/**
 * The checks an HCPC profile needs beside its text: the two-year period, a mixture of at least two
 * kinds of activity, a warning for each gap of three months or more (saying where), and the dated
 * list of every activity, oldest first. `explainHref` points at the gap explanation, when there is one to write.
 */
export function HcpcEvidence({ evidence, explainHref }: { evidence: HcpcEvidenceData; explainHref?: string }) {
	const { cycle, activities, gaps, types, enoughTypes } = evidence
	return (
		<section aria-labelledby="hcpc-evidence-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-5">
			<h2 id="hcpc-evidence-heading" className="text-xl font-bold text-stone-900">
				Your dated list of activities
			</h2>
			<p className="mt-1 text-stone-700">
				{formatIsoDate(cycle.start)} to {formatIsoDate(cycle.end)}: the two years an HCPC audit looks at. Everything you
				record in Circle is here: CPD entries, course certificates, reflective circles and reflective records.
			</p>

			<ul className="mt-4 space-y-3">
				<li data-check="types">
					{enoughTypes ? (
						<Notice tone="success" title={`A mixture of activities: ${types.length} kinds`}>
							You have {sentenceList(types)}. The HCPC asks for at least two kinds.
						</Notice>
					) : (
						<Notice tone="warning" title="Add another kind of activity">
							{types.length === 0
								? 'There is nothing in your record for these two years yet. '
								: `Everything so far is ${sentenceList(types)}. `}
							The HCPC asks for a mixture: at least two kinds, such as learning at work (supervision, a reflective
							circle), a course, or reading.{' '}
							<Link to="/cpd/new" className={LINK}>
								Add a CPD entry
							</Link>
						</Notice>
					)}
				</li>
				{gaps.map((gap) => (
					<li key={`${gap.from}-${gap.to}`} data-check="gap">
						<Notice tone="warning" title={`A gap of ${gap.months} ${gap.months === 1 ? 'month' : 'months'}`}>
							{gapSentence(gap)} The HCPC asks you to explain any gap of three months or more.{' '}
							{explainHref ? (
								<a href={explainHref} className={LINK}>
									Explain the gap
								</a>
							) : null}
						</Notice>
					</li>
				))}
				{gaps.length === 0 && activities.length > 0 ? (
					<li data-check="no-gaps">
						<Notice tone="success" title="No gaps of three months or more" />
					</li>
				) : null}
			</ul>

			<details className="mt-4" open={activities.length > 0 && activities.length <= 12}>
				<summary className="cursor-pointer font-semibold text-stone-900">
					{activities.length} {activities.length === 1 ? 'activity' : 'activities'}, oldest first
				</summary>
				{activities.length ? (
					<div className="relative mt-3 overflow-x-auto">
						<table className="w-full text-left text-sm">
							<caption className="sr-only">Your CPD activities in the two years, oldest first</caption>
							<thead className="border-b border-stone-300 text-stone-700">
								<tr>
									<th scope="col" className="py-2 pr-3 font-semibold">
										Date
									</th>
									<th scope="col" className="py-2 pr-3 font-semibold">
										Activity
									</th>
									<th scope="col" className="py-2 pr-3 font-semibold">
										Kind
									</th>
									<th scope="col" className="py-2 font-semibold">
										In Circle
									</th>
								</tr>
							</thead>
							<tbody className="divide-y divide-stone-200">
								{activities.map((a) => (
									<tr key={`${a.href}-${a.date}`}>
										<td className="py-2 pr-3 whitespace-nowrap text-stone-700">{formatIsoDate(a.date)}</td>
										<td className="py-2 pr-3">
											<Link to={a.href} className={LINK}>
												{a.title}
											</Link>
										</td>
										<td className="py-2 pr-3 text-stone-800">{a.type}</td>
										<td className="py-2 text-stone-700">{a.source}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				) : (
					<p className="mt-3 text-stone-700">Nothing yet.</p>
				)}
			</details>
		</section>
	)
}
