import { z } from 'zod'
import { prisma } from '#modules/db/client.ts'
import { ProgressError } from '#modules/progress/errors.ts'
import { assertLessonUnlocked, findLessonForLearner } from '#modules/learning/lesson-access.ts'
import { assertCourseOpenInProgrammes } from '#modules/programmes/programme-gate.ts'
import { COMPLETION_TRANSACTION, completeEnrolment } from './complete-enrolment.ts'
import { ensureProgressRow, markLessonCompleted, touchEnrolment } from './progress-rows.ts'
import {
	normaliseRanges,
	parseStoredRanges,
	type Range,
	subtractRanges,
	takeFirstSeconds,
	totalSeconds,
} from './watched-ranges.ts'
import { lockLessonProgress } from './sql.ts'

/** A video counts as watched once this share of it has actually been played. */
export const WATCHED_THRESHOLD = 0.9
/** The fastest playback the player offers: no one can legitimately watch faster than this. */
export const MAX_PLAYBACK_RATE = 2
/** Allowance for network jitter and the report timer drifting. */
export const SLACK_SECONDS = 5
/**
 * A first report has no earlier report to measure from. The player reports every ~10 s of wall
 * clock, so a first report covers at most ~20 s of video even at double speed; this is generous.
 */
export const FIRST_REPORT_ELAPSED_SECONDS = 15
/**
 * Wall-clock time counted since the previous report is capped: a learner who comes back after a
 * week must not be able to claim the whole video in one report. Honest players report every ~10 s
 * while playing and re-send everything they played on this visit, so anything clamped here (after
 * being offline, say) is accepted by the following reports.
 */
export const MAX_ELAPSED_SECONDS = 30

export const VideoProgressSchema = z.object({
	lessonId: z.cuid(),
	positionSeconds: z.number().min(0),
	playedRanges: z
		.array(z.tuple([z.number().min(0), z.number().min(0)]))
		.max(50, 'Send at most 50 played ranges at a time'),
})
export type VideoProgressInput = z.input<typeof VideoProgressSchema>

/**
 * Records what a learner actually played of a video lesson. The reported ranges come only from
 * real playback (the player leaves out seeks), and are merged into the stored union, so replaying a
 * part adds nothing and `secondsWatched` only grows. New seconds per report are clamped to what the
 * wall clock allows since the previous report (×2 playback speed + 5 s slack), so a forged report
 * of the whole video gains only a few seconds. At 90 % watched the lesson is COMPLETED and the
 * enrolment completion check runs, in the same transaction.
 *
 * Unknown lessons, and lessons outside the learner's enrolled version, are `not_found`; a position
 * or range outside the video is `invalid`; in both cases nothing is written. Concurrent reports (two
 * tabs) are serialised on the progress row with SELECT … FOR UPDATE, so neither loses the other's
 * ranges.
 */
export async function recordVideoProgress({
	userId,
	input,
	now: nowDate = new Date(),
}: {
	userId: string
	input: unknown
	/** When the report arrived (tests pass a clock); the wall-clock allowance is measured against it. */
	now?: Date
}) {
	const parsed = VideoProgressSchema.safeParse(input)
	if (!parsed.success) {
		throw new ProgressError('invalid', 'INVALID_PROGRESS', 'That progress report was not in the expected format.')
	}
	const { lessonId, positionSeconds, playedRanges } = parsed.data

	const lesson = await findLessonForLearner({ userId, lessonId })
	if (lesson.kind !== 'VIDEO') {
		throw new ProgressError('invalid', 'NOT_A_VIDEO_LESSON', 'Only video lessons record watching progress.')
	}
	const duration = lesson.videoDurationSeconds
	if (!duration || duration <= 0) {
		throw new ProgressError('invalid', 'VIDEO_NOT_READY', 'This video is still being prepared.')
	}
	if (positionSeconds > duration + 5) {
		throw new ProgressError(
			'invalid',
			'POSITION_OUT_OF_RANGE',
			`The position must be between 0 and ${duration} seconds.`,
		)
	}
	for (const [from, to] of playedRanges) {
		if (!(from < to) || to > duration + 2) {
			throw new ProgressError(
				'invalid',
				'RANGE_OUT_OF_RANGE',
				`Each played range must run forwards and lie within the video (0 to ${duration} seconds).`,
			)
		}
	}
	await assertLessonUnlocked({ userId, lesson })
	// A sequential programme's later course takes nothing until the one before it is finished.
	await assertCourseOpenInProgrammes({ userId, courseId: lesson.courseId })

	return prisma.$transaction(async (tx) => {
		const created = await ensureProgressRow({ tx, userId, enrolmentId: lesson.enrolmentId, lesson })
		const row = await lockLessonProgress(tx, { userId, lessonId: lesson.id })
		if (!row) throw new Error('Progress row vanished inside its own transaction')

		const now = nowDate.getTime()
		const existing = normaliseRanges(parseStoredRanges(row.watchedRanges), duration)
		const reported = normaliseRanges(playedRanges as Range[], duration)
		const fresh = subtractRanges(reported, existing)
		const elapsed = created
			? FIRST_REPORT_ELAPSED_SECONDS
			: Math.min(MAX_ELAPSED_SECONDS, Math.max(0, (now - row.updatedAt.getTime()) / 1000))
		const allowance = elapsed * MAX_PLAYBACK_RATE + SLACK_SECONDS
		const accepted = takeFirstSeconds(fresh, allowance)
		const union = normaliseRanges([...existing, ...accepted], duration)
		const total = totalSeconds(union)
		const secondsWatched = Math.max(row.secondsWatched, Math.floor(total))

		await tx.lessonProgress.update({
			where: { userId_lessonId: { userId, lessonId: lesson.id } },
			data: {
				positionSeconds: Math.round(Math.min(positionSeconds, duration)),
				watchedRanges: union,
				secondsWatched,
				// The next report's allowance is measured from here, on the same clock as `now`.
				updatedAt: nowDate,
			},
			select: { id: true },
		})
		const lessonCompletedNow =
			total >= WATCHED_THRESHOLD * duration && (await markLessonCompleted({ tx, userId, lessonId: lesson.id }))
		await touchEnrolment({ tx, enrolmentId: lesson.enrolmentId, addSeconds: secondsWatched - row.secondsWatched })
		const { completedNow } = lessonCompletedNow
			? await completeEnrolment({ tx, enrolmentId: lesson.enrolmentId, userId })
			: { completedNow: false }

		return {
			/** The stored union, so the player can stop re-sending what is already counted. */
			watchedRanges: union,
			secondsWatched,
			watchedPercent: Math.min(100, Math.floor((total / duration) * 100)),
			completed: lessonCompletedNow || row.status === 'COMPLETED',
			lessonCompletedNow,
			courseCompletedNow: completedNow,
			/** Seconds of this report that were new but more than the wall clock allows. */
			clampedSeconds: Math.max(0, Math.round(totalSeconds(fresh) - totalSeconds(accepted))),
		}
	}, COMPLETION_TRANSACTION)
}
