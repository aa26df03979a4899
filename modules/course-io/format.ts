// The course folder format (see docs/decisions/0013-course-import-export-format.md):
//
//   course.yaml                              title, slug, summary, description, sectors, cpdMinutes,
//                                            price, outcomes, sequential
//   modules/01-<module>/module.yaml          title, summary
//   modules/01-<module>/01-<lesson-key>.md   reading or video lesson: YAML front matter, then the
//                                            reading's Markdown (or the video's transcript)
//   modules/01-<module>/02-<lesson-key>.yaml quiz lesson: settings and questions
//
// The numbers give the order; everything else about a lesson (its key included) is inside the file.
import { z } from 'zod'
import { Sector } from '#modules/db/generated/enums.ts'
import { SLUG_PATTERN } from '#modules/authoring/schemas.ts'

export const COURSE_FILE = 'course.yaml'
export const MODULE_FILE = 'module.yaml'
export const MODULES_DIR = 'modules'

/** "03-anything" → 3: the order prefix of module folders and lesson files. */
export const ORDER_PREFIX = /^(\d{1,3})-[A-Za-z0-9._-]+$/

/** Lesson keys stay stable across versions; in files they must also be safe as file names. */
export const LESSON_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/

const SECTOR_VALUES = Object.values(Sector) as [Sector, ...Sector[]]

const text = (label: string, max: number) =>
	z
		.string({ error: `${label} must be text` })
		.trim()
		.min(1, `${label} must not be empty`)
		.max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)

export const CourseFileSchema = z.strictObject({
	title: text('title', 150),
	slug: z
		.string({ error: 'slug must be text' })
		.regex(SLUG_PATTERN, 'slug must be lower-case letters, numbers and single hyphens')
		.min(3, 'slug must be at least 3 characters')
		.max(80, 'slug must be 80 characters or fewer'),
	summary: text('summary', 400),
	description: z.string({ error: 'description must be text' }).max(20_000).default(''),
	sectors: z
		.array(z.enum(SECTOR_VALUES, { error: `each sector must be one of ${SECTOR_VALUES.join(', ')}` }), {
			error: 'sectors must be a list',
		})
		.min(1, 'list at least one sector'),
	cpdMinutes: z
		.number({ error: 'cpdMinutes must be a whole number of minutes' })
		.int('cpdMinutes must be a whole number of minutes')
		.min(15, 'cpdMinutes must be at least 15')
		.max(6000, 'cpdMinutes must be 6000 or fewer'),
	price: z
		.number({ error: 'price must be a number of pounds, e.g. 49.99 (0 for free)' })
		.min(0, 'price cannot be negative')
		.max(10_000, 'price must be £10,000 or less')
		.refine((p) => Math.abs(Math.round(p * 100) - p * 100) < 1e-6, 'price must be in pounds and pence, e.g. 49.99'),
	outcomes: z
		.array(text('each outcome', 300), { error: 'outcomes must be a list' })
		.min(1, 'list at least one outcome')
		.max(12, 'list no more than 12 outcomes'),
	sequential: z.boolean({ error: 'sequential must be true or false' }).default(false),
})
export type CourseFile = z.output<typeof CourseFileSchema>

export const ModuleFileSchema = z.strictObject({
	title: text('title', 150),
	summary: z.string({ error: 'summary must be text' }).max(2000).default(''),
})

const key = z.string({ error: 'key must be text' }).regex(LESSON_KEY, 'key must be letters, numbers, - or _ (up to 80)')

/** Front matter of a reading or video lesson (.md). Content rules are checked after, by the studio's schemas. */
export const PageFrontMatterSchema = z.strictObject({
	kind: z.enum(['READING', 'VIDEO'], {
		error: 'kind must be READING or VIDEO in a .md lesson (quizzes are .yaml files)',
	}),
	key,
	title: z.unknown(),
	required: z.unknown().optional(),
	estimatedMinutes: z.unknown(),
	videoPlaybackId: z.unknown().optional(),
	videoSourceUrl: z.unknown().optional(),
	videoDurationSeconds: z.unknown().optional(),
	captionsUrl: z.unknown().optional(),
})

const OptionFileSchema = z.strictObject({
	text: z.unknown(),
	correct: z.boolean({ error: 'correct must be true or false' }).default(false),
	feedback: z.unknown().optional(),
})

const QuestionFileSchema = z.strictObject({
	kind: z.enum(['SINGLE', 'MULTIPLE', 'REFLECTION', 'SCALE'], {
		error: 'kind must be SINGLE, MULTIPLE, REFLECTION or SCALE',
	}),
	prompt: z.unknown(),
	guidance: z.unknown().optional(),
	explanation: z.unknown().optional(),
	scaleMin: z.unknown().optional(),
	scaleMax: z.unknown().optional(),
	scaleMinLabel: z.unknown().optional(),
	scaleMaxLabel: z.unknown().optional(),
	options: z.array(OptionFileSchema, { error: 'options must be a list' }).default([]),
})

/** A quiz lesson (.yaml). */
export const QuizFileSchema = z.strictObject({
	kind: z.literal('QUIZ', { error: 'kind must be QUIZ in a .yaml lesson (reading and video lessons are .md files)' }),
	key,
	title: z.unknown(),
	required: z.unknown().optional(),
	estimatedMinutes: z.unknown(),
	passMark: z.unknown(),
	maxAttempts: z.unknown().optional(),
	questions: z.array(QuestionFileSchema, { error: 'questions must be a list' }).default([]),
})
