import { prisma, type Tx } from '#modules/db/client.ts'
import { AuthoringError } from '#modules/authoring/errors.ts'
import { cpdHoursProblem, learningMinutes } from '#modules/catalog/cpd-hours.ts'
import { assertCanEditCourse, requireDraftVersion } from './access.ts'
import { lessonFingerprint, loadVersionTree, type VersionTree } from './content.ts'
import { ChangeNoteSchema, questionProblems } from './schemas.ts'

export type ChangeSummary = {
	changed: Array<{ key: string; title: string }>
	added: Array<{ key: string; title: string }>
	removed: Array<{ key: string; title: string }>
	renamedModules: Array<{ from: string; to: string }>
	addedModules: string[]
	removedModules: string[]
	/** "3 lessons changed, 1 added, 1 removed, 2 modules renamed", or "No changes to lessons or modules". */
	headline: string
}

/**
 * Compares a draft with the published version, lesson by lesson matched on `key`: a lesson is
 * "changed" when anything a learner sees of it differs (title, text, video, settings, any question
 * or answer), "added" or "removed" when its key is only on one side. Modules have no key, so each
 * draft module is matched with the published module it shares most lesson keys with (else the
 * one in the same place); a matched module with a new title was renamed.
 */
export function summariseChanges({ draft, published }: { draft: VersionTree; published: VersionTree }): ChangeSummary {
	const before = new Map(published.flatMap((m) => m.lessons).map((l) => [l.key, l]))
	const after = new Map(draft.flatMap((m) => m.lessons).map((l) => [l.key, l]))
	const changed: ChangeSummary['changed'] = []
	const added: ChangeSummary['added'] = []
	for (const [key, lesson] of after) {
		const old = before.get(key)
		if (!old) added.push({ key, title: lesson.title })
		else if (lessonFingerprint(old) !== lessonFingerprint(lesson)) changed.push({ key, title: lesson.title })
	}
	const removed = [...before].filter(([key]) => !after.has(key)).map(([key, l]) => ({ key, title: l.title }))

	const unmatched = new Set(published.map((m) => m.id))
	const matches = new Map<string, VersionTree[number]>()
	for (const m of draft) {
		const keys = new Set(m.lessons.map((l) => l.key))
		let best: VersionTree[number] | undefined
		let bestShared = 0
		for (const p of published) {
			if (!unmatched.has(p.id)) continue
			const shared = p.lessons.filter((l) => keys.has(l.key)).length
			if (shared > bestShared) [best, bestShared] = [p, shared]
		}
		if (best) {
			matches.set(m.id, best)
			unmatched.delete(best.id)
		}
	}
	for (const [index, m] of draft.entries()) {
		if (matches.has(m.id)) continue
		const samePlace = published[index]
		if (samePlace && unmatched.has(samePlace.id)) {
			matches.set(m.id, samePlace)
			unmatched.delete(samePlace.id)
		}
	}
	const renamedModules = draft.flatMap((m) => {
		const p = matches.get(m.id)
		return p && p.title !== m.title ? [{ from: p.title, to: m.title }] : []
	})
	const addedModules = draft.filter((m) => !matches.has(m.id)).map((m) => m.title)
	const removedModules = published.filter((p) => unmatched.has(p.id)).map((p) => p.title)

	const parts: string[] = []
	const lessons = (n: number) => `${n} ${n === 1 ? 'lesson' : 'lessons'}`
	const modules = (n: number) => `${n} ${n === 1 ? 'module' : 'modules'}`
	const first = (n: number, word: string) => (parts.length === 0 ? `${lessons(n)} ${word}` : `${n} ${word}`)
	if (changed.length) parts.push(first(changed.length, 'changed'))
	if (added.length) parts.push(first(added.length, 'added'))
	if (removed.length) parts.push(first(removed.length, 'removed'))
	if (renamedModules.length) parts.push(`${modules(renamedModules.length)} renamed`)
	if (addedModules.length) parts.push(`${modules(addedModules.length)} added`)
	if (removedModules.length) parts.push(`${modules(removedModules.length)} removed`)
	const headline = parts.length ? parts.join(', ') : 'No changes to lessons or modules'
	return { changed, added, removed, renamedModules, addedModules, removedModules, headline }
}

/**
 * What stops a version being published, as sentences an author can act on: no module with a lesson,
 * CPD hours that break the CPD rule (cpdHoursProblem), empty modules, video lessons without a source or a duration, quizzes with no
 * questions or with a question whose answers are not set up right, pass marks outside 0–100.
 */
