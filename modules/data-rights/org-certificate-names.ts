import { prisma } from '#modules/db/client.ts'
import { recordAudit, type RequestOrigin } from '#modules/audit/record.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'

/**
 * Whether certificates earned on this organisation's seats keep the holder's name when the holder's
 * account is erased (Organisation.erasureKeepsCertificateNames, ADR 0038). False by default.
 */
export async function getErasureKeepsCertificateNames(organisationId: string) {
	const row = await prisma.organisation.findUniqueOrThrow({
		where: { id: organisationId },
		select: { erasureKeepsCertificateNames: true },
	})
	return row.erasureKeepsCertificateNames
}

/**
 * Sets the organisation's retention policy for the certificates of a person whose account is erased:
 * `keep` true keeps their name on certificates earned on the organisation's seats (the verify page and
 * PDF still show who was trained); false (the default) removes it, so they show only that the
 * certificate was issued. Owners only (and platform admins): it decides what happens to people's
 * names after they have asked to be forgotten. Audited with the old and new values.
 */
export async function setErasureKeepsCertificateNames({
	organisationId,
	actorId,
	keep,
	ipAddress,
	userAgent,
}: { organisationId: string; actorId: string; keep: boolean } & RequestOrigin) {
	return prisma.$transaction(async (tx) => {
		await assertOrganisationActor(tx, { organisationId, actorId, minRole: 'OWNER' })
		const before = await tx.organisation.findUniqueOrThrow({
			where: { id: organisationId },
			select: { erasureKeepsCertificateNames: true },
		})
		if (before.erasureKeepsCertificateNames === keep) return { changed: false }
		await tx.organisation.update({
			where: { id: organisationId },
			data: { erasureKeepsCertificateNames: keep },
			select: { id: true },
		})
		await recordAudit(tx, {
			actorId,
			organisationId,
			action: 'organisation.erasure_certificate_names_changed',
			targetType: 'Organisation',
			targetId: organisationId,
			details: { from: before.erasureKeepsCertificateNames, to: keep },
			ipAddress,
			userAgent,
		})
		return { changed: true }
	})
}
