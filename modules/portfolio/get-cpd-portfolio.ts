import { prisma, type RegistrationBody } from '#modules/db/client.ts'
import { isoDay, londonToday } from './cpd-dates.ts'
import { type RegulatorCycle, regulatorCycle } from './regulator-cycles.ts'

export type CourseReflection = { prompt: string; text: string; updatedAt: Date }

export type PortfolioEntry = {
	id: string
	source: 'CERTIFICATE' | 'MANUAL' | 'CIRCLE'
	method: string
	title: string
	/** ISO calendar date. */
	date: string
	minutes: number
	participatoryMinutes: number
	description: string | null
	reflection: string | null
	impactOnPractice: string | null
	evidence: string | null
	standards: string[]
	/**
	 * Counts toward the Restorative Justice Council's "half RJC-approved": the learner said so on a
	 * hand-made entry, or the certificate's course is one its trainer marked RJC-approved (ADR 0031).
	 */
	rjcApproved: boolean
	certificate: {
		code: string
		courseTitle: string
		versionNumber: number
		outcomes: string[]
		revokedAt: Date | null
	} | null
	/** What the learner wrote in the course's reflective prompts (certificate entries only). */
	courseReflections: CourseReflection[]
	/** False for the entry of a revoked certificate: it is shown, but not counted. */
	counts: boolean
}

export type HourTotals = { minutes: number; participatoryMinutes: number; records: number }

export type CpdPortfolio = {
	learner: {
		name: string
		profession: string | null
		registrationBody: RegistrationBody | null
		registrationNumber: string | null
		/** Their own NMC revalidation date (ISO), when they have set it. */
		revalidationDate: string | null
	}
	entries: PortfolioEntry[]
	/** Calendar years, newest first. */
	years: Array<{ year: number } & HourTotals>
	cycle: RegulatorCycle & { progress: HourTotals }
	total: HourTotals
}

/**
 * A learner's CPD portfolio: every entry (newest first) with, for certificate entries, the course's
 * learning outcomes and the reflections the learner wrote in that course in the cycle the
 * certificate was earned in (a renewal keeps each cycle's own); totals per calendar
 * year; and progress through the current cycle of their registration body (see regulatorCycle).
 * Entries of revoked certificates are listed but not counted. Only the learner's own rows are read.
 */
export async function getCpdPortfolio({
	userId,
	today = londonToday(),
}: {
	userId: string
	today?: string
}): Promise<CpdPortfolio> {
	const [{ revalidationDate, ...person }, rows] = await Promise.all([
		prisma.user.findUniqueOrThrow({
			where: { id: userId },
			select: {
				name: true,
				profession: true,
				registrationBody: true,
				registrationNumber: true,
				revalidationDate: true,
			},
		}),
		prisma.cpdEntry.findMany({
			where: { userId },
			orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
			select: {
				id: true,
				source: true,
				method: true,
				title: true,
				date: true,
				minutes: true,
				participatoryMinutes: true,
				description: true,
				reflection: true,
				impactOnPractice: true,
				evidence: true,
				standards: true,
				rjcApproved: true,
				certificate: {
					select: {
						code: true,
						course: { select: { rjcApproved: true } },
						courseId: true,
						cycle: true,
						courseTitle: true,
						versionNumber: true,
						outcomes: true,
						revokedAt: true,
					},
				},
			},
		}),
	])

	const courseIds = [...new Set(rows.flatMap((row) => (row.certificate ? [row.certificate.courseId] : [])))]
	const reflections = courseIds.length
		? await prisma.reflection.findMany({
				where: { userId, courseId: { in: courseIds } },
				orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
				select: { courseId: true, cycle: true, prompt: true, text: true, updatedAt: true },
			})
		: []
	// A certificate shows the reflections of the cycle it was earned in: a renewal's entry shows the
	// retake's, and the earlier entry keeps the first time's.
	const cycleKey = (courseId: string, cycle: number) => `${courseId}:${cycle}`
	const byCourseCycle = new Map<string, CourseReflection[]>()
	for (const r of reflections) {
		if (!r.text.trim()) continue
		const key = cycleKey(r.courseId, r.cycle)
		const list = byCourseCycle.get(key) ?? []
		list.push({ prompt: r.prompt, text: r.text, updatedAt: r.updatedAt })
		byCourseCycle.set(key, list)
	}

	const entries: PortfolioEntry[] = rows.map(({ certificate, date, rjcApproved, ...row }) => ({
		...row,
		date: isoDay(date),
		rjcApproved: rjcApproved || Boolean(certificate?.course.rjcApproved),
		certificate: certificate
			? {
					code: certificate.code,
					courseTitle: certificate.courseTitle,
					versionNumber: certificate.versionNumber,
					outcomes: certificate.outcomes,
					revokedAt: certificate.revokedAt,
				}
			: null,
		courseReflections: certificate ? (byCourseCycle.get(cycleKey(certificate.courseId, certificate.cycle)) ?? []) : [],
		counts: !certificate?.revokedAt,
	}))

	const learner = { ...person, revalidationDate: revalidationDate ? isoDay(revalidationDate) : null }
	const cycle = regulatorCycle({ body: learner.registrationBody, today, revalidationDate: learner.revalidationDate })
	const yearTotals = new Map<number, HourTotals>()
	for (const entry of entries) {
		if (!entry.counts) continue
		const year = Number(entry.date.slice(0, 4))
		yearTotals.set(year, add(yearTotals.get(year) ?? empty(), entry))
	}

	return {
		learner,
		entries,
		years: [...yearTotals.entries()].sort(([a], [b]) => b - a).map(([year, totals]) => ({ year, ...totals })),
		cycle: {
			...cycle,
			progress: sumHours(entries.filter((e) => e.date >= cycle.start && e.date <= cycle.end)),
		},
		total: sumHours(entries),
	}
}

function empty(): HourTotals {
	return { minutes: 0, participatoryMinutes: 0, records: 0 }
}

function add(totals: HourTotals, entry: Pick<PortfolioEntry, 'minutes' | 'participatoryMinutes'>): HourTotals {
	return {
		minutes: totals.minutes + entry.minutes,
		participatoryMinutes: totals.participatoryMinutes + entry.participatoryMinutes,
		records: totals.records + 1,
	}
}

/** Totals of the entries that count (revoked certificates' entries do not). */
export function sumHours(entries: PortfolioEntry[]): HourTotals {
	return entries.filter((e) => e.counts).reduce(add, empty())
}
