import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { loadVersionTree } from '#modules/authoring/content.ts'
import { createDraftVersion } from '#modules/authoring/create-draft-version.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { exportCourse } from './export-course.ts'
import { CourseImportError, importCourse } from './import-course.ts'
import { formatProblem } from './yaml-source.ts'

afterAll(releaseTestResources)

const tempDirs: string[] = []
afterAll(async () => {
	for (const dir of tempDirs) await fs.rm(dir, { recursive: true, force: true })
})

async function tempDir() {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'circle-course-io-'))
	tempDirs.push(dir)
	return dir
}

/** A version's tree without ids and revision counters, for comparing two copies of a course. */
function withoutIds(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutIds)
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([k]) => k !== 'id' && k !== 'revision')
				.map(([k, v]) => [k, withoutIds(v)]),
		)
	}
	return value
}

async function versionSnapshot(versionId: string) {
	const version = await prisma.courseVersion.findUniqueOrThrow({
		where: { id: versionId },
		select: { title: true, summary: true, description: true, cpdMinutes: true, outcomes: true, sequential: true },
	})
	return { version, tree: withoutIds(await loadVersionTree(prisma, versionId)) }
}

async function thrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		return error
	}
	throw new Error('expected a rejection')
}

/** A course with every kind of lesson, Markdown with awkward characters, a mux video, optional lessons. */
async function richCourse() {
	const owner = await createSignedInUser()
	const course = await createAuthoredCourse({
		ownerId: owner.user.id,
		modules: 2,
		pricePence: 4999,
		maxAttempts: 3,
		optionalLessons: [4],
		markdown:
			'# Repair\n\n> “Who has been affected?”\n\n- one: two\n- `code` --- and *more*\n\n---\n\nEnd with spaces  \nand no newline',
	})
	await prisma.courseVersion.update({
		where: { id: course.versionId },
		data: {
			description: 'Line one.\n\nLine two: with a colon.',
			outcomes: ['Use the restorative questions', 'Hold a circle: safely'],
		},
	})
	await prisma.module.updateMany({
		where: { versionId: course.versionId, position: 1 },
		data: { summary: 'The second module.' },
	})
	const video = course.lessons.find((l) => l.kind === 'VIDEO')!
	await prisma.lesson.update({
		where: { id: video.id },
		data: {
			videoSourceUrl: null,
			videoPlaybackId: 'abcDEF1234567890',
			captionsUrl: null,
			transcript: 'Line one.\nLine two.',
		},
	})
	return { owner, course }
}

