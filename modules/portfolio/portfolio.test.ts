import { afterAll, describe, expect, test } from 'vitest'
import { revokeCertificate } from '#modules/certificates/revoke-certificate.ts'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import {
	createCertificate,
	createLearner,
	createReflection,
	parseCsv,
	pdfInfo,
	pdfText,
} from '#tests/factories/certificates.ts'
import { addToIsoDate, londonToday } from './cpd-dates.ts'
import { createCpdEntry } from './create-cpd-entry.ts'
import { deleteCpdEntry } from './delete-cpd-entry.ts'
import { exportCpdCsv } from './export-cpd-csv.ts'
import { exportCpdPdf } from './export-cpd-pdf.ts'
import { getCpdEntry } from './get-cpd-entry.ts'
import { getCpdPortfolio } from './get-cpd-portfolio.ts'
import type { CpdEntryInput } from './schemas.ts'
import { updateCpdEntry } from './update-cpd-entry.ts'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

const today = londonToday()
const daysAgo = (days: number) => addToIsoDate(today, { days: -days })

function entry(overrides: Partial<CpdEntryInput> = {}): CpdEntryInput {
	return {
		method: 'Workshop',
		title: 'Trust workshop on trauma-informed care',
		date: daysAgo(10),
		hours: 3.5,
		participatoryHours: 3,
		description: 'A half-day workshop with colleagues from across the trust.',
		reflection: 'I noticed that I rush to fix things for patients rather than asking what they need.',
		impactOnPractice: 'I now ask “what matters to you?” before planning care.',
		evidence: 'Attendance certificate in my revalidation folder',
		standards: ['Prioritise people'],
		otherStandards: 'Team working, prioritise people',
		...overrides,
	}
}

describe('createCpdEntry', () => {
	test('stores hours as minutes and tidies the standards', async () => {
		const learner = await createLearner()
		const { id } = await createCpdEntry({ userId: learner.id, input: entry() })
		const row = await prisma.cpdEntry.findUniqueOrThrow({ where: { id } })
		expect(row).toMatchObject({
			userId: learner.id,
			source: 'MANUAL',
			method: 'Workshop',
			minutes: 210,
			participatoryMinutes: 180,
			standards: ['Prioritise people', 'Team working'],
		})
		expect(row.date.toISOString().slice(0, 10)).toBe(daysAgo(10))
	})

	test.each([
		['date', { date: addToIsoDate(today, { days: 1 }) }, 'The date cannot be in the future'],
		['date', { date: '1899-12-31' }, 'Enter a date from 1900 onwards'],
		['date', { date: '2026-02-30' }, 'Enter a real date, like 21/11/2026'],
		['hours', { hours: 0 }, 'Enter at least 0.25 hours (15 minutes)'],
		['hours', { hours: 100.25 }, 'Enter 100 hours or fewer'],
		['hours', { hours: 1.1 }, 'Enter the hours in quarter hours, like 0.25, 1.5 or 2.75'],
		[
			'participatoryHours',
			{ hours: 2, participatoryHours: 2.5 },
			'Participatory hours cannot be more than the total hours',
		],
		['reflection', { reflection: 'x'.repeat(5001) }, 'Your reflection must be 5,000 characters or fewer'],
		[
			'impactOnPractice',
			{ impactOnPractice: 'x'.repeat(5001) },
			'The impact on your practice must be 5,000 characters or fewer',
		],
		['evidence', { evidence: 'x'.repeat(5001) }, 'The evidence notes must be 5,000 characters or fewer'],
		['description', { description: 'x'.repeat(5001) }, 'The description must be 5,000 characters or fewer'],
		['title', { title: '   ' }, 'Enter a title'],
		['method', { method: 'Skydiving' as never }, 'Choose how you did this CPD'],
	])('refuses a bad %s with a clear message and saves nothing', async (field, overrides, message) => {
		const learner = await createLearner()
		await expect(createCpdEntry({ userId: learner.id, input: entry(overrides) })).rejects.toMatchObject({
			kind: 'invalid',
			field,
			message,
		})
		expect(await prisma.cpdEntry.count({ where: { userId: learner.id } })).toBe(0)
	})

	test('exactly 5,000 characters, 100 hours and today are all fine', async () => {
		const learner = await createLearner()
		await createCpdEntry({
			userId: learner.id,
			input: entry({ reflection: 'x'.repeat(5000), hours: 100, participatoryHours: 100, date: today }),
		})
		expect(await prisma.cpdEntry.count({ where: { userId: learner.id } })).toBe(1)
	})
})

