// Test data for team themes: people in an organisation with reflections of every kind the themes
// count (an NMC reflective account's Code themes, a rated lesson reflection, a scale answer), who
// may or may not have said yes to team themes.
import { prisma } from '#modules/db/client.ts'
import { setThemesOptIn } from '#modules/themes/settings.ts'
import { createEnrolment, type CreatedCourse } from './learning.ts'
import { addMember } from './organisations.ts'

export type ThemesPerson = { id: string; membershipId: string; reflectionId: string; text: string }

/**
 * One person's reflections and ratings: an NMC reflective account choosing `themes`, a lesson
 * reflection with a text unique to them rated `difficulty`, and a scale answer `rating`.
 */
export async function reflect(
	userId: string,
	course: CreatedCourse,
	when: Date,
	{ themes, difficulty, rating }: { themes: string[]; difficulty: number; rating: number },
) {
	const quiz = course.lessons.find((lesson) => lesson.kind === 'QUIZ')!
	const reflectionQuestion = quiz.questions.find((q) => q.kind === 'REFLECTION')!
	const scaleQuestion = quiz.questions.find((q) => q.kind === 'SCALE')!
	const text = `private words of ${userId} ${Math.random().toString(36).slice(2)}`
	const reflection = await prisma.reflection.create({
		data: {
			userId,
			courseId: course.id,
			lessonId: quiz.id,
			questionId: reflectionQuestion.id,
			prompt: reflectionQuestion.prompt,
			text,
			difficulty,
			updatedAt: when,
		},
		select: { id: true },
	})
	await prisma.reflectiveRecord.create({
		data: {
			userId,
			kind: 'NMC_REFLECTIVE_ACCOUNT',
			title: 'A reflective account',
			date: when,
			fields: { activity: `secret activity of ${userId}`, codeThemes: themes },
		},
	})
	const enrolment = await createEnrolment({ userId, course })
	await prisma.quizAttempt.create({
		data: {
			userId,
			enrolmentId: enrolment.id,
			lessonId: quiz.id,
			number: 1,
			scorePercent: 100,
			passed: true,
			submittedAt: when,
			answers: { create: [{ questionId: scaleQuestion.id, selectedOptionIds: [], scaleValue: rating }] },
		},
	})
	return { reflectionId: reflection.id, text }
}

/** `count` members of `organisationId`, each with reflections; `optIn` says yes to team themes for them. */
export async function consentingPeople(
	now: Date,
	when: Date,
	organisationId: string,
	course: CreatedCourse,
	count: number,
	{
		optIn,
		themes = ['Prioritise people'],
		difficulty = 4,
		rating = 2,
	}: {
		optIn: boolean
		themes?: string[]
		difficulty?: number
		rating?: number
	},
): Promise<ThemesPerson[]> {
	const made: ThemesPerson[] = []
	for (let i = 0; i < count; i++) {
		const member = await addMember({ organisationId, name: `Person ${i + 1}` })
		const written = await reflect(member.id, course, when, { themes, difficulty, rating })
		if (optIn) await setThemesOptIn({ userId: member.id, organisationId, optIn: true, now })
		made.push({ id: member.id, membershipId: member.membershipId, ...written })
	}
	return made
}
