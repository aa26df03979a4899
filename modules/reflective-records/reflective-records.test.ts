import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { addToIsoDate, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { createCpdEntry } from '#modules/portfolio/create-cpd-entry.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { createCertificate, createLearner, createReflection, parseCsv, pdfText } from '#tests/factories/certificates.ts'
import { confirmRecord, getConfirmation, resendInvitation } from './confirmations.ts'
import { exportRecordsCsv, exportRecordsJson, renderRecordPdf } from './export.ts'
import { prefillFromReflection } from './lesson-reflections.ts'
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from './records.ts'
import { getNmcRevalidation, getSweYearCheck, setRevalidationDate } from './revalidation.ts'
import type { RecordInput } from './schemas.ts'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

const today = londonToday()
const daysAgo = (days: number) => addToIsoDate(today, { days: -days })

function account(
	overrides: Partial<RecordInput<'NMC_REFLECTIVE_ACCOUNT'>> = {},
): RecordInput<'NMC_REFLECTIVE_ACCOUNT'> {
	return {
		title: 'Restorative conversation after an incident on the ward',
		date: daysAgo(20),
		activity: 'A restorative conversation between two colleagues after a disagreement at handover.',
		learnt: 'Asking “what happened?” before “why?” kept both people talking.',
		changedPractice: 'I now open debriefs with the restorative questions.',
		codeThemes: ['Practise effectively', 'Promote professionalism and trust'],
		codeRelevance: 'It is about working with colleagues to keep care safe and respectful.',
		...overrides,
	}
}

async function discussion(userId: string, partnerEmail = `partner-${crypto.randomUUID()}@example.org`) {
	const record = await createRecord({
		userId,
		kind: 'NMC_DISCUSSION',
		input: {
			title: 'Discussion of my reflective accounts',
			date: daysAgo(3),
			partnerName: 'Jo Okafor',
			partnerEmail,
			notes: 'We talked through all five accounts.',
		},
	})
	return { record, partnerEmail, token: await linkSentTo(partnerEmail) }
}

/** The token in the newest confirmation email to `to`. */
async function linkSentTo(to: string) {
	const message = await prisma.emailMessage.findFirstOrThrow({
		where: { to, template: 'confirmation-request' },
		orderBy: { createdAt: 'desc' },
		select: { text: true },
	})
	const token = message.text.match(/\/confirm\/([a-z2-7]+)/)?.[1]
	if (!token) throw new Error(`No confirmation link in:\n${message.text}`)
	return token
}

const partnerDetails = (overrides: Record<string, string> = {}) => ({
	name: 'Jo Okafor',
	email: 'jo.okafor@example.org',
	date: daysAgo(3),
	pin: '12a 3456e',
	agree: 'on' as const,
	...overrides,
})

describe('reflective records', () => {
	test('an NMC reflective account is stored with its form’s answers and read back only by its author', async () => {
		const learner = await createLearner({ registrationBody: 'NMC' })
		const other = await createLearner()
		const { id } = await createRecord({ userId: learner.id, kind: 'NMC_REFLECTIVE_ACCOUNT', input: account() })
		const record = await getRecord({ userId: learner.id, recordId: id })
		expect(record).toMatchObject({
			kind: 'NMC_REFLECTIVE_ACCOUNT',
			date: daysAgo(20),
			partnerStatus: 'none',
			fields: { codeThemes: ['Practise effectively', 'Promote professionalism and trust'] },
		})
		await expect(getRecord({ userId: other.id, recordId: id })).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' })
		await expect(deleteRecord({ userId: other.id, recordId: id })).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' })
		await expect(
			updateRecord({ userId: other.id, recordId: id, input: account({ title: 'Taken over' }) }),
		).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' })
		expect((await getRecord({ userId: learner.id, recordId: id })).title).toBe(account().title)
	})

	test('a reflective account needs a theme of the Code and a date that is not in the future', async () => {
		const learner = await createLearner({ registrationBody: 'NMC' })
		await expect(
			createRecord({ userId: learner.id, kind: 'NMC_REFLECTIVE_ACCOUNT', input: account({ codeThemes: [] }) }),
		).rejects.toMatchObject({ code: 'INVALID_RECORD', field: 'codeThemes' })
		await expect(
			createRecord({
				userId: learner.id,
				kind: 'NMC_REFLECTIVE_ACCOUNT',
				input: account({ date: addToIsoDate(today, { days: 2 }) }),
			}),
		).rejects.toMatchObject({ code: 'INVALID_RECORD', field: 'date' })
		expect(await listRecords({ userId: learner.id })).toHaveLength(0)
	})

	test('a discussion partner’s email equal to the learner’s own is refused beside the field', async () => {
		const learner = await createLearner({ registrationBody: 'NMC' })
		await expect(discussion(learner.id, learner.email.toUpperCase())).rejects.toMatchObject({
			code: 'PARTNER_IS_YOU',
			field: 'partnerEmail',
		})
		expect(await listRecords({ userId: learner.id })).toHaveLength(0)
	})

	test('the partner confirms from the emailed link once, with a PIN in the NMC’s format', async () => {
		const learner = await createLearner({ registrationBody: 'NMC' })
		const { record, token } = await discussion(learner.id)
		expect((await getRecord({ userId: learner.id, recordId: record.id })).partnerStatus).toBe('invited')
		expect(await getConfirmation({ token })).toMatchObject({ state: 'open', recordId: record.id, asksForPin: true })

		await expect(
			confirmRecord({ token, recordId: record.id, input: partnerDetails({ pin: '1234567' }) }),
		).rejects.toMatchObject({ code: 'INVALID_RECORD', field: 'pin' })
		await expect(
			confirmRecord({ token, recordId: record.id, input: partnerDetails({ email: learner.email }) }),
		).rejects.toMatchObject({ code: 'PARTNER_IS_YOU', field: 'email' })

		await confirmRecord({ token, recordId: record.id, input: partnerDetails() })
		const confirmed = await getRecord({ userId: learner.id, recordId: record.id })
		expect(confirmed.partnerStatus).toBe('confirmed')
		expect(confirmed.partner?.attestation).toEqual({
			name: 'Jo Okafor',
			email: 'jo.okafor@example.org',
			date: daysAgo(3),
			pin: '12A3456E',
		})

		await expect(
			confirmRecord({ token, recordId: record.id, input: partnerDetails({ name: 'Someone else' }) }),
		).rejects.toMatchObject({ code: 'CONFIRMATION_USED' })
		expect((await getConfirmation({ token })).state).toBe('confirmed')
		expect((await getRecord({ userId: learner.id, recordId: record.id })).partner?.attestation?.name).toBe('Jo Okafor')
	})

	test('two confirmations of one link at the same moment: exactly one succeeds', async () => {
		const learner = await createLearner({ registrationBody: 'NMC' })
		const { record, token } = await discussion(learner.id)
		const results = await Promise.allSettled(
			Array.from({ length: 5 }, (_, i) =>
				confirmRecord({ token, recordId: record.id, input: partnerDetails({ name: `Partner ${i}` }) }),
			),
		)
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
	})

	test('a link works only for the record it was made for', async () => {
		const learner = await createLearner({ registrationBody: 'NMC' })
		const first = await discussion(learner.id)
		const second = await discussion(learner.id)
		await expect(
			confirmRecord({ token: first.token, recordId: second.record.id, input: partnerDetails() }),
		).rejects.toMatchObject({ code: 'CONFIRMATION_NOT_FOUND' })
		expect((await getRecord({ userId: learner.id, recordId: second.record.id })).partnerStatus).toBe('invited')
		expect((await getRecord({ userId: learner.id, recordId: first.record.id })).partnerStatus).toBe('invited')
	})

	test('a resent link replaces the old one, and a link stops working when it expires', async () => {
		const learner = await createLearner({ registrationBody: 'NMC' })
		const { record, token, partnerEmail } = await discussion(learner.id)
		await resendInvitation({ userId: learner.id, recordId: record.id })
		const fresh = await linkSentTo(partnerEmail)
		expect(fresh).not.toBe(token)
		expect((await getConfirmation({ token })).state).toBe('replaced')
		await expect(confirmRecord({ token, recordId: record.id, input: partnerDetails() })).rejects.toMatchObject({
			code: 'CONFIRMATION_USED',
		})
		const later = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000)
		expect((await getConfirmation({ token: fresh, now: later })).state).toBe('expired')
		await expect(
			confirmRecord({ token: fresh, recordId: record.id, input: partnerDetails(), now: later }),
		).rejects.toMatchObject({ code: 'CONFIRMATION_USED' })
		await confirmRecord({ token: fresh, recordId: record.id, input: partnerDetails() })
		expect((await getRecord({ userId: learner.id, recordId: record.id })).partnerStatus).toBe('confirmed')
	})

	test('a made-up link is not found', async () => {
		await expect(getConfirmation({ token: 'a'.repeat(52) })).rejects.toMatchObject({ code: 'CONFIRMATION_NOT_FOUND' })
		await expect(getConfirmation({ token: '../x' })).rejects.toMatchObject({ code: 'CONFIRMATION_NOT_FOUND' })
	})

	test('a lesson reflection is pulled into a form in one step, and only the learner’s own', async () => {
		const { user, course } = await createCertificate({ courseTitle: 'Restorative questions in practice' })
		const other = await createLearner()
		const reflection = await createReflection({
			userId: user.id,
			courseId: course.id,
			text: 'I noticed I rush to fix things instead of asking how people were affected.',
		})
		const prefill = await prefillFromReflection({
			userId: user.id,
			reflectionId: reflection.id,
			kind: 'NMC_REFLECTIVE_ACCOUNT',
		})
		expect(prefill).toMatchObject({
			title: 'Restorative questions in practice',
			sourceReflectionId: reflection.id,
			learnt: 'I noticed I rush to fix things instead of asking how people were affected.',
		})
		await expect(
			prefillFromReflection({ userId: other.id, reflectionId: reflection.id, kind: 'SWE_CPD' }),
		).rejects.toMatchObject({ code: 'REFLECTION_NOT_FOUND' })
		await expect(
			createRecord({
				userId: other.id,
				kind: 'NMC_REFLECTIVE_ACCOUNT',
				input: account({ sourceReflectionId: reflection.id }),
			}),
		).rejects.toMatchObject({ code: 'REFLECTION_NOT_FOUND' })
	})
})

