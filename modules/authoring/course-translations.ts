// The studio's Welsh editor (ADR 0041): a course version's texts beside their Welsh, and the one
// function that writes them. Only a draft is written; a published version's Welsh is read-only (a
// database trigger refuses changes to it too), and a new draft starts with a copy of its Welsh.
import { recordAudit } from '#modules/audit/record.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import {
	COURSE_FIELDS,
	LESSON_FIELDS,
	MODULE_FIELDS,
	OPTION_FIELDS,
	QUESTION_FIELDS,
	translationKey,
} from '#modules/learning/course-translation.ts'
import { assertCanEditCourse, type Db } from './access.ts'
import { loadVersionTree, type VersionTree } from './content.ts'
import { CourseTranslationsSchema, type CourseTranslationsInput, firstIssue } from './schemas.ts'

/** The only language content is translated into for now. */
const LANGUAGE = 'cy' as const

export type TextKind = 'course' | 'module' | 'lesson' | 'question' | 'option'

/** One text of a version: its key, what it is, the English, and the Welsh when there is one. */
export type TranslatableText = {
	key: string
	kind: TextKind
	field: string
	/** The module, lesson, question or option it belongs to (null for the course's own texts). */
	ownerId: string | null
	/** The lesson it belongs to (lesson, question and option texts), for one page per lesson. */
	lessonId: string | null
	/** The module's, question's or option's number (from 1), for its label; null for others. */
	number: number | null
	/** An option's question's number (from 1); null for others. */
	questionNumber: number | null
	english: string
	welsh: string
}

type VersionRow = { id: string; title: string; summary: string; description: string }

/** Every non-empty English text of a version, in reading order (a text with no English has no Welsh). */
function versionTexts(version: VersionRow, tree: VersionTree): Omit<TranslatableText, 'welsh'>[] {
	const texts: Omit<TranslatableText, 'welsh'>[] = []
	const add = (
		kind: TextKind,
		ownerId: string | null,
		lessonId: string | null,
		field: string,
		english: string | null,
		number: number | null = null,
		questionNumber: number | null = null,
	) => {
		if (english == null || english.trim() === '') return
		// translationKey's field type depends on the kind; the field lists below are its own.
		const key = translationKey(kind as 'module', ownerId, field as 'title')
		texts.push({ key, kind, field, ownerId, lessonId, number, questionNumber, english })
	}
	for (const field of COURSE_FIELDS) add('course', null, null, field, version[field])
	for (const [m, mod] of tree.entries()) {
		for (const field of MODULE_FIELDS) add('module', mod.id, null, field, mod[field], m + 1)
		for (const lesson of mod.lessons) {
			for (const field of LESSON_FIELDS) add('lesson', lesson.id, lesson.id, field, lesson[field])
			for (const [q, question] of lesson.questions.entries()) {
				for (const field of QUESTION_FIELDS) add('question', question.id, lesson.id, field, question[field], q + 1)
				for (const [o, option] of question.options.entries()) {
					for (const field of OPTION_FIELDS) add('option', option.id, lesson.id, field, option[field], o + 1, q + 1)
				}
			}
		}
	}
	return texts
}

async function loadWelsh(db: Db, versionId: string) {
	const rows = await db.courseTranslation.findMany({
		where: { versionId, language: LANGUAGE },
		select: { key: true, text: true },
	})
	return new Map(rows.map((r) => [r.key, r.text]))
}

async function loadVersionTexts(db: Db, versionId: string) {
	const version = await db.courseVersion.findUniqueOrThrow({
		where: { id: versionId },
		select: { id: true, title: true, summary: true, description: true },
	})
	const tree = await loadVersionTree(db, versionId)
	const welsh = await loadWelsh(db, versionId)
	const texts: TranslatableText[] = versionTexts(version, tree).map((t) => ({ ...t, welsh: welsh.get(t.key) ?? '' }))
	return { tree, texts }
}

