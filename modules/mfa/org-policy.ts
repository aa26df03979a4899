import { type MfaPolicy, prisma } from '#modules/db/client.ts'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'

/** The organisation's own MFA rule (on top of Circle's: platform admins and trainers always). */
export async function getOrganisationMfaPolicy(organisationId: string) {
	const row = await prisma.organisation.findUniqueOrThrow({
		where: { id: organisationId },
		select: { mfaPolicy: true },
	})
	return row.mfaPolicy
}

/**
 * Sets who in the organisation must use a second factor: nobody beyond Circle's own rule, its
 * owners and admins, or everyone. Owners and administrators only (and platform admins); audited
 * with the old and new values. People it newly applies to are asked to set up two-step sign-in
 * on their next page (app/utils/auth.server.ts).
 */
export async function setOrganisationMfaPolicy({
	organisationId,
	actorId,
	policy,
	ipAddress,
	userAgent,
}: { organisationId: string; actorId: string; policy: MfaPolicy } & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' })
		const before = await tx.organisation.findUniqueOrThrow({
			where: { id: organisationId },
			select: { mfaPolicy: true },
		})
		if (before.mfaPolicy === policy) return { changed: false }
		await tx.organisation.update({ where: { id: organisationId }, data: { mfaPolicy: policy }, select: { id: true } })
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'organisation.mfa_policy_changed',
			targetType: 'Organisation',
			targetId: organisationId,
			details: { from: before.mfaPolicy, to: policy },
			ipAddress,
			userAgent,
		})
		return { changed: true }
	})
}
