import { prisma } from '#modules/db/client.ts'
import { canRunCircle, canSeeCircle, circleNotFound } from './access.ts'
import { checkInIsOpen, UNMARK_WINDOW_DAYS } from './attendance.ts'
import { circleEndsAt, toLondonLocal } from './london-time.ts'

const CARD_FIELDS = {
	id: true,
	title: true,
	startsAt: true,
	durationMinutes: true,
	capacity: true,
	mode: true,
	venue: true,
	cancelledAt: true,
	organisationId: true,
	teamId: true,
	course: { select: { slug: true, publishedVersion: { select: { title: true } } } },
	programme: { select: { slug: true, title: true } },
	team: { select: { name: true } },
	organisation: { select: { name: true } },
	facilitator: { select: { name: true } },
	_count: { select: { bookings: { where: { status: 'BOOKED' as const } } } },
} as const

/**
 * The circles `userId` can book that have not ended, soonest first: every open circle plus the
 * private ones of their organisations and teams, each with places left and their own booking.
 */
export async function listUpcomingCircles({ userId, now }: { userId: string; now: Date }) {
	const memberships = await prisma.membership.findMany({
		where: { userId },
		select: { organisationId: true, role: true, teams: { select: { teamId: true } } },
	})
	const adminOf = memberships.filter((m) => m.role !== 'MEMBER').map((m) => m.organisationId)
	const memberOf = memberships.map((m) => m.organisationId)
	const teamIds = memberships.flatMap((m) => m.teams.map((t) => t.teamId))
	const circles = await prisma.circle.findMany({
		where: {
			cancelledAt: null,
			// Started circles stay listed until a day after they end, so check-in is one click away.
			startsAt: { gt: new Date(now.getTime() - 8 * 3_600_000) },
			OR: [
				{ organisationId: null },
				{ organisationId: { in: adminOf } },
				{ organisationId: { in: memberOf }, teamId: null },
				{ teamId: { in: teamIds } },
			],
		},
		select: { ...CARD_FIELDS, bookings: { where: { userId }, select: { status: true } } },
		orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
		take: 100,
	})
	return circles
		.filter((circle) => circleEndsAt(circle).getTime() > now.getTime())
		.map(({ bookings, _count, ...circle }) => ({
			...circle,
			booked: _count.bookings,
			placesLeft: Math.max(0, circle.capacity - _count.bookings),
			myStatus: bookings[0]?.status ?? null,
		}))
}

/**
 * One circle as `userId` sees it: its details, their booking (and place in the queue), the meeting
 * link only when they have a place (or run the circle), whether check-in is open, and whether they
 * attended. CIRCLE_NOT_FOUND for a private circle that is not theirs to see.
 */
export async function getCircle({ circleId, userId, now }: { circleId: string; userId: string; now: Date }) {
	const circle = await prisma.circle.findUnique({
		where: { id: circleId },
		select: {
			...CARD_FIELDS,
			description: true,
			questions: true,
			meetingUrl: true,
			facilitatorId: true,
			createdById: true,
			bookings: { where: { userId }, select: { status: true, queuedAt: true } },
			attendances: { where: { userId }, select: { attendedAt: true } },
		},
	})
	if (!circle) throw circleNotFound()
	if (!(await canSeeCircle(prisma, circle, userId))) throw circleNotFound()
	const runs = await canRunCircle(prisma, circle, userId)
	const booking = circle.bookings[0] ?? null
	const waitingPosition =
		booking?.status === 'WAITING'
			? await prisma.circleBooking.count({
					where: { circleId, status: 'WAITING', queuedAt: { lte: booking.queuedAt } },
				})
			: null
	const { bookings: _b, attendances, meetingUrl, _count, facilitatorId: _f, createdById: _c, ...rest } = circle
	const hasPlace = booking?.status === 'BOOKED'
	return {
		...rest,
		booked: _count.bookings,
		placesLeft: Math.max(0, circle.capacity - _count.bookings),
		myStatus: booking?.status ?? null,
		waitingPosition,
		meetingUrl: hasPlace || runs ? meetingUrl : null,
		runs,
		checkInOpen: checkInIsOpen(circle, now),
		started: circle.startsAt.getTime() <= now.getTime(),
		ended: circleEndsAt(circle).getTime() <= now.getTime(),
		attendedAt: attendances[0]?.attendedAt ?? null,
	}
}

