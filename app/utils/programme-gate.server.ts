import { redirect } from 'react-router'
import { programmeGateFor } from '#modules/programmes/programme-gate.ts'

/**
 * Sends a learner away from a course a sequential programme has not opened for them yet, to the
 * programme's page, which says which course to finish first. Learn loaders and actions call it.
 */
export async function requireCourseOpenInProgrammes({ userId, courseSlug }: { userId: string; courseSlug: string }) {
	const gate = await programmeGateFor({ userId, courseSlug })
	if (gate) {
		throw redirect(
			`/programmes/${encodeURIComponent(gate.programmeSlug)}?locked=${encodeURIComponent(gate.courseSlug)}`,
		)
	}
}
