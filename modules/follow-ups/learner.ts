import { recordAudit } from '#modules/audit/record.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { appUrl } from '#modules/env/env.ts'
import { sendEmail } from '#modules/mail/send-email.ts'
import { hcpcActivityParagraph } from '#modules/reflective-records/lesson-reflections.ts'
import { FollowUpsError } from './errors.ts'
import { readQuestions } from './settings.ts'
import { type CheckAnswer, type CheckDay, markCheck } from './schemas.ts'
import { dueLabels, dueStepNames, dueSteps, opensAt } from './stages.ts'
import { selectFollowUpEnrolments, selectManagersOf } from './sql.ts'

const notFound = () =>
	new FollowUpsError('not_found', 'FOLLOW_UP_NOT_FOUND', 'This course has no follow-up for you yet.')

const RESPONSE_SELECT = {
	id: true,
	completedAt: true,
	actionPlan: true,
	actionPlanAt: true,
	day7Answers: true,
	day7At: true,
	day30Answers: true,
	day30At: true,
	reflection: true,
	reflectionAt: true,
	managerId: true,
	sentAt: true,
	signedOffAt: true,
	managerComment: true,
	manager: { select: { name: true } },
} as const

// The learner's completed enrolment in the course and its follow-up: the one way in for every step.
// A course without a follow-up, an unfinished (or revoked) enrolment, or a completion from before the
// follow-up was set, is FOLLOW_UP_NOT_FOUND.
async function loadFollowUp(db: Tx | typeof prisma, { userId, courseSlug }: { userId: string; courseSlug: string }) {
	const enrolment = await db.enrolment.findFirst({
		where: { userId, course: { slug: courseSlug }, completedAt: { not: null }, revokedAt: null },
		select: {
			id: true,
			cycle: true,
			completedAt: true,
			version: { select: { title: true } },
			course: {
				select: {
					slug: true,
					followUp: {
						select: { id: true, questions: true, actionPlanPrompt: true, reflectionPrompt: true, startsFrom: true },
					},
				},
			},
		},
	})
	const followUp = enrolment?.course.followUp
	if (!enrolment || !followUp || enrolment.completedAt! < followUp.startsFrom) throw notFound()
	return { enrolment: { ...enrolment, completedAt: enrolment.completedAt! }, followUp }
}

type Loaded = Awaited<ReturnType<typeof loadFollowUp>>

// The learner's response row for this completion, made on first use (concurrent callers get one row).
async function ensureResponse(tx: Tx, { userId, loaded }: { userId: string; loaded: Loaded }) {
	const { enrolment, followUp } = loaded
	return tx.followUpResponse.upsert({
		where: { enrolmentId_cycle: { enrolmentId: enrolment.id, cycle: enrolment.cycle } },
		create: {
			followUpId: followUp.id,
			userId,
			enrolmentId: enrolment.id,
			cycle: enrolment.cycle,
			completedAt: enrolment.completedAt,
		},
		update: {},
		select: RESPONSE_SELECT,
	})
}

/**
 * Writes follow-up text into the portfolio: the CPD entry of this completion's certificate gets it
 * as `field`, unless the learner has written something else there themselves (only an empty field,
 * or one still holding the follow-up's previous text, is replaced). No certificate yet (one waiting
 * for a circle): nothing to write to; the page says the text is kept here.
 */
async function feedPortfolio(
	tx: Tx,
	{
		enrolmentId,
		cycle,
		field,
		previous,
		next,
	}: {
		enrolmentId: string
		cycle: number
		field: 'reflection' | 'impactOnPractice'
		previous: string | null
		next: string
	},
) {
	const certificate = await tx.certificate.findUnique({
		where: { enrolmentId_cycle: { enrolmentId, cycle } },
		select: { id: true },
	})
	if (!certificate) return false
	const ours = [{ [field]: null }, { [field]: '' }, ...(previous ? [{ [field]: previous }] : [])]
	const { count } = await tx.cpdEntry.updateMany({
		where: { certificateId: certificate.id, OR: ours },
		data: { [field]: next },
	})
	return count > 0
}

/**
 * The learner's follow-ups (completed courses that carry one), each with the steps due at `now`:
 * what the dashboard lists. Newest completion first.
 */
