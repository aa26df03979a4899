// The demo is honest about what it plays: video lessons give the real length of the one clip they
// all share, their captions and transcripts say what the clip says, and every course's CPD hours
// keep the CPD rule (docs/decisions/0019-cpd-hours.md).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { cpdHoursProblem, learningMinutes, minimumCpdMinutes } from '#modules/catalog/cpd-hours.ts'
import { courses } from './seed-content/index.ts'
import { DEMO_VIDEO, seedCourseTree } from './seed.ts'

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public')

/** The length in seconds an MP4 file states in its movie header (the `mvhd` box inside `moov`). */
function mp4DurationSeconds(file: Buffer) {
	const boxes = (from: number, to: number) => {
		const found = new Map<string, { start: number; end: number }>()
		for (let at = from; at + 8 <= to;) {
			const size = file.readUInt32BE(at)
			const type = file.toString('latin1', at + 4, at + 8)
			if (size < 8) break
			found.set(type, { start: at + 8, end: at + size })
			at += size
		}
		return found
	}
	const moov = boxes(0, file.length).get('moov')!
	const mvhd = boxes(moov.start, moov.end).get('mvhd')!
	const version = file.readUInt8(mvhd.start)
	if (version === 1) return Number(file.readBigUInt64BE(mvhd.start + 24)) / file.readUInt32BE(mvhd.start + 20)
	return file.readUInt32BE(mvhd.start + 16) / file.readUInt32BE(mvhd.start + 12)
}

function vttCues(text: string) {
	const toSeconds = (t: string) => t.split(':').reduce((sum, part) => sum * 60 + Number(part), 0)
	return text
		.split(/\n\n+/)
		.filter((block) => block.includes('-->'))
		.map((block) => {
			const lines = block.trim().split('\n')
			const timing = lines.findIndex((l) => l.includes('-->'))
			const [start, end] = lines[timing]!.split(' --> ').map((t) => toSeconds(t.trim()))
			return { start: start!, end: end!, text: lines.slice(timing + 1).join(' ') }
		})
}

describe('the demo clip', () => {
	const clip = fs.readFileSync(path.join(publicDir, DEMO_VIDEO.url))
	const cues = vttCues(fs.readFileSync(path.join(publicDir, DEMO_VIDEO.captionsUrl), 'utf8'))

	test('its stated length is the file’s own, in whole seconds', () => {
		const seconds = mp4DurationSeconds(clip)
		expect(seconds).toBeCloseTo(34.25, 2)
		expect(DEMO_VIDEO.durationSeconds).toBe(Math.floor(seconds))
	})

	test('its captions are its words, cue by cue, and all fall within the clip', () => {
		expect(cues.map((c) => c.text)).toEqual(DEMO_VIDEO.words)
		for (const cue of cues) expect(cue.end).toBeLessThanOrEqual(mp4DurationSeconds(clip))
		for (const [i, cue] of cues.entries()) if (i > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[i - 1]!.end)
	})
})

describe.each(courses.map((course) => [course.slug, course] as const))('demo course %s', (_slug, course) => {
	const lessons = seedCourseTree(course).flatMap((m) => m.lessons)

	test('its video lessons play the demo clip, say so, and quote what it says', () => {
		const videos = lessons.filter((l) => l.kind === 'VIDEO')
		expect(videos.length).toBeGreaterThan(0)
		for (const video of videos) {
			expect(video).toMatchObject({
				videoSourceUrl: DEMO_VIDEO.url,
				captionsUrl: DEMO_VIDEO.captionsUrl,
				videoDurationSeconds: DEMO_VIDEO.durationSeconds,
			})
			expect(video.transcript).toMatch(/^Demo clip: every video lesson in Circle's demo plays the same 34-second clip/)
			for (const words of DEMO_VIDEO.words) expect(video.transcript).toContain(words)
			// The clip and the script to read: never less than the clip itself.
			expect(video.estimatedMinutes).toBeGreaterThanOrEqual(Math.ceil(DEMO_VIDEO.durationSeconds / 60))
		}
	})

	test('its CPD hours are its lessons’ time rounded up to the quarter hour', () => {
		const learning = learningMinutes(lessons)
		expect(cpdHoursProblem({ cpdMinutes: course.cpdMinutes, learning })).toBeNull()
		expect(course.cpdMinutes).toBe(minimumCpdMinutes(learning))
	})
})
