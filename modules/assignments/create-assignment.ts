import type { RequestOrigin } from '#modules/audit/record.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { addDays, dateOnly, daysBetween, ukToday } from '#modules/compliance/status.ts'
import { type AssignmentTarget, prisma } from '#modules/db/client.ts'
import { assignableProgramme, joinProgrammeForAssignment } from '#modules/programmes/assign-programme.ts'
import { assertComplianceActor } from '#modules/teams/scope.ts'
import { selectMembershipsInTeams } from '#modules/teams/sql.ts'
import { assignCourseToPeople } from './assign-person.ts'
import { AssignmentsError } from './errors.ts'
import { countSeatsNeeded, selectPeopleReached } from './sql.ts'

/** A fixed due date may be at most this many days ahead (five years): anything later is a typo. */
export const MAX_DUE_DAYS_AHEAD = 5 * 366

export type CreateAssignmentInput = {
	organisationId: string
	actorId: string
	/** The course to assign; or, with programmeId instead, every course of a published programme. */
	courseId?: string | null
	programmeId?: string | null
	target: AssignmentTarget
	/** For target TEAM: the team (its sub-teams are included). */
	teamId?: string | null
	/** For target PERSON: the member. */
	userId?: string | null
	/** ISO UK date everyone assigned now must finish by; null: newStarterDays from today. */
	dueOn?: string | null
	/** New starters (and people who join the team later) finish within this many days of joining. */
	newStarterDays?: number | null
	now: Date
	origin?: RequestOrigin
}

export type CreateAssignmentResult =
	| {
			status: 'created'
			assignmentId: string
			/** People the rule reaches today. */
			reached: number
			/** New requirements made (the rest already had one open here, or a certificate in date). */
			assigned: number
			alreadyInDate: number
			alreadyAssigned: number
	  }
	| {
			/** Nothing was saved: the licence is short by `seatsMissing` seats. */
			status: 'seats-missing'
			seatsMissing: number
			seatsNeeded: number
			seatsLeft: number
			courseSlug: string
	  }

/**
 * Assigns a course to one person, a team (with the teams beneath it) or everyone in the
 * organisation, due on a fixed date and/or within N days of joining (then everyone who joins later
 * is assigned automatically, see onMemberJoined). Administrators may assign to anyone; a team
 * manager only to their teams and the people in them.
 *
 * Everyone it reaches gets their requirement through assignCourseToPeople (the one rule,
 * assignCourseToPerson's, set-based), in one transaction. When
 * the course's licence has fewer seats left than the people who need one, nothing is saved and the
 * result says how many seats are missing, so the page can offer to buy exactly that many.
 */
