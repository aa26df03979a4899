import { Link } from 'react-router'
import { Card } from '#app/components/ui/card.tsx'
import { formatIsoDate } from '#modules/portfolio/cpd-dates.ts'

/** What the revalidation page's loader sends for the teachers' panel. */
export type TeacherPanelData = {
	periodLabel: string
	start: string
	end: string
	hours: number
	entries: number
	records: number
	signedOff: number
	awaitingSignOff: number
	standards: Array<{ code: string; name: string; entries: number; records: number }>
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

function plural(n: number, one: string, many: string) {
	return `${n} ${n === 1 ? one : many}`
}

/**
 * The teachers' panel of /cpd/revalidation: the academic year's development against each of the
 * Teachers' Standards (entries and records tagged to it), and the records a mentor or line manager has
 * signed off or is still to. There are no statutory hours for teachers, so nothing is a target.
 */
export function TeacherPanel({ teacher }: { teacher: TeacherPanelData }) {
	const untouched = teacher.standards.filter((s) => s.entries + s.records === 0)
	return (
		<Card as="section" aria-labelledby="teacher-heading" className="mt-8 p-6">
			<h2 id="teacher-heading" className="text-2xl font-bold text-stone-900">
				Teachers’ Standards: {teacher.periodLabel}
			</h2>
			<p className="mt-1 text-stone-700">
				{formatIsoDate(teacher.start)} to {formatIsoDate(teacher.end)} ·{' '}
				{plural(teacher.entries, 'CPD entry', 'CPD entries')}, {plural(teacher.hours, 'hour', 'hours')} ·{' '}
				{plural(teacher.signedOff, 'record signed off', 'records signed off')}
				{teacher.awaitingSignOff ? `, ${teacher.awaitingSignOff} waiting for sign-off` : ''}.
			</p>
			<table className="mt-4 w-full text-left">
				<caption className="sr-only">Your development this year against each of the Teachers’ Standards</caption>
				<thead>
					<tr className="border-b border-stone-300 text-sm text-stone-600">
						<th scope="col" className="py-2 pr-4 font-semibold">
							Standard
						</th>
						<th scope="col" className="py-2 pr-4 text-right font-semibold">
							CPD entries
						</th>
						<th scope="col" className="py-2 text-right font-semibold">
							Records
						</th>
					</tr>
				</thead>
				<tbody>
					{teacher.standards.map((s) => (
						<tr key={s.code} className="border-b border-stone-200" data-standard={s.code}>
							<th scope="row" className="py-2 pr-4 font-normal text-stone-900">
								<span className="font-semibold">{s.code}</span> {s.name}
							</th>
							<td className="py-2 pr-4 text-right text-stone-900">{s.entries}</td>
							<td className="py-2 text-right text-stone-900">{s.records}</td>
						</tr>
					))}
				</tbody>
			</table>
			{untouched.length && untouched.length < teacher.standards.length ? (
				<p className="mt-4 text-stone-700">
					Nothing this year is tagged to {untouched.map((s) => s.code).join(', ')}. That may be fine: it is worth a word
					with your mentor if any of them is in your development plan.
				</p>
			) : null}
			<p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
				<Link to="/records/new/teacher-development" className={LINK}>
					Write a record for sign-off
				</Link>
				<Link to="/cpd/new" className={LINK}>
					Add CPD
				</Link>
			</p>
			<p className="mt-4 text-sm text-stone-600">
				There is no set number of hours for teachers. The DfE’s standard for professional development asks that it
				improves pupils’ outcomes, draws on evidence and expertise, includes collaboration and expert challenge, and is
				sustained over time.
			</p>
		</Card>
	)
}
