// The CPD hours rule (docs/decisions/0019-cpd-hours.md): a course's CPD figure is the trainer's,
// in quarter hours, and never less than its lessons' time rounded up to the quarter hour. The
// course page, the catalogue, the studio's publish check and certificates all read it from here,
// so a course can never claim less than it asks of a learner, and every page says it the same way.

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

/** CPD hours as a number with at most two decimals: 105 minutes → 1.75. */
export function cpdHoursNumber(minutes: number) {
	return Math.round((minutes / 60) * 100) / 100
}

const hoursFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 })

/** "1.75 CPD hours", "1 CPD hour": how every page, certificate and email states a CPD figure. */
export function formatCpdHours(minutes: number) {
	const hours = cpdHoursNumber(minutes)
	return `${hoursFormat.format(hours)} CPD ${hours === 1 ? 'hour' : 'hours'}`
}

/** A learner-facing duration: "45 min", "1 hr", "1 hr 38 min". */
export function formatDuration(minutes: number) {
	const whole = Math.max(0, Math.round(minutes))
	const h = Math.floor(whole / 60)
	const m = whole % 60
	if (h === 0) return `${m} min`
	return m === 0 ? `${h} hr` : `${h} hr ${m} min`
}

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
