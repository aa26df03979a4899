import { prisma, type RjcLevel } from '#modules/db/client.ts'
import { addToIsoDate, dateColumn, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { getCpdPortfolio } from '#modules/portfolio/get-cpd-portfolio.ts'
import { RJC_LEVEL_LABEL, RJC_SUPERVISION_DAYS, rjcYear } from '#modules/portfolio/regulator-cycles.ts'
import { listRecords } from './records.ts'
import { type Requirement, requirement } from './revalidation.ts'

/** How many days before supervision is due the dashboard starts to say so. */
export const SUPERVISION_DUE_SOON_DAYS = 14

/** Where the learner's case supervision stands: none logged yet, fine, due within two weeks, or overdue. */
export type SupervisionState = 'none' | 'ok' | 'due-soon' | 'overdue'

function daysBetween(from: string, to: string) {
	return Math.round((dateColumn(to).getTime() - dateColumn(from).getTime()) / 86_400_000)
}

/**
 * The supervision warning, from the date of the last supervision (ISO) and today: overdue once 12 weeks
 * (84 days) have passed since it, so on day 83 it is still in time and on day 84 it is not. `dueBy` is the
 * last day the next one is in time: the 83rd day after the last.
 */
export function supervisionStatus({ lastDate, today }: { lastDate: string | null; today: string }) {
	if (!lastDate) return { state: 'none' as SupervisionState, lastDate: null, daysSince: null, dueBy: null }
	const daysSince = daysBetween(lastDate, today)
	const state: SupervisionState =
		daysSince >= RJC_SUPERVISION_DAYS
			? 'overdue'
			: daysSince >= RJC_SUPERVISION_DAYS - SUPERVISION_DUE_SOON_DAYS
				? 'due-soon'
				: 'ok'
	return { state, lastDate, daysSince, dueBy: addToIsoDate(lastDate, { days: RJC_SUPERVISION_DAYS - 1 }) }
}

/**
 * The share of the year's CPD minutes that is RJC-approved, and whether it is at least half (compared in
 * whole minutes, so exactly half counts). No CPD at all is a share of 0, not met.
 */
export function approvedShare({ minutes, approvedMinutes }: { minutes: number; approvedMinutes: number }) {
	return {
		share: minutes > 0 ? approvedMinutes / minutes : 0,
		met: minutes > 0 && approvedMinutes * 2 >= minutes,
	}
}

/**
 * The learner's Restorative Justice Council check for the 12 months up to `today`, or null when they
 * have not given an RJC level: CPD hours against their level's target and the share that is
 * RJC-approved (from the portfolio, with its "revoked certificates do not count" rule), the supervision
 * log's warning (from the latest supervision dated on or before today), and observed practice in the year.
 */
export async function getRjcCheck({ userId, today = londonToday() }: { userId: string; today?: string }) {
	const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { rjcLevel: true } })
	if (!user.rjcLevel) return null
	const level = user.rjcLevel
	const year = rjcYear({ today, level })
	const [portfolio, supervisions, observed] = await Promise.all([
		getCpdPortfolio({ userId, today }),
		listRecords({ userId, kinds: ['RJC_SUPERVISION'], to: today }),
		listRecords({ userId, kinds: ['RJC_OBSERVED_PRACTICE'], from: year.start, to: year.end }),
	])
	const inYear = portfolio.entries.filter((e) => e.counts && e.date >= year.start && e.date <= year.end)
	const minutes = inYear.reduce((sum, e) => sum + e.minutes, 0)
	const approvedMinutes = inYear.filter((e) => e.rjcApproved).reduce((sum, e) => sum + e.minutes, 0)
	const share = approvedShare({ minutes, approvedMinutes })
	const supervision = supervisionStatus({ lastDate: supervisions[0]?.date ?? null, today })
	const requirements: Requirement[] = [
		requirement(
			'rjc-hours',
			`Hours of CPD (${RJC_LEVEL_LABEL[level]} level)`,
			year.targets.minutes / 60,
			minutes / 60,
			'hours',
		),
		{
			// Half of the hours recorded so far (half of the level's hours before any are recorded).
			...requirement(
				'rjc-approved',
				'Of which RJC-approved (at least half)',
				(minutes || year.targets.minutes) / 120,
				approvedMinutes / 60,
				'hours',
			),
			met: share.met,
		},
		requirement('rjc-observed', 'Observed practice', year.targets.observedPractice, observed.length, 'pieces'),
	]
	return {
		level,
		levelLabel: RJC_LEVEL_LABEL[level],
		year,
		minutes,
		approvedMinutes,
		share: share.share,
		shareMet: share.met,
		requirements,
		supervision,
		supervisionsInYear: supervisions.filter((r) => r.date >= year.start).length,
		observedInYear: observed.length,
	}
}

/** Sets (or clears, with null) the learner's own RJC practitioner level. */
export async function setRjcLevel({ userId, level }: { userId: string; level: RjcLevel | null }) {
	await prisma.user.update({ where: { id: userId }, data: { rjcLevel: level } })
	return { rjcLevel: level }
}