describe('NMC revalidation dashboard', () => {
	test('counts hours, participatory hours, feedback, accounts and a confirmed discussion up to the learner’s date', async () => {
		const learner = await createLearner({ registrationBody: 'NMC' })
		const revalidation = addToIsoDate(today, { days: 100 })
		await setRevalidationDate({ userId: learner.id, date: revalidation })
		const entry = (date: string, hours: number, participatoryHours: number) =>
			createCpdEntry({
				userId: learner.id,
				input: { method: 'Workshop', title: 'Workshop', date, hours, participatoryHours },
			})
		await entry(daysAgo(30), 20, 12)
		await entry(daysAgo(60), 6, 4)
		// Before the three years up to the revalidation date: not counted.
		await entry(addToIsoDate(revalidation, { years: -3, days: -5 }), 30, 30)
		for (let i = 0; i < 3; i++) {
			await createRecord({
				userId: learner.id,
				kind: 'NMC_REFLECTIVE_ACCOUNT',
				input: account({ date: daysAgo(10 + i) }),
			})
		}
		await createRecord({
			userId: learner.id,
			kind: 'NMC_FEEDBACK',
			input: {
				title: 'Thank-you card',
				date: daysAgo(5),
				source: 'Patients or families',
				summary: 'A family thanked the team for explaining things calmly.',
				response: 'I shared it at handover and kept explaining plans in plain words.',
			},
		})
		const { record, token } = await discussion(learner.id)

		const before = await getNmcRevalidation({ userId: learner.id, today })
		expect(before.cycle).toMatchObject({ start: addToIsoDate(revalidation, { years: -3, days: 1 }), end: revalidation })
		expect(before.daysLeft).toBe(100)
		expect(Object.fromEntries(before.requirements.map((r) => [r.key, [r.done, r.target]]))).toEqual({
			hours: [26, 35],
			participatory: [16, 20],
			feedback: [1, 5],
			accounts: [3, 5],
			discussion: [0, 1],
		})
		expect(before.awaitingConfirmation).toBe(1)

		await confirmRecord({ token, recordId: record.id, input: partnerDetails() })
		const after = await getNmcRevalidation({ userId: learner.id, today })
		expect(after.requirements.find((r) => r.key === 'discussion')).toMatchObject({ done: 1, met: true })
		expect(after.complete).toBe(false)
	})
})