export async function listFollowUps({ userId, now }: { userId: string; now: Date }) {
	// One statement (the dashboard is every learner's home): enrolments, courses, follow-ups and responses.
	const rows = await selectFollowUpEnrolments({ userId })
	return rows.map((row) => {
		const progress = {
			completedAt: row.completedAt,
			actionPlanAt: row.actionPlanAt,
			day7At: row.day7At,
			day30At: row.day30At,
			reflectionAt: row.reflectionAt,
		}
		const day30 = opensAt(progress.completedAt, 30)
		return {
			courseSlug: row.courseSlug,
			courseTitle: row.courseTitle,
			completedAt: progress.completedAt,
			due: dueLabels(progress, now),
			dueSteps: dueStepNames(progress, now),
			next: now < opensAt(progress.completedAt, 7) ? opensAt(progress.completedAt, 7) : now < day30 ? day30 : null,
			signedOff: Boolean(row.signedOffAt),
		}
	})
}

/**
 * The follow-up page for one course: the prompts, what the learner has written, each check (its
 * questions without the right answers until answered, then the marked answers), the steps due at
 * `now`, and the managers who could sign it off.
 */
export async function getFollowUpForLearner({
	userId,
	courseSlug,
	now,
}: {
	userId: string
	courseSlug: string
	now: Date
}) {
	const loaded = await loadFollowUp(prisma, { userId, courseSlug })
	const { enrolment, followUp } = loaded
	const [response, managers] = await Promise.all([
		prisma.followUpResponse.findUnique({
			where: { enrolmentId_cycle: { enrolmentId: enrolment.id, cycle: enrolment.cycle } },
			select: RESPONSE_SELECT,
		}),
		selectManagersOf(prisma, { learnerId: userId }),
	])
	const progress = {
		completedAt: enrolment.completedAt,
		actionPlanAt: response?.actionPlanAt ?? null,
		day7At: response?.day7At ?? null,
		day30At: response?.day30At ?? null,
		reflectionAt: response?.reflectionAt ?? null,
	}
	const questions = readQuestions(followUp.questions)
	return {
		responseId: response?.id ?? null,
		course: { slug: enrolment.course.slug, title: enrolment.version.title },
		completedAt: enrolment.completedAt,
		opens: { 7: opensAt(enrolment.completedAt, 7), 30: opensAt(enrolment.completedAt, 30) },
		due: dueSteps(progress, now),
		actionPlanPrompt: followUp.actionPlanPrompt,
		reflectionPrompt: followUp.reflectionPrompt,
		// Only the wording goes to the browser: which option is right stays on the server.
		questions: questions.map((q) => ({ prompt: q.prompt, options: q.options.map((o) => o.text) })),
		explanations: questions.map((q) => q.explanation ?? null),
		actionPlan: response?.actionPlan ?? null,
		reflection: response?.reflection ?? null,
		answers: {
			7: (response?.day7Answers as CheckAnswer[] | null) ?? null,
			30: (response?.day30Answers as CheckAnswer[] | null) ?? null,
		},
		sentAt: response?.sentAt ?? null,
		managerName: response?.manager?.name ?? null,
		signedOffAt: response?.signedOffAt ?? null,
		managerComment: response?.managerComment ?? null,
		managers: managers.map((m) => ({ id: m.id, name: m.name, organisationName: m.organisationName })),
	}
}

/**
 * Saves the action plan ("Now what?"), which can be written from the moment the course is complete
 * and edited later. It also becomes the reflection of the course's CPD entry (see feedPortfolio).
 */
export async function saveActionPlan({
	userId,
	courseSlug,
	actionPlan,
	now,
}: {
	userId: string
	courseSlug: string
	actionPlan: string
	now: Date
}) {
	return prisma.$transaction(async (tx) => {
		const loaded = await loadFollowUp(tx, { userId, courseSlug })
		const response = await ensureResponse(tx, { userId, loaded })
		await tx.followUpResponse.update({
			where: { id: response.id, userId },
			data: { actionPlan, actionPlanAt: now },
			select: { id: true },
		})
		const inPortfolio = await feedPortfolio(tx, {
			enrolmentId: loaded.enrolment.id,
			cycle: loaded.enrolment.cycle,
			field: 'reflection',
			previous: response.actionPlan,
			next: actionPlan,
		})
		return { inPortfolio }
	})
}

