// What a facilitator types when scheduling a circle. Routes validate forms with these (so errors
// appear beside fields, with what was typed kept) and the module functions validate again.
import { z } from 'zod'
import { multilineText, singleLineText } from '#modules/validation/text.ts'
import { fromLondonLocal } from './london-time.ts'

export const MAX_CIRCLE_CAPACITY = 500
export const MIN_CIRCLE_MINUTES = 15
export const MAX_CIRCLE_MINUTES = 480
export const MAX_CIRCLE_QUESTIONS = 12

/** A web address a browser will open for a meeting: https only (Teams, Zoom and Meet all are). */
export function isMeetingUrl(value: string) {
	try {
		const url = new URL(value)
		return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password
	} catch {
		return false
	}
}

const optionalId = z.preprocess((value) => (value === '' ? undefined : value), singleLineText().max(64).optional())

/**
 * A circle's details as a form sends them, checked against `now` (a circle cannot start in the past).
 * `startsAt` is London wall-clock time ("2026-12-14T18:30"); the parsed value carries the instant.
 */
export function circleDetailsSchema(now: Date) {
	return z
		.object({
			title: singleLineText({ error: 'Enter a title' })
				.min(3, 'The title must be at least 3 characters')
				.max(150, 'The title must be 150 characters or fewer'),
			description: multilineText().trim().max(4_000, 'The description must be 4,000 characters or fewer').default(''),
			courseId: optionalId,
			programmeId: optionalId,
			teamId: optionalId,
			startsAt: singleLineText({ error: 'Enter the date and time it starts' }).refine(
				(value) => fromLondonLocal(value) !== null,
				'Enter a date and time, e.g. 14/12/2026 18:30',
			),
			durationMinutes: z.coerce
				.number({ error: 'Enter how long it lasts, in minutes' })
				.int('Enter a whole number of minutes')
				.min(MIN_CIRCLE_MINUTES, `A circle lasts at least ${MIN_CIRCLE_MINUTES} minutes`)
				.max(MAX_CIRCLE_MINUTES, `A circle lasts at most ${MAX_CIRCLE_MINUTES / 60} hours`),
			capacity: z.coerce
				.number({ error: 'Enter how many people it has room for' })
				.int('Enter a whole number of places')
				.min(1, 'A circle needs room for at least one person')
				.max(MAX_CIRCLE_CAPACITY, `A circle has room for at most ${MAX_CIRCLE_CAPACITY} people`),
			mode: z.enum(['ONLINE', 'IN_PERSON'], { error: 'Choose online or in person' }),
			meetingUrl: singleLineText().max(1_000, 'That link is too long').optional(),
			venue: singleLineText().max(300, 'The venue must be 300 characters or fewer').optional(),
			facilitatorEmail: singleLineText({ error: 'Enter the facilitator’s email address' })
				.toLowerCase()
				.pipe(z.email('Enter the facilitator’s email address, e.g. name@example.org')),
			questions: multilineText().default(''),
		})
		.superRefine((value, ctx) => {
			const startsAt = fromLondonLocal(value.startsAt)
			if (startsAt && startsAt.getTime() <= now.getTime()) {
				ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'Choose a time in the future' })
			}
			if (value.mode === 'ONLINE' && !(value.meetingUrl && isMeetingUrl(value.meetingUrl))) {
				ctx.addIssue({
					code: 'custom',
					path: ['meetingUrl'],
					message: 'Enter the meeting’s https link, e.g. https://teams.microsoft.com/…',
				})
			}
			if (value.mode === 'IN_PERSON' && !value.venue) {
				ctx.addIssue({ code: 'custom', path: ['venue'], message: 'Enter where it takes place' })
			}
			if (value.courseId && value.programmeId) {
				ctx.addIssue({ code: 'custom', path: ['programmeId'], message: 'Choose a course or a programme, not both' })
			}
			if (splitQuestions(value.questions).length > MAX_CIRCLE_QUESTIONS) {
				ctx.addIssue({
					code: 'custom',
					path: ['questions'],
					message: `A circle has at most ${MAX_CIRCLE_QUESTIONS} questions`,
				})
			}
			if (splitQuestions(value.questions).some((q) => q.length > 300)) {
				ctx.addIssue({ code: 'custom', path: ['questions'], message: 'Keep each question to 300 characters or fewer' })
			}
		})
}
export type CircleDetailsInput = z.input<ReturnType<typeof circleDetailsSchema>>
export type CircleDetails = z.output<ReturnType<typeof circleDetailsSchema>>

/** The circle's questions, one a line, blank lines dropped. */
export function splitQuestions(text: string) {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean)
}

/** A check-in code as someone types it: spaces and case do not matter. */
export const CheckInSchema = z.object({
	code: singleLineText({ error: 'Enter the code the facilitator is showing' })
		.transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
		.pipe(z.string().min(1, 'Enter the code the facilitator is showing').max(12, 'That is not a check-in code')),
})

/** Booking people into an organisation's circle: named people, a whole team, or both. */
export const BookPeopleSchema = z
	.object({
		teamId: optionalId,
		userId: z.array(singleLineText().max(64)).max(500, 'Choose at most 500 people at a time').default([]),
	})
	.refine((value) => value.teamId || value.userId.length > 0, {
		path: ['userId'],
		message: 'Choose at least one person, or a team',
	})
