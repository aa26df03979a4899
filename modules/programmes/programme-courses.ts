// The studio's edits to a programme's course list. Each one locks the programme row first (an UPDATE
// of updatedAt), so two edits to one programme apply in turn and positions stay 1, 2, 3 … without gaps.
import { prisma, type Tx } from '#modules/db/client.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { assertCanEditProgramme } from './access.ts'
import { ProgrammesError } from './errors.ts'
import { AddProgrammeCourseSchema, MAX_PROGRAMME_COURSES } from './schemas.ts'

async function lockEditableProgramme(tx: Tx, { programmeId, actorId }: { programmeId: string; actorId: string }) {
	const access = await assertCanEditProgramme({ db: tx, programmeId, actorId })
	// The row lock that serialises edits to this programme's list.
	await tx.programme.update({ where: { id: programmeId }, data: { updatedAt: new Date() }, select: { id: true } })
	if (access.programme.publishedAt) {
		throw new ProgrammesError(
			'conflict',
			'PROGRAMME_PUBLISHED',
			'This programme is published, so its courses are fixed: learners on it are working towards this list.',
		)
	}
	return access
}

/**
 * Adds a course to the end of a programme, by the course's web address. Refused beside the field
 * (`courseSlug`): the programme itself, another programme, a course that does not exist, a draft
 * or archived course, a course the trainer does not author (admins may add any), a course already
 * in the programme, and a thirteenth course. A published programme's list is fixed (`conflict`).
 */
export async function addProgrammeCourse({
	actorId,
	programmeId,
	courseSlug: input,
}: {
	actorId: string
	programmeId: string
	courseSlug: string
}) {
	const parsed = AddProgrammeCourseSchema.shape.courseSlug.safeParse(input)
	if (!parsed.success) {
		throw new ProgrammesError('invalid', 'COURSE_NOT_FOUND', parsed.error.issues[0]!.message, { field: 'courseSlug' })
	}
	const courseSlug = parsed.data
	return prisma.$transaction(async (tx) => {
		const { programme, isAdmin } = await lockEditableProgramme(tx, { programmeId, actorId })
		const field = { field: 'courseSlug' }
		const course = await tx.course.findUnique({
			where: { slug: courseSlug },
			select: {
				id: true,
				archivedAt: true,
				publishedVersionId: true,
				publishedVersion: { select: { title: true } },
				versions: { select: { title: true }, orderBy: { number: 'desc' }, take: 1 },
				authors: { where: { userId: actorId }, select: { role: true } },
			},
		})
		if (!course) {
			if (courseSlug === programme.slug) {
				throw new ProgrammesError(
					'invalid',
					'PROGRAMME_IN_ITSELF',
					'That is this programme’s own web address: a programme cannot contain itself. Add its courses instead.',
					field,
				)
			}
			const other = await tx.programme.findUnique({ where: { slug: courseSlug }, select: { title: true } })
			if (other) {
				throw new ProgrammesError(
					'invalid',
					'COURSE_NOT_FOUND',
					`“${other.title}” is a programme, not a course: a programme contains courses only. Add its courses instead.`,
					field,
				)
			}
			throw new ProgrammesError('invalid', 'COURSE_NOT_FOUND', `There is no course at /courses/${courseSlug}.`, field)
		}
		const title = course.publishedVersion?.title ?? course.versions[0]?.title ?? courseSlug
		if (!isAdmin && course.authors.length === 0) {
			throw new ProgrammesError(
				'forbidden',
				'COURSE_NOT_YOURS',
				`You do not author “${title}”: a programme can contain only courses you own or co-author.`,
				field,
			)
		}
		if (!course.publishedVersionId || course.archivedAt) {
			throw new ProgrammesError(
				'invalid',
				'COURSE_IS_A_DRAFT',
				course.archivedAt
					? `“${title}” is archived, so learners cannot enrol on it: it cannot join a programme.`
					: `“${title}” is a draft: publish it before adding it to a programme.`,
				field,
			)
		}
		const existing = await tx.programmeCourse.findMany({
			where: { programmeId },
			select: { courseId: true, position: true },
		})
		if (existing.some((row) => row.courseId === course.id)) {
			throw new ProgrammesError('conflict', 'ALREADY_IN_PROGRAMME', `“${title}” is already in this programme.`, field)
		}
		if (existing.length >= MAX_PROGRAMME_COURSES) {
			throw new ProgrammesError(
				'invalid',
				'TOO_MANY_COURSES',
				`A programme can have at most ${MAX_PROGRAMME_COURSES} courses.`,
				field,
			)
		}
		const position = Math.max(0, ...existing.map((row) => row.position)) + 1
		await tx.programmeCourse.create({ data: { programmeId, courseId: course.id, position } })
		await recordAudit(tx, {
			actorId,
			action: 'programme.course_added',
			targetType: 'Programme',
			targetId: programmeId,
			details: { courseId: course.id, position },
		})
		return { courseId: course.id, position }
	})
}

