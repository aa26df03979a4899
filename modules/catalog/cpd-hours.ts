// The CPD hours rule (docs/decisions/0019-cpd-hours.md): a course's CPD figure is the trainer's,
// in quarter hours, and never less than its lessons' time rounded up to the quarter hour. The
// course page, the catalogue, the studio's publish check and certificates all read it from here,
// so a course can never claim less than it asks of a learner, and every page says it the same way.
import { cpdHoursNumber, formatDuration } from '#modules/i18n/format.ts'

/** CPD is recorded in quarter hours. */
export const CPD_STEP_MINUTES = 15

/** The time a course's lessons ask of a learner: the sum of their estimated minutes. */
export function learningMinutes(lessons: Array<{ estimatedMinutes: number }>) {
	return lessons.reduce((sum, lesson) => sum + lesson.estimatedMinutes, 0)
}

/** The least CPD a course with `learning` minutes of lessons may claim: rounded up to the quarter hour. */
export function minimumCpdMinutes(learning: number) {
	return Math.max(CPD_STEP_MINUTES, Math.ceil(learning / CPD_STEP_MINUTES) * CPD_STEP_MINUTES)
}

/**
 * Why `cpdMinutes` breaks the rule for lessons of `learning` minutes, as a sentence a trainer can
 * act on (it names the hours to enter), or null when it keeps it.
 */
export function cpdHoursProblem({ cpdMinutes, learning }: { cpdMinutes: number; learning: number }) {
	const minimum = minimumCpdMinutes(learning)
	if (cpdMinutes % CPD_STEP_MINUTES !== 0) {
		return `Give the CPD hours in quarter hours (for example ${cpdHoursNumber(minimum)}).`
	}
	if (cpdMinutes < minimum) {
		return `The lessons add up to ${formatDuration(learning)}, so the CPD hours must be at least ${cpdHoursNumber(minimum)} (their time rounded up to the quarter hour).`
	}
	return null
}

// The figures themselves, in the reader's language, are written in one place.
export { cpdHoursNumber, formatCpdHours, formatDuration } from '#modules/i18n/format.ts'

/**
 * How the course page explains its CPD figure beside the lessons' time, so the two never seem to
 * disagree: "1 hr 38 min of lessons, rounded up to the quarter hour" or, when the trainer counts
 * more, "1 hr 38 min of lessons, and time for reflection and practice beyond them".
 */
export function explainCpdHours({ cpdMinutes, learning }: { cpdMinutes: number; learning: number }) {
	const lessons = `${formatDuration(learning)} of lessons`
	if (cpdMinutes <= minimumCpdMinutes(learning)) {
		return cpdMinutes === learning ? lessons : `${lessons}, rounded up to the quarter hour`
	}
	return `${lessons}, and time for reflection and practice beyond them`
}
