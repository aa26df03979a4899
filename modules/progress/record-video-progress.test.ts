import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { createCourse, createEnrolment, createUser } from '#tests/factories/learning.ts'
import { recordVideoProgress } from './record-video-progress.ts'

const DURATION = 100

async function setUp({ sequential = false } = {}) {
	const user = await createUser()
	const course = await createCourse({
		modules: 1,
		lessonKinds: ['VIDEO', 'VIDEO'],
		videoDurationSeconds: DURATION,
		sequential,
	})
	const enrolment = await createEnrolment({ userId: user.id, course })
	return { user, course, enrolment, video: course.lessons[0]!, secondVideo: course.lessons[1]! }
}

/** Moves the learner's last report back in time, as if `seconds` of wall clock had passed since it. */
async function wait(userId: string, lessonId: string, seconds: number) {
	await prisma.$executeRaw`
		UPDATE "LessonProgress" SET "updatedAt" = "updatedAt" - make_interval(secs => ${seconds})
		WHERE "userId" = ${userId} AND "lessonId" = ${lessonId}`
}

function progressOf(userId: string, lessonId: string) {
	return prisma.lessonProgress.findUnique({
		where: { userId_lessonId: { userId, lessonId } },
		select: { status: true, secondsWatched: true, positionSeconds: true, watchedRanges: true, completedAt: true },
	})
}