describe('one learner cannot reach another’s entries', () => {
	test('reading, changing or deleting someone else’s entry is not_found, and changes nothing', async () => {
		const owner = await createLearner()
		const other = await createLearner()
		const { id } = await createCpdEntry({ userId: owner.id, input: entry({ title: 'Mine' }) })

		await expect(getCpdEntry({ userId: other.id, entryId: id })).rejects.toMatchObject({ kind: 'not_found' })
		await expect(
			updateCpdEntry({ userId: other.id, entryId: id, input: entry({ title: 'Hijacked' }) }),
		).rejects.toMatchObject({
			kind: 'not_found',
		})
		await expect(deleteCpdEntry({ userId: other.id, entryId: id })).rejects.toMatchObject({ kind: 'not_found' })
		expect((await prisma.cpdEntry.findUniqueOrThrow({ where: { id } })).title).toBe('Mine')
		expect((await getCpdPortfolio({ userId: other.id })).entries).toEqual([])
	})
})

describe('certificate entries', () => {
	test('a learner can add a reflection but not change the certificate’s hours or date, nor delete it', async () => {
		const { user, certificate } = await createCertificate({ cpdMinutes: 150 })
		const cpd = await prisma.cpdEntry.findUniqueOrThrow({ where: { certificateId: certificate.id } })

		await updateCpdEntry({
			userId: user.id,
			entryId: cpd.id,
			input: { ...entry({ hours: 99, title: 'Changed' }), reflection: 'Circles made me slow down.' },
		})
		const row = await prisma.cpdEntry.findUniqueOrThrow({ where: { id: cpd.id } })
		expect(row).toMatchObject({ reflection: 'Circles made me slow down.', minutes: 150, title: cpd.title })

		await expect(deleteCpdEntry({ userId: user.id, entryId: cpd.id })).rejects.toMatchObject({ kind: 'conflict' })
	})
})

describe('getCpdPortfolio', () => {
	test('shows the course’s outcomes and reflections with its certificate entry, and totals per year and cycle', async () => {
		const learner = await createLearner({ registrationBody: 'NMC' })
		const { course, certificate } = await createCertificate({
			userId: learner.id,
			cpdMinutes: 150,
			outcomes: ['Use restorative questions after harm'],
			completedAt: new Date(`${daysAgo(5)}T12:00:00Z`),
		})
		await createReflection({ userId: learner.id, courseId: course.id, text: 'I interrupt people when I am anxious.' })
		await createCpdEntry({ userId: learner.id, input: entry({ date: daysAgo(20), hours: 2, participatoryHours: 2 }) })
		// Four years ago: counts in its own year, not in the NMC's three-year window.
		await createCpdEntry({
			userId: learner.id,
			input: entry({ date: addToIsoDate(today, { years: -4 }), hours: 1, participatoryHours: 0 }),
		})

		const portfolio = await getCpdPortfolio({ userId: learner.id })
		const fromCertificate = portfolio.entries.find((e) => e.certificate?.code === certificate.code)
		expect(fromCertificate?.certificate?.outcomes).toEqual(['Use restorative questions after harm'])
		expect(fromCertificate?.courseReflections.map((r) => r.text)).toEqual(['I interrupt people when I am anxious.'])
		expect(portfolio.cycle.name).toBe('NMC revalidation')
		expect(portfolio.cycle.progress).toEqual({ minutes: 150 + 120, participatoryMinutes: 120, records: 2 })
		expect(portfolio.total).toEqual({ minutes: 150 + 120 + 60, participatoryMinutes: 120, records: 3 })
		expect(portfolio.years.reduce((sum, y) => sum + y.minutes, 0)).toBe(330)
	})

	test('a revoked certificate’s entry is listed but not counted', async () => {
		const learner = await createLearner()
		const admin = await createLearner({ role: 'ADMIN' })
		const { certificate } = await createCertificate({ userId: learner.id, cpdMinutes: 120 })
		await revokeCertificate({ code: certificate.code, actorId: admin.id, reason: 'Completed by someone else' })
		const portfolio = await getCpdPortfolio({ userId: learner.id })
		expect(portfolio.entries).toHaveLength(1)
		expect(portfolio.entries[0]?.counts).toBe(false)
		expect(portfolio.total.minutes).toBe(0)
	})
})

