// Demo content for reflective records: the demo learner (a registered nurse) is part-way through NMC
// revalidation. Their revalidation date is about eight months away; they have some CPD hours of their
// own beside their course certificates, three of the five reflective accounts, two pieces of feedback,
// and a reflective discussion waiting for their partner, whose link is in the dev outbox (/dev/outbox).
// Everything goes through the real module code. Idempotent: skipped once the learner has any record.
import { prisma } from '#modules/db/client.ts'
import { enrolInCourse } from '#modules/enrolment/enrol-in-course.ts'
import { addToIsoDate, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { createCpdEntry } from '#modules/portfolio/create-cpd-entry.ts'
import { createRecord } from '#modules/reflective-records/records.ts'
import { setRevalidationDate } from '#modules/reflective-records/revalidation.ts'
import type { RecordInput } from '#modules/reflective-records/schemas.ts'

export const DEMO_DISCUSSION_PARTNER = 'jo.mensah@nhs-partner.example'

export async function seedDemoRecords({ userId, today = londonToday() }: { userId: string; today?: string }) {
	if (await prisma.reflectiveRecord.count({ where: { userId } })) return
	const ago = (days: number) => addToIsoDate(today, { days: -days })
	await setRevalidationDate({ userId, date: addToIsoDate(today, { days: 240 }) })

	for (const input of [
		{
			method: 'Workshop',
			title: 'Trust study day: restorative approaches to incidents',
			date: ago(400),
			hours: 6,
			participatoryHours: 6,
		},
		{
			method: 'Supervision',
			title: 'Restorative clinical supervision group (quarterly)',
			date: ago(150),
			hours: 4,
			participatoryHours: 4,
		},
		{ method: 'Reading', title: 'Reading: trauma-informed care in acute settings', date: ago(90), hours: 3 },
	] as const) {
		await createCpdEntry({ userId, input: { ...input } })
	}

	const accounts: Array<RecordInput<'NMC_REFLECTIVE_ACCOUNT'>> = [
		{
			title: 'A restorative conversation after a difficult handover',
			date: ago(140),
			activity:
				'A handover between two colleagues ended in raised voices in front of a patient’s relatives. I facilitated a short restorative conversation the next day.',
			learnt:
				'Starting with “what happened?” rather than “why did you?” let both colleagues describe the pressure they were under without defending themselves.',
			changedPractice:
				'I now offer a ten-minute restorative check-in after any tense handover, and I have shared the questions on a card at the nurses’ station.',
			codeThemes: ['Practise effectively', 'Promote professionalism and trust'],
			codeRelevance:
				'It is about working with colleagues respectfully and keeping the focus on the people we care for.',
		},
		{
			title: 'Learning from a family’s complaint about discharge',
			date: ago(75),
			activity: 'A family complained that they learned about a discharge date at the last minute.',
			learnt:
				'The family wanted to be part of the plan, not told about it: a “with, not to” gap that I had not noticed.',
			changedPractice: 'I invite the family to the discharge planning conversation and write down the plan with them.',
			codeThemes: ['Prioritise people'],
			codeRelevance: 'Treating people as partners in their care and listening to their concerns.',
		},
		{
			title: 'The Circle course on restorative practice foundations',
			date: ago(30),
			activity: 'An online course on the foundations of restorative practice, with reflective prompts.',
			learnt: 'High challenge with high support is not a compromise between the two but both at once.',
			changedPractice:
				'When I give feedback to students I name the standard clearly and then ask what support would help them reach it.',
			codeThemes: ['Practise effectively', 'Preserve safety'],
			codeRelevance: 'Supporting students to reach safe standards of practice.',
		},
	]
	for (const input of accounts) await createRecord({ userId, kind: 'NMC_REFLECTIVE_ACCOUNT', input })

	const feedback = [
		{
			title: 'Thank-you card from a patient’s daughter',
			date: ago(120),
			source: 'Patients or families' as const,
			summary: 'She thanked the team for explaining each step calmly and for asking what mattered to her father.',
			response: 'I shared it at the team huddle and we agreed to keep asking “what matters to you?” on admission.',
		},
		{
			title: 'Appraisal feedback on supporting students',
			date: ago(60),
			source: 'Manager or appraisal' as const,
			summary: 'My manager said students value my debriefs but would like more notice of what will be assessed.',
			response: 'I now agree the learning goals with each student at the start of a placement week.',
		},
	]
	for (const input of feedback) await createRecord({ userId, kind: 'NMC_FEEDBACK', input })

	await seedFoundationsReflection({
		userId,
		text: 'On the ward I notice I jump in to fix a disagreement for people. Asking each of them what happened, and who was affected, lets them find the way forward themselves, and it holds.',
	})

	await createRecord({
		userId,
		kind: 'NMC_DISCUSSION',
		input: {
			title: 'Reflective discussion with a ward colleague',
			date: ago(7),
			partnerName: 'Jo Mensah',
			partnerEmail: DEMO_DISCUSSION_PARTNER,
			notes: 'We talked through my three reflective accounts so far and what the next two could cover.',
		},
	})
}

/**
 * A reflection a demo person wrote in the free foundations course (when it is there), so a record
 * form's "Pull this into the form" (or an HCPC profile's "Add this to my statement") has something
 * to pull in. `enrol` gives them a place on the course first; otherwise someone without one gets none.
 */
export async function seedFoundationsReflection({
	userId,
	text,
	enrol = false,
}: {
	userId: string
	text: string
	enrol?: boolean
}) {
	const question = await prisma.question.findFirst({
		where: {
			kind: 'REFLECTION',
			lesson: { version: { course: { slug: 'restorative-practice-foundations' }, publishedFor: { isNot: null } } },
		},
		orderBy: { position: 'asc' },
		select: { id: true, prompt: true, lessonId: true, lesson: { select: { version: { select: { courseId: true } } } } },
	})
	if (!question) return
	const courseId = question.lesson.version.courseId
	if (enrol) await enrolInCourse({ userId, courseId, source: 'FREE' })
	const enrolment = await prisma.enrolment.findUnique({
		where: { userId_courseId: { userId, courseId } },
		select: { id: true, cycle: true },
	})
	if (!enrolment) return
	await prisma.reflection.upsert({
		where: {
			userId_lessonId_questionId_cycle: {
				userId,
				lessonId: question.lessonId,
				questionId: question.id,
				cycle: enrolment.cycle,
			},
		},
		update: {},
		create: {
			userId,
			courseId,
			enrolmentId: enrolment.id,
			lessonId: question.lessonId,
			questionId: question.id,
			cycle: enrolment.cycle,
			prompt: question.prompt,
			text,
		},
	})
}
