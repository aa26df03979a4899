import { prisma } from '#modules/db/client.ts'
import { londonToday } from './cpd-dates.ts'

/**
 * What the CPD forms need to know about the learner: their registration body (which standards to
 * suggest), their RJC level (whether to ask if an entry is RJC-approved) and today's UK date (the latest date an entry may have).
 */
export async function getPortfolioSettings({ userId }: { userId: string }) {
	const user = await prisma.user.findUniqueOrThrow({
		where: { id: userId },
		select: { registrationBody: true, profession: true, rjcLevel: true },
	})
	return {
		registrationBody: user.registrationBody,
		profession: user.profession,
		rjcLevel: user.rjcLevel,
		today: londonToday(),
	}
}
