import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { createUser } from '#tests/factories/learning.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { translationKey } from '#modules/learning/course-translation.ts'
import { addCoAuthor } from './co-authors.ts'
import { getCourseWelsh, getLessonWelsh, saveCourseTranslations } from './course-translations.ts'
import { createDraftVersion } from './create-draft-version.ts'

// The studio's Welsh editor (ADR 0041): texts of a course's draft, written by its authors only.

afterAll(releaseTestResources)

async function thrown(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		return error
	}
	throw new Error('Expected a rejection')
}

async function courseWithDraft() {
	const owner = (await createSignedInUser()).user
	const course = await createAuthoredCourse({ ownerId: owner.id, modules: 1, lessonKinds: ['READING', 'QUIZ'] })
	const draft = await createDraftVersion({ courseId: course.id, actorId: owner.id })
	const lessons = await prisma.lesson.findMany({
		where: { versionId: draft.versionId },
		orderBy: { position: 'asc' },
		select: { id: true, title: true, questions: { select: { id: true, options: { select: { id: true } } } } },
	})
	return { owner, course, draft, reading: lessons[0]!, quiz: lessons[1]! }
}

async function rows(versionId: string) {
	const found = await prisma.courseTranslation.findMany({ where: { versionId }, select: { key: true, text: true } })
	return Object.fromEntries(found.map((r) => [r.key, r.text]))
}

describe('saving Welsh texts', () => {
	test('a co-author writes the draft’s Welsh, and an empty text removes it again', async () => {
		const { owner, course, draft, reading } = await courseWithDraft()
		const coAuthor = (await createSignedInUser()).user
		await addCoAuthor({ courseId: course.id, actorId: owner.id, email: coAuthor.email })
		const titleKey = translationKey('lesson', reading.id, 'title')
		const courseKey = translationKey('course', null, 'title')

		await saveCourseTranslations({
			courseId: course.id,
			actorId: coAuthor.id,
			input: {
				versionId: draft.versionId,
				texts: [
					{ key: titleKey, text: '  Darlleniad  ' },
					{ key: courseKey, text: 'Cwrs prawf' },
				],
			},
		})
		expect(await rows(draft.versionId)).toEqual({ [titleKey]: 'Darlleniad', [courseKey]: 'Cwrs prawf' })
		expect(
			await prisma.auditLog.count({ where: { action: 'course.translation_saved', targetId: draft.versionId } }),
		).toBe(1)

		await saveCourseTranslations({
			courseId: course.id,
			actorId: coAuthor.id,
			input: { versionId: draft.versionId, texts: [{ key: titleKey, text: '' }] },
		})
		expect(await rows(draft.versionId)).toEqual({ [courseKey]: 'Cwrs prawf' })

		const page = await getLessonWelsh({ courseId: course.id, lessonId: reading.id, actorId: coAuthor.id })
		expect(page.version.editable).toBe(true)
		expect(page.texts.find((t) => t.key === titleKey)).toMatchObject({ english: reading.title, welsh: '' })
		const overview = await getCourseWelsh({ courseId: course.id, actorId: owner.id })
		expect(overview.progress.translated).toBe(1)
		expect(overview.progress.total).toBeGreaterThan(3)
	})

	test('a learner, and a trainer who is not an author, cannot', async () => {
		const { course, draft, reading } = await courseWithDraft()
		const input = {
			versionId: draft.versionId,
			texts: [{ key: translationKey('lesson', reading.id, 'title'), text: 'Na' }],
		}
		for (const actor of [await createUser(), (await createSignedInUser()).user]) {
			const error = await thrown(saveCourseTranslations({ courseId: course.id, actorId: actor.id, input }))
			expect(isDomainError(error) && error.kind).toBe('forbidden')
		}
		expect(await rows(draft.versionId)).toEqual({})
	})

	test('a published version’s Welsh cannot be edited', async () => {
		const { owner, course, reading } = await courseWithDraft()
		const published = await prisma.lesson.findFirstOrThrow({
			where: {
				versionId: course.versionId,
				key: (await prisma.lesson.findUniqueOrThrow({ where: { id: reading.id } })).key,
			},
			select: { id: true },
		})
		const error = await thrown(
			saveCourseTranslations({
				courseId: course.id,
				actorId: owner.id,
				input: {
					versionId: course.versionId,
					texts: [{ key: translationKey('lesson', published.id, 'title'), text: 'Na' }],
				},
			}),
		)
		expect(isDomainError(error) && error.code).toBe('NOT_A_DRAFT')
		expect(await rows(course.versionId)).toEqual({})
	})

	test('bad input gives a clear error and saves nothing', async () => {
		const { owner, course, draft, reading } = await courseWithDraft()
		const good = { key: translationKey('lesson', reading.id, 'title'), text: 'Darlleniad' }
		const cases = [
			// A title on two lines.
			{ texts: [good, { key: translationKey('course', null, 'title'), text: 'Un\ndau' }], message: /one line/ },
			// A key naming a lesson of another version.
			{
				texts: [good, { key: translationKey('lesson', 'nosuchlesson', 'title'), text: 'Dim' }],
				message: /no longer in the draft/,
			},
			// Not a key at all.
			{ texts: [good, { key: 'lesson.<script>', text: 'Dim' }], message: /Reload the page/ },
			{ texts: [], message: /nothing to save/ },
		]
		for (const { texts, message } of cases) {
			const error = await thrown(
				saveCourseTranslations({
					courseId: course.id,
					actorId: owner.id,
					input: { versionId: draft.versionId, texts },
				}),
			)
			expect(isDomainError(error) && error.kind).toBe('invalid')
			expect((error as Error).message).toMatch(message)
		}
		expect(await rows(draft.versionId)).toEqual({})
	})
})

