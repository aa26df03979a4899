import type { ZodError } from 'zod'
// Modules and lessons of a course's draft: add, rename, reorder, move and delete. Each function
// checks the actor may edit the course, finds the draft (published versions are never changed:
// `conflict`), locks the draft's row so concurrent edits queue rather than interleave, and scopes
// every write to that draft.
import { prisma, type LessonKind, type Tx } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import { assertCanEditCourse, findDraftLesson, findDraftModule, requireDraftVersion } from './access.ts'
import { newLessonKey } from './content.ts'
import { firstIssue, LessonKindSchema, LessonTitleSchema, ModuleTitleSchema } from './schemas.ts'

type Base = { courseId: string; actorId: string }
type Direction = 'up' | 'down'

async function inDraft<T>(
	{ courseId, actorId }: Base,
	fn: (tx: Tx, draft: { id: string; number: number }) => Promise<T>,
) {
	return prisma.$transaction(async (tx) => {
		await assertCanEditCourse({ db: tx, courseId, actorId })
		const draft = await requireDraftVersion({ db: tx, courseId })
		await tx.$queryRaw`SELECT id FROM "CourseVersion" WHERE id = ${draft.id} FOR UPDATE`
		return fn(tx, draft)
	})
}

function parse<T>(
	schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: ZodError } },
	value: unknown,
	field: string,
) {
	const result = schema.safeParse(value)
	if (!result.success) throw new AuthoringError('invalid', 'INVALID_INPUT', firstIssue(result.error).message, { field })
	return result.data
}

/** Adds a module at the end of the draft. */
export async function addModule({ title, ...base }: Base & { title: string }) {
	const clean = parse(ModuleTitleSchema, title, 'title')
	return inDraft(base, async (tx, draft) => {
		const last = await tx.module.findFirst({
			where: { versionId: draft.id },
			orderBy: { position: 'desc' },
			select: { position: true },
		})
		return tx.module.create({
			data: { versionId: draft.id, position: (last?.position ?? -1) + 1, title: clean },
			select: { id: true, title: true },
		})
	})
}

/** Renames a module of the draft. */
export async function renameModule({ moduleId, title, ...base }: Base & { moduleId: string; title: string }) {
	const clean = parse(ModuleTitleSchema, title, 'title')
	return inDraft(base, async (tx, draft) => {
		await findDraftModule({ db: tx, courseId: base.courseId, moduleId })
		await tx.module.update({ where: { id: moduleId, versionId: draft.id }, data: { title: clean } })
	})
}

/** Deletes a module of the draft and its lessons. Learners' progress belongs to published versions' lessons, so none is touched. */
export async function deleteModule({ moduleId, ...base }: Base & { moduleId: string }) {
	return inDraft(base, async (tx, draft) => {
		await findDraftModule({ db: tx, courseId: base.courseId, moduleId })
		await tx.module.delete({ where: { id: moduleId, versionId: draft.id } })
	})
}

/** Moves a module one place up or down (a keyboard alternative to dragging). */
export async function moveModule({ moduleId, direction, ...base }: Base & { moduleId: string; direction: Direction }) {
	return inDraft(base, async (tx, draft) => {
		await findDraftModule({ db: tx, courseId: base.courseId, moduleId })
		const ids = (
			await tx.module.findMany({ where: { versionId: draft.id }, orderBy: { position: 'asc' }, select: { id: true } })
		).map((m) => m.id)
		const next = swapped(ids, moduleId, direction)
		await writeModuleOrder(tx, draft.id, next)
		return { position: next.indexOf(moduleId) + 1, total: next.length }
	})
}

/** Puts the draft's modules in the given order (from drag and drop): it must list every module once. */
export async function reorderModules({ moduleIds, ...base }: Base & { moduleIds: string[] }) {
	return inDraft(base, async (tx, draft) => {
		const ids = (await tx.module.findMany({ where: { versionId: draft.id }, select: { id: true } })).map((m) => m.id)
		if (
			moduleIds.length !== ids.length ||
			new Set(moduleIds).size !== ids.length ||
			!moduleIds.every((id) => ids.includes(id))
		) {
			throw new AuthoringError(
				'conflict',
				'STALE_ORDER',
				'The modules have changed since you loaded the page. Reload and try again.',
			)
		}
		await writeModuleOrder(tx, draft.id, moduleIds)
	})
}

async function writeModuleOrder(tx: Tx, versionId: string, ids: string[]) {
	for (const [position, id] of ids.entries()) {
		await tx.module.update({ where: { id, versionId }, data: { position } })
	}
}

