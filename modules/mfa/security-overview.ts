import { prisma } from '#modules/db/client.ts'
import { mfaRequirementReason } from './policy.ts'

/**
 * What the person's security page shows about their second factors: the authenticator app (set
 * up, or being set up), unused recovery codes, passkeys, how re-authentication asks for proof, and
 * why (if at all) Circle requires them to use a second factor.
 */
export async function getSecurityOverview({ userId }: { userId: string }) {
	const user = await prisma.user.findUniqueOrThrow({
		where: { id: userId },
		select: {
			role: true,
			passwordHash: true,
			totpCredential: { select: { confirmedAt: true } },
			_count: { select: { passkeys: true, recoveryCodes: { where: { usedAt: null } } } },
			memberships: {
				where: { deactivatedAt: null, organisation: { mfaPolicy: { not: 'NONE' } } },
				select: { role: true, organisation: { select: { name: true, mfaPolicy: true } } },
			},
		},
	})
	return {
		totpEnabledAt: user.totpCredential?.confirmedAt ?? null,
		totpPending: Boolean(user.totpCredential && !user.totpCredential.confirmedAt),
		unusedRecoveryCodes: user._count.recoveryCodes,
		passkeys: user._count.passkeys,
		reauthWithPassword: Boolean(user.passwordHash),
		requirementReason: mfaRequirementReason({
			role: user.role,
			memberships: user.memberships.map((m) => ({
				role: m.role,
				policy: m.organisation.mfaPolicy,
				organisationName: m.organisation.name,
			})),
		}),
	}
}