describe('exports', () => {
	async function learnerWithPortfolio() {
		const learner = await createLearner({ name: 'Siân Llewellyn-Nowak', registrationBody: 'NMC' })
		const { course, certificate } = await createCertificate({
			userId: learner.id,
			courseTitle: 'Restorative conversations in health and social care',
			cpdMinutes: 150,
			completedAt: new Date(`${daysAgo(30)}T12:00:00Z`),
		})
		await createReflection({
			userId: learner.id,
			courseId: course.id,
			prompt: 'Think of a recent conflict on your ward.',
			text: 'When a relative shouted at me, I defended myself instead of asking what had happened.',
		})
		await createCpdEntry({
			userId: learner.id,
			input: entry({
				date: daysAgo(60),
				hours: 3.5,
				participatoryHours: 3,
				standards: ['Prioritise people'],
				otherStandards: '',
			}),
		})
		await createCpdEntry({
			userId: learner.id,
			input: entry({
				method: 'Reading',
				title: '=HYPERLINK("http://evil.example")',
				date: daysAgo(90),
				hours: 0.75,
				participatoryHours: 0,
				reflection: 'Reading about fair process helped me explain decisions to families.',
				standards: [],
				otherStandards: '',
			}),
		})
		return { learner, certificate }
	}

	test('NMC CSV: the CPD log columns, the learner’s reflections in full, UK dates and correct totals', async () => {
		const { learner, certificate } = await learnerWithPortfolio()
		const { filename, content } = await exportCpdCsv({ userId: learner.id, format: 'nmc' })
		expect(filename).toMatch(/^circle-cpd-nmc-\d{4}-\d{2}-\d{2}\.csv$/)
		expect(content.startsWith('\uFEFF')).toBe(true)

		const rows = parseCsv(content)
		expect(rows[0]?.slice(0, 6)).toEqual([
			'Date',
			'Method',
			'Topic',
			'Link to the Code',
			'Number of hours',
			'Participatory hours',
		])
		const body = rows.slice(1, -1)
		expect(body).toHaveLength(3)
		// Oldest first, dd/mm/yyyy.
		const [y, m, d] = daysAgo(90).split('-')
		expect(body[0]?.[0]).toBe(`${d}/${m}/${y}`)
		// A learner's text that looks like a formula stays text.
		expect(body[0]?.[2]).toBe('\'=HYPERLINK("http://evil.example")')

		const courseRow = body.find((row) => row[2] === 'Restorative conversations in health and social care')!
		expect(courseRow[4]).toBe('2.5')
		expect(courseRow[5]).toBe('0')
		expect(courseRow.join('\n')).toContain('Think of a recent conflict on your ward.')
		expect(courseRow.join('\n')).toContain(
			'When a relative shouted at me, I defended myself instead of asking what had happened.',
		)
		expect(courseRow.join('\n')).toContain(certificate.code)
		expect(body.map((row) => row.join('\n')).join('\n')).toContain(
			'Reading about fair process helped me explain decisions to families.',
		)

		const totals = rows.at(-1)!
		expect(totals[0]).toBe('Total')
		expect(totals[4]).toBe(String(2.5 + 3.5 + 0.75))
		expect(totals[5]).toBe('3')
	})

	test.each(['hcpc', 'swe', 'teacher'] as const)('%s CSV carries the reflections and the total', async (format) => {
		const { learner } = await learnerWithPortfolio()
		const { content } = await exportCpdCsv({ userId: learner.id, format })
		expect(content).toContain('When a relative shouted at me')
		expect(content).toContain('Reading about fair process')
		const rows = parseCsv(content)
		expect(rows.at(-1)?.[0]).toBe('Total')
		expect(rows.at(-1)).toContain('6.75')
	})

	test('NMC PDF: the log, the totals against the requirement and reflective accounts under the NMC’s questions', async () => {
		const { learner } = await learnerWithPortfolio()
		const { content } = await exportCpdPdf({ userId: learner.id, format: 'nmc' })
		expect((await pdfInfo(content)).Encrypted).toBe('no')
		const text = (await pdfText(content)).replace(/\s+/g, ' ')
		expect(text).toContain('Siân Llewellyn-Nowak')
		expect(text).toContain('CPD log')
		expect(text).toContain('6.75 hours of CPD in total')
		expect(text).toContain('3 hours of participatory learning')
		for (const question of [
			'What was the nature of the CPD activity?',
			'What did you learn?',
			'How did you change or improve your practice as a result?',
			'How is this relevant to the Code?',
		]) {
			expect(text).toContain(question)
		}
		expect(text).toContain('When a relative shouted at me, I defended myself')
	})

	test('HCPC PDF has space for the summary and statement; SWE and teacher PDFs carry the reflections', async () => {
		const { learner } = await learnerWithPortfolio()
		const hcpc = (await pdfText((await exportCpdPdf({ userId: learner.id, format: 'hcpc' })).content)).replace(
			/\s+/g,
			' ',
		)
		expect(hcpc).toContain('Summary of practice')
		expect(hcpc).toContain('Personal statement')
		for (const format of ['swe', 'teacher'] as const) {
			const text = (await pdfText((await exportCpdPdf({ userId: learner.id, format })).content)).replace(/\s+/g, ' ')
			expect(text).toContain('When a relative shouted at me')
			expect(text).toContain('6.75 hours of CPD')
		}
	})

	test('the cycle period leaves out entries outside it', async () => {
		const learner = await createLearner({ registrationBody: 'HCPC' })
		await createCpdEntry({
			userId: learner.id,
			input: entry({ title: 'Recent', date: daysAgo(10), hours: 1, participatoryHours: 0 }),
		})
		await createCpdEntry({
			userId: learner.id,
			input: entry({ title: 'Long ago', date: addToIsoDate(today, { years: -3 }), hours: 2, participatoryHours: 0 }),
		})
		const { content } = await exportCpdCsv({ userId: learner.id, period: 'cycle' })
		expect(content).toContain('Recent')
		expect(content).not.toContain('Long ago')
		expect(parseCsv(content).at(-1)).toContain('1')
	})
})
