import { prisma } from '#modules/db/client.ts'
import { PortfolioError } from '#modules/portfolio/errors.ts'
import { entryNotFound } from './entry-errors.ts'

/**
 * Deletes one of the learner's hand-made entries. An entry from a certificate cannot be deleted
 * (`conflict`): it is the certificate's record in the portfolio. `not_found` for anyone else's.
 */
export async function deleteCpdEntry({ userId, entryId }: { userId: string; entryId: string }) {
	const existing = await prisma.cpdEntry.findFirst({
		where: { id: entryId, userId },
		select: { id: true, source: true },
	})
	if (!existing) entryNotFound()
	if (existing.source !== 'MANUAL') {
		throw new PortfolioError(
			'conflict',
			'CERTIFICATE_ENTRY',
			'This entry comes from a Circle certificate or a circle you attended, so it stays in your portfolio. You can still edit your reflection on it.',
		)
	}
	await prisma.cpdEntry.deleteMany({ where: { id: existing.id, userId, source: 'MANUAL' } })
}
