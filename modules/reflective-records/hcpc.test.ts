import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { addToIsoDate, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { createCpdEntry } from '#modules/portfolio/create-cpd-entry.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { createCertificate, createLearner, createReflection, parseCsv, pdfText } from '#tests/factories/certificates.ts'
import { exportRecordsCsv, exportRecordsJson, renderRecordPdf } from './export.ts'
import { addMonthsToIsoDate, findGaps } from './hcpc-gaps.ts'
import { getHcpcEvidence } from './hcpc.ts'
import { prefillFromReflection } from './lesson-reflections.ts'
import { createRecord, getRecord, updateRecord } from './records.ts'
import { countWords, HcpcProfileSchema, type RecordInput } from './schemas.ts'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

const today = londonToday()
const daysAgo = (days: number) => addToIsoDate(today, { days: -days })
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

function profile(overrides: Partial<RecordInput<'HCPC_PROFILE'>> = {}): RecordInput<'HCPC_PROFILE'> {
	return {
		title: 'My HCPC CPD profile',
		date: today,
		summary: 'I am an occupational therapist in a community mental health team.',
		statement: 'Activity 1: a restorative circle with my team.',
		...overrides,
	}
}

async function entry(userId: string, date: string, method: 'Course' | 'Reading' | 'Supervision', title: string) {
	return createCpdEntry({ userId, input: { method, title, date, hours: 1, evidence: `${title} notes` } })
}

describe('HCPC word limits', () => {
	test('words are counted the way a word processor counts them', () => {
		expect(countWords('')).toBe(0)
		expect(countWords('   ')).toBe(0)
		expect(countWords(' one\ttwo\n\nthree  four ')).toBe(4)
		expect(countWords('well-being isn’t one; it’s two')).toBe(5)
	})

	test('a statement of 1,500 words is accepted, 1,501 refused with the count; a summary of 501 refused', () => {
		expect(HcpcProfileSchema.safeParse(profile({ statement: words(1500) })).success).toBe(true)
		const long = HcpcProfileSchema.safeParse(profile({ statement: words(1501) }))
		expect(long.success).toBe(false)
		expect(long.error?.issues).toEqual([
			expect.objectContaining({
				path: ['statement'],
				message: 'Your statement is 1,501 words: the HCPC allows up to 1,500. Cut 1 word.',
			}),
		])
		expect(HcpcProfileSchema.safeParse(profile({ summary: words(500) })).success).toBe(true)
		const summary = HcpcProfileSchema.safeParse(profile({ summary: words(501) }))
		expect(summary.error?.issues[0]).toMatchObject({ path: ['summary'] })
	})

	test('the server refuses a 1,501-word statement, on create and on update', async () => {
		const learner = await createLearner({ registrationBody: 'HCPC' })
		await expect(
			createRecord({ userId: learner.id, kind: 'HCPC_PROFILE', input: profile({ statement: words(1501) }) }),
		).rejects.toMatchObject({ code: 'INVALID_RECORD', field: 'statement' })
		const { id } = await createRecord({ userId: learner.id, kind: 'HCPC_PROFILE', input: profile() })
		await expect(
			updateRecord({ userId: learner.id, recordId: id, input: profile({ statement: words(1501) }) }),
		).rejects.toMatchObject({ code: 'INVALID_RECORD' })
		const saved = await getRecord({ userId: learner.id, recordId: id })
		expect(saved.fields.statement).toBe('Activity 1: a restorative circle with my team.')
	})

	test('a half-written profile can be saved: summary and statement are optional', async () => {
		const learner = await createLearner({ registrationBody: 'HCPC' })
		const { id } = await createRecord({
			userId: learner.id,
			kind: 'HCPC_PROFILE',
			input: { title: 'Started', date: today, summary: '', statement: '' },
		})
		expect((await getRecord({ userId: learner.id, recordId: id })).fields).toEqual({})
	})
})

describe('gaps of three months or more', () => {
	test('three calendar months to the day is a gap; a day less is not', () => {
		const start = '2025-01-01'
		const end = '2025-12-31'
		const at = (...dates: string[]) => dates.map((date) => ({ date, title: date }))
		// 3 March to 2 June: one day short of three months.
		expect(
			findGaps({
				activities: at('2025-01-10', '2025-03-03', '2025-06-02', '2025-08-01', '2025-10-15', '2025-12-20'),
				start,
				end,
			}),
		).toEqual([])
		const gaps = findGaps({
			activities: at('2025-01-10', '2025-03-03', '2025-06-03', '2025-08-01', '2025-10-15', '2025-12-20'),
			start,
			end,
		})
		expect(gaps).toEqual([
			{ from: '2025-03-03', to: '2025-06-03', after: '2025-03-03', before: '2025-06-03', months: 3 },
		])
	})

	test('a gap at the start of the period, one running up to today, and a whole empty period', () => {
		expect(
			findGaps({ activities: [{ date: '2025-05-01', title: 'First' }], start: '2025-01-01', end: '2025-06-01' }),
		).toEqual([{ from: '2025-01-01', to: '2025-05-01', after: null, before: 'First', months: 4 }])
		expect(
			findGaps({ activities: [{ date: '2025-01-15', title: 'Last' }], start: '2025-01-01', end: '2025-06-01' }),
		).toEqual([{ from: '2025-01-15', to: '2025-06-01', after: 'Last', before: null, months: 4 }])
		expect(findGaps({ activities: [], start: '2025-01-01', end: '2025-12-31' })).toEqual([
			{ from: '2025-01-01', to: '2025-12-31', after: null, before: null, months: 11 },
		])
	})

	test('months stay inside the month they land in', () => {
		expect(addMonthsToIsoDate('2025-11-30', 3)).toBe('2026-02-28')
		expect(addMonthsToIsoDate('2023-11-30', 3)).toBe('2024-02-29')
		expect(addMonthsToIsoDate('2025-05-31', 3)).toBe('2025-08-31')
		expect(addMonthsToIsoDate('2025-10-15', 3)).toBe('2026-01-15')
	})
})

describe('the dated list of activities', () => {
	test('lists CPD entries, certificates and records for the two years, flags a four-month gap and checks the mixture', async () => {
		const { user } = await createCertificate({ courseTitle: 'Restorative practice foundations' })
		const other = await createLearner({ registrationBody: 'HCPC' })
		await entry(other.id, daysAgo(200), 'Reading', 'Someone else’s reading')
		await entry(user.id, daysAgo(800), 'Reading', 'Too old to count')
		await entry(user.id, daysAgo(600), 'Course', 'Moving and handling update')
		await entry(user.id, daysAgo(580), 'Supervision', 'Clinical supervision')
		// Nothing for four months (580 → 440 days ago: between four and five months, whatever today is), then a record every few weeks.
		for (let days = 440; days > 0; days -= 60) await entry(user.id, daysAgo(days), 'Course', `Course ${days}`)
		await createRecord({ userId: user.id, kind: 'HCPC_PROFILE', input: profile() })

		const evidence = await getHcpcEvidence({ userId: user.id, today })
		expect(evidence.cycle.start).toBe(addToIsoDate(today, { years: -2, days: 1 }))
		const titles = evidence.activities.map((a) => a.title)
		expect(titles).not.toContain('Too old to count')
		expect(titles).not.toContain('Someone else’s reading')
		expect(titles).not.toContain('My HCPC CPD profile')
		expect(titles).toContain('Restorative practice foundations')
		expect(evidence.activities.map((a) => a.date)).toEqual([...evidence.activities.map((a) => a.date)].sort())
		const fourMonths = evidence.gaps.find((gap) => gap.after === 'Clinical supervision')
		expect(fourMonths).toMatchObject({ from: daysAgo(580), to: daysAgo(440), before: 'Course 440', months: 4 })
		expect(evidence.types).toEqual(['Work-based learning', 'Formal or educational'])
		expect(evidence.enoughTypes).toBe(true)
	})

	test('one kind of activity is not a mixture', async () => {
		const learner = await createLearner({ registrationBody: 'HCPC' })
		await entry(learner.id, daysAgo(10), 'Reading', 'A journal article')
		await entry(learner.id, daysAgo(40), 'Reading', 'A book chapter')
		const evidence = await getHcpcEvidence({ userId: learner.id, today })
		expect(evidence.types).toEqual(['Self-directed learning'])
		expect(evidence.enoughTypes).toBe(false)
	})

	test('a revoked certificate is not in the list (the portfolio’s rule)', async () => {
		const { user, certificate } = await createCertificate({ courseTitle: 'Revoked course' })
		await prisma.certificate.update({ where: { id: certificate.id }, data: { revokedAt: new Date() } })
		const evidence = await getHcpcEvidence({ userId: user.id, today })
		expect(evidence.activities.map((a) => a.title)).not.toContain('Revoked course')
	})
})

describe('the HCPC profile in Circle', () => {
	test('a lesson reflection becomes one activity of the statement, in the HCPC’s four parts', async () => {
		const { user, course } = await createCertificate({ courseTitle: 'Restorative questions in practice' })
		const reflection = await createReflection({
			userId: user.id,
			courseId: course.id,
			text: 'I listen before I suggest anything.',
		})
		const prefill = await prefillFromReflection({ userId: user.id, reflectionId: reflection.id, kind: 'HCPC_PROFILE' })
		expect(prefill.sourceReflectionId).toBe(reflection.id)
		expect(prefill.statement).toContain('What the activity was: The Circle course “Restorative questions in practice”')
		expect(prefill.statement).toContain('What I learnt: I listen before I suggest anything.')
		expect(prefill.statement).toContain('How it improved my work:')
		expect(prefill.statement).toContain('How it benefited the people I work with:')
		const other = await createLearner()
		await expect(
			prefillFromReflection({ userId: other.id, reflectionId: reflection.id, kind: 'HCPC_PROFILE' }),
		).rejects.toMatchObject({ code: 'REFLECTION_NOT_FOUND' })
	})

	test('the PDF follows the HCPC’s order; CSV and JSON carry the dated list; only the learner’s own', async () => {
		const learner = await createLearner({
			name: 'Priya Shah',
			registrationBody: 'HCPC',
			profession: 'Occupational therapist',
		})
		await entry(learner.id, daysAgo(300), 'Supervision', 'Peer supervision group')
		await entry(learner.id, daysAgo(150), 'Course', 'Sensory integration course')
		const { id } = await createRecord({
			userId: learner.id,
			kind: 'HCPC_PROFILE',
			input: profile({ gapExplanation: 'I was on parental leave.' }),
		})
		const pdf = await renderRecordPdf({ userId: learner.id, recordId: id, today })
		const text = (await pdfText(pdf.content)).replace(/\s+/g, ' ')
		const order = [
			'Health and Care Professions Council',
			'CPD profile',
			'Priya Shah',
			'Occupational therapist',
			'Summary of practice',
			'Statement of how I have met',
			'Dated list of my CPD activities',
			'Peer supervision group',
			'Sensory integration course',
			'Gaps of three months or more',
			'I was on parental leave.',
		].map((needle) => text.indexOf(needle))
		expect(order.every((at) => at >= 0)).toBe(true)
		expect(order).toEqual([...order].sort((a, b) => a - b))
		expect(pdf.filename).toMatch(/^hcpc-profile-/)

		const csv = parseCsv((await exportRecordsCsv({ userId: learner.id })).content)
		expect(csv).toContainEqual(
			expect.arrayContaining([
				'HCPC dated list of CPD activities',
				'Sensory integration course',
				'Formal or educational',
			]),
		)
		const json = JSON.parse((await exportRecordsJson({ userId: learner.id })).content)
		expect(json.hcpcActivities.activities.map((a: { title: string }) => a.title)).toEqual([
			'Peer supervision group',
			'Sensory integration course',
		])
		expect(json.hcpcActivities.enoughTypes).toBe(true)

		const other = await createLearner()
		await expect(renderRecordPdf({ userId: other.id, recordId: id })).rejects.toMatchObject({
			code: 'RECORD_NOT_FOUND',
		})
		expect(JSON.parse((await exportRecordsJson({ userId: other.id })).content).hcpcActivities).toBeUndefined()
	})
})
