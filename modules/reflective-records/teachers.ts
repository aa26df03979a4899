import { londonToday } from '#modules/portfolio/cpd-dates.ts'
import { getCpdPortfolio } from '#modules/portfolio/get-cpd-portfolio.ts'
import { regulatorCycle } from '#modules/portfolio/regulator-cycles.ts'
import { TEACHERS_STANDARDS } from '#modules/portfolio/schemas.ts'
import { listRecords } from './records.ts'

/**
 * A teacher's year of professional development (the academic year containing `today`, from
 * regulatorCycle): for each of the Teachers' Standards (Part One 1–8 and Part Two), how many CPD
 * entries and development records are tagged to it, and the development records a mentor or line
 * manager has signed off or is still to sign off. There are no statutory hours for teachers, so nothing
 * here is a target: it shows where the year's learning has gone and where it has not.
 */
export async function getTeacherYear({ userId, today = londonToday() }: { userId: string; today?: string }) {
	const cycle = regulatorCycle({ body: 'TEACHER', today })
	const [portfolio, records] = await Promise.all([
		getCpdPortfolio({ userId, today }),
		listRecords({ userId, kinds: ['TEACHER_SIGN_OFF'], from: cycle.start, to: cycle.end }),
	])
	const entries = portfolio.entries.filter((e) => e.counts && e.date >= cycle.start && e.date <= cycle.end)
	const tagged = (tags: unknown, tag: string) =>
		Array.isArray(tags) && tags.some((t) => typeof t === 'string' && t.toLowerCase() === tag.toLowerCase())
	const standards = TEACHERS_STANDARDS.map((standard) => ({
		code: standard.code,
		name: standard.name,
		entries: entries.filter((e) => tagged(e.standards, standard.tag)).length,
		records: records.filter((r) => tagged(r.fields.standards, standard.tag)).length,
	}))
	return {
		cycle,
		standards,
		entries: entries.length,
		minutes: entries.reduce((sum, e) => sum + e.minutes, 0),
		signedOff: records.filter((r) => r.partnerStatus === 'confirmed').length,
		awaitingSignOff: records.filter((r) => r.partnerStatus === 'invited').length,
		records: records.length,
	}
}