/** Adds a lesson of `kind` at the end of a module of the draft, with a new stable key. */
export async function addLesson({
	moduleId,
	kind,
	title,
	...base
}: Base & { moduleId: string; kind: LessonKind; title: string }) {
	const cleanTitle = parse(LessonTitleSchema, title, 'title')
	const cleanKind = parse(LessonKindSchema, kind, 'kind')
	return inDraft(base, async (tx, draft) => {
		await findDraftModule({ db: tx, courseId: base.courseId, moduleId })
		const last = await tx.lesson.findFirst({
			where: { moduleId },
			orderBy: { position: 'desc' },
			select: { position: true },
		})
		return tx.lesson.create({
			data: {
				moduleId,
				versionId: draft.id,
				key: newLessonKey(),
				position: (last?.position ?? -1) + 1,
				kind: cleanKind,
				title: cleanTitle,
				markdown: cleanKind === 'READING' ? '' : null,
				passMark: cleanKind === 'QUIZ' ? 70 : null,
			},
			select: { id: true, title: true, kind: true },
		})
	})
}

/** Renames a lesson of the draft (and bumps its revision, so an editor open on it sees the change). */
export async function renameLesson({ lessonId, title, ...base }: Base & { lessonId: string; title: string }) {
	const clean = parse(LessonTitleSchema, title, 'title')
	return inDraft(base, async (tx, draft) => {
		await findDraftLesson({ db: tx, courseId: base.courseId, lessonId })
		await tx.lesson.update({
			where: { id: lessonId, versionId: draft.id },
			data: { title: clean, revision: { increment: 1 } },
		})
	})
}

/**
 * Deletes a lesson of the draft. Learners' progress and quiz attempts belong to the lessons of
 * published versions, which this never touches.
 */
export async function deleteLesson({ lessonId, ...base }: Base & { lessonId: string }) {
	return inDraft(base, async (tx, draft) => {
		await findDraftLesson({ db: tx, courseId: base.courseId, lessonId })
		await tx.lesson.delete({ where: { id: lessonId, versionId: draft.id } })
	})
}

/** Moves a lesson one place up or down within its module. */
export async function moveLesson({ lessonId, direction, ...base }: Base & { lessonId: string; direction: Direction }) {
	return inDraft(base, async (tx, draft) => {
		const lesson = await findDraftLesson({ db: tx, courseId: base.courseId, lessonId })
		const ids = (
			await tx.lesson.findMany({
				where: { moduleId: lesson.moduleId },
				orderBy: { position: 'asc' },
				select: { id: true },
			})
		).map((l) => l.id)
		const next = swapped(ids, lessonId, direction)
		await writeLessonOrder(tx, draft.id, lesson.moduleId, next)
		return { position: next.indexOf(lessonId) + 1, total: next.length }
	})
}

/** Moves a lesson to the end of another module of the draft. */
export async function moveLessonToModule({
	lessonId,
	moduleId,
	...base
}: Base & { lessonId: string; moduleId: string }) {
	return inDraft(base, async (tx, draft) => {
		await findDraftLesson({ db: tx, courseId: base.courseId, lessonId })
		await findDraftModule({ db: tx, courseId: base.courseId, moduleId })
		const last = await tx.lesson.findFirst({
			where: { moduleId },
			orderBy: { position: 'desc' },
			select: { position: true },
		})
		await tx.lesson.update({
			where: { id: lessonId, versionId: draft.id },
			data: { moduleId, position: (last?.position ?? -1) + 1 },
		})
	})
}

/**
 * Puts lessons of the draft into `moduleId` in the given order (from drag and drop, which may bring
 * a lesson in from another module). Every id must be a lesson of the draft, and every lesson
 * already in the module must be listed.
 */
export async function reorderLessons({
	moduleId,
	lessonIds,
	...base
}: Base & { moduleId: string; lessonIds: string[] }) {
	return inDraft(base, async (tx, draft) => {
		await findDraftModule({ db: tx, courseId: base.courseId, moduleId })
		const found = await tx.lesson.findMany({
			where: { id: { in: lessonIds }, versionId: draft.id },
			select: { id: true },
		})
		const current = await tx.lesson.findMany({ where: { moduleId }, select: { id: true } })
		if (
			found.length !== lessonIds.length ||
			new Set(lessonIds).size !== lessonIds.length ||
			!current.every((l) => lessonIds.includes(l.id))
		) {
			throw new AuthoringError(
				'conflict',
				'STALE_ORDER',
				'The lessons have changed since you loaded the page. Reload and try again.',
			)
		}
		await writeLessonOrder(tx, draft.id, moduleId, lessonIds)
	})
}

async function writeLessonOrder(tx: Tx, versionId: string, moduleId: string, ids: string[]) {
	for (const [position, id] of ids.entries()) {
		await tx.lesson.update({ where: { id, versionId }, data: { moduleId, position } })
	}
}

function swapped(ids: string[], id: string, direction: Direction) {
	const index = ids.indexOf(id)
	const target = direction === 'up' ? index - 1 : index + 1
	if (index < 0 || target < 0 || target >= ids.length) {
		throw new AuthoringError(
			'invalid',
			'CANNOT_MOVE',
			direction === 'up' ? 'It is already first.' : 'It is already last.',
		)
	}
	const next = [...ids]
	next[index] = ids[target]!
	next[target] = id
	return next
}