/**
 * Marks and keeps a retrieval check (day 7 or 30), once each, and only once it is open at `now`.
 * `chosen` holds the index of the option picked for each question, in order.
 */
export async function submitCheck({
	userId,
	courseSlug,
	day,
	chosen,
	now,
}: {
	userId: string
	courseSlug: string
	day: CheckDay
	chosen: number[]
	now: Date
}) {
	return prisma.$transaction(async (tx) => {
		const loaded = await loadFollowUp(tx, { userId, courseSlug })
		if (now < opensAt(loaded.enrolment.completedAt, day)) {
			throw new FollowUpsError('conflict', 'NOT_DUE_YET', `The ${day}-day check opens ${day} days after you finished.`)
		}
		const response = await ensureResponse(tx, { userId, loaded })
		const answers = markCheck(readQuestions(loaded.followUp.questions), chosen)
		const column = day === 7 ? 'day7' : 'day30'
		// Conditional on the check being unanswered: a second submission (another tab) changes nothing.
		const { count } = await tx.followUpResponse.updateMany({
			where: { id: response.id, userId, [`${column}At`]: null },
			data: { [`${column}Answers`]: answers, [`${column}At`]: now },
		})
		if (count === 0) {
			throw new FollowUpsError('conflict', 'ALREADY_ANSWERED', `You have already answered the ${day}-day check.`)
		}
		return { answers, right: answers.filter((a) => a.isCorrect).length }
	})
}

/**
 * Saves the 30-day reflection on what changed in practice, once day 30 has come. It becomes the
 * "impact on practice" of the course's CPD entry (see feedPortfolio). A reflection already sent to a
 * manager can still be edited: the manager keeps the copy that was sent.
 */
export async function saveFollowUpReflection({
	userId,
	courseSlug,
	reflection,
	now,
}: {
	userId: string
	courseSlug: string
	reflection: string
	now: Date
}) {
	return prisma.$transaction(async (tx) => {
		const loaded = await loadFollowUp(tx, { userId, courseSlug })
		if (now < opensAt(loaded.enrolment.completedAt, 30)) {
			throw new FollowUpsError('conflict', 'NOT_DUE_YET', 'The 30-day reflection opens 30 days after you finished.', {
				field: 'reflection',
			})
		}
		const response = await ensureResponse(tx, { userId, loaded })
		await tx.followUpResponse.update({
			where: { id: response.id, userId },
			data: { reflection, reflectionAt: now },
			select: { id: true },
		})
		const inPortfolio = await feedPortfolio(tx, {
			enrolmentId: loaded.enrolment.id,
			cycle: loaded.enrolment.cycle,
			field: 'impactOnPractice',
			previous: response.reflection,
			next: reflection,
		})
		return { inPortfolio }
	})
}

/**
 * Sends the action plan and the 30-day reflection, as they are now, to one of the learner's
 * managers (someone who manages a team they are in: checked here, in the write's transaction). The
 * manager sees these copies only. Sending again (to another manager, or after editing) replaces the
 * request and clears any earlier sign-off. The manager's email (who sent it and for which course; the
 * text is read signed in) is queued in the same transaction. Audited.
 */
export async function sendToManager({
	userId,
	courseSlug,
	managerId,
	now,
}: {
	userId: string
	courseSlug: string
	managerId: string
	now: Date
}) {
	return prisma.$transaction(async (tx) => {
		const loaded = await loadFollowUp(tx, { userId, courseSlug })
		const response = await ensureResponse(tx, { userId, loaded })
		if (!response.reflection) {
			throw new FollowUpsError('invalid', 'NOTHING_TO_SEND', 'Write your 30-day reflection first, then send it.', {
				field: 'managerId',
			})
		}
		const managers = await selectManagersOf(tx, { learnerId: userId })
		const manager = managers.find((m) => m.id === managerId)
		if (!manager) {
			throw new FollowUpsError('invalid', 'NOT_YOUR_MANAGER', 'Choose one of your own managers from the list.', {
				field: 'managerId',
			})
		}
		await tx.followUpResponse.update({
			where: { id: response.id, userId },
			data: {
				managerId,
				sentAt: now,
				sentActionPlan: response.actionPlan,
				sentReflection: response.reflection,
				signedOffAt: null,
				managerComment: null,
			},
			select: { id: true },
		})
		await recordAudit(tx, {
			actorId: userId,
			action: 'follow_up.sent_for_sign_off',
			targetType: 'FollowUpResponse',
			targetId: response.id,
			details: { managerId },
		})
		await sendEmail(
			{
				to: manager.email,
				template: 'follow-up-sign-off',
				props: {
					managerName: manager.name,
					learnerName: (await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } })).name,
					courseTitle: loaded.enrolment.version.title,
					signOffUrl: `${appUrl()}/sign-offs/${response.id}`,
				},
			},
			tx,
		)
		return { managerName: manager.name, managerEmail: manager.email, responseId: response.id }
	})
}