describe('recordVideoProgress', () => {
	test('stores the played ranges, the position and the seconds watched', async () => {
		const { user, video, enrolment } = await setUp()
		const result = await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: 10, playedRanges: [[0, 10]] },
		})
		expect(result).toMatchObject({ secondsWatched: 10, completed: false })
		expect(await progressOf(user.id, video.id)).toMatchObject({
			status: 'IN_PROGRESS',
			secondsWatched: 10,
			positionSeconds: 10,
			watchedRanges: [[0, 10]],
		})
		const e = await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })
		expect(e.startedAt).not.toBeNull()
		expect(e.lastActivityAt).not.toBeNull()
		expect(e.secondsSpent).toBe(10)
	})

	test('replaying the same part adds nothing; new parts are added to the union', async () => {
		const { user, video, enrolment } = await setUp()
		await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: 10, playedRanges: [[0, 10]] },
		})
		await wait(user.id, video.id, 30)
		await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: 10, playedRanges: [[0, 10]] },
		})
		expect((await progressOf(user.id, video.id))?.secondsWatched).toBe(10)
		await wait(user.id, video.id, 30)
		await recordVideoProgress({
			userId: user.id,
			input: {
				lessonId: video.id,
				positionSeconds: 30,
				playedRanges: [
					[5, 15],
					[20, 30],
				],
			},
		})
		const row = await progressOf(user.id, video.id)
		expect(row?.watchedRanges).toEqual([
			[0, 15],
			[20, 30],
		])
		expect(row?.secondsWatched).toBe(25)
		expect((await prisma.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).secondsSpent).toBe(25)
	})

	test('seeking to the end does not mark the video watched: a whole-video report 1 s later is clamped', async () => {
		const { user, video } = await setUp()
		await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: 5, playedRanges: [[0, 5]] },
		})
		await wait(user.id, video.id, 1)
		const result = await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: DURATION, playedRanges: [[0, DURATION]] },
		})
		const row = await progressOf(user.id, video.id)
		// 5 s already watched + at most 1 s × 2 (fastest playback) + 5 s slack.
		expect(row?.secondsWatched).toBeLessThanOrEqual(5 + 2 * 1.5 + 5)
		expect(row?.status).toBe('IN_PROGRESS')
		expect(row?.completedAt).toBeNull()
		expect(result.completed).toBe(false)
		expect(result.clampedSeconds).toBeGreaterThan(80)
	})

	test('a forged first report of the whole video is clamped too', async () => {
		const { user, video } = await setUp()
		await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: DURATION, playedRanges: [[0, DURATION]] },
		})
		const row = await progressOf(user.id, video.id)
		expect(row?.status).toBe('IN_PROGRESS')
		expect(row?.secondsWatched).toBeLessThan(40)
	})

	test('coming back days later does not allow a whole-video report either', async () => {
		const { user, video } = await setUp()
		await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: 5, playedRanges: [[0, 5]] },
		})
		await wait(user.id, video.id, 3 * 24 * 3600)
		await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: DURATION, playedRanges: [[0, DURATION]] },
		})
		const row = await progressOf(user.id, video.id)
		expect(row?.status).toBe('IN_PROGRESS')
		// At most 30 s of wall clock counts, however long the gap: 5 + 30 × 2 + 5.
		expect(row?.secondsWatched).toBeLessThanOrEqual(70)
	})

	test('what was clamped is accepted later, when the player re-sends it as time passes', async () => {
		const { user, video } = await setUp()
		// The clock is passed in: how long a busy test machine takes between the calls must not count.
		const first = new Date()
		// Back online after watching 0–60 s offline: the first report is clamped…
		await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: 60, playedRanges: [[0, 60]] },
			now: first,
		})
		expect((await progressOf(user.id, video.id))?.secondsWatched).toBe(35)
		// …and the next one, 10 s later, re-sends the whole visit and gets the rest.
		await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: 70, playedRanges: [[0, 70]] },
			now: new Date(first.getTime() + 10_000),
		})
		expect((await progressOf(user.id, video.id))?.secondsWatched).toBe(60)
	})

	test('watching 90 % completes the lesson; later reports never undo it', async () => {
		const { user, video } = await setUp()
		for (let from = 0; from < 90; from += 10) {
			await recordVideoProgress({
				userId: user.id,
				input: { lessonId: video.id, positionSeconds: from + 10, playedRanges: [[from, from + 10]] },
			})
			await wait(user.id, video.id, 10)
		}
		const row = await progressOf(user.id, video.id)
		expect(row).toMatchObject({ status: 'COMPLETED', secondsWatched: 90 })
		expect(row?.completedAt).not.toBeNull()

		// Rewatching from the start: the position moves back, completion and seconds watched do not.
		await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: 2, playedRanges: [[0, 2]] },
		})
		expect(await progressOf(user.id, video.id)).toMatchObject({
			status: 'COMPLETED',
			secondsWatched: 90,
			positionSeconds: 2,
			completedAt: row?.completedAt,
		})
	})

	test('two tabs reporting at once lose nothing', async () => {
		const { user, video } = await setUp()
		await recordVideoProgress({
			userId: user.id,
			input: { lessonId: video.id, positionSeconds: 1, playedRanges: [[0, 1]] },
		})
		await wait(user.id, video.id, 30)
		await Promise.all([
			recordVideoProgress({
				userId: user.id,
				input: { lessonId: video.id, positionSeconds: 12, playedRanges: [[10, 12]] },
			}),
			recordVideoProgress({
				userId: user.id,
				input: { lessonId: video.id, positionSeconds: 42, playedRanges: [[40, 42]] },
			}),
		])
		const row = await progressOf(user.id, video.id)
		expect(row?.watchedRanges).toEqual([
			[0, 1],
			[10, 12],
			[40, 42],
		])
		expect(row?.secondsWatched).toBe(5)
	})

	test('simultaneous first reports from two tabs both count', async () => {
		const { user, video } = await setUp()
		await Promise.all([
			recordVideoProgress({
				userId: user.id,
				input: { lessonId: video.id, positionSeconds: 5, playedRanges: [[0, 5]] },
			}),
			recordVideoProgress({
				userId: user.id,
				input: { lessonId: video.id, positionSeconds: 35, playedRanges: [[30, 35]] },
			}),
		])
		expect((await progressOf(user.id, video.id))?.secondsWatched).toBe(10)
	})

	describe('refuses bad reports and changes nothing', () => {
		test('a position beyond the end of the video', async () => {
			const { user, video } = await setUp()
			await expect(
				recordVideoProgress({
					userId: user.id,
					input: { lessonId: video.id, positionSeconds: DURATION + 6, playedRanges: [] },
				}),
			).rejects.toMatchObject({ kind: 'invalid', code: 'POSITION_OUT_OF_RANGE' })
			expect(await progressOf(user.id, video.id)).toBeNull()
		})

		test('a negative position, or a range past the end or running backwards', async () => {
			const { user, video } = await setUp()
			for (const input of [
				{ lessonId: video.id, positionSeconds: -1, playedRanges: [] },
				{ lessonId: video.id, positionSeconds: 1, playedRanges: [[0, DURATION + 3]] },
				{ lessonId: video.id, positionSeconds: 1, playedRanges: [[10, 5]] },
				{ lessonId: video.id, positionSeconds: 1, playedRanges: [[-2, 5]] },
			]) {
				await expect(recordVideoProgress({ userId: user.id, input })).rejects.toMatchObject({ kind: 'invalid' })
			}
			expect(await progressOf(user.id, video.id)).toBeNull()
		})

		test('more than 50 ranges', async () => {
			const { user, video } = await setUp()
			const playedRanges = Array.from({ length: 51 }, (_, i) => [i, i + 0.5])
			await expect(
				recordVideoProgress({ userId: user.id, input: { lessonId: video.id, positionSeconds: 1, playedRanges } }),
			).rejects.toMatchObject({ kind: 'invalid' })
			expect(await progressOf(user.id, video.id)).toBeNull()
		})

		test('an unknown lesson id', async () => {
			const { user } = await setUp()
			await expect(
				recordVideoProgress({
					userId: user.id,
					input: { lessonId: 'cm0000000000000000000000z', positionSeconds: 1, playedRanges: [[0, 1]] },
				}),
			).rejects.toMatchObject({ kind: 'not_found' })
		})

		test("a lesson of a course the learner is not enrolled in (someone else's progress)", async () => {
			const { user: owner, video } = await setUp()
			const intruder = await createUser()
			await expect(
				recordVideoProgress({
					userId: intruder.id,
					input: { lessonId: video.id, positionSeconds: 10, playedRanges: [[0, 10]] },
				}),
			).rejects.toMatchObject({ kind: 'not_found' })
			expect(await prisma.lessonProgress.count({ where: { lessonId: video.id } })).toBe(0)
			expect(await progressOf(owner.id, video.id)).toBeNull()
		})

		test('a lesson that is not a video', async () => {
			const user = await createUser()
			const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
			await createEnrolment({ userId: user.id, course })
			await expect(
				recordVideoProgress({
					userId: user.id,
					input: { lessonId: course.lessons[0]!.id, positionSeconds: 1, playedRanges: [[0, 1]] },
				}),
			).rejects.toMatchObject({ kind: 'invalid', code: 'NOT_A_VIDEO_LESSON' })
		})

		test('a locked lesson of a sequential course', async () => {
			const { user, secondVideo } = await setUp({ sequential: true })
			await expect(
				recordVideoProgress({
					userId: user.id,
					input: { lessonId: secondVideo.id, positionSeconds: 10, playedRanges: [[0, 10]] },
				}),
			).rejects.toMatchObject({ kind: 'forbidden', code: 'LESSON_LOCKED' })
			expect(await progressOf(user.id, secondVideo.id)).toBeNull()
		})
	})
})
