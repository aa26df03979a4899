// Who may build a programme: the trainer who created it, or a platform admin. Every studio function
// about a programme starts here (inside its transaction), so the rule lives in one place.
import { prisma, type Tx } from '#modules/db/client.ts'
import { ProgrammesError } from './errors.ts'

export type Db = Tx | typeof prisma

export type ProgrammeActor = { actorId: string; isAdmin: boolean }

/** The actor must be an enabled TRAINER or ADMIN; `forbidden` otherwise. */
export async function assertProgrammeAuthor({ db = prisma, actorId }: { db?: Db; actorId: string }) {
	const actor = await db.user.findUnique({ where: { id: actorId }, select: { role: true, disabledAt: true } })
	if (!actor || actor.disabledAt || actor.role === 'LEARNER') {
		throw new ProgrammesError('forbidden', 'NOT_A_TRAINER', 'Only trainers can build programmes.')
	}
	return { actorId, isAdmin: actor.role === 'ADMIN' } satisfies ProgrammeActor
}

/**
 * Checks that `actorId` may edit `programmeId` and returns the programme. Unknown is `not_found`;
 * another trainer's programme is `forbidden` (admins may edit every programme).
 */
export async function assertCanEditProgramme({
	db = prisma,
	programmeId,
	actorId,
}: {
	db?: Db
	programmeId: string
	actorId: string
}) {
	const actor = await assertProgrammeAuthor({ db, actorId })
	const programme = await db.programme.findUnique({
		where: { id: programmeId },
		select: { id: true, slug: true, title: true, publishedAt: true, createdById: true },
	})
	if (!programme) throw new ProgrammesError('not_found', 'PROGRAMME_NOT_FOUND', 'We could not find that programme.')
	if (!actor.isAdmin && programme.createdById !== actorId) {
		throw new ProgrammesError('forbidden', 'NOT_YOUR_PROGRAMME', 'You did not create this programme.')
	}
	return { ...actor, programme }
}