export async function createAssignment(input: CreateAssignmentInput): Promise<CreateAssignmentResult> {
	const { organisationId, actorId, target, now, origin = {} } = input
	const programmeId = input.programmeId ?? null
	if (!programmeId && !input.courseId) throw new Error('createAssignment needs a courseId or a programmeId')
	const today = ukToday(now)
	const dueOn = input.dueOn ?? null
	const newStarterDays = input.newStarterDays ?? null
	if (dueOn !== null) {
		if (dueOn < today) {
			throw new AssignmentsError(
				'invalid',
				'DUE_DATE_IN_PAST',
				'The due date cannot be in the past: choose today or later.',
				{
					field: 'dueOn',
				},
			)
		}
		if (daysBetween(today, dueOn) > MAX_DUE_DAYS_AHEAD) {
			throw new AssignmentsError('invalid', 'DUE_DATE_TOO_FAR', 'The due date must be within five years.', {
				field: 'dueOn',
			})
		}
	}
	if (dueOn === null && newStarterDays === null) throw new Error('createAssignment needs dueOn or newStarterDays')
	return prisma.$transaction(
		async (tx) => {
			const actor = await assertComplianceActor(tx, { organisationId, actorId })
			const programme = programmeId ? await assignableProgramme(tx, programmeId) : null
			if (programmeId && !programme) {
				throw new AssignmentsError('invalid', 'COURSE_NOT_ASSIGNABLE', 'Choose a published course or programme.', {
					field: 'courseId',
				})
			}
			const courseIds = programme ? programme.courseIds : [input.courseId!]
			const courses = await tx.course.findMany({
				where: { id: { in: courseIds }, archivedAt: null, publishedVersionId: { not: null } },
				select: { id: true, slug: true, pricePence: true },
			})
			if (courses.length === 0 || courses.length !== courseIds.length) {
				throw new AssignmentsError(
					'invalid',
					'COURSE_NOT_ASSIGNABLE',
					programme
						? 'A course in this programme is no longer published, so the programme cannot be assigned.'
						: 'Choose a published course.',
					{ field: 'courseId' },
				)
			}
			// In programme order.
			courses.sort((a, b) => courseIds.indexOf(a.id) - courseIds.indexOf(b.id))
			const teamId = target === 'TEAM' ? (input.teamId ?? null) : null
			const userId = target === 'PERSON' ? (input.userId ?? null) : null
			if (target === 'EVERYONE' && actor.scope.kind === 'teams') {
				throw new AssignmentsError(
					'forbidden',
					'EVERYONE_ADMINS_ONLY',
					'Only administrators can assign a course to everyone: choose one of your teams.',
					{ field: 'target' },
				)
			}
			if (target === 'TEAM') {
				const team = teamId
					? await tx.team.findFirst({ where: { id: teamId, organisationId }, select: { id: true } })
					: null
				if (!team || (actor.scope.kind === 'teams' && !actor.scope.teamIds.includes(team.id))) {
					throw new AssignmentsError('invalid', 'TEAM_NOT_FOUND', 'Choose one of the teams in the list.', {
						field: 'teamId',
					})
				}
			}
			if (target === 'PERSON') {
				const membership = userId
					? await tx.membership.findFirst({
							where: { organisationId, userId, deactivatedAt: null },
							select: { id: true },
						})
					: null
				const inScope =
					membership &&
					(actor.scope.kind === 'organisation' ||
						(await selectMembershipsInTeams(tx, { membershipIds: [membership.id], teamIds: actor.scope.teamIds }))
							.length > 0)
				if (!inScope) {
					throw new AssignmentsError(
						'invalid',
						'NOT_A_MEMBER',
						actor.scope.kind === 'organisation'
							? 'Choose someone who belongs to this organisation.'
							: 'Choose someone in one of your teams.',
						{ field: 'userId' },
					)
				}
			}

			const people = await selectPeopleReached(tx, { organisationId, teamId, userId })
			// Every course's seats are counted before anything is saved: one short licence saves nothing.
			for (const course of courses) {
				if (course.pricePence === 0) continue
				const { needed, seatsLeft } = await countSeatsNeeded(tx, {
					organisationId,
					courseId: course.id,
					userIds: people,
					today,
				})
				if (needed > seatsLeft) {
					return {
						status: 'seats-missing',
						seatsMissing: needed - seatsLeft,
						seatsNeeded: needed,
						seatsLeft,
						courseSlug: course.slug,
					} as const
				}
			}

			const personDueOn = dueOn ?? addDays(today, newStarterDays!)
			const assignedPeople = new Set<string>()
			const inDatePeople = new Set<string>()
			const assignmentIds: string[] = []
			for (const course of courses) {
				const assignment = await tx.assignment.create({
					data: {
						organisationId,
						courseId: course.id,
						target,
						teamId,
						userId,
						dueOn: dueOn ? dateOnly(dueOn) : null,
						newStarterDays,
						createdById: actorId,
						// New starters this rule reaches later join the programme too (onMemberJoined).
						programmeId,
					},
					select: { id: true },
				})
				assignmentIds.push(assignment.id)
				let assigned = 0
				// One batch for everyone it reaches (5,000 people in seconds, not minutes: ADR 0027).
				const results = await assignCourseToPeople(tx, {
					organisationId,
					userIds: people,
					courseId: course.id,
					dueOn: personDueOn,
					now,
					assignmentId: assignment.id,
					actorId,
				})
				results.forEach((result, i) => {
					const person = people[i]!
					if (result.created && !result.alreadyInDate) assignedPeople.add(person)
					if (result.alreadyInDate) inDatePeople.add(person)
					if (result.created) assigned += 1
				})
				await recordAudit(tx, {
					actorId,
					organisationId,
					action: 'assignment.create',
					targetType: 'Assignment',
					targetId: assignment.id,
					details: {
						courseId: course.id,
						programmeId,
						target,
						teamId,
						userId,
						dueOn,
						newStarterDays,
						reached: people.length,
						assigned,
					},
					...origin,
				})
			}
			if (programme) {
				for (const person of people)
					await joinProgrammeForAssignment(tx, { programmeId: programme.id, userId: person, now })
			}
			// A person counts once: assigned something new, else already in date for all of it, else already assigned.
			const alreadyInDate = [...inDatePeople].filter((p) => !assignedPeople.has(p)).length
			return {
				status: 'created',
				assignmentId: assignmentIds[0]!,
				reached: people.length,
				assigned: assignedPeople.size,
				alreadyInDate,
				alreadyAssigned: people.length - assignedPeople.size - alreadyInDate,
			} as const
		},
		{ timeout: 120_000 },
	)
}
