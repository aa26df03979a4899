import { recordAudit } from '#modules/audit/record.ts'
import { assertCanEditCourse } from '#modules/authoring/access.ts'
import { prisma } from '#modules/db/client.ts'
import { FollowUpsError } from './errors.ts'
import {
	type FollowUpQuestion,
	FollowUpQuestionsSchema,
	FollowUpSettingsSchema,
	type FollowUpSettingsInput,
	toStoredQuestions,
} from './schemas.ts'

/** Questions as stored, read back through their schema (a malformed row reads as none). */
export function readQuestions(value: unknown): FollowUpQuestion[] {
	const parsed = FollowUpQuestionsSchema.safeParse(value)
	return parsed.success ? parsed.data : []
}

/**
 * A course's follow-up for its studio tab: the course's title and the follow-up (null when the
 * course has none). Only the course's authors (and platform admins) may read it.
 */
export async function getFollowUpSettings({ courseId, actorId }: { courseId: string; actorId: string }) {
	await assertCanEditCourse({ courseId, actorId })
	const course = await prisma.course.findUniqueOrThrow({
		where: { id: courseId },
		select: {
			id: true,
			slug: true,
			versions: { orderBy: { number: 'desc' }, take: 1, select: { title: true } },
			followUp: { select: { questions: true, actionPlanPrompt: true, reflectionPrompt: true, startsFrom: true } },
		},
	})
	return {
		course: { id: course.id, slug: course.slug, title: course.versions[0]?.title ?? course.slug },
		followUp: course.followUp
			? {
					actionPlanPrompt: course.followUp.actionPlanPrompt,
					reflectionPrompt: course.followUp.reflectionPrompt,
					startsFrom: course.followUp.startsFrom,
					questions: readQuestions(course.followUp.questions),
				}
			: null,
	}
}

/**
 * Sets (or, with `enabled` off, removes) a course's follow-up. Learners who completed the course
 * before it was first set are not followed up (`startsFrom`); editing it later keeps that moment, so
 * people already part-way through keep their clock. Removing it deletes the learners' responses
 * with it only when none has been written yet; otherwise it is refused. Audited.
 */
export async function setFollowUp({
	courseId,
	actorId,
	input,
	now,
}: {
	courseId: string
	actorId: string
	input: FollowUpSettingsInput
	now: Date
}) {
	const parsed = FollowUpSettingsSchema.safeParse(input)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!
		throw new FollowUpsError('invalid', 'INVALID_FOLLOW_UP', issue.message, { field: issue.path.join('.') })
	}
	const value = parsed.data
	return prisma.$transaction(async (tx) => {
		await assertCanEditCourse({ db: tx, courseId, actorId })
		if (!value.enabled) {
			const existing = await tx.followUp.findUnique({
				where: { courseId },
				select: { id: true, _count: { select: { responses: true } } },
			})
			if (existing && existing._count.responses > 0) {
				throw new FollowUpsError(
					'invalid',
					'INVALID_FOLLOW_UP',
					'Learners have already started this follow-up, so it stays: edit its questions instead',
					{ field: 'enabled' },
				)
			}
			if (existing) await tx.followUp.delete({ where: { id: existing.id } })
			await recordAudit(tx, { actorId, action: 'course.follow_up_removed', targetType: 'Course', targetId: courseId })
			return { enabled: false }
		}
		const questions = toStoredQuestions(value.questions ?? [])
		const data = {
			questions,
			actionPlanPrompt: value.actionPlanPrompt!,
			reflectionPrompt: value.reflectionPrompt!,
		}
		await tx.followUp.upsert({
			where: { courseId },
			create: { courseId, startsFrom: now, ...data },
			update: data,
			select: { id: true },
		})
		await recordAudit(tx, {
			actorId,
			action: 'course.follow_up_set',
			targetType: 'Course',
			targetId: courseId,
			details: { questions: questions.length },
		})
		return { enabled: true }
	})
}
