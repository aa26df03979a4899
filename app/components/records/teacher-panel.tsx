import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Card } from '#app/components/ui/card.tsx'
import { useFormat } from '#app/utils/i18n.ts'

/** What the revalidation page's loader sends for the teachers' panel. */
export type TeacherPanelData = {
	/** The academic year, as "2026–27". */
	years: string
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

/**
 * The teachers' panel of /cpd/revalidation: the academic year's development against each of the
 * Teachers' Standards (entries and records tagged to it), and the records a mentor or line manager has
 * signed off or is still to. There are no statutory hours for teachers, so nothing is a target.
 */
export function TeacherPanel({ teacher }: { teacher: TeacherPanelData }) {
	const untouched = teacher.standards.filter((s) => s.entries + s.records === 0)
	const { t } = useTranslation('records')
	const { t: tc } = useTranslation('cpd')
	const f = useFormat()
	return (
		<Card as="section" aria-labelledby="teacher-heading" className="mt-8 p-6">
			<h2 id="teacher-heading" className="text-2xl font-bold text-stone-900">
				{t('teacherPanel.heading', { period: tc('cycle.period.academicYear', { years: teacher.years }) })}
			</h2>
			<p className="mt-1 text-stone-700">
				{t('teacherPanel.summary', {
					start: f.date(teacher.start),
					end: f.date(teacher.end),
					entries: t('teacherPanel.entries', { count: teacher.entries }),
					hours: t('teacherPanel.hours', { count: teacher.hours }),
					signedOff: t('teacherPanel.signedOff', { count: teacher.signedOff }),
					awaiting: teacher.awaitingSignOff ? t('teacherPanel.awaiting', { count: teacher.awaitingSignOff }) : '',
				})}
			</p>
			<table className="mt-4 w-full text-left">
				<caption className="sr-only">{t('teacherPanel.caption')}</caption>
				<thead>
					<tr className="border-b border-stone-300 text-sm text-stone-600">
						<th scope="col" className="py-2 pr-4 font-semibold">
							{t('teacherPanel.standard')}
						</th>
						<th scope="col" className="py-2 pr-4 text-right font-semibold">
							{t('teacherPanel.cpdEntries')}
						</th>
						<th scope="col" className="py-2 text-right font-semibold">
							{t('teacherPanel.records')}
						</th>
					</tr>
				</thead>
				<tbody>
					{teacher.standards.map((s) => (
						<tr key={s.code} className="border-b border-stone-200" data-standard={s.code}>
							<th scope="row" className="py-2 pr-4 font-normal text-stone-900">
								<span className="font-semibold">{s.code}</span> <span lang="en">{s.name}</span>
							</th>
							<td className="py-2 pr-4 text-right text-stone-900">{s.entries}</td>
							<td className="py-2 text-right text-stone-900">{s.records}</td>
						</tr>
					))}
				</tbody>
			</table>
			{untouched.length && untouched.length < teacher.standards.length ? (
				<p className="mt-4 text-stone-700">
					{t('teacherPanel.untouched', { codes: untouched.map((s) => s.code).join(', ') })}
				</p>
			) : null}
			<p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
				<Link to="/records/new/teacher-development" className={LINK}>
					{t('teacherPanel.writeRecord')}
				</Link>
				<Link to="/cpd/new" className={LINK}>
					{t('teacherPanel.addCpd')}
				</Link>
			</p>
			<p className="mt-4 text-sm text-stone-600">{t('teacherPanel.note')}</p>
		</Card>
	)
}