function progress(texts: TranslatableText[]) {
	return { translated: texts.filter((t) => t.welsh.trim() !== '').length, total: texts.length }
}

/**
 * The course page of the Welsh editor: the draft version when there is one (editable), else the
 * published one (read-only), with the course and module texts and each lesson's progress.
 */
export async function getCourseWelsh({ courseId, actorId }: { courseId: string; actorId: string }) {
	await assertCanEditCourse({ courseId, actorId })
	const course = await prisma.course.findUniqueOrThrow({
		where: { id: courseId },
		select: {
			id: true,
			versions: {
				where: { status: { in: ['DRAFT', 'PUBLISHED'] } },
				orderBy: { number: 'desc' },
				select: { id: true, number: true, status: true, title: true },
			},
		},
	})
	const version = course.versions.find((v) => v.status === 'DRAFT') ?? course.versions[0]
	if (!version) throw new AuthoringError('not_found', 'VERSION_NOT_FOUND', 'This course has no version to translate.')
	const { tree, texts } = await loadVersionTexts(prisma, version.id)
	return {
		course: { id: course.id, title: version.title },
		version: { id: version.id, number: version.number, editable: version.status === 'DRAFT' },
		hasPublished: course.versions.some((v) => v.status === 'PUBLISHED'),
		progress: progress(texts),
		texts: texts.filter((t) => t.kind === 'course' || t.kind === 'module'),
		modules: tree.map((mod) => ({
			id: mod.id,
			title: mod.title,
			lessons: mod.lessons.map((lesson) => ({
				id: lesson.id,
				title: lesson.title,
				kind: lesson.kind,
				progress: progress(texts.filter((t) => t.lessonId === lesson.id)),
			})),
		})),
	}
}

/**
 * A lesson's page of the Welsh editor: its texts and its quiz's, in order. Editable when the lesson
 * belongs to the course's draft; a lesson of a published version is shown read-only.
 */
export async function getLessonWelsh({
	courseId,
	lessonId,
	actorId,
}: {
	courseId: string
	lessonId: string
	actorId: string
}) {
	await assertCanEditCourse({ courseId, actorId })
	const lesson = await prisma.lesson.findFirst({
		where: { id: lessonId, version: { courseId, status: { in: ['DRAFT', 'PUBLISHED'] } } },
		select: {
			id: true,
			kind: true,
			title: true,
			version: { select: { id: true, number: true, status: true, title: true } },
		},
	})
	if (!lesson)
		throw new AuthoringError('not_found', 'LESSON_NOT_FOUND', 'We could not find that lesson in this course.')
	const { tree, texts } = await loadVersionTexts(prisma, lesson.version.id)
	const lessons = tree.flatMap((m) => m.lessons)
	const index = lessons.findIndex((l) => l.id === lessonId)
	const neighbour = (l: (typeof lessons)[number] | undefined) => (l ? { id: l.id, title: l.title } : null)
	return {
		course: { id: courseId, title: lesson.version.title },
		version: { id: lesson.version.id, number: lesson.version.number, editable: lesson.version.status === 'DRAFT' },
		lesson: { id: lesson.id, kind: lesson.kind, title: lesson.title },
		texts: texts.filter((t) => t.lessonId === lessonId),
		previous: neighbour(lessons[index - 1]),
		next: neighbour(lessons[index + 1]),
	}
}

/**
 * Saves Welsh texts of the course's draft version in one transaction: each text is written, or
 * removed when empty (the English is shown again). Every key must name a text with English in that
 * version; the version must be the course's draft. Audited.
 */