export function findPublishProblems({ cpdMinutes, tree }: { cpdMinutes: number; tree: VersionTree }) {
	const problems: string[] = []
	const cpdProblem = cpdHoursProblem({ cpdMinutes, learning: learningMinutes(tree.flatMap((m) => m.lessons)) })
	if (cpdProblem) problems.push(`${cpdProblem} Change it in the course details.`)
	if (!tree.some((m) => m.lessons.length > 0)) problems.push('Add at least one module with a lesson.')
	for (const m of tree) {
		if (m.lessons.length === 0) problems.push(`Module “${m.title}” has no lessons: add one or delete the module.`)
		for (const l of m.lessons) {
			const where = `“${l.title}”`
			if (l.kind === 'VIDEO') {
				if (!l.videoPlaybackId && !l.videoSourceUrl) problems.push(`Video lesson ${where} has no video yet.`)
				if (!l.videoDurationSeconds) problems.push(`Video lesson ${where} needs its duration in seconds.`)
			}
			if (l.kind === 'READING' && !(l.markdown ?? '').trim()) problems.push(`Reading ${where} has no text yet.`)
			if (l.kind === 'QUIZ') {
				if (l.passMark == null || l.passMark < 0 || l.passMark > 100)
					problems.push(`Quiz ${where} needs a pass mark from 0 to 100.`)
				if (l.questions.length === 0) problems.push(`Quiz ${where} has no questions.`)
				l.questions.forEach((q, i) => {
					for (const p of questionProblems(q)) problems.push(`Quiz ${where}, question ${i + 1}: ${p}.`)
				})
			}
		}
	}
	return problems
}

/** The publish page: the draft's problems and its changes against the published version. */
export async function getPublishReview({ courseId, actorId }: { courseId: string; actorId: string }) {
	await assertCanEditCourse({ courseId, actorId })
	return review(prisma, courseId)
}

async function review(db: Tx | typeof prisma, courseId: string) {
	const draft = await requireDraftVersion({ db, courseId })
	const [version, course] = await Promise.all([
		db.courseVersion.findUniqueOrThrow({
			where: { id: draft.id },
			select: { id: true, number: true, title: true, cpdMinutes: true },
		}),
		db.course.findUniqueOrThrow({
			where: { id: courseId },
			select: { slug: true, publishedVersion: { select: { id: true, number: true } } },
		}),
	])
	const tree = await loadVersionTree(db, draft.id)
	const publishedTree = course.publishedVersion ? await loadVersionTree(db, course.publishedVersion.id) : null
	return {
		draft: { id: version.id, number: version.number, title: version.title },
		slug: course.slug,
		published: course.publishedVersion,
		problems: findPublishProblems({ cpdMinutes: version.cpdMinutes, tree }),
		changes: publishedTree ? summariseChanges({ draft: tree, published: publishedTree }) : null,
	}
}

/**
 * Publishes the course's draft in one transaction: the draft becomes PUBLISHED (publishedAt, the
 * change note or else the change summary's headline), the previously published version becomes
 * ARCHIVED, and the course's publishedVersionId points at the new one, so new enrolments get it.
 * Existing enrolments keep the version they follow. A draft with problems is `invalid` (the first
 * problem is the message; nothing changes).
 */
export async function publishCourse({
	courseId,
	actorId,
	changeNote,
}: {
	courseId: string
	actorId: string
	changeNote?: string | null
}) {
	const note = ChangeNoteSchema.safeParse(changeNote ?? undefined)
	if (!note.success)
		throw new AuthoringError('invalid', 'INVALID_NOTE', note.error.issues[0]!.message, { field: 'changeNote' })
	return prisma.$transaction(async (tx) => {
		await assertCanEditCourse({ db: tx, courseId, actorId })
		await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${courseId} FOR UPDATE`
		const { draft, published, problems, changes } = await review(tx, courseId)
		if (problems.length) {
			throw new AuthoringError('invalid', 'NOT_READY_TO_PUBLISH', `This draft cannot be published yet: ${problems[0]}`)
		}
		const now = new Date()
		if (published) {
			await tx.courseVersion.update({ where: { id: published.id, courseId }, data: { status: 'ARCHIVED' } })
		}
		await tx.courseVersion.update({
			where: { id: draft.id, courseId },
			data: { status: 'PUBLISHED', publishedAt: now, changeSummary: note.data ?? changes?.headline ?? 'First version' },
		})
		await tx.course.update({ where: { id: courseId }, data: { publishedVersionId: draft.id } })
		return { versionId: draft.id, number: draft.number }
	})
}