describe('a new draft', () => {
	test('copies the published version’s Welsh, keys moved to the draft’s ids', async () => {
		const owner = (await createSignedInUser()).user
		const course = await createAuthoredCourse({ ownerId: owner.id, modules: 1, lessonKinds: ['READING', 'QUIZ'] })
		const tree = await prisma.lesson.findMany({
			where: { versionId: course.versionId },
			orderBy: { position: 'asc' },
			select: {
				id: true,
				key: true,
				moduleId: true,
				questions: {
					orderBy: { position: 'asc' },
					select: { id: true, options: { orderBy: { position: 'asc' }, select: { id: true } } },
				},
			},
		})
		const [reading, quiz] = tree
		const question = quiz!.questions[0]!
		const option = question.options[1]!
		await prisma.courseTranslation.createMany({
			data: [
				{ key: translationKey('course', null, 'title'), text: 'Cwrs' },
				{ key: translationKey('module', reading!.moduleId, 'title'), text: 'Modiwl' },
				{ key: translationKey('lesson', reading!.id, 'markdown'), text: '## Helo' },
				{ key: translationKey('question', question.id, 'prompt'), text: 'Cwestiwn' },
				{ key: translationKey('option', option.id, 'text'), text: 'Dewis' },
			].map((row) => ({ ...row, versionId: course.versionId, language: 'cy' as const })),
		})

		const draft = await createDraftVersion({ courseId: course.id, actorId: owner.id })
		const copy = await prisma.lesson.findMany({
			where: { versionId: draft.versionId },
			orderBy: { position: 'asc' },
			select: {
				id: true,
				moduleId: true,
				questions: {
					orderBy: { position: 'asc' },
					select: { id: true, options: { orderBy: { position: 'asc' }, select: { id: true } } },
				},
			},
		})
		const copiedQuestion = copy[1]!.questions[0]!
		expect(await rows(draft.versionId)).toEqual({
			'course.title': 'Cwrs',
			[translationKey('module', copy[0]!.moduleId, 'title')]: 'Modiwl',
			[translationKey('lesson', copy[0]!.id, 'markdown')]: '## Helo',
			[translationKey('question', copiedQuestion.id, 'prompt')]: 'Cwestiwn',
			[translationKey('option', copiedQuestion.options[1]!.id, 'text')]: 'Dewis',
		})
		// The published version keeps its own rows.
		expect(Object.keys(await rows(course.versionId))).toHaveLength(5)
	})
})

describe('a published version’s Welsh', () => {
	test('is locked in the database: an update or a delete fails, and deleting the version still works', async () => {
		const owner = (await createSignedInUser()).user
		const course = await createAuthoredCourse({ ownerId: owner.id, modules: 1, lessonKinds: ['READING'] })
		const row = await prisma.courseTranslation.create({
			data: { versionId: course.versionId, language: 'cy', key: 'course.title', text: 'Cwrs' },
		})
		await expect(prisma.courseTranslation.update({ where: { id: row.id }, data: { text: 'Newid' } })).rejects.toThrow(
			/cannot be changed/,
		)
		await expect(prisma.courseTranslation.delete({ where: { id: row.id } })).rejects.toThrow(/cannot be changed/)
		expect((await prisma.courseTranslation.findUniqueOrThrow({ where: { id: row.id } })).text).toBe('Cwrs')

		// A draft's rows may change.
		const draft = await createDraftVersion({ courseId: course.id, actorId: owner.id })
		const copied = await prisma.courseTranslation.update({
			where: { versionId_language_key: { versionId: draft.versionId, language: 'cy', key: 'course.title' } },
			data: { text: 'Cwrs newydd' },
		})
		expect(copied.text).toBe('Cwrs newydd')
		// Deleting a version removes its rows: the lock looks at versions that still exist.
		await prisma.courseVersion.delete({ where: { id: course.versionId } })
		expect(await prisma.courseTranslation.count({ where: { id: row.id } })).toBe(0)
	})
})
