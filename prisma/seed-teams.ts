// Demo content for teams and assignments (issue 14): Riverside Academy Trust's staff in nested
// teams, a team manager who can sign in, and courses assigned with due dates, some overdue, some
// due soon. Made through the same domain functions an admin's clicks call, with `now` moved back
// where a rule must have been made in the past. Idempotent: does nothing once the trust has teams.
import { addDays, ukToday } from '#modules/compliance/status.ts'
import { prisma } from '#modules/db/client.ts'
import { createAssignment } from '#modules/assignments/create-assignment.ts'
import { createScimGroup } from '#modules/scim/groups.ts'
import { createTeam } from '#modules/teams/manage-teams.ts'
import { addTeamMember } from '#modules/teams/team-members.ts'

/** The demo team manager: a member of the trust who manages its primary schools. */
export const DEMO_TEAM_MANAGER = { email: 'manager@circle.example', name: 'Rhiannon Price' }

const DAY = 24 * 60 * 60 * 1000

export async function seedDemoTeams({
	organisationId,
	ownerId,
	passwordHash,
	now = new Date(),
}: {
	organisationId: string
	ownerId: string
	/** The demo password's hash, so the team manager can sign in like the other demo accounts. */
	passwordHash: string
	now?: Date
}) {
	if ((await prisma.team.count({ where: { organisationId } })) > 0) return
	const manager = await prisma.user.upsert({
		where: { email: DEMO_TEAM_MANAGER.email },
		update: {},
		create: { ...DEMO_TEAM_MANAGER, passwordHash, emailVerifiedAt: now },
		select: { id: true },
	})
	// Staff who hold a seat on the trust's licence are its members too.
	const holders = await prisma.seatAssignment.findMany({
		where: { pool: { organisationId }, userId: { not: null } },
		select: { userId: true },
		distinct: ['userId'],
	})
	for (const userId of [manager.id, ...holders.flatMap((h) => (h.userId ? [h.userId] : []))]) {
		await prisma.membership.upsert({
			where: { organisationId_userId: { organisationId, userId } },
			update: {},
			create: { organisationId, userId, role: 'MEMBER' },
		})
	}

	const actor = { organisationId, actorId: ownerId }
	const primary = await createTeam({ ...actor, name: 'Primary schools', parentId: null })
	const oakfield = await createTeam({ ...actor, name: 'Oakfield Primary', parentId: primary.id })
	const earlyYears = await createTeam({ ...actor, name: 'Early years', parentId: oakfield.id })
	const brookside = await createTeam({ ...actor, name: 'Brookside Primary', parentId: primary.id })
	const secondary = await createTeam({ ...actor, name: 'Secondary schools', parentId: null })
	const riversideHigh = await createTeam({ ...actor, name: 'Riverside High', parentId: secondary.id })
	await createTeam({ ...actor, name: 'Central team', parentId: null })

	const members = await prisma.membership.findMany({
		where: { organisationId, role: 'MEMBER', deactivatedAt: null, userId: { not: manager.id } },
		select: { id: true },
		orderBy: { user: { name: 'asc' } },
	})
	const managerMembership = await prisma.membership.findUniqueOrThrow({
		where: { organisationId_userId: { organisationId, userId: manager.id } },
		select: { id: true },
	})
	const teamsInTurn = [oakfield.id, brookside.id, earlyYears.id, riversideHigh.id]
	// Joined two months ago: the rules below were made after them.
	const joined = new Date(now.getTime() - 60 * DAY)
	for (const [i, member] of members.entries()) {
		await addTeamMember({
			...actor,
			teamId: teamsInTurn[i % teamsInTurn.length]!,
			membershipId: member.id,
			now: joined,
		})
	}
	await addTeamMember({
		...actor,
		teamId: primary.id,
		membershipId: managerMembership.id,
		asManager: true,
		now: joined,
	})

	// A team the trust's directory keeps (SCIM Groups, ADR 0026), made as Entra ID makes one while the
	// demo provisioning token was live: its people change only in the identity provider.
	const token = await prisma.scimToken.findFirst({ where: { organisationId }, select: { id: true, prefix: true } })
	if (token) {
		await createScimGroup({
			client: { tokenId: token.id, organisationId, tokenPrefix: token.prefix },
			origin: { ipAddress: '203.0.113.40', userAgent: 'Azure-AD-SCIM-Service/1.0' },
			now,
			baseUrl: '',
			body: {
				schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
				externalId: crypto.randomUUID(),
				displayName: 'Teaching assistants',
				members: members.slice(0, 4).map((m) => ({ value: m.id })),
			},
		})
	}

	const course = async (slug: string) =>
		(await prisma.course.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null
	const foundations = await course('restorative-practice-foundations')
	const schools = await course('relational-practice-in-schools')
	const today = ukToday(now)
	if (foundations) {
		// Made six weeks ago, due three weeks ago: whoever has not finished is overdue. New starters get 30 days.
		await createAssignment({
			...actor,
			courseId: foundations,
			target: 'TEAM',
			teamId: primary.id,
			dueOn: addDays(today, -21),
			newStarterDays: 30,
			now: new Date(now.getTime() - 42 * DAY),
		})
		// Due in two months for the secondary schools: not started yet.
		await createAssignment({
			...actor,
			courseId: foundations,
			target: 'TEAM',
			teamId: secondary.id,
			dueOn: addDays(today, 60),
			now,
		})
	}
	if (schools) {
		// Due in 12 days at Oakfield (and its early years team): due soon, some already done.
		await createAssignment({
			...actor,
			courseId: schools,
			target: 'TEAM',
			teamId: oakfield.id,
			dueOn: addDays(today, 12),
			now,
		})
	}
}
