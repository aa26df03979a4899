import type { RegistrationBody, RjcLevel } from '#modules/db/client.ts'
import { addToIsoDate, formatIsoDate } from './cpd-dates.ts'

/**
 * The period a regulator looks at, and what it asks for in it. Targets are what Circle can count
 * from the portfolio; each `guidance` line says the rest in plain words. Regulators change their
 * rules: this is the one place to update.
 */
export type RegulatorCycle = {
	body: RegistrationBody | null
	/** "NMC revalidation", "HCPC CPD", … */
	name: string
	/** "The last 3 years", "Registration year 2025–26", … */
	periodLabel: string
	/** The period by kind, for pages that word it in the reader's language. */
	period: CyclePeriod
	/** First and last day of the period, inclusive, as ISO dates. */
	start: string
	end: string
	targets: {
		minutes?: number
		participatoryMinutes?: number
		records?: number
		/** Records on the regulator's own forms (modules/reflective-records). */
		feedback?: number
		reflectiveAccounts?: number
		discussions?: number
		peerReflections?: number
	}
	guidance: string
}

export type CyclePeriod =
	| { kind: 'yearsTo'; date: string }
	| { kind: 'last3' }
	| { kind: 'last2' }
	| { kind: 'registrationYear'; years: string }
	| { kind: 'academicYear'; years: string }

/**
 * The cycle for a learner's registration body on `today` (a UK ISO date):
 * - NMC: revalidation every 3 years with 35 hours of CPD, 20 of them participatory, 5 pieces of
 *   practice-related feedback, 5 reflective accounts and a reflective discussion. When the learner
 *   has given their revalidation date, the 3 years up to it; otherwise the 3 years up to today.
 * - HCPC: CPD is continuous; an audit asks for a profile of the 2 years before it, so the last 2 years.
 * - Social Work England: the registration year runs from 1 December to 30 November, with at least
 *   2 CPD records each year (one of them with peer reflection).
 * - Teachers and everyone else: the academic year, 1 September to 31 August.
 */
export function regulatorCycle({
	body,
	today,
	revalidationDate,
}: {
	body: RegistrationBody | null
	today: string
	/** The learner's own NMC revalidation date (ISO), when they have set it. */
	revalidationDate?: string | null
}): RegulatorCycle {
	const year = Number(today.slice(0, 4))
	const month = Number(today.slice(5, 7))
	switch (body) {
		case 'NMC': {
			const end = revalidationDate ?? today
			return {
				body,
				name: 'NMC revalidation',
				periodLabel: revalidationDate ? `The 3 years to ${formatIsoDate(revalidationDate)}` : 'The last 3 years',
				period: revalidationDate ? { kind: 'yearsTo', date: revalidationDate } : { kind: 'last3' },
				start: addToIsoDate(end, { years: -3, days: 1 }),
				end,
				targets: {
					minutes: 35 * 60,
					participatoryMinutes: 20 * 60,
					feedback: 5,
					reflectiveAccounts: 5,
					discussions: 1,
				},
				guidance:
					'The NMC asks for 35 hours of CPD in the three years since you last renewed your registration, at least 20 of them participatory (learning with other people), five pieces of practice-related feedback, five written reflective accounts and a reflective discussion with another registrant.',
			}
		}
		case 'HCPC':
			return {
				body,
				name: 'HCPC CPD',
				periodLabel: 'The last 2 years',
				period: { kind: 'last2' },
				start: addToIsoDate(today, { years: -2, days: 1 }),
				end: today,
				targets: {},
				guidance:
					'The HCPC asks for continuous, recorded CPD from a mix of activities that improves your practice and benefits the people you work with. If you are selected for audit, your profile covers the two years before it.',
			}
		case 'SWE': {
			const startYear = month === 12 ? year : year - 1
			return {
				body,
				name: 'Social Work England CPD',
				periodLabel: `Registration year ${startYear}–${String(startYear + 1).slice(2)}`,
				period: { kind: 'registrationYear', years: `${startYear}–${String(startYear + 1).slice(2)}` },
				start: `${startYear}-12-01`,
				end: `${startYear + 1}-11-30`,
				targets: { records: 2, peerReflections: 1 },
				guidance:
					'Social Work England asks for at least two CPD records in each registration year (1 December to 30 November), at least one of them discussed with a peer, each showing your reflection and its impact on your practice.',
			}
		}
		default: {
			const startYear = month >= 9 ? year : year - 1
			return {
				body,
				name: body === 'TEACHER' ? 'Professional development' : 'CPD this year',
				periodLabel: `Academic year ${startYear}–${String(startYear + 1).slice(2)}`,
				period: { kind: 'academicYear', years: `${startYear}–${String(startYear + 1).slice(2)}` },
				start: `${startYear}-09-01`,
				end: `${startYear + 1}-08-31`,
				targets: {},
				guidance:
					body === 'TEACHER'
						? 'There is no set number of hours for teachers: record what you did, what you learned and the difference it made, ready for your appraisal.'
						: 'Record what you did, what you learned and the difference it made, ready for your appraisal or supervision.',
			}
		}
	}
}

/** The Restorative Justice Council's yearly CPD hours for each practitioner level (Code of Practice). */
export const RJC_LEVEL_HOURS = { FOUNDATION: 6, INTERMEDIATE: 12, ADVANCED: 16 } as const satisfies Record<
	RjcLevel,
	number
>

/** Each RJC level's name as the learner sees it. */
export const RJC_LEVEL_LABEL: Record<RjcLevel, string> = {
	FOUNDATION: 'Foundation',
	INTERMEDIATE: 'Intermediate',
	ADVANCED: 'Advanced',
}

/** Case supervision is due at least every 12 weeks under the RJC's Code of Practice. */
export const RJC_SUPERVISION_DAYS = 12 * 7

/**
 * The Restorative Justice Council's year on `today` (a UK ISO date): the 12 months up to and including
 * today. The RJC is not a registration body (a restorative practitioner may also be a nurse or a
 * teacher), so this sits beside regulatorCycle rather than in it. Targets: the level's hours, at
 * least half of them RJC-approved, one observed practice; supervision is counted from the last one.
 */
export function rjcYear({ today, level }: { today: string; level: RjcLevel }) {
	return {
		name: 'Restorative Justice Council',
		periodLabel: 'The last 12 months',
		start: addToIsoDate(today, { years: -1, days: 1 }),
		end: today,
		targets: { minutes: RJC_LEVEL_HOURS[level] * 60, approvedShare: 0.5, observedPractice: 1 },
		guidance:
			'The RJC’s Code of Practice asks for CPD every year (6, 12 or 16 hours at Foundation, Intermediate or Advanced level), at least half of it RJC-approved, case supervision at least every 12 weeks and one observed piece of practice a year.',
	}
}
