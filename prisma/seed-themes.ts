// Demo content for team themes (ADR 0034): Riverside Academy Trust has seven staff in its primary
// schools (five of them school nurses, who write NMC reflective accounts) who said yes to team themes,
// rated their lesson reflections and answered the foundations course's rating questions; one of them
// shared a reflection with the trust.
// Riverside High has two people who said yes, so it shows "fewer than five people". Made through the
// real module code where there is one (saying yes, sharing, records); the demo staff cannot sign in.
// Idempotent: skipped once anyone in the trust has said yes.
import { prisma } from '#modules/db/client.ts'
import { addToIsoDate, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { createRecord } from '#modules/reflective-records/records.ts'
import type { RecordInput } from '#modules/reflective-records/schemas.ts'
import { addTeamMember } from '#modules/teams/team-members.ts'
import { DEMO_TEAM_MANAGER } from './seed-teams.ts'
import { saveReflectionChoices, setThemesOptIn } from '#modules/themes/settings.ts'

const DAY = 24 * 60 * 60 * 1000

type DemoPerson = {
	email: string
	name: string
	team: 'Oakfield Primary' | 'Brookside Primary' | 'Early years' | 'Riverside High'
	/** Writes NMC reflective accounts choosing these Code themes. */
	codeThemes?: Array<RecordInput<'NMC_REFLECTIVE_ACCOUNT'>['codeThemes']>
	/** How hard each of the foundations course's reflection prompts was to put into practice, in order. */
	difficulties: number[]
	/** Answers to the foundations course's rating questions, in order. */
	ratings: number[]
}

const PEOPLE: DemoPerson[] = [
	{
		email: 'nia.roberts@riverside.example',
		name: 'Nia Roberts',
		team: 'Oakfield Primary',
		codeThemes: [['Prioritise people', 'Preserve safety'], ['Prioritise people']],
		difficulties: [4, 3, 5],
		ratings: [2, 3],
	},
	{
		email: 'kwame.asante@riverside.example',
		name: 'Kwame Asante',
		team: 'Oakfield Primary',
		codeThemes: [['Preserve safety', 'Practise effectively']],
		difficulties: [5, 2, 4],
		ratings: [3, 3],
	},
	{
		email: 'hannah.doyle@riverside.example',
		name: 'Hannah Doyle',
		team: 'Oakfield Primary',
		codeThemes: [['Prioritise people', 'Promote professionalism and trust']],
		difficulties: [4, 2, 4],
		ratings: [2, 4],
	},
	{
		email: 'tomasz.nowak@riverside.example',
		name: 'Tomasz Nowak',
		team: 'Early years',
		codeThemes: [['Prioritise people'], ['Practise effectively']],
		difficulties: [3, 1, 5],
		ratings: [4, 4],
	},
	{
		email: 'grace.okoye@riverside.example',
		name: 'Grace Okoye',
		team: 'Brookside Primary',
		codeThemes: [['Preserve safety', 'Prioritise people']],
		difficulties: [5, 2, 4],
		ratings: [1, 2],
	},
	{
		email: 'owen.pritchard@riverside.example',
		name: 'Owen Pritchard',
		team: 'Brookside Primary',
		difficulties: [4, 3, 3],
		ratings: [3, 2],
	},
	{
		email: 'megan.lloyd@riverside.example',
		name: 'Megan Lloyd',
		team: 'Brookside Primary',
		difficulties: [3, 2, 4],
		ratings: [2, 3],
	},
	{
		email: 'dev.patel@riverside.example',
		name: 'Dev Patel',
		team: 'Riverside High',
		difficulties: [4, 2, 5],
		ratings: [3, 3],
	},
	{
		email: 'ellie.shaw@riverside.example',
		name: 'Ellie Shaw',
		team: 'Riverside High',
		difficulties: [5, 3, 4],
		ratings: [2, 2],
	},
]

/** What the demo staff wrote for each reflection prompt, in turn (never shown to the trust unless shared). */
const REFLECTION_TEXTS = [
	'At lunch duty I told two Year 5 boys what to do instead of asking what had happened. Next time I want to start with “what happened?” and give them both the chance to speak.',
	'I used an affective statement with a colleague (“I felt worried when…”) and it landed better than I expected. I want to use it before I get frustrated, not after.',
	'Running a check-in circle with my class felt awkward at first. The children were more honest than the adults usually are; I need to keep it going when the week gets busy.',
]

const SHARED_REFLECTION =
	'The hardest part for me is slowing down when the corridor is loud and I am already late. When I did stop and ask “who has been affected?”, the child who had been pushed spoke up for the first time. I would like us to talk as a staff team about how to make time for this at the busiest moments of the day.'

export async function seedDemoThemes({
	organisationId,
	ownerId,
	now = new Date(),
}: {
	organisationId: string
	ownerId: string
	now?: Date
}) {
	if (await prisma.membership.count({ where: { organisationId, themesOptInAt: { not: null } } })) return
	const teams = await prisma.team.findMany({ where: { organisationId }, select: { id: true, name: true } })
	const course = await prisma.course.findUnique({
		where: { slug: 'restorative-practice-foundations' },
		select: { id: true, publishedVersionId: true },
	})
	if (!course?.publishedVersionId || teams.length === 0) return
	const questions = await prisma.question.findMany({
		where: { lesson: { versionId: course.publishedVersionId }, kind: { in: ['REFLECTION', 'SCALE'] } },
		orderBy: [{ lesson: { module: { position: 'asc' } } }, { lesson: { position: 'asc' } }, { position: 'asc' }],
		select: { id: true, kind: true, prompt: true, lessonId: true },
	})
	const prompts = questions.filter((q) => q.kind === 'REFLECTION')
	const scales = questions.filter((q) => q.kind === 'SCALE')
	const today = londonToday(now)

	for (const [index, person] of PEOPLE.entries()) {
		const user = await prisma.user.upsert({
			where: { email: person.email },
			update: {},
			create: {
				email: person.email,
				name: person.name,
				emailVerifiedAt: now,
				...(person.codeThemes ? { profession: 'School nurse', registrationBody: 'NMC' as const } : {}),
			},
			select: { id: true },
		})
		const membership = await prisma.membership.upsert({
			where: { organisationId_userId: { organisationId, userId: user.id } },
			update: {},
			create: { organisationId, userId: user.id, role: 'MEMBER' },
			select: { id: true },
		})
		const team = teams.find((t) => t.name === person.team)
		if (team) {
			await addTeamMember({
				organisationId,
				actorId: ownerId,
				teamId: team.id,
				membershipId: membership.id,
				now: new Date(now.getTime() - 90 * DAY),
			})
		}
		await setThemesOptIn({ userId: user.id, organisationId, optIn: true, now: new Date(now.getTime() - 60 * DAY) })

		const enrolment = await prisma.enrolment.upsert({
			where: { userId_courseId: { userId: user.id, courseId: course.id } },
			update: {},
			create: {
				userId: user.id,
				courseId: course.id,
				versionId: course.publishedVersionId,
				source: 'FREE',
				startedAt: new Date(now.getTime() - (50 - index) * DAY),
			},
			select: { id: true },
		})
		for (const [p, prompt] of prompts.entries()) {
			const difficulty = person.difficulties[p]
			if (difficulty === undefined) continue
			await prisma.reflection.create({
				data: {
					userId: user.id,
					courseId: course.id,
					enrolmentId: enrolment.id,
					lessonId: prompt.lessonId,
					questionId: prompt.id,
					prompt: prompt.prompt,
					text: REFLECTION_TEXTS[p % REFLECTION_TEXTS.length]!,
					difficulty,
					updatedAt: new Date(now.getTime() - (40 - index - p) * DAY),
				},
			})
		}
		const byLesson = new Map<string, typeof scales>()
		for (const scale of scales) byLesson.set(scale.lessonId, [...(byLesson.get(scale.lessonId) ?? []), scale])
		let s = 0
		for (const [lessonId, lessonScales] of byLesson) {
			await prisma.quizAttempt.create({
				data: {
					userId: user.id,
					enrolmentId: enrolment.id,
					lessonId,
					number: 1,
					scorePercent: 100,
					passed: true,
					submittedAt: new Date(now.getTime() - (35 - index) * DAY),
					answers: {
						create: lessonScales.map((q) => ({
							questionId: q.id,
							selectedOptionIds: [],
							scaleValue: person.ratings[s++] ?? 3,
						})),
					},
				},
			})
		}
		for (const [a, themes] of (person.codeThemes ?? []).entries()) {
			await createRecord({
				userId: user.id,
				kind: 'NMC_REFLECTIVE_ACCOUNT',
				input: {
					title: a === 0 ? 'Supporting a child after a playground incident' : 'A restorative meeting with parents',
					date: addToIsoDate(today, { days: -(30 + index * 7 + a * 20) }),
					activity: 'A restorative conversation in school, as the school nurse, after an incident that upset a child.',
					learnt:
						'Asking who had been affected, and what they needed, kept the focus on the child rather than on blame.',
					changedPractice:
						'I now start each follow-up with the restorative questions and write down what the child says they need.',
					codeThemes: themes,
					codeRelevance:
						'It is about listening to the people in my care and working with colleagues to keep them safe.',
				},
				now,
			})
		}
	}

	// Grace chose to share one reflection with the trust (her words, shown without her name).
	const grace = await prisma.user.findUniqueOrThrow({
		where: { email: 'grace.okoye@riverside.example' },
		select: { id: true },
	})
	const first = prompts[0]
	if (first) {
		const reflection = await prisma.reflection.findFirstOrThrow({
			where: { userId: grace.id, questionId: first.id },
			select: { id: true },
		})
		await prisma.reflection.update({ where: { id: reflection.id }, data: { text: SHARED_REFLECTION } })
		await saveReflectionChoices({
			userId: grace.id,
			reflectionId: reflection.id,
			difficulty: 5,
			shareOrganisationIds: [organisationId],
		})
	}

	// The demo team manager (who can sign in) has a reflection of her own and has not said yes yet, so a
	// visitor can try /account/themes: say yes, rate the reflection, share it.
	const manager = await prisma.user.findUnique({ where: { email: DEMO_TEAM_MANAGER.email }, select: { id: true } })
	if (manager && first) {
		await prisma.reflection.upsert({
			where: {
				userId_lessonId_questionId_cycle: {
					userId: manager.id,
					lessonId: first.lessonId,
					questionId: first.id,
					cycle: 1,
				},
			},
			update: {},
			create: {
				userId: manager.id,
				courseId: course.id,
				lessonId: first.lessonId,
				questionId: first.id,
				prompt: first.prompt,
				text: 'In a staff meeting I rescued a colleague by answering for her (the FOR window). A WITH response would have been: “Take a moment: what do you think we should try?”',
			},
		})
	}
}