describe('Social Work England year check', () => {
	test('two records in the registration year, one with a peer reflection the peer confirmed', async () => {
		const learner = await createLearner({ registrationBody: 'SWE' })
		const on = '2026-11-20'
		const swe = (date: string, peer?: string) =>
			createRecord({
				userId: learner.id,
				kind: 'SWE_CPD',
				input: {
					title: 'Family group conference observation',
					date,
					cpdType: 'Shadowing or observation',
					description: 'Observed a family group conference led by a colleague.',
					learnt: 'How much the family’s own plan is owned by them.',
					impact: 'I give families more private time in meetings.',
					standards: ['4.2 Supervision and reflection'],
					...(peer
						? { peerReflection: 'We discussed how to hand over control.', peerName: 'Ali', peerEmail: peer }
						: {}),
				},
			})
		await swe('2025-11-30') // the year before: not counted
		await swe('2026-03-01')
		const peerEmail = `peer-${crypto.randomUUID()}@example.org`
		const withPeer = await swe('2026-06-01', peerEmail)
		const before = await getSweYearCheck({ userId: learner.id, today: on })
		expect(before.cycle).toMatchObject({ start: '2025-12-01', end: '2026-11-30' })
		expect(before.daysLeft).toBe(10)
		expect(before.requirements.map((r) => [r.key, r.done, r.met])).toEqual([
			['records', 2, true],
			['peer', 0, false],
		])
		const token = await linkSentTo(peerEmail)
		expect((await getConfirmation({ token })).asksForPin).toBe(false)
		await confirmRecord({
			token,
			recordId: withPeer.id,
			input: { name: 'Ali Hassan', email: peerEmail, date: '2026-06-01', role: 'Senior practitioner', agree: 'on' },
		})
		const after = await getSweYearCheck({ userId: learner.id, today: on })
		expect(after.complete).toBe(true)
	})
})

