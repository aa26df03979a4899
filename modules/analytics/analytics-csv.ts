import { renderCsv } from '#modules/spreadsheets/csv.ts'
import { type ReadDb } from '#modules/db/replica.ts'
import { formatTimeToComplete } from './format.ts'
import { type CourseAnalytics, getCourseAnalytics } from './get-course-analytics.ts'

function percent(rate: number | null) {
	return rate == null ? '' : (Math.round(rate * 1000) / 10).toFixed(1)
}

/** The analytics as CSV rows: Section, Item, Detail, Count, Out of, Percentage. */
export function renderAnalyticsCsv(a: CourseAnalytics) {
	const t = a.totals
	const rows: Array<Array<string | number>> = [
		['Section', 'Item', 'Detail', 'Count', 'Out of', 'Percentage'],
		['Summary', 'Enrolments', `Version ${a.version.number}`, t.enrolments, '', ''],
		['Summary', 'Started', '', t.starts, t.enrolments, percent(t.enrolments ? t.starts / t.enrolments : null)],
		['Summary', 'Completed', '', t.completions, t.enrolments, percent(t.completionRate)],
		[
			'Summary',
			'Median time to complete (hours)',
			formatTimeToComplete(t.medianSecondsToComplete),
			t.medianSecondsToComplete == null ? '' : (t.medianSecondsToComplete / 3600).toFixed(1),
			'',
			'',
		],
	]
	a.funnel.forEach((step, i) => {
		rows.push([
			'Lesson completed',
			`${i + 1}. ${step.title}`,
			step.key,
			step.completed,
			t.enrolments,
			percent(step.rate),
		])
	})
	for (const quiz of a.quizzes) {
		for (const q of quiz.questions) {
			rows.push(['Quiz question correct', q.prompt, quiz.title, q.correct, q.answered, percent(q.rate)])
			for (const o of q.options) {
				rows.push([
					'Quiz option chosen',
					o.text,
					`${q.prompt}${o.isCorrect ? ' (correct answer)' : ''}`,
					o.selected,
					q.answered,
					percent(o.rate),
				])
			}
		}
	}
	// Course text is trainers' own, but a cell starting = + - @ is still a formula to a spreadsheet.
	return renderCsv(rows)
}

/** The analytics of one version as a CSV file (same permission rule as the page). */
export async function exportCourseAnalyticsCsv(options: {
	actorId: string
	courseId: string
	versionNumber?: number | null
	/** As for getCourseAnalytics. */
	db?: ReadDb
}) {
	const analytics = await getCourseAnalytics(options)
	return {
		filename: `${analytics.course.slug}-v${analytics.version.number}-analytics.csv`,
		content: renderAnalyticsCsv(analytics),
	}
}