/** Removes a course from an unpublished programme; the courses after it move up one place. */
export async function removeProgrammeCourse({
	actorId,
	programmeId,
	courseId,
}: {
	actorId: string
	programmeId: string
	courseId: string
}) {
	await prisma.$transaction(async (tx) => {
		await lockEditableProgramme(tx, { programmeId, actorId })
		const row = await tx.programmeCourse.findUnique({
			where: { programmeId_courseId: { programmeId, courseId } },
			select: { position: true },
		})
		if (!row) throw notInProgramme()
		await tx.programmeCourse.delete({ where: { programmeId_courseId: { programmeId, courseId } } })
		// One at a time, lowest first, so no two rows ever hold one position (it is unique).
		const after = await tx.programmeCourse.findMany({
			where: { programmeId, position: { gt: row.position } },
			orderBy: { position: 'asc' },
			select: { courseId: true, position: true },
		})
		for (const next of after) {
			await tx.programmeCourse.update({
				where: { programmeId_courseId: { programmeId, courseId: next.courseId } },
				data: { position: next.position - 1 },
			})
		}
		await recordAudit(tx, {
			actorId,
			action: 'programme.course_removed',
			targetType: 'Programme',
			targetId: programmeId,
			details: { courseId },
		})
	})
}

/** Swaps a course with its neighbour above (`up`) or below (`down`); at either end it stays put. */
export async function moveProgrammeCourse({
	actorId,
	programmeId,
	courseId,
	direction,
}: {
	actorId: string
	programmeId: string
	courseId: string
	direction: 'up' | 'down'
}) {
	await prisma.$transaction(async (tx) => {
		await lockEditableProgramme(tx, { programmeId, actorId })
		const rows = await tx.programmeCourse.findMany({
			where: { programmeId },
			orderBy: { position: 'asc' },
			select: { courseId: true, position: true },
		})
		const index = rows.findIndex((row) => row.courseId === courseId)
		if (index === -1) throw notInProgramme()
		const other = rows[direction === 'up' ? index - 1 : index + 1]
		const self = rows[index]!
		if (!other) return
		const key = (id: string) => ({ programmeId_courseId: { programmeId, courseId: id } })
		// Through a free position: the unique (programmeId, position) would refuse a direct swap.
		await tx.programmeCourse.update({ where: key(self.courseId), data: { position: MAX_PROGRAMME_COURSES + 100 } })
		await tx.programmeCourse.update({ where: key(other.courseId), data: { position: self.position } })
		await tx.programmeCourse.update({ where: key(self.courseId), data: { position: other.position } })
		await recordAudit(tx, {
			actorId,
			action: 'programme.course_moved',
			targetType: 'Programme',
			targetId: programmeId,
			details: { courseId, direction },
		})
	})
}

function notInProgramme() {
	return new ProgrammesError('not_found', 'COURSE_NOT_IN_PROGRAMME', 'That course is not in this programme.')
}
