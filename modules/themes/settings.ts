import { type RequestOrigin, recordAudit } from '#modules/audit/record.ts'
import { prisma } from '#modules/db/client.ts'
import { ThemesError } from './errors.ts'
import { updateReflectionDifficulty } from './sql.ts'

/**
 * A person's own team-themes choices: for each organisation they are an active member of, whether
 * they said yes, and their lesson reflections (newest first, empty ones left out) with their
 * self-rating and the organisations each is shared with.
 */
export async function getThemesSettings({ userId, limit = 50 }: { userId: string; limit?: number }) {
	const [memberships, reflections] = await Promise.all([
		prisma.membership.findMany({
			where: { userId, deactivatedAt: null },
			select: { id: true, organisationId: true, themesOptInAt: true, organisation: { select: { name: true } } },
			orderBy: { organisation: { name: 'asc' } },
		}),
		prisma.reflection.findMany({
			where: { userId, NOT: { text: '' } },
			orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
			take: limit,
			select: {
				id: true,
				prompt: true,
				text: true,
				difficulty: true,
				updatedAt: true,
				lesson: { select: { title: true, version: { select: { title: true } } } },
				shares: { select: { membership: { select: { organisationId: true, userId: true } } } },
			},
		}),
	])
	return {
		organisations: memberships.map((m) => ({
			organisationId: m.organisationId,
			name: m.organisation.name,
			optedInAt: m.themesOptInAt,
		})),
		reflections: reflections.map((r) => ({
			id: r.id,
			prompt: r.prompt,
			text: r.text,
			difficulty: r.difficulty,
			updatedAt: r.updatedAt,
			courseTitle: r.lesson.version.title,
			lessonTitle: r.lesson.title,
			sharedWith: r.shares.filter((s) => s.membership.userId === userId).map((s) => s.membership.organisationId),
		})),
	}
}

/**
 * Says yes or no to one organisation's team themes, for the person themselves only (their own active
 * membership; another organisation is THEMES_MEMBERSHIP_NOT_FOUND). Saying no also withdraws every
 * reflection they shared with that organisation, so saying yes again later shares nothing by itself.
 * Audited on the person, not in the organisation's own log: who said yes is not the organisation's
 * to watch.
 */
export async function setThemesOptIn({
	userId,
	organisationId,
	optIn,
	now,
	ipAddress,
	userAgent,
}: { userId: string; organisationId: string; optIn: boolean; now: Date } & RequestOrigin) {
	await prisma.$transaction(async (tx) => {
		const membership = await tx.membership.findFirst({
			where: { userId, organisationId, deactivatedAt: null },
			select: { id: true, themesOptInAt: true },
		})
		if (!membership) {
			throw new ThemesError('not_found', 'THEMES_MEMBERSHIP_NOT_FOUND', 'You are not a member of that organisation.', {
				field: 'organisationId',
			})
		}
		if (optIn === (membership.themesOptInAt !== null)) return
		await tx.membership.update({
			where: { id: membership.id },
			data: { themesOptInAt: optIn ? now : null },
			select: { id: true },
		})
		const withdrawn = optIn
			? 0
			: (await tx.reflectionShare.deleteMany({ where: { membershipId: membership.id } })).count
		await recordAudit(tx, {
			actorId: userId,
			action: optIn ? 'themes.opted_in' : 'themes.opted_out',
			targetType: 'User',
			targetId: userId,
			details: { organisationId, ...(optIn ? {} : { sharesWithdrawn: withdrawn }) },
			ipAddress,
			userAgent,
		})
	})
}

/**
 * Saves a lesson reflection's self-rating (1 easy to 5 very hard; undefined leaves it unrated) and the
 * organisations its words are shared with: exactly those in `shareOrganisationIds` where the person is
 * an active member who said yes to team themes; any other id is THEMES_NOT_OPTED_IN. Someone else's
 * reflection is THEMES_REFLECTION_NOT_FOUND.
 */
export async function saveReflectionChoices({
	userId,
	reflectionId,
	difficulty,
	shareOrganisationIds,
}: {
	userId: string
	reflectionId: string
	difficulty: number | undefined
	shareOrganisationIds: string[]
}) {
	await prisma.$transaction(async (tx) => {
		const reflection = await tx.reflection.findFirst({ where: { id: reflectionId, userId }, select: { id: true } })
		if (!reflection) {
			throw new ThemesError('not_found', 'THEMES_REFLECTION_NOT_FOUND', 'That reflection was not found.')
		}
		const wanted = [...new Set(shareOrganisationIds)]
		const memberships = await tx.membership.findMany({
			where: { userId, deactivatedAt: null, themesOptInAt: { not: null }, organisationId: { in: wanted } },
			select: { id: true, organisationId: true },
		})
		if (memberships.length !== wanted.length) {
			throw new ThemesError(
				'invalid',
				'THEMES_NOT_OPTED_IN',
				'You can share a reflection only with an organisation whose team themes you said yes to.',
				{ field: 'share' },
			)
		}
		await updateReflectionDifficulty(tx, { reflectionId: reflection.id, userId, difficulty: difficulty ?? null })
		await tx.reflectionShare.deleteMany({
			where: { reflectionId: reflection.id, membershipId: { notIn: memberships.map((m) => m.id) } },
		})
		await tx.reflectionShare.createMany({
			data: memberships.map((m) => ({ reflectionId: reflection.id, membershipId: m.id })),
			skipDuplicates: true,
		})
	})
}
