import { londonToday } from '#modules/portfolio/cpd-dates.ts'
import { getCpdPortfolio, type PortfolioEntry } from '#modules/portfolio/get-cpd-portfolio.ts'
import { type RegulatorCycle, regulatorCycle } from '#modules/portfolio/regulator-cycles.ts'
import { listRecords, type ReflectiveRecordView } from './records.ts'
import { RECORD_KIND_INFO } from './schemas.ts'
import { activityTypes, findGaps, type HcpcActivity, type HcpcActivityType, type HcpcGap } from './hcpc-gaps.ts'

export { type HcpcActivity, type HcpcActivityType, type HcpcGap } from './hcpc-gaps.ts'

// Where each method of a CPD entry sits among the HCPC's kinds of activity (its own examples:
// courses and conferences are formal learning, supervision and peer discussion are learning at work,
// reading is self-directed).
const METHOD_TYPES: Record<string, HcpcActivityType> = {
	Course: 'Formal or educational',
	Conference: 'Formal or educational',
	Workshop: 'Formal or educational',
	Supervision: 'Work-based learning',
	'Peer discussion': 'Work-based learning',
	Reading: 'Self-directed learning',
}

function entryActivity(entry: PortfolioEntry): HcpcActivity {
	const type: HcpcActivityType =
		entry.source === 'CERTIFICATE'
			? 'Formal or educational'
			: entry.source === 'CIRCLE'
				? 'Work-based learning'
				: (METHOD_TYPES[entry.method] ?? 'Other')
	return {
		date: entry.date,
		title: entry.title,
		type,
		source:
			entry.source === 'CERTIFICATE'
				? 'Course certificate'
				: entry.source === 'CIRCLE'
					? 'Reflective circle'
					: `CPD entry: ${entry.method}`,
		minutes: entry.minutes,
		evidence: entry.evidence ?? (entry.certificate ? `Certificate ${entry.certificate.code}` : null),
		href: `/cpd/${entry.id}/edit`,
	}
}

function recordActivity(record: ReflectiveRecordView): HcpcActivity {
	const cpdType = typeof record.fields.cpdType === 'string' ? record.fields.cpdType : ''
	const type: HcpcActivityType =
		cpdType === 'Course or training' || cpdType === 'Conference or event'
			? 'Formal or educational'
			: cpdType === 'Reading or research'
				? 'Self-directed learning'
				: 'Work-based learning'
	return {
		date: record.date,
		title: record.title,
		type,
		source: RECORD_KIND_INFO[record.kind].label,
		minutes: null,
		evidence: null,
		href: `/records/${record.id}`,
	}
}

export type HcpcEvidence = {
	cycle: RegulatorCycle
	/** Oldest first, as the HCPC's dated list reads. */
	activities: HcpcActivity[]
	gaps: HcpcGap[]
	types: HcpcActivityType[]
	/** The HCPC asks for a mixture: at least two kinds of activity. */
	enoughTypes: boolean
}

/**
 * What an HCPC profile rests on, for the audit period (regulatorCycle's HCPC cycle: the two years up
 * to `today`): a dated list of all the learner's activities in Circle (CPD entries, course
 * certificates and reflective circles from the portfolio, with the portfolio's rule that a revoked
 * certificate does not count; and reflective records other than HCPC profiles), every gap of three
 * months or more, and the check for at least two kinds of activity. Only the learner's own rows are read.
 */
export async function getHcpcEvidence({
	userId,
	today = londonToday(),
}: {
	userId: string
	today?: string
}): Promise<HcpcEvidence> {
	const cycle = regulatorCycle({ body: 'HCPC', today })
	const [portfolio, records] = await Promise.all([
		getCpdPortfolio({ userId, today }),
		listRecords({ userId, from: cycle.start, to: cycle.end }),
	])
	const activities = [
		...portfolio.entries.filter((e) => e.counts && e.date >= cycle.start && e.date <= cycle.end).map(entryActivity),
		...records.filter((r) => r.kind !== 'HCPC_PROFILE').map(recordActivity),
	].sort((a, b) => (a.date === b.date ? a.title.localeCompare(b.title, 'en-GB') : a.date < b.date ? -1 : 1))
	const types = activityTypes(activities)
	return {
		cycle,
		activities,
		gaps: findGaps({ activities, start: cycle.start, end: cycle.end }),
		types,
		enoughTypes: types.length >= 2,
	}
}
