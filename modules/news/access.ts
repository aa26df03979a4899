// Who may write news: an enabled trainer or platform admin, every studio function about a post
// starts here (inside its transaction), so the rule lives in one place. Any trainer may edit any
// post: news is the organisation's voice, not one author's property (ADR 0043).
import { prisma, type Tx } from '#modules/db/client.ts'
import { NewsError } from './errors.ts'

export type Db = Tx | typeof prisma

/** The actor must be an enabled TRAINER or ADMIN; `forbidden` otherwise. */
export async function assertNewsAuthor({ db = prisma, actorId }: { db?: Db; actorId: string }) {
	const actor = await db.user.findUnique({ where: { id: actorId }, select: { role: true, disabledAt: true } })
	if (!actor || actor.disabledAt || actor.role === 'LEARNER') {
		throw new NewsError('forbidden', 'NOT_A_NEWS_AUTHOR', 'Only trainers and administrators can write news.')
	}
	return { actorId, isAdmin: actor.role === 'ADMIN' }
}
