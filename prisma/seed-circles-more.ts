// Demo content for what circles gained in session 8 (ADR 0028): the demo team manager is also one of
// the trust's circle facilitators (so Circles appears in her organisation menu and she can schedule
// its circles), and the organisation admin has booked three Oakfield Primary staff into the Oakfield
// staff circle, so its register shows people booked by someone else and the "book people" form.
// Idempotent: it only sets a flag and adds bookings that are not there yet.
import { prisma } from '#modules/db/client.ts'
import { DEMO_TEAM_MANAGER } from './seed-teams.ts'

export const DEMO_OAKFIELD_CIRCLE_TITLE = 'Oakfield staff circle: starting the term well'

export async function seedDemoCirclesMore({
	organisationId,
	ownerId,
	now = new Date(),
}: {
	organisationId: string
	ownerId: string
	now?: Date
}) {
	const manager = await prisma.user.findUnique({ where: { email: DEMO_TEAM_MANAGER.email }, select: { id: true } })
	if (manager) {
		await prisma.membership.updateMany({
			where: { organisationId, userId: manager.id },
			data: { facilitatesCircles: true },
		})
	}
	const circle = await prisma.circle.findFirst({
		where: { organisationId, title: DEMO_OAKFIELD_CIRCLE_TITLE },
		select: { id: true, teamId: true },
	})
	if (!circle?.teamId) return
	// Once booked, left alone: other demo parts add staff to the team later, and seeding again must
	// not book a different three.
	if (await prisma.circleBooking.count({ where: { circleId: circle.id, bookedById: ownerId } })) return
	const staff = await prisma.membership.findMany({
		where: { organisationId, deactivatedAt: null, role: 'MEMBER', teams: { some: { teamId: circle.teamId } } },
		select: { userId: true },
		orderBy: { user: { name: 'asc' } },
		take: 3,
	})
	for (const { userId } of staff) {
		await prisma.circleBooking.upsert({
			where: { circleId_userId: { circleId: circle.id, userId } },
			update: {},
			create: { circleId: circle.id, userId, status: 'BOOKED', bookedAt: now, queuedAt: now, bookedById: ownerId },
		})
	}
}