/**
 * The register of a circle for whoever runs it: everyone with a place (and who has attended), the
 * waiting list in order, and the check-in code. NOT_THE_FACILITATOR for anyone else.
 */
export async function getRegister({ circleId, actorId, now }: { circleId: string; actorId: string; now: Date }) {
	const circle = await prisma.circle.findUnique({
		where: { id: circleId },
		select: {
			...CARD_FIELDS,
			facilitatorId: true,
			createdById: true,
			checkInCode: true,
			meetingUrl: true,
			questions: true,
			bookings: {
				where: { status: { in: ['BOOKED', 'WAITING'] } },
				select: { id: true, status: true, queuedAt: true, user: { select: { id: true, name: true, email: true } } },
				orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
			},
			attendances: { select: { userId: true, method: true, attendedAt: true } },
		},
	})
	if (!circle) throw circleNotFound()
	if (!(await canRunCircle(prisma, circle, actorId))) throw circleNotFound()
	const attended = new Map(circle.attendances.map((a) => [a.userId, a]))
	const { bookings, attendances: _a, _count, ...rest } = circle
	return {
		...rest,
		booked: _count.bookings,
		checkInOpen: checkInIsOpen(circle, now),
		started: circle.startsAt.getTime() <= now.getTime(),
		ended: circleEndsAt(circle).getTime() <= now.getTime(),
		// The register can be corrected from the start until UNMARK_WINDOW_DAYS after the end.
		canUnmark:
			circle.startsAt.getTime() <= now.getTime() &&
			now.getTime() <= circleEndsAt(circle).getTime() + UNMARK_WINDOW_DAYS * 24 * 3_600_000,
		people: bookings
			.filter((b) => b.status === 'BOOKED')
			.map((b) => ({ ...b.user, attended: attended.get(b.user.id) ?? null })),
		waiting: bookings.filter((b) => b.status === 'WAITING').map((b) => b.user),
	}
}

/** Circles a trainer scheduled or facilitates (open ones), newest start first. */
export async function listStudioCircles({ actorId }: { actorId: string }) {
	const circles = await prisma.circle.findMany({
		where: { organisationId: null, OR: [{ createdById: actorId }, { facilitatorId: actorId }] },
		select: CARD_FIELDS,
		orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
		take: 200,
	})
	return circles.map(({ _count, ...c }) => ({ ...c, booked: _count.bookings }))
}

/**
 * An organisation's private circles (the caller has checked the viewer is one of its admins), or, with
 * `runBy`, only those that person scheduled or facilitates (for one of its circle facilitators).
 */
export async function listOrganisationCircles({ organisationId, runBy }: { organisationId: string; runBy?: string }) {
	const circles = await prisma.circle.findMany({
		where: { organisationId, ...(runBy ? { OR: [{ createdById: runBy }, { facilitatorId: runBy }] } : {}) },
		select: CARD_FIELDS,
		orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
		take: 200,
	})
	return circles.map(({ _count, ...c }) => ({ ...c, booked: _count.bookings }))
}

/** What a scheduling form offers: the trainer's own courses and programmes (all of them for an organisation). */
export async function listCircleTargets({ actorId, everyCourse }: { actorId: string; everyCourse: boolean }) {
	const [courses, programmes] = await Promise.all([
		prisma.course.findMany({
			where: {
				archivedAt: null,
				publishedVersionId: { not: null },
				...(everyCourse ? {} : { authors: { some: { userId: actorId } } }),
			},
			select: { id: true, publishedVersion: { select: { title: true } } },
			orderBy: { slug: 'asc' },
		}),
		prisma.programme.findMany({
			where: { publishedAt: { not: null }, ...(everyCourse ? {} : { createdById: actorId }) },
			select: { id: true, title: true },
			orderBy: { title: 'asc' },
		}),
	])
	return {
		courses: courses.map((c) => ({ id: c.id, title: c.publishedVersion?.title ?? c.id })),
		programmes,
	}
}

