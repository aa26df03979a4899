import { prisma, type Tx } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import { lockRowById } from '#modules/db/sql.ts'
import { assertCanEditCourse } from './access.ts'
import { loadVersionTree } from './content.ts'
import { copyCourseTranslations } from './course-translations.ts'
import { writeVersionTree } from './write-version-tree.ts'

/**
 * Returns the course's DRAFT version, first creating one (number = highest + 1) as a full copy of
 * the published version when there is none: modules, lessons (each keeping its `key`), questions
 * and options, and its texts in other languages, in one transaction. Learners enrolled on the published version are not touched: they
 * keep following it. Two simultaneous calls create one draft (the course row is locked first).
 */
export async function createDraftVersion({ courseId, actorId }: { courseId: string; actorId: string }) {
	return prisma.$transaction(async (tx) => {
		await assertCanEditCourse({ db: tx, courseId, actorId })
		return ensureDraft(tx, { courseId, actorId })
	})
}

async function ensureDraft(tx: Tx, { courseId, actorId }: { courseId: string; actorId: string }) {
	await lockRowById(tx, 'Course', courseId)
	const existing = await tx.courseVersion.findFirst({
		where: { courseId, status: 'DRAFT' },
		select: { id: true, number: true },
	})
	if (existing) return { versionId: existing.id, number: existing.number, created: false }

	const course = await tx.course.findUniqueOrThrow({
		where: { id: courseId },
		select: {
			publishedVersion: {
				select: {
					id: true,
					title: true,
					summary: true,
					description: true,
					cpdMinutes: true,
					outcomes: true,
					sequential: true,
				},
			},
			versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true } },
		},
	})
	const source = course.publishedVersion
	if (!source) throw new AuthoringError('conflict', 'NOTHING_TO_COPY', 'This course has no published version to copy.')
	const number = (course.versions[0]?.number ?? 0) + 1
	const draft = await tx.courseVersion.create({
		data: {
			courseId,
			number,
			status: 'DRAFT',
			title: source.title,
			summary: source.summary,
			description: source.description,
			cpdMinutes: source.cpdMinutes,
			outcomes: source.outcomes,
			sequential: source.sequential,
			basedOnVersionId: source.id,
			createdById: actorId,
		},
		select: { id: true },
	})
	await writeVersionTree(tx, { versionId: draft.id, modules: await loadVersionTree(tx, source.id) })
	// The Welsh comes along, its keys moved to the copy's new ids (ADR 0041).
	await copyCourseTranslations(tx, { fromVersionId: source.id, toVersionId: draft.id })
	return { versionId: draft.id, number, created: true }
}
