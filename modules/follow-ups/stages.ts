import { CHECK_DAYS, type CheckDay } from './schemas.ts'

const DAY = 86_400_000

/** What a learner has done of a follow-up, as the stage rule needs it. */
export type ResponseProgress = {
	completedAt: Date
	actionPlanAt: Date | null
	day7At: Date | null
	day30At: Date | null
	reflectionAt: Date | null
}

/** When a check opens: `day` days after the course was completed. */
export function opensAt(completedAt: Date, day: CheckDay) {
	return new Date(completedAt.getTime() + CHECK_DAYS[day] * DAY)
}

/**
 * What is open and waiting at `now`: the action plan from completion, the 7-day check from day 7,
 * the 30-day check and reflection from day 30. A step stays open once it opens until it is done
 * (a late answer is still practice). The one rule for the page, the dashboard and the reminders.
 */
export function dueSteps(progress: ResponseProgress, now: Date) {
	const day7Open = now >= opensAt(progress.completedAt, 7)
	const day30Open = now >= opensAt(progress.completedAt, 30)
	return {
		actionPlan: progress.actionPlanAt === null,
		day7: day7Open && progress.day7At === null,
		day30: day30Open && progress.day30At === null,
		reflection: day30Open && progress.reflectionAt === null,
		day7Open,
		day30Open,
	}
}

export type DueStep = 'actionPlan' | 'day7' | 'day30' | 'reflection'

const DUE_LABELS: Record<DueStep, string> = {
	actionPlan: 'Write your action plan',
	day7: '7-day check',
	day30: '30-day check',
	reflection: '30-day reflection',
}

/** The steps due at `now`, in order, by name: the dashboard words them in the reader's language. */
export function dueStepNames(progress: ResponseProgress, now: Date) {
	const due = dueSteps(progress, now)
	return (['actionPlan', 'day7', 'day30', 'reflection'] as const).filter((step) => due[step])
}

/** The steps due at `now` as English labels, in order (reminders and logs). */
export function dueLabels(progress: ResponseProgress, now: Date) {
	return dueStepNames(progress, now).map((step) => DUE_LABELS[step])
}