describe('course export and import', () => {
	test('export → import as a new course round-trips the version exactly (ignoring ids)', async () => {
		const { owner, course } = await richCourse()
		const dir = await tempDir()
		const exported = await exportCourse({ course: course.slug, dir })
		expect(exported).toMatchObject({ slug: course.slug, versionNumber: 1 })
		expect(exported.files).toContain('course.yaml')
		expect(exported.files).toContain('modules/01-module-1/module.yaml')
		expect(exported.files).toContain('modules/01-module-1/03-lesson-2.yaml')
		expect(exported.files).toContain('modules/02-module-2/02-lesson-4.md')

		// Import it under a new slug, as a new course.
		const newSlug = `${course.slug}-copy`
		const courseYaml = path.join(dir, 'course.yaml')
		await fs.writeFile(
			courseYaml,
			(await fs.readFile(courseYaml, 'utf8')).replace(`slug: ${course.slug}`, `slug: ${newSlug}`),
		)
		const imported = await importCourse({ dir, ownerEmail: owner.user.email })
		expect(imported).toMatchObject({
			slug: newSlug,
			versionNumber: 1,
			created: true,
			modules: 2,
			lessons: 6,
			notes: [],
		})

		const copy = await prisma.course.findUniqueOrThrow({
			where: { id: imported.courseId },
			select: {
				pricePence: true,
				sectors: true,
				publishedVersionId: true,
				authors: { select: { userId: true, role: true } },
				versions: { select: { id: true, status: true } },
			},
		})
		expect(copy).toMatchObject({ pricePence: 4999, sectors: ['FOUNDATIONS'], publishedVersionId: null })
		expect(copy.authors).toEqual([{ userId: owner.user.id, role: 'OWNER' }])
		expect(copy.versions).toEqual([{ id: expect.any(String), status: 'DRAFT' }])
		expect(await versionSnapshot(copy.versions[0]!.id)).toEqual(await versionSnapshot(course.versionId))
	})

	test('importing an existing slug makes a new draft version (and refuses to overwrite a draft unless told)', async () => {
		const { owner, course } = await richCourse()
		const dir = await tempDir()
		await exportCourse({ course: course.id, dir })
		const reading = path.join(dir, 'modules/01-module-1/02-lesson-1.md')
		await fs.writeFile(reading, (await fs.readFile(reading, 'utf8')).replace('# Repair', '# Repairing harm'))

		const imported = await importCourse({ dir })
		expect(imported).toMatchObject({ courseId: course.id, versionNumber: 2, created: false, replacedDraft: false })
		const draft = await prisma.courseVersion.findUniqueOrThrow({
			where: { courseId_number: { courseId: course.id, number: 2 } },
		})
		expect(draft).toMatchObject({ status: 'DRAFT', basedOnVersionId: course.versionId, createdById: owner.user.id })
		const lesson = await prisma.lesson.findFirstOrThrow({ where: { versionId: draft.id, key: 'lesson-1' } })
		expect(lesson.markdown).toMatch(/^# Repairing harm\n/)
		// The published version is untouched.
		expect((await prisma.course.findUniqueOrThrow({ where: { id: course.id } })).publishedVersionId).toBe(
			course.versionId,
		)

		const again = await thrown(importCourse({ dir }))
		expect(isDomainError(again) && again.code).toBe('DRAFT_EXISTS')
		const replaced = await importCourse({ dir, replaceDraft: true })
		expect(replaced).toMatchObject({ versionNumber: 2, replacedDraft: true })
		expect(await prisma.courseVersion.count({ where: { courseId: course.id } })).toBe(2)
		expect(await prisma.lesson.count({ where: { versionId: draft.id } })).toBe(6)

		// Another trainer may not import into someone else's course.
		const stranger = await createSignedInUser()
		const refused = await thrown(importCourse({ dir, ownerEmail: stranger.user.email, replaceDraft: true }))
		expect(isDomainError(refused) && refused.kind).toBe('forbidden')
	})

	test('bad files give errors naming the file and line, and nothing is written', async () => {
		const { course } = await richCourse()
		const dir = await tempDir()
		await exportCourse({ course: course.slug, dir })
		const quizFile = 'modules/02-module-2/03-lesson-5.yaml'
		const quizPath = path.join(dir, quizFile)
		const quiz = (await fs.readFile(quizPath, 'utf8')).split('\n')
		const passMarkLine = quiz.findIndex((l) => l.startsWith('passMark:'))
		quiz[passMarkLine] = 'passMark: 140'
		await fs.writeFile(quizPath, quiz.join('\n'))

		const videoFile = 'modules/01-module-1/01-lesson-0.md'
		const videoPath = path.join(dir, videoFile)
		const video = (await fs.readFile(videoPath, 'utf8')).split('\n')
		const durationLine = video.findIndex((l) => l.startsWith('videoDurationSeconds:'))
		video[durationLine] = 'videoDurationSeconds: -5'
		video.splice(2, 0, 'colour: blue')
		await fs.writeFile(videoPath, video.join('\n'))

		const moduleFile = 'modules/02-module-2/module.yaml'
		await fs.writeFile(path.join(dir, moduleFile), 'title: [unclosed\n')
		await fs.writeFile(
			path.join(dir, 'course.yaml'),
			(await fs.readFile(path.join(dir, 'course.yaml'), 'utf8')).replace(/^cpdMinutes: .*$/m, 'cpdMinutes: lots'),
		)

		const versionsBefore = await prisma.courseVersion.count({ where: { courseId: course.id } })
		const error = await thrown(importCourse({ dir }))
		expect(error).toBeInstanceOf(CourseImportError)
		const problems = (error as CourseImportError).problems.map(formatProblem)
		const courseYaml = (await fs.readFile(path.join(dir, 'course.yaml'), 'utf8')).split('\n')
		const cpdLine = courseYaml.findIndex((l) => l.startsWith('cpdMinutes:')) + 1
		expect(problems).toContain(`course.yaml:${cpdLine}: cpdMinutes must be a whole number of minutes`)
		expect(problems).toContain(`${quizFile}:${passMarkLine + 1}: the pass mark must be 100 or less`)
		// The video file: front matter starts on line 2, the inserted line is line 3.
		expect(problems).toContain(`${videoFile}:3: unknown field “colour”`)
		expect(problems).toContain(`${videoFile}:${durationLine + 2}: the duration must be at least 1 second`)
		expect(problems.some((p) => p.startsWith(`${moduleFile}:`))).toBe(true)
		expect((error as Error).message).toMatch(/^The course folder has 5 problems:\n/)
		expect(await prisma.courseVersion.count({ where: { courseId: course.id } })).toBe(versionsBefore)
	})

	test('a quiz question with no correct answer, a duplicate key and a stray file are reported', async () => {
		const { course } = await richCourse()
		const dir = await tempDir()
		await exportCourse({ course: course.slug, dir })
		const quizFile = 'modules/01-module-1/03-lesson-2.yaml'
		const quizPath = path.join(dir, quizFile)
		const text = await fs.readFile(quizPath, 'utf8')
		await fs.writeFile(quizPath, text.replace(/correct: true/g, 'correct: false'))
		const dup = 'modules/02-module-2/02-lesson-4.md'
		await fs.writeFile(
			path.join(dir, dup),
			(await fs.readFile(path.join(dir, dup), 'utf8')).replace('key: lesson-4', 'key: lesson-1'),
		)
		await fs.writeFile(path.join(dir, 'modules/01-module-1/notes.txt'), 'hello')
		const problems = ((await thrown(importCourse({ dir }))) as CourseImportError).problems.map(formatProblem)
		const questionsLine = text.split('\n').findIndex((l) => l.startsWith('  - kind: SINGLE')) + 1
		expect(problems).toContain(
			`${quizFile}:${questionsLine}: question 1: mark the correct answer (no answer is marked correct)`,
		)
		expect(problems).toContain(`${dup}:3: the key “lesson-1” is already used by modules/01-module-1/02-lesson-1.md`)
		expect(problems.some((p) => p.startsWith('modules/01-module-1/notes.txt:1: expected only module.yaml'))).toBe(true)
	})

	test('a new course needs a trainer as owner; export refuses a folder that is not empty', async () => {
		const { course, owner } = await richCourse()
		const dir = await tempDir()
		await exportCourse({ course: course.slug, dir })
		expect(isDomainError(await thrown(exportCourse({ course: course.slug, dir })))).toBe(true)
		await fs.writeFile(
			path.join(dir, 'course.yaml'),
			(await fs.readFile(path.join(dir, 'course.yaml'), 'utf8')).replace(
				`slug: ${course.slug}`,
				`slug: ${course.slug}-new`,
			),
		)
		const learner = await createSignedInUser({ role: 'LEARNER' })
		expect(isDomainError(await thrown(importCourse({ dir, ownerEmail: learner.user.email })))).toBe(true)
		expect(isDomainError(await thrown(importCourse({ dir })))).toBe(true)
		expect(await prisma.course.count({ where: { slug: `${course.slug}-new` } })).toBe(0)
		// Exporting the draft of a revised course gives the newest version by default.
		await createDraftVersion({ courseId: course.id, actorId: owner.user.id })
		expect((await exportCourse({ course: course.id, dir: await tempDir() })).versionNumber).toBe(2)
		expect((await exportCourse({ course: course.id, dir: await tempDir(), versionNumber: 1 })).versionNumber).toBe(1)
	})
})