/** Whether the learner has a follow-up for this course (finished it, and it carries one). */
export async function hasFollowUp({ userId, courseSlug }: { userId: string; courseSlug: string }) {
	try {
		await loadFollowUp(prisma, { userId, courseSlug })
		return true
	} catch (error) {
		if (error instanceof FollowUpsError && error.code === 'FOLLOW_UP_NOT_FOUND') return false
		throw error
	}
}

/**
 * The learner's 30-day reflections (with their action plans), newest first: what a regulator form
 * can pull in as the impact on practice, the way lesson reflections are.
 */
export async function listFollowUpReflections({ userId, limit = 20 }: { userId: string; limit?: number }) {
	const rows = await prisma.followUpResponse.findMany({
		where: { userId, reflection: { not: null } },
		orderBy: [{ reflectionAt: 'desc' }, { id: 'desc' }],
		take: limit,
		select: {
			id: true,
			reflection: true,
			reflectionAt: true,
			enrolment: { select: { version: { select: { title: true } } } },
		},
	})
	return rows.map((row) => ({
		id: row.id,
		courseTitle: row.enrolment.version.title,
		reflection: row.reflection!,
		reflectionAt: row.reflectionAt!,
	}))
}

/**
 * A regulator form's starting answers from one of the learner's follow-ups: the course as the
 * activity, the action plan as what they learnt and planned, the 30-day reflection as the change in
 * practice (the "impact on practice" Social Work England and the HCPC ask for). Another learner's
 * follow-up is FOLLOW_UP_NOT_FOUND. The HCPC profile gets it as one activity of its statement, the
 * RJC forms as what was learnt, a teacher's record as the difference to pupils.
 */
export async function prefillFromFollowUp({
	userId,
	responseId,
	kind,
}: {
	userId: string
	responseId: string
	kind: string
}): Promise<Record<string, string>> {
	const row = await prisma.followUpResponse.findFirst({
		where: { id: responseId, userId, reflection: { not: null } },
		select: { actionPlan: true, reflection: true, enrolment: { select: { version: { select: { title: true } } } } },
	})
	if (!row) throw notFound()
	const courseTitle = row.enrolment.version.title
	const activity = `The Circle course “${courseTitle}”, and putting it into practice over the month after`
	const learnt = row.actionPlan ? `What I planned as I finished the course:\n${row.actionPlan}` : ''
	const reflection = row.reflection!
	switch (kind) {
		case 'NMC_REFLECTIVE_ACCOUNT':
			return { title: courseTitle, activity, learnt, changedPractice: reflection }
		case 'SWE_CPD':
			return { title: courseTitle, cpdType: 'Course or training', description: activity, learnt, impact: reflection }
		case 'NMC_FEEDBACK':
			return { title: courseTitle, response: reflection }
		case 'NMC_DISCUSSION':
			return { title: courseTitle, notes: reflection }
		case 'HCPC_PROFILE':
			return {
				title: 'My HCPC CPD profile',
				statement: hcpcActivityParagraph(activity, row.actionPlan ?? '', reflection),
			}
		case 'RJC_SUPERVISION':
		case 'RJC_OBSERVED_PRACTICE':
			return { title: courseTitle, learning: reflection }
		case 'TEACHER_SIGN_OFF':
			return { title: courseTitle, activity, pupilImpact: reflection }
		default:
			return { title: courseTitle }
	}
}
