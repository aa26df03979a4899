import type { Tx } from '#modules/db/client.ts'
import { prisma } from '#modules/db/client.ts'
import { DomainError } from '#modules/errors/domain-error.ts'
import { CertificatesError } from '#modules/certificates/errors.ts'

/** The columns a certificate's PDF is drawn from (see CertificatePdfData). */
export const CERTIFICATE_PDF_FIELDS = {
	code: true,
	learnerName: true,
	courseTitle: true,
	versionNumber: true,
	cpdMinutes: true,
	outcomes: true,
	completedAt: true,
	issuedAt: true,
	revokedAt: true,
	revokedReason: true,
} as const

/** "circle-certificate-CIRC-7KQ2-M9XD-4TPA-Q3HZ.pdf": the name a downloaded or emailed certificate gets. */
export function certificateFilename(code: string) {
	return `circle-certificate-${code}.pdf`
}

/**
 * Throws a `forbidden` DomainError unless `actorId` is an enabled platform admin. Routes check the
 * role too; this second check keeps the rule true for any other caller (a script, a job).
 */
export async function assertPlatformAdmin({ actorId, tx }: { actorId: string; tx?: Tx }) {
	const actor = await (tx ?? prisma).user.findUnique({
		where: { id: actorId },
		select: { role: true, disabledAt: true },
	})
	if (!actor || actor.role !== 'ADMIN' || actor.disabledAt) {
		throw new CertificatesError('forbidden', 'ADMIN_ONLY', 'Only a platform administrator can do that.')
	}
}
