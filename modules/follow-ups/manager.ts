import { recordAudit } from '#modules/audit/record.ts'
import { prisma, type Tx } from '#modules/db/client.ts'
import { FollowUpsError } from './errors.ts'
import { selectManagersOf, selectSentFollowUps, type SentFollowUpRow } from './sql.ts'

const notFound = () =>
	new FollowUpsError('not_found', 'SIGN_OFF_NOT_FOUND', 'We could not find that follow-up to sign off.')

// What a manager may see of a follow-up: the copies the learner sent, never the live text.
const SENT_SELECT = {
	id: true,
	userId: true,
	sentAt: true,
	sentActionPlan: true,
	sentReflection: true,
	signedOffAt: true,
	managerComment: true,
	completedAt: true,
	user: { select: { name: true } },
	enrolment: { select: { version: { select: { title: true } } } },
} as const

// A request sent to this manager, while they still manage the learner: anything else is not found.
async function loadRequest(
	db: Tx | typeof prisma,
	{ managerId, responseId }: { managerId: string; responseId: string },
) {
	const row = await db.followUpResponse.findFirst({
		where: { id: responseId, managerId, sentAt: { not: null } },
		select: SENT_SELECT,
	})
	if (!row) throw notFound()
	const managers = await selectManagersOf(db, { learnerId: row.userId })
	if (!managers.some((m) => m.id === managerId)) throw notFound()
	return row
}

function present(row: Awaited<ReturnType<typeof loadRequest>> | SentFollowUpRow) {
	return {
		id: row.id,
		learnerName: 'learnerName' in row ? row.learnerName : row.user.name,
		courseTitle: 'courseTitle' in row ? row.courseTitle : row.enrolment.version.title,
		completedAt: row.completedAt,
		sentAt: row.sentAt!,
		actionPlan: row.sentActionPlan,
		reflection: row.sentReflection ?? '',
		signedOffAt: row.signedOffAt,
		comment: row.managerComment,
	}
}

/**
 * The follow-ups sent to `managerId` for sign-off by people they still manage, waiting ones first.
 * Only what each learner sent is returned.
 */
export async function listSignOffRequests({ managerId }: { managerId: string }) {
	const rows = await selectSentFollowUps({ managerId })
	const managed = new Map<string, boolean>()
	const kept = []
	for (const row of rows) {
		if (!managed.has(row.userId)) {
			const managers = await selectManagersOf(prisma, { learnerId: row.userId })
			managed.set(
				row.userId,
				managers.some((m) => m.id === managerId),
			)
		}
		if (managed.get(row.userId)) kept.push(present(row))
	}
	return kept
}

/** One follow-up sent to `managerId`, as the learner sent it. Anyone else's: SIGN_OFF_NOT_FOUND. */
export async function getSignOffRequest({ managerId, responseId }: { managerId: string; responseId: string }) {
	return present(await loadRequest(prisma, { managerId, responseId }))
}

/**
 * The manager signs off what the learner sent, with an optional comment back. Only the manager it
 * was sent to, while they manage the learner (checked in this transaction), and once. Audited.
 */
export async function signOffFollowUp({
	managerId,
	responseId,
	comment,
	now,
}: {
	managerId: string
	responseId: string
	comment?: string
	now: Date
}) {
	return prisma.$transaction(async (tx) => {
		await loadRequest(tx, { managerId, responseId })
		const { count } = await tx.followUpResponse.updateMany({
			where: { id: responseId, managerId, sentAt: { not: null }, signedOffAt: null },
			data: { signedOffAt: now, managerComment: comment?.trim() ? comment.trim() : null },
		})
		if (count === 0) throw new FollowUpsError('conflict', 'ALREADY_SIGNED_OFF', 'You have already signed this off.')
		await recordAudit(tx, {
			actorId: managerId,
			action: 'follow_up.signed_off',
			targetType: 'FollowUpResponse',
			targetId: responseId,
		})
		return { signedOffAt: now }
	})
}
