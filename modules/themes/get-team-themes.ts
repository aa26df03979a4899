import { prisma } from '#modules/db/client.ts'
import { assertComplianceActor } from '#modules/teams/scope.ts'
import { ThemesError } from './errors.ts'
import {
	MIN_GROUP,
	selectCodeThemes,
	selectGroupSize,
	selectHardestPrompts,
	selectRatingCounts,
	selectSharedReflections,
	type ThemesGroup,
} from './sql.ts'

/** Team themes look back this far from `now`. */
export const THEMES_WINDOW_DAYS = 365

export type RatingQuestionTheme = {
	questionId: string
	prompt: string
	courseTitle: string
	scaleMinLabel: string | null
	scaleMaxLabel: string | null
	people: number
	/** One entry per value on the question's scale, lowest first, with how many people gave it. */
	counts: Array<{ value: number; people: number }>
}

export type TeamThemes =
	| { enough: false; minimum: number; since: Date }
	| {
			enough: true
			minimum: number
			since: Date
			people: number
			codeThemes: { writers: number; themes: Array<{ theme: string; accounts: number; people: number }> }
			hardestPrompts: Awaited<ReturnType<typeof selectHardestPrompts>>
			ratings: RatingQuestionTheme[]
			shared: Awaited<ReturnType<typeof selectSharedReflections>>
	  }

/**
 * The themes of a group's reflections for an organisation's administrators (the whole organisation or
 * any team) and team managers (their own teams only): the Code themes most chosen, the prompts people
 * found hardest to put into practice, counts from rating questions, and reflections their writers
 * shared with the organisation. Only people who said yes to team themes in this organisation count,
 * and nothing is returned for a group of fewer than MIN_GROUP of them (`enough: false`, without the
 * number). The actor is checked here, in the same snapshot the figures are read from.
 */
export async function getTeamThemes({
	organisationId,
	actorId,
	teamId,
	now,
}: {
	organisationId: string
	actorId: string
	teamId: string | null
	now: Date
}): Promise<TeamThemes> {
	const since = new Date(now.getTime() - THEMES_WINDOW_DAYS * 24 * 60 * 60 * 1000)
	return prisma.$transaction(
		async (tx) => {
			const actor = await assertComplianceActor(tx, { organisationId, actorId })
			if (teamId === null && actor.scope.kind === 'teams') throw teamNotFound()
			if (teamId !== null) {
				const team = await tx.team.findFirst({ where: { id: teamId, organisationId }, select: { id: true } })
				if (!team || (actor.scope.kind === 'teams' && !actor.scope.teamIds.includes(team.id))) throw teamNotFound()
			}
			const group: ThemesGroup = { organisationId, teamId, since }
			const people = await selectGroupSize(tx, group)
			if (people === null) return { enough: false, minimum: MIN_GROUP, since }
			const [codeThemes, hardestPrompts, ratingRows, shared] = [
				await selectCodeThemes(tx, group),
				await selectHardestPrompts(tx, group),
				await selectRatingCounts(tx, group),
				await selectSharedReflections(tx, group),
			]
			const questionIds = [...new Set(ratingRows.map((row) => row.questionId))]
			const questions = await tx.question.findMany({
				where: { id: { in: questionIds } },
				select: {
					id: true,
					prompt: true,
					scaleMin: true,
					scaleMax: true,
					scaleMinLabel: true,
					scaleMaxLabel: true,
					lesson: { select: { version: { select: { title: true } } } },
				},
			})
			const ratings = questions
				.map((question): RatingQuestionTheme => {
					const rows = ratingRows.filter((row) => row.questionId === question.id)
					const min = question.scaleMin ?? Math.min(...rows.map((row) => row.value))
					const max = question.scaleMax ?? Math.max(...rows.map((row) => row.value))
					const counts = []
					for (let value = min; value <= max; value++) {
						counts.push({ value, people: rows.find((row) => row.value === value)?.people ?? 0 })
					}
					return {
						questionId: question.id,
						prompt: question.prompt,
						courseTitle: question.lesson.version.title,
						scaleMinLabel: question.scaleMinLabel,
						scaleMaxLabel: question.scaleMaxLabel,
						people: rows.reduce((sum, row) => sum + row.people, 0),
						counts,
					}
				})
				.sort((a, b) => b.people - a.people || a.prompt.localeCompare(b.prompt))
			return {
				enough: true,
				minimum: MIN_GROUP,
				since,
				people,
				codeThemes: {
					writers: codeThemes[0]?.writers ?? 0,
					themes: codeThemes.map(({ theme, accounts, people }) => ({ theme, accounts, people })),
				},
				hardestPrompts,
				ratings,
				shared,
			}
		},
		// One snapshot: the group counted is the group every figure is read from.
		{ isolationLevel: 'RepeatableRead' },
	)
}

function teamNotFound() {
	return new ThemesError('not_found', 'THEMES_TEAM_NOT_FOUND', 'We could not find that team.')
}
