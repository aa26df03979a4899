import { Prisma, prisma } from '#modules/db/client.ts'
import { firstIssue } from '#modules/authoring/schemas.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { assertCanEditProgramme, assertProgrammeAuthor } from './access.ts'
import { ProgrammesError } from './errors.ts'
import { type ProgrammeDetails, ProgrammeDetailsSchema } from './schemas.ts'

export const PROGRAMME_SLUG_TAKEN_MESSAGE = 'Another programme already uses that web address: choose another'

function parseDetails(input: ProgrammeDetails) {
	const parsed = ProgrammeDetailsSchema.safeParse(input)
	if (!parsed.success) {
		const { field, message } = firstIssue(parsed.error)
		throw new ProgrammesError('invalid', 'INVALID_PROGRAMME', message, { field })
	}
	const { pricePounds, ...rest } = parsed.data
	return { ...rest, pricePence: Math.round(pricePounds * 100) }
}

function slugTaken(error: unknown) {
	return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

/**
 * Creates an unpublished programme owned by `actorId` (a trainer or admin), with no courses yet, and
 * audits it. Invalid details are `invalid` naming the field; a web address in use is `conflict` on
 * `slug`. Nothing is stored unless all of it is.
 */
export async function createProgramme({
	actorId,
	input,
	now,
}: {
	actorId: string
	input: ProgrammeDetails
	now: Date
}) {
	const details = parseDetails(input)
	try {
		return await prisma.$transaction(async (tx) => {
			await assertProgrammeAuthor({ db: tx, actorId })
			const programme = await tx.programme.create({
				data: { ...details, createdById: actorId, createdAt: now },
				select: { id: true, slug: true },
			})
			await recordAudit(tx, {
				actorId,
				action: 'programme.created',
				targetType: 'Programme',
				targetId: programme.id,
				details: { slug: programme.slug },
			})
			return { programmeId: programme.id, slug: programme.slug }
		})
	} catch (error) {
		if (slugTaken(error))
			throw new ProgrammesError('conflict', 'SLUG_TAKEN', PROGRAMME_SLUG_TAKEN_MESSAGE, { field: 'slug' })
		throw error
	}
}

/**
 * Changes a programme's title, web address, summary, description and whether it is sequential.
 * Whether it is sequential is fixed once the programme is published (learners on it have had their
 * courses opened by the old rule): a change then is `conflict` on `sequential`.
 */
export async function updateProgrammeDetails({
	actorId,
	programmeId,
	input,
}: {
	actorId: string
	programmeId: string
	input: ProgrammeDetails
}) {
	const details = parseDetails(input)
	try {
		await prisma.$transaction(async (tx) => {
			const { programme } = await assertCanEditProgramme({ db: tx, programmeId, actorId })
			const current = await tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { sequential: true } })
			if (programme.publishedAt && current.sequential !== details.sequential) {
				throw new ProgrammesError(
					'conflict',
					'PROGRAMME_PUBLISHED',
					'This programme is published, so whether its courses open in order can no longer change.',
					{ field: 'sequential' },
				)
			}
			await tx.programme.update({ where: { id: programmeId }, data: details, select: { id: true } })
			await recordAudit(tx, {
				actorId,
				action: 'programme.updated',
				targetType: 'Programme',
				targetId: programmeId,
				details: { slug: details.slug },
			})
		})
	} catch (error) {
		if (slugTaken(error))
			throw new ProgrammesError('conflict', 'SLUG_TAKEN', PROGRAMME_SLUG_TAKEN_MESSAGE, { field: 'slug' })
		throw error
	}
}
