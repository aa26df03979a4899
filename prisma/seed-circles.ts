// Demo content for reflective circles: open circles on the demo courses over the next weeks (one
// the demo learner has a place in), a private circle for one of the demo organisation's teams, and
// a drop-in circle that is running at seeding time and is full, so a visitor can join its waiting
// list, see a place come up and check in with the code the trainer's register shows. Idempotent: a
// second run finds the demo circles by their titles and adds nothing.
import { prisma } from '#modules/db/client.ts'
import { fromLondonLocal, toLondonLocal } from '#modules/circles/london-time.ts'
import { generateCheckInCode } from '#modules/circles/schedule-circle.ts'
import { DEMO_RUNNING_CIRCLE } from './demo-circles.ts'

export { DEMO_RUNNING_CIRCLE }

const DAY = 24 * 3_600_000

/** UK wall-clock `time` ("18:30") on the day `days` after `now`, as an instant. */
function ukAt(now: Date, days: number, time: string) {
	const day = toLondonLocal(new Date(now.getTime() + days * DAY)).slice(0, 10)
	return fromLondonLocal(`${day}T${time}`)!
}

const QUESTIONS = {
	restorative: [
		'What happened, from where you stood?',
		'What were you thinking and feeling at the time?',
		'Who has been affected, and in what way?',
		'What would help to put things right?',
	],
	practice: [
		'Tell us about a moment this month when you worked with someone rather than doing something to them.',
		'Where did you find it hardest to hold high challenge and high support together?',
		'What will you try differently next week?',
	],
}

export async function seedDemoCircles({
	trainerId,
	learnerId,
	organisationId,
	ownerId,
	passwordHash,
	now = new Date(),
}: {
	trainerId: string
	learnerId: string
	organisationId: string
	ownerId: string
	passwordHash: string
	now?: Date
}) {
	const existing = await prisma.circle.findFirst({ where: { title: DEMO_RUNNING_CIRCLE.title }, select: { id: true } })
	if (existing) return
	const courses = await prisma.course.findMany({
		where: {
			slug: {
				in: [
					'restorative-practice-foundations',
					'relational-practice-in-schools',
					'leading-a-restorative-organisation',
				],
			},
		},
		select: { id: true, slug: true },
	})
	const course = (slug: string) => courses.find((c) => c.slug === slug)?.id ?? null
	const team = await prisma.team.findFirst({
		where: { organisationId, name: 'Oakfield Primary' },
		select: { id: true },
	})
	const online = (room: string) => ({
		mode: 'ONLINE' as const,
		meetingUrl: `https://meet.example.org/circle/${room}`,
		venue: null,
	})

	const circles = [
		{
			title: 'Restorative questions in practice',
			description: 'A first circle for anyone taking the foundations course: bring one conversation from your week.',
			courseId: course('restorative-practice-foundations'),
			startsAt: ukAt(now, 3, '18:30'),
			durationMinutes: 90,
			capacity: 12,
			...online('restorative-questions'),
			questions: QUESTIONS.restorative,
		},
		{
			title: 'After the incident: repairing harm together',
			description:
				'For school staff: how a restorative conversation after a playground incident went, and what came next.',
			courseId: course('relational-practice-in-schools'),
			startsAt: ukAt(now, 10, '16:00'),
			durationMinutes: 75,
			capacity: 10,
			mode: 'IN_PERSON' as const,
			meetingUrl: null,
			venue: 'Riverside Academy Trust, Meeting Room 2, 14 Quay Street, Cardiff CF10 1EA',
			questions: QUESTIONS.restorative,
		},
		{
			title: 'Leading with high challenge and high support',
			description: 'For leaders putting the course into practice across a team or a whole organisation.',
			courseId: course('leading-a-restorative-organisation'),
			startsAt: ukAt(now, 17, '12:30'),
			durationMinutes: 60,
			capacity: 16,
			...online('leading-with-support'),
			questions: QUESTIONS.practice,
		},
		{
			title: 'Reflective practice circle: the month so far',
			description: 'An open circle for practitioners in any setting.',
			courseId: null,
			startsAt: ukAt(now, 24, '19:00'),
			durationMinutes: 60,
			capacity: 20,
			...online('month-so-far'),
			questions: QUESTIONS.practice,
		},
	]
	let learnerBooked = false
	for (const circle of circles) {
		const made = await prisma.circle.create({
			data: { ...circle, facilitatorId: trainerId, createdById: trainerId, checkInCode: generateCheckInCode() },
			select: { id: true },
		})
		if (!learnerBooked) {
			await prisma.circleBooking.create({
				data: { circleId: made.id, userId: learnerId, status: 'BOOKED', bookedAt: now, queuedAt: now },
			})
			learnerBooked = true
		}
	}
	if (team) {
		await prisma.circle.create({
			data: {
				title: 'Oakfield staff circle: starting the term well',
				description: 'A private circle for the Oakfield Primary team.',
				organisationId,
				teamId: team.id,
				startsAt: ukAt(now, 6, '15:45'),
				durationMinutes: 60,
				capacity: 15,
				mode: 'IN_PERSON',
				venue: 'Oakfield Primary School, staff room',
				facilitatorId: ownerId,
				createdById: ownerId,
				questions: QUESTIONS.practice,
				checkInCode: generateCheckInCode(),
			},
			select: { id: true },
		})
	}

	// Running from a quarter of an hour before seeding, for the longest a circle may last (8 hours).
	const running = await prisma.circle.create({
		data: {
			title: DEMO_RUNNING_CIRCLE.title,
			description: 'A short drop-in to try Circle’s reflective circles: it is full, so join the waiting list.',
			courseId: course('restorative-practice-foundations'),
			startsAt: new Date(now.getTime() - 15 * 60_000),
			durationMinutes: 480,
			capacity: DEMO_RUNNING_CIRCLE.holders.length,
			...online('drop-in'),
			facilitatorId: trainerId,
			createdById: trainerId,
			questions: QUESTIONS.practice,
			checkInCode: generateCheckInCode(),
		},
		select: { id: true },
	})
	for (const [index, holder] of DEMO_RUNNING_CIRCLE.holders.entries()) {
		const user = await prisma.user.upsert({
			where: { email: holder.email },
			update: {},
			create: { ...holder, passwordHash, emailVerifiedAt: now, profession: 'Social worker', registrationBody: 'SWE' },
			select: { id: true },
		})
		const bookedAt = new Date(now.getTime() - (2 - index) * DAY)
		await prisma.circleBooking.create({
			data: { circleId: running.id, userId: user.id, status: 'BOOKED', bookedAt, queuedAt: bookedAt },
		})
	}
}