export async function saveCourseTranslations({
	courseId,
	actorId,
	input,
}: {
	courseId: string
	actorId: string
	input: CourseTranslationsInput
}) {
	const parsed = CourseTranslationsSchema.safeParse(input)
	if (!parsed.success) {
		const { field, message } = firstIssue(parsed.error)
		throw new AuthoringError('invalid', 'INVALID_INPUT', message, { field })
	}
	const { versionId, texts } = parsed.data
	return prisma.$transaction(async (tx) => {
		await assertCanEditCourse({ db: tx, courseId, actorId })
		const version = await tx.courseVersion.findFirst({
			where: { id: versionId, courseId },
			select: { id: true, status: true },
		})
		if (!version)
			throw new AuthoringError('not_found', 'VERSION_NOT_FOUND', 'We could not find that version of this course.')
		if (version.status !== 'DRAFT') {
			throw new AuthoringError(
				'conflict',
				'NOT_A_DRAFT',
				'This version is published, so its Welsh cannot be changed. Start a new draft to make changes.',
			)
		}
		const { texts: known } = await loadVersionTexts(tx, versionId)
		const keys = new Set(known.map((t) => t.key))
		const seen = new Set<string>()
		for (const [index, { key }] of texts.entries()) {
			if (!keys.has(key) || seen.has(key)) {
				throw new AuthoringError(
					'invalid',
					'INVALID_INPUT',
					'One of these texts is no longer in the draft. Reload the page and try again.',
					{ field: `texts[${index}].key` },
				)
			}
			seen.add(key)
		}
		const written = texts.filter((t) => t.text !== '')
		const removed = texts.filter((t) => t.text === '').map((t) => t.key)
		if (removed.length) {
			await tx.courseTranslation.deleteMany({ where: { versionId, language: LANGUAGE, key: { in: removed } } })
		}
		for (const { key, text } of written) {
			await tx.courseTranslation.upsert({
				where: { versionId_language_key: { versionId, language: LANGUAGE, key } },
				update: { text },
				create: { versionId, language: LANGUAGE, key, text },
				select: { id: true },
			})
		}
		await recordAudit(tx, {
			actorId,
			action: 'course.translation_saved',
			targetType: 'CourseVersion',
			targetId: versionId,
			details: { courseId, language: LANGUAGE, written: written.length, removed: removed.length },
		})
		return { written: written.length, removed: removed.length }
	})
}

/** The ids of a tree, in order, for matching a copied version's parts with their originals. */
function treeIds(tree: VersionTree) {
	const ids: Array<[kind: 'module' | 'lesson' | 'question' | 'option', id: string]> = []
	for (const mod of tree) {
		ids.push(['module', mod.id])
		for (const lesson of mod.lessons) {
			ids.push(['lesson', lesson.id])
			for (const question of lesson.questions) {
				ids.push(['question', question.id])
				for (const option of question.options) ids.push(['option', option.id])
			}
		}
	}
	return ids
}

/**
 * Copies every translation of `fromVersionId` into `toVersionId`, a copy of it written by
 * writeVersionTree (same modules, lessons, questions and options in the same order, new ids): each
 * key's id is replaced by the id of the copy's part in the same place. A step of the caller's
 * transaction.
 */
export async function copyCourseTranslations(
	tx: Tx,
	{ fromVersionId, toVersionId }: { fromVersionId: string; toVersionId: string },
) {
	const rows = await tx.courseTranslation.findMany({
		where: { versionId: fromVersionId },
		select: { language: true, key: true, text: true },
	})
	if (rows.length === 0) return 0
	const from = treeIds(await loadVersionTree(tx, fromVersionId))
	const to = treeIds(await loadVersionTree(tx, toVersionId))
	if (from.length !== to.length || from.some(([kind], i) => to[i]![0] !== kind)) {
		throw new Error('copyCourseTranslations: the versions do not have the same shape')
	}
	const newId = new Map(from.map(([, id], i) => [id, to[i]![1]]))
	const data = rows.flatMap((row) => {
		const [kind, id, field] = row.key.split('.')
		if (kind === 'course') return [{ ...row, versionId: toVersionId }]
		const mapped = id ? newId.get(id) : undefined
		// A row naming a part the version no longer has is dropped: nothing would show it.
		return mapped ? [{ ...row, key: `${kind}.${mapped}.${field}`, versionId: toVersionId }] : []
	})
	await tx.courseTranslation.createMany({ data })
	return data.length
}