describe('exports', () => {
	test('a confirmed discussion and an account export as PDF, CSV and JSON, and only the learner’s own', async () => {
		const learner = await createLearner({ name: 'Priya Shah', registrationBody: 'NMC' })
		const other = await createLearner()
		const accountRecord = await createRecord({ userId: learner.id, kind: 'NMC_REFLECTIVE_ACCOUNT', input: account() })
		const { record, token } = await discussion(learner.id)
		await confirmRecord({ token, recordId: record.id, input: partnerDetails() })

		const accountPdf = await pdfText(
			(await renderRecordPdf({ userId: learner.id, recordId: accountRecord.id })).content,
		)
		expect(accountPdf).toContain('Reflective accounts form')
		expect(accountPdf).toContain('Priya Shah')
		expect(accountPdf).toContain('Asking “what happened?” before “why?” kept both people talking.')
		expect(accountPdf).toContain('Preserve safety')
		const discussionPdf = await pdfText((await renderRecordPdf({ userId: learner.id, recordId: record.id })).content)
		expect(discussionPdf).toContain('Reflective discussion form')
		expect(discussionPdf).toContain('12A3456E')
		await expect(renderRecordPdf({ userId: other.id, recordId: record.id })).rejects.toMatchObject({
			code: 'RECORD_NOT_FOUND',
		})

		const csv = parseCsv((await exportRecordsCsv({ userId: learner.id })).content)
		expect(csv[0]).toEqual(['Form', 'Title', 'Date', 'Confirmed by', 'Question', 'Answer'])
		expect(csv).toContainEqual([
			'NMC reflective account',
			account().title,
			expect.any(String),
			'',
			'Themes of the Code',
			'Practise effectively; Promote professionalism and trust',
		])
		expect(csv.some((row) => row[3] === 'Jo Okafor, 12A3456E')).toBe(true)

		const json = JSON.parse((await exportRecordsJson({ userId: learner.id })).content)
		expect(json).toMatchObject({ format: 'circle-reflective-records', version: 1, learner: { name: 'Priya Shah' } })
		expect(json.records).toHaveLength(2)
		expect(json.records.find((r: { kind: string }) => r.kind === 'NMC_DISCUSSION').confirmation).toMatchObject({
			status: 'confirmed',
			attestation: { pin: '12A3456E' },
		})
		expect((await exportRecordsJson({ userId: other.id })).content).not.toContain(record.id)
	})
})