/** The teams an organisation's circle can be for, by name (the caller has checked the viewer is an admin). */
export async function listCircleTeams({ organisationId }: { organisationId: string }) {
	return prisma.team.findMany({ where: { organisationId }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
}

/**
 * A circle's details as the scheduling form shows them, for someone who runs it (CIRCLE_NOT_FOUND
 * otherwise), with the choices the form offers: courses, programmes and, for an organisation's
 * circle, its teams.
 */
export async function getCircleForEdit({ circleId, actorId }: { circleId: string; actorId: string }) {
	const circle = await prisma.circle.findUnique({
		where: { id: circleId },
		select: {
			id: true,
			title: true,
			description: true,
			courseId: true,
			programmeId: true,
			organisationId: true,
			teamId: true,
			startsAt: true,
			durationMinutes: true,
			capacity: true,
			mode: true,
			meetingUrl: true,
			venue: true,
			questions: true,
			cancelledAt: true,
			facilitatorId: true,
			createdById: true,
			facilitator: { select: { email: true } },
		},
	})
	if (!circle || !(await canRunCircle(prisma, circle, actorId))) throw circleNotFound()
	const actor = await prisma.user.findUniqueOrThrow({ where: { id: actorId }, select: { role: true } })
	const [targets, teams] = await Promise.all([
		listCircleTargets({ actorId, everyCourse: Boolean(circle.organisationId) || actor.role === 'ADMIN' }),
		circle.organisationId ? listCircleTeams({ organisationId: circle.organisationId }) : Promise.resolve(null),
	])
	return {
		id: circle.id,
		title: circle.title,
		cancelled: Boolean(circle.cancelledAt),
		defaultValue: {
			title: circle.title,
			description: circle.description,
			courseId: circle.courseId ?? '',
			programmeId: circle.programmeId ?? '',
			teamId: circle.teamId ?? '',
			startsAt: toLondonLocal(circle.startsAt),
			durationMinutes: String(circle.durationMinutes),
			capacity: String(circle.capacity),
			mode: circle.mode,
			meetingUrl: circle.meetingUrl ?? '',
			venue: circle.venue ?? '',
			facilitatorEmail: circle.facilitator.email,
			questions: circle.questions.join('\n'),
		},
		...targets,
		teams,
	}
}

/**
 * Who whoever runs an organisation's circle can book into it (bookPeople): the active members who may
 * see it (its team's members, or everyone in the organisation for a circle of the whole organisation)
 * without a booking yet, and the teams they can book in one go. Empty for an open circle. The caller
 * has checked that `actorId` runs the circle (getRegister); the query checks again.
 */
export async function listBookablePeople({ circleId, actorId }: { circleId: string; actorId: string }) {
	const circle = await prisma.circle.findUnique({
		where: { id: circleId },
		select: {
			organisationId: true,
			teamId: true,
			facilitatorId: true,
			createdById: true,
			bookings: { where: { status: { in: ['BOOKED', 'WAITING'] } }, select: { userId: true } },
		},
	})
	if (!circle || !(await canRunCircle(prisma, circle, actorId))) throw circleNotFound()
	if (!circle.organisationId) return { people: [], teams: [] }
	const taken = circle.bookings.map((b) => b.userId)
	const [members, teams] = await Promise.all([
		prisma.membership.findMany({
			where: {
				organisationId: circle.organisationId,
				deactivatedAt: null,
				user: { disabledAt: null },
				userId: { notIn: taken },
				...(circle.teamId ? { teams: { some: { teamId: circle.teamId } } } : {}),
			},
			select: { user: { select: { id: true, name: true, email: true } } },
			orderBy: { user: { name: 'asc' } },
			take: 500,
		}),
		prisma.team.findMany({
			where: { organisationId: circle.organisationId, ...(circle.teamId ? { id: circle.teamId } : {}) },
			select: { id: true, name: true, _count: { select: { members: true } } },
			orderBy: { name: 'asc' },
		}),
	])
	return {
		people: members.map((m) => m.user),
		teams: teams.map((t) => ({ id: t.id, name: t.name, size: t._count.members })),
	}
}
