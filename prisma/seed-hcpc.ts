// Demo content for the HCPC profile builder: an occupational therapist registered with the HCPC, two
// years of CPD in their portfolio with one four-month gap left to explain, a lesson reflection to pull
// into their statement, and a profile half-written (the summary done, two activities of the statement).
// Everything goes through the real module code. Idempotent: skipped once they have a profile.
import { prisma } from '#modules/db/client.ts'
import { addToIsoDate, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { createCpdEntry } from '#modules/portfolio/create-cpd-entry.ts'
import type { CpdEntryInput } from '#modules/portfolio/schemas.ts'
import { createRecord } from '#modules/reflective-records/records.ts'
import { seedFoundationsReflection } from './seed-records.ts'

export const DEMO_HCPC_REGISTRANT = {
	email: 'ot@circle.example',
	name: 'Grace Adeyemi',
	profession: 'Occupational therapist',
	registrationNumber: 'OT61234',
} as const

/** Days before today of the activities either side of the demo's gap (about four months, 130 days). */
export const DEMO_HCPC_GAP = { afterDaysAgo: 470, beforeDaysAgo: 340 } as const

export async function seedDemoHcpc({
	passwordHash,
	today = londonToday(),
	now = new Date(),
}: {
	passwordHash: string
	today?: string
	now?: Date
}) {
	const user = await prisma.user.upsert({
		where: { email: DEMO_HCPC_REGISTRANT.email },
		update: {},
		create: {
			...DEMO_HCPC_REGISTRANT,
			role: 'LEARNER',
			registrationBody: 'HCPC',
			passwordHash,
			emailVerifiedAt: now,
		},
		select: { id: true },
	})
	const userId = user.id
	if (await prisma.reflectiveRecord.count({ where: { userId, kind: 'HCPC_PROFILE' } })) return
	const ago = (days: number) => addToIsoDate(today, { days: -days })

	const entries: Array<Omit<CpdEntryInput, 'date'> & { daysAgo: number }> = [
		{ daysAgo: 690, method: 'Course', title: 'Sensory integration: an introduction (two-day course)', hours: 12 },
		{
			daysAgo: 640,
			method: 'Supervision',
			title: 'Clinical supervision with my team lead',
			hours: 1.5,
			participatoryHours: 1.5,
		},
		{
			daysAgo: 600,
			method: 'Reading',
			title: 'Reading: occupation-focused practice in community mental health',
			hours: 2,
		},
		{
			daysAgo: 560,
			method: 'Peer discussion',
			title: 'Journal club: activity scheduling and low mood',
			hours: 1,
			participatoryHours: 1,
		},
		{ daysAgo: 510, method: 'Conference', title: 'Occupational therapy conference (online day)', hours: 6 },
		{
			daysAgo: DEMO_HCPC_GAP.afterDaysAgo,
			method: 'Supervision',
			title: 'Clinical supervision: planning my return to work',
			hours: 1.5,
			participatoryHours: 1.5,
			impactOnPractice: 'We agreed a phased return and which caseload I would pick up first.',
		},
		// Nothing for about four months: the gap the demo leaves for the visitor to explain.
		{
			daysAgo: DEMO_HCPC_GAP.beforeDaysAgo,
			method: 'Workshop',
			title: 'Restorative approaches in community teams (trust workshop)',
			hours: 3,
			participatoryHours: 3,
		},
		{ daysAgo: 300, method: 'Supervision', title: 'Clinical supervision', hours: 1.5, participatoryHours: 1.5 },
		{ daysAgo: 250, method: 'Reading', title: 'Reading: trauma-informed care for occupational therapists', hours: 2 },
		{ daysAgo: 200, method: 'Course', title: 'Moving and handling update', hours: 3 },
		{
			daysAgo: 150,
			method: 'Peer discussion',
			title: 'Peer review of goal-setting in care plans',
			hours: 1,
			participatoryHours: 1,
		},
		{ daysAgo: 100, method: 'Supervision', title: 'Clinical supervision', hours: 1.5, participatoryHours: 1.5 },
		{
			daysAgo: 60,
			method: 'Workshop',
			title: 'Co-producing goals with people who use our service',
			hours: 3,
			participatoryHours: 3,
			evidence: 'Workshop handout and my notes',
		},
		{ daysAgo: 20, method: 'Reading', title: 'Reading: the Kawa model in practice', hours: 1.5 },
	]
	for (const { daysAgo, ...input } of entries) await createCpdEntry({ userId, input: { ...input, date: ago(daysAgo) } })

	// Their place on the free foundations course and a reflection they wrote in it.
	await seedFoundationsReflection({
		userId,
		enrol: true,
		text: 'On home visits I notice I start suggesting changes before the person has finished telling me what their day is like. When I wait and ask what matters most to them, the plan we make is theirs, and they keep to it.',
	})

	await createRecord({
		userId,
		kind: 'HCPC_PROFILE',
		now,
		input: {
			title: 'My HCPC CPD profile',
			date: ago(3),
			summary: [
				'I am a Band 6 occupational therapist in a community mental health team for adults of working age in a mixed urban and rural area. I carry a caseload of around 25 people living with long-term mental health conditions, many of whom also live with trauma, isolation or low income.',
				'My work is mostly in people’s homes and local communities: assessing how their condition affects the everyday activities that matter to them, agreeing goals with them, and working towards those goals through graded activity, routines and links with community groups. I also supervise an occupational therapy support worker and take students on placement.',
				'I returned from parental leave last year, and my CPD since then has focused on working alongside the people I support rather than for them: restorative approaches, co-produced goals and trauma-informed practice.',
			].join('\n\n'),
			statement: [
				'Activity 1: Restorative approaches in community teams (trust workshop)',
				'What the activity was: a three-hour workshop on restorative approaches, run for the community teams in my trust, with role play of a restorative conversation.',
				'What I learnt: that asking “what happened?” and “who has been affected?” before offering a solution keeps people in charge of their own plans, and that the same questions help when there is tension in a team.',
				'How it improved my work: I now open review meetings with the restorative questions and agree next steps with the person rather than for them. I used the approach to settle a disagreement about visit times between two colleagues.',
				'How it benefited service users: people tell me they feel listened to, and two people who had stopped engaging came back to their goal-setting sessions.',
				'',
				'Activity 2: Peer review of goal-setting in care plans',
				'What the activity was: a peer review with two occupational therapy colleagues of six anonymised care plans each.',
				'What I learnt: my goals were often worded in professional language (“increase occupational balance”) rather than the person’s own words.',
				'How it improved my work: I now write each goal in the person’s words and check it with them before it goes into the plan.',
				'How it benefited service users: goals are easier for people to remember and to own, and family members can support them.',
			].join('\n'),
		},
	})
}
