import { prisma } from '#modules/db/client.ts'
import { generateCheckInCode } from '#modules/circles/schedule-circle.ts'
import { createUser } from './learning.ts'

export type CreateCircleOptions = {
	startsAt?: Date
	durationMinutes?: number
	capacity?: number
	facilitatorId?: string
	courseId?: string | null
	organisationId?: string | null
	teamId?: string | null
	title?: string
}

/**
 * A circle stored directly (scheduling rules such as "not in the past" are the domain's to test;
 * here a test may want one that is running now). Online, with a meeting link; starts in a week.
 */
export async function createCircle(options: CreateCircleOptions = {}) {
	const facilitatorId = options.facilitatorId ?? (await createUser({ name: 'Dr Ada Facilitator', role: 'TRAINER' })).id
	return prisma.circle.create({
		data: {
			title: options.title ?? 'After the incident: a reflective circle',
			startsAt: options.startsAt ?? new Date(Date.now() + 7 * 24 * 3_600_000),
			durationMinutes: options.durationMinutes ?? 90,
			capacity: options.capacity ?? 12,
			mode: 'ONLINE',
			meetingUrl: 'https://meet.example.org/circle-room',
			facilitatorId,
			createdById: facilitatorId,
			courseId: options.courseId ?? null,
			organisationId: options.organisationId ?? null,
			teamId: options.teamId ?? null,
			questions: ['What happened?', 'Who has been affected, and how?'],
			checkInCode: generateCheckInCode(),
		},
		select: {
			id: true,
			title: true,
			startsAt: true,
			durationMinutes: true,
			capacity: true,
			checkInCode: true,
			facilitatorId: true,
			sequence: true,
		},
	})
}

/** `count` learners, made in one go. */
export async function createLearners(count: number, label = 'circle') {
	return Promise.all(Array.from({ length: count }, (_, i) => createUser({ name: `${label} learner ${i + 1}` })))
}
