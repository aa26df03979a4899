import { type Tx } from '#modules/db/client.ts'
import { addDays, ukToday } from '#modules/compliance/status.ts'
import { joinProgrammeForAssignment } from '#modules/programmes/assign-programme.ts'
import { assignCourseToPerson } from './assign-person.ts'
import { selectNewStarterRules } from './sql.ts'

/**
 * Someone joined the organisation (an invitation accepted, single sign-on's just-in-time
 * membership, SCIM creating or reactivating them) or one of its teams: every live rule with a
 * new-starter period that now reaches them assigns its course, due that many days from today (UK).
 * Runs in the caller's transaction, so joining and being assigned commit together; a rule assigns a
 * person once (running it again assigns nothing). Without a seat left they are assigned and wait
 * for one (fillWaitingSeats). A rule made by assigning a programme also joins them to the programme.
 */
export async function onMemberJoined(
	tx: Tx,
	{ organisationId, userId, now }: { organisationId: string; userId: string; now: Date },
): Promise<{ assigned: number }> {
	const rules = await selectNewStarterRules(tx, { organisationId, userId })
	const today = ukToday(now)
	let assigned = 0
	const programmes = new Set<string>()
	for (const rule of rules) {
		if (rule.programmeId) programmes.add(rule.programmeId)
		const result = await assignCourseToPerson(tx, {
			organisationId,
			userId,
			courseId: rule.courseId,
			dueOn: addDays(today, rule.newStarterDays!),
			now,
			assignmentId: rule.id,
		})
		if (result.created) assigned += 1
	}
	// A programme rule's courses are assigned above, one rule each; the person joins the programme
	// too, so its certificate follows and a sequential one keeps its order (as createAssignment does).
	for (const programmeId of programmes) await joinProgrammeForAssignment(tx, { programmeId, userId, now })
	return { assigned }
}
