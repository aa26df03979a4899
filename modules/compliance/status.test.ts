import { describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { evaluateComplianceStatus } from './sql.ts'
import { addDays, addMonths, daysBetween, ukToday } from './status.ts'

const base = { completedAt: null, validUntil: null, previousValidUntil: null, started: false }

describe('circle_compliance_status: the one rule for a cell', () => {
	test('assigned → due soon → overdue, by UK calendar day', async () => {
		const due = '2027-01-31'
		const at = (today: string, facts = {}) => evaluateComplianceStatus(prisma, { ...base, dueOn: due, today, ...facts })
		expect(await at('2026-12-01')).toBe('NOT_STARTED')
		expect(await at('2026-12-01', { started: true })).toBe('IN_PROGRESS')
		expect(await at('2027-01-01')).toBe('DUE_SOON') // 30 days before
		expect(await at('2026-12-31')).toBe('NOT_STARTED') // 31 days before
		expect(await at('2027-01-31')).toBe('DUE_SOON') // the due day itself is still in time
		expect(await at('2027-02-01')).toBe('OVERDUE')
		expect(await at('2027-02-01', { completedAt: new Date('2027-01-20T10:00:00Z') })).toBe('IN_DATE')
	})

	test('certificate valid → expired; a renewal keeps the cell in date until the old one lapses', async () => {
		const completed = { completedAt: new Date('2026-12-06T10:00:00Z'), validUntil: '2027-12-05', dueOn: '2026-12-20' }
		expect(await evaluateComplianceStatus(prisma, { ...base, ...completed, today: '2027-12-05' })).toBe('IN_DATE')
		expect(await evaluateComplianceStatus(prisma, { ...base, ...completed, today: '2027-12-06' })).toBe('EXPIRED')
		const renewal = { ...base, dueOn: '2027-12-05', previousValidUntil: '2027-12-05' }
		expect(await evaluateComplianceStatus(prisma, { ...renewal, today: '2027-09-06' })).toBe('IN_DATE')
		expect(await evaluateComplianceStatus(prisma, { ...renewal, today: '2027-11-20' })).toBe('DUE_SOON')
		expect(await evaluateComplianceStatus(prisma, { ...renewal, today: '2027-12-06' })).toBe('EXPIRED')
		expect(
			await evaluateComplianceStatus(prisma, {
				...renewal,
				completedAt: new Date('2027-11-30T09:00:00Z'),
				validUntil: '2028-11-29',
				today: '2027-12-06',
			}),
		).toBe('IN_DATE')
	})
})

describe('calendar helpers', () => {
	test('ukToday is the London day, across midnight in summer time', () => {
		expect(ukToday(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01')
		expect(ukToday(new Date('2027-01-31T23:30:00Z'))).toBe('2027-01-31')
	})
	test('addMonths holds to the end of a shorter month; addDays and daysBetween agree', () => {
		expect(addMonths('2027-01-31', 1)).toBe('2027-02-28')
		expect(addMonths('2026-12-06', 12)).toBe('2027-12-06')
		expect(addDays('2027-03-01', -1)).toBe('2027-02-28')
		expect(daysBetween('2027-01-01', '2027-01-31')).toBe(30)
	})
})
