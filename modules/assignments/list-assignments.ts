import { prisma } from '#modules/db/client.ts'
import type { TeamScope } from '#modules/teams/scope.ts'
import { ruleInScope } from './withdraw-assignment.ts'

/**
 * The organisation's assignment rules, newest first (withdrawn ones after the live ones), each with
 * its course, whom it is for, its due date or new-starter period, and how many people it has
 * assigned and how many of them have completed. A team manager sees the rules about their teams.
 */
export async function listAssignments({ organisationId, scope }: { organisationId: string; scope: TeamScope }) {
	const rules = await prisma.assignment.findMany({
		where: { organisationId },
		select: {
			id: true,
			target: true,
			teamId: true,
			userId: true,
			dueOn: true,
			newStarterDays: true,
			createdAt: true,
			archivedAt: true,
			course: { select: { id: true, slug: true, publishedVersion: { select: { title: true } } } },
			team: { select: { name: true } },
			user: { select: { name: true, email: true } },
			createdBy: { select: { name: true } },
		},
		orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
	})
	const visible = []
	for (const rule of rules) {
		if (await ruleInScope(prisma, { organisationId, rule, scope })) visible.push(rule)
	}
	const counts = await prisma.learnerAssignment.groupBy({
		by: ['assignmentId'],
		where: { organisationId, assignmentId: { in: visible.map((r) => r.id) }, cancelledAt: null },
		_count: { _all: true, completedAt: true },
	})
	const byRule = new Map(counts.map((c) => [c.assignmentId, c._count]))
	return visible
		.map((rule) => ({
			id: rule.id,
			courseTitle: rule.course.publishedVersion?.title ?? rule.course.slug,
			target: rule.target,
			targetLabel:
				rule.target === 'EVERYONE'
					? 'Everyone'
					: rule.target === 'TEAM'
						? (rule.team?.name ?? 'A team')
						: (rule.user?.name ?? 'A person'),
			dueOn: rule.dueOn?.toISOString().slice(0, 10) ?? null,
			newStarterDays: rule.newStarterDays,
			createdAt: rule.createdAt,
			createdBy: rule.createdBy?.name ?? null,
			withdrawnAt: rule.archivedAt,
			assigned: byRule.get(rule.id)?._all ?? 0,
			completed: byRule.get(rule.id)?.completedAt ?? 0,
		}))
		.sort((a, b) => Number(Boolean(a.withdrawnAt)) - Number(Boolean(b.withdrawnAt)))
}

/**
 * What the "Assign a course" form offers: published courses (with the seats left in the
 * organisation's licence for paid ones) and programmes, the teams in scope, and the people in scope.
 */
export async function getAssignmentChoices({ organisationId, scope }: { organisationId: string; scope: TeamScope }) {
	const [courses, programmes, teams, people] = await Promise.all([
		prisma.course.findMany({
			where: { archivedAt: null, publishedVersionId: { not: null } },
			select: {
				id: true,
				slug: true,
				pricePence: true,
				publishedVersion: { select: { title: true } },
				seatPools: { where: { organisationId }, select: { seats: true, used: true } },
			},
		}),
		prisma.programme.findMany({
			where: { publishedAt: { not: null } },
			select: { id: true, title: true, _count: { select: { courses: true } } },
			orderBy: { title: 'asc' },
		}),
		prisma.team.findMany({
			where: { organisationId, ...(scope.kind === 'teams' ? { id: { in: scope.teamIds } } : {}) },
			select: { id: true, name: true },
			orderBy: { name: 'asc' },
		}),
		prisma.membership.findMany({
			where: {
				organisationId,
				deactivatedAt: null,
				...(scope.kind === 'teams' ? { teams: { some: { teamId: { in: scope.teamIds } } } } : {}),
			},
			select: { user: { select: { id: true, name: true, email: true } } },
			orderBy: { user: { name: 'asc' } },
		}),
	])
	return {
		courses: courses
			.map((c) => {
				const pool = c.seatPools[0]
				return {
					id: c.id,
					slug: c.slug,
					title: c.publishedVersion?.title ?? c.slug,
					free: c.pricePence === 0,
					seatsLeft: pool ? pool.seats - pool.used : 0,
				}
			})
			.sort((a, b) => a.title.localeCompare(b.title)),
		/** Published programmes: assigning one assigns each of its courses. */
		programmes: programmes.map((p) => ({ id: p.id, title: p.title, courseCount: p._count.courses })),
		teams,
		people: people.map((m) => m.user),
	}
}
