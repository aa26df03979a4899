import { prisma } from '#modules/db/client.ts'
import { addToIsoDate, dateColumn, londonToday } from '#modules/portfolio/cpd-dates.ts'

/** The demo leaver's personal address: they sign in with it and the demo password (docs/decisions/0033). */
export const DEMO_LEAVER = {
	workEmail: 'morgan.hale@riverside.example',
	personalEmail: 'morgan.hale@personal.example',
}

/**
 * The demo organisation's SCIM leaver (Morgan Hale, deactivated by its identity provider in
 * seedDemoProvisioning) kept their record: a verified personal address that signs them in with the
 * demo password, and CPD of their own in the portfolio, so a visitor can see that leaving keeps
 * everything and download the CPD passport. Only once: an address already set is left alone.
 */
export async function seedDemoLeaver({ passwordHash }: { passwordHash: string }) {
	const leaver = await prisma.user.findUnique({
		where: { email: DEMO_LEAVER.workEmail },
		select: { id: true, personalEmail: true },
	})
	if (!leaver || leaver.personalEmail) return
	const today = londonToday()
	await prisma.user.update({
		where: { id: leaver.id },
		data: {
			passwordHash,
			personalEmail: DEMO_LEAVER.personalEmail,
			personalEmailVerifiedAt: new Date(),
			profession: 'Teaching assistant',
			registrationBody: 'TEACHER',
		},
	})
	await prisma.cpdEntry.createMany({
		data: [
			{
				userId: leaver.id,
				source: 'MANUAL',
				method: 'Workshop',
				title: 'Restorative circles in the classroom: a twilight session',
				date: dateColumn(addToIsoDate(today, { days: -75 })),
				minutes: 120,
				participatoryMinutes: 120,
				reflection: 'Starting the day with a check-in circle settled my group faster than any rule I have tried.',
				impactOnPractice: 'I now run a five-minute circle after lunch on Mondays and Thursdays.',
			},
			{
				userId: leaver.id,
				source: 'MANUAL',
				method: 'Reading',
				title: 'Reading: relational approaches to behaviour',
				date: dateColumn(addToIsoDate(today, { days: -40 })),
				minutes: 90,
				reflection: 'Behaviour is communication: I ask what happened before I ask why.',
			},
		],
	})
}
