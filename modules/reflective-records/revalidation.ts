import { prisma } from '#modules/db/client.ts'
import { dateColumn, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { getCpdPortfolio, sumHours } from '#modules/portfolio/get-cpd-portfolio.ts'
import { regulatorCycle } from '#modules/portfolio/regulator-cycles.ts'
import { listRecords } from './records.ts'

/** One line of a dashboard: what is asked, what is done, and whether it is met. */
export type Requirement = {
	key: string
	label: string
	target: number
	done: number
	met: boolean
	unit: 'hours' | 'pieces'
}

export function requirement(
	key: string,
	label: string,
	target: number,
	done: number,
	unit: Requirement['unit'],
): Requirement {
	return { key, label, target, done, met: done >= target, unit }
}

/**
 * The learner's NMC revalidation so far, for the 3 years up to their own revalidation date (or up to
 * today, when they have not set one; see regulatorCycle, the one place for cycles): CPD hours and
 * participatory hours from the portfolio (the same entries and the same "revoked certificates do not
 * count" rule as /cpd), and the records on the NMC's forms dated in the period. A reflective discussion
 * counts only once the partner has confirmed it.
 */
export async function getNmcRevalidation({ userId, today = londonToday() }: { userId: string; today?: string }) {
	const portfolio = await getCpdPortfolio({ userId, today })
	const cycle = regulatorCycle({ body: 'NMC', today, revalidationDate: portfolio.learner.revalidationDate })
	const hours = sumHours(portfolio.entries.filter((e) => e.date >= cycle.start && e.date <= cycle.end))
	const records = await listRecords({
		userId,
		kinds: ['NMC_REFLECTIVE_ACCOUNT', 'NMC_FEEDBACK', 'NMC_DISCUSSION'],
		from: cycle.start,
		to: cycle.end,
	})
	const count = (kind: string, confirmedOnly = false) =>
		records.filter((r) => r.kind === kind && (!confirmedOnly || r.partnerStatus === 'confirmed')).length
	const targets = cycle.targets
	const requirements = [
		requirement('hours', 'Hours of CPD', (targets.minutes ?? 0) / 60, hours.minutes / 60, 'hours'),
		requirement(
			'participatory',
			'Of which participatory (with other people)',
			(targets.participatoryMinutes ?? 0) / 60,
			hours.participatoryMinutes / 60,
			'hours',
		),
		requirement(
			'feedback',
			'Pieces of practice-related feedback',
			targets.feedback ?? 0,
			count('NMC_FEEDBACK'),
			'pieces',
		),
		requirement(
			'accounts',
			'Written reflective accounts',
			targets.reflectiveAccounts ?? 0,
			count('NMC_REFLECTIVE_ACCOUNT'),
			'pieces',
		),
		requirement(
			'discussion',
			'Reflective discussion, confirmed by your partner',
			targets.discussions ?? 0,
			count('NMC_DISCUSSION', true),
			'pieces',
		),
	]
	const daysLeft = portfolio.learner.revalidationDate
		? Math.round((dateColumn(portfolio.learner.revalidationDate).getTime() - dateColumn(today).getTime()) / 86_400_000)
		: null
	return {
		learner: portfolio.learner,
		cycle,
		requirements,
		complete: requirements.every((r) => r.met),
		daysLeft,
		awaitingConfirmation: records.filter((r) => r.kind === 'NMC_DISCUSSION' && r.partnerStatus === 'invited').length,
		records,
	}
}

/**
 * The Social Work England check for the registration year containing `today` (1 December to
 * 30 November, from regulatorCycle): at least two CPD records, at least one with a peer reflection that
 * the peer has confirmed, before 30 November.
 */
export async function getSweYearCheck({ userId, today = londonToday() }: { userId: string; today?: string }) {
	const cycle = regulatorCycle({ body: 'SWE', today })
	const records = await listRecords({ userId, kinds: ['SWE_CPD'], from: cycle.start, to: cycle.end })
	const withPeer = records.filter((r) => typeof r.fields.peerReflection === 'string' && r.partnerStatus === 'confirmed')
	const requirements = [
		requirement('records', 'CPD records this registration year', cycle.targets.records ?? 0, records.length, 'pieces'),
		requirement(
			'peer',
			'Of which with a peer reflection, confirmed by your peer',
			cycle.targets.peerReflections ?? 0,
			withPeer.length,
			'pieces',
		),
	]
	const daysLeft = Math.round((dateColumn(cycle.end).getTime() - dateColumn(today).getTime()) / 86_400_000)
	return { cycle, requirements, complete: requirements.every((r) => r.met), daysLeft, records }
}

/**
 * Sets (or clears, with null) the learner's own NMC revalidation date. The date is theirs to give:
 * any real day from 1990 to 2100.
 */
export async function setRevalidationDate({ userId, date }: { userId: string; date: string | null }) {
	await prisma.user.update({ where: { id: userId }, data: { revalidationDate: date ? dateColumn(date) : null } })
	return { revalidationDate: date }
}
