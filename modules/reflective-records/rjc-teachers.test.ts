import { afterAll, describe, expect, test } from 'vitest'
import { setCourseRjcApproval } from '#modules/authoring/rjc-approval.ts'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { addToIsoDate, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { createCpdEntry } from '#modules/portfolio/create-cpd-entry.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { createCertificate, createLearner, parseCsv, pdfText } from '#tests/factories/certificates.ts'
import { confirmRecord, getConfirmation } from './confirmations.ts'
import { exportRecordsCsv, renderRecordPdf } from './export.ts'
import { createRecord } from './records.ts'
import { approvedShare, getRjcCheck, setRjcLevel, supervisionStatus } from './rjc.ts'
import type { RecordInput } from './schemas.ts'
import { getTeacherYear } from './teachers.ts'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

const today = londonToday()
const daysAgo = (days: number) => addToIsoDate(today, { days: -days })

function supervision(overrides: Partial<RecordInput<'RJC_SUPERVISION'>> = {}): RecordInput<'RJC_SUPERVISION'> {
	return {
		title: 'Case supervision with my supervisor',
		date: daysAgo(10),
		supervisor: 'Dee Hammond',
		supervisionType: 'Case supervision',
		casesDiscussed: 'A neighbour dispute going to a face-to-face meeting; a school case paused for safeguarding.',
		learning: 'Preparation meetings need longer when one party has been harmed before.',
		actions: 'Add a second preparation meeting where there is a history of harm.',
		...overrides,
	}
}

function developmentRecord(
	signerEmail: string,
	overrides: Partial<RecordInput<'TEACHER_SIGN_OFF'>> = {},
): RecordInput<'TEACHER_SIGN_OFF'> {
	return {
		title: 'Restorative circles in Year 8 tutor time',
		date: daysAgo(12),
		activity: 'A six-week coaching cycle on running check-in circles in tutor time.',
		standards: ['TS7 Manage behaviour effectively', 'Part Two Personal and professional conduct'],
		pupilImpact: 'Fewer removals from lessons after tutor time; two quieter pupils now speak in circle.',
		evidence: 'Behaviour log summary and my coach’s observation notes.',
		signerName: 'Priya Shah',
		signerRole: 'Mentor',
		signerEmail,
		...overrides,
	}
}

/** The token in the newest confirmation email to `to`. */
async function linkSentTo(to: string) {
	const message = await prisma.emailMessage.findFirstOrThrow({
		where: { to, template: 'confirmation-request' },
		orderBy: { createdAt: 'desc' },
		select: { text: true, subject: true },
	})
	const token = message.text.match(/\/confirm\/([a-z2-7]+)/)?.[1]
	if (!token) throw new Error(`No confirmation link in:\n${message.text}`)
	return { token, subject: message.subject }
}

describe('RJC supervision: due every 12 weeks', () => {
	test('on day 83 after the last supervision it is still in time; on day 84 it is overdue', () => {
		const lastDate = '2026-06-01'
		const day = (n: number) => supervisionStatus({ lastDate, today: addToIsoDate(lastDate, { days: n }) })
		expect(day(83)).toMatchObject({ state: 'due-soon', daysSince: 83, dueBy: '2026-08-23' })
		expect(day(84)).toMatchObject({ state: 'overdue', daysSince: 84, dueBy: '2026-08-23' })
		expect(addToIsoDate(lastDate, { days: 83 })).toBe('2026-08-23')
		expect(day(69).state).toBe('ok')
		expect(day(70).state).toBe('due-soon')
		expect(day(0).state).toBe('ok')
		expect(supervisionStatus({ lastDate: null, today: lastDate }).state).toBe('none')
	})

	test('across the clocks going back (25 October) the count is in calendar days', () => {
		expect(supervisionStatus({ lastDate: '2026-08-03', today: '2026-10-25' })).toMatchObject({
			daysSince: 83,
			state: 'due-soon',
		})
		expect(supervisionStatus({ lastDate: '2026-08-03', today: '2026-10-26' }).state).toBe('overdue')
	})
})

describe('RJC: the share of CPD that is RJC-approved', () => {
	test('exactly half is enough, a quarter of an hour less is not, and no CPD is not', () => {
		expect(approvedShare({ minutes: 720, approvedMinutes: 360 })).toEqual({ share: 0.5, met: true })
		expect(approvedShare({ minutes: 720, approvedMinutes: 345 }).met).toBe(false)
		expect(approvedShare({ minutes: 721, approvedMinutes: 360 }).met).toBe(false)
		expect(approvedShare({ minutes: 0, approvedMinutes: 0 })).toEqual({ share: 0, met: false })
	})

	test('the dashboard counts hand-made entries the learner marked and certificates of courses marked RJC-approved', async () => {
		const learner = await createLearner({ profession: 'Restorative justice facilitator' })
		expect(await getRjcCheck({ userId: learner.id, today })).toBeNull()
		await setRjcLevel({ userId: learner.id, level: 'INTERMEDIATE' })

		await createCpdEntry({
			userId: learner.id,
			input: { method: 'Workshop', title: 'RJC-approved refresher', date: daysAgo(40), hours: 3, rjcApproved: true },
		})
		await createCpdEntry({
			userId: learner.id,
			input: { method: 'Reading', title: 'Reading on shame and repair', date: daysAgo(30), hours: 5.5 },
		})
		// Older than 12 months: not in this year.
		await createCpdEntry({
			userId: learner.id,
			input: { method: 'Course', title: 'Last year’s course', date: daysAgo(366), hours: 10, rjcApproved: true },
		})
		// Someone else's approved hours never count.
		const other = await createLearner()
		await createCpdEntry({
			userId: other.id,
			input: { method: 'Course', title: 'Not mine', date: daysAgo(5), hours: 10, rjcApproved: true },
		})

		let check = (await getRjcCheck({ userId: learner.id, today }))!
		expect(check.minutes).toBe(510)
		expect(check.approvedMinutes).toBe(180)
		expect(check.shareMet).toBe(false)
		expect(check.requirements.find((r) => r.key === 'rjc-hours')).toMatchObject({ target: 12, done: 8.5, met: false })

		// A certificate (2.5 hours) of a course its trainer marks RJC-approved: 5.5 of 11 hours, exactly half.
		const { course, certificate } = await createCertificate({
			userId: learner.id,
			cpdMinutes: 150,
			completedAt: new Date(),
		})
		check = (await getRjcCheck({ userId: learner.id, today }))!
		expect(check.approvedMinutes).toBe(180)
		const owner = await prisma.user.create({
			data: { email: `owner-${crypto.randomUUID()}@example.com`, name: 'Trainer', role: 'TRAINER' },
			select: { id: true },
		})
		await prisma.courseAuthor.create({ data: { courseId: course.id, userId: owner.id, role: 'OWNER' } })
		await setCourseRjcApproval({ courseId: course.id, actorId: owner.id, approved: true })
		check = (await getRjcCheck({ userId: learner.id, today }))!
		expect(check.minutes).toBe(660)
		expect(check.approvedMinutes).toBe(330)
		expect(check.shareMet).toBe(true)
		expect(check.requirements.find((r) => r.key === 'rjc-approved')).toMatchObject({ met: true })

		// A revoked certificate is not counted at all.
		await prisma.certificate.update({ where: { id: certificate.id }, data: { revokedAt: new Date() } })
		check = (await getRjcCheck({ userId: learner.id, today }))!
		expect(check.approvedMinutes).toBe(180)
		expect(check.shareMet).toBe(false)
	})

	test('only someone who may edit a course can mark it RJC-approved, and it is audited', async () => {
		const { course } = await createCertificate()
		const stranger = await createLearner({ role: 'TRAINER' })
		await expect(setCourseRjcApproval({ courseId: course.id, actorId: stranger.id, approved: true })).rejects.toThrow()
		expect((await prisma.course.findUniqueOrThrow({ where: { id: course.id } })).rjcApproved).toBe(false)

		const owner = await createLearner({ role: 'TRAINER' })
		await prisma.courseAuthor.create({ data: { courseId: course.id, userId: owner.id, role: 'OWNER' } })
		await setCourseRjcApproval({ courseId: course.id, actorId: owner.id, approved: true })
		const audit = await prisma.auditLog.findFirst({
			where: { targetId: course.id, action: 'course.rjc_approval_set' },
			select: { actorId: true },
		})
		expect(audit?.actorId).toBe(owner.id)
	})
})

describe('RJC supervision log and observed practice', () => {
	test('the dashboard warns from the latest supervision, and counts observed practice in the year', async () => {
		const learner = await createLearner()
		await setRjcLevel({ userId: learner.id, level: 'FOUNDATION' })
		let check = (await getRjcCheck({ userId: learner.id, today }))!
		expect(check.supervision.state).toBe('none')

		await createRecord({ userId: learner.id, kind: 'RJC_SUPERVISION', input: supervision({ date: daysAgo(200) }) })
		await createRecord({ userId: learner.id, kind: 'RJC_SUPERVISION', input: supervision({ date: daysAgo(84) }) })
		check = (await getRjcCheck({ userId: learner.id, today }))!
		expect(check.supervision).toMatchObject({ state: 'overdue', lastDate: daysAgo(84), daysSince: 84 })

		await createRecord({ userId: learner.id, kind: 'RJC_SUPERVISION', input: supervision({ date: daysAgo(83) }) })
		check = (await getRjcCheck({ userId: learner.id, today }))!
		expect(check.supervision).toMatchObject({ state: 'due-soon', daysSince: 83 })
		// Time is an input: the same log read a day later is overdue.
		check = (await getRjcCheck({ userId: learner.id, today: addToIsoDate(today, { days: 1 }) }))!
		expect(check.supervision.state).toBe('overdue')

		expect(check.requirements.find((r) => r.key === 'rjc-observed')).toMatchObject({ done: 0, met: false })
		await createRecord({
			userId: learner.id,
			kind: 'RJC_OBSERVED_PRACTICE',
			input: {
				title: 'Observed conference',
				date: daysAgo(100),
				process: 'Restorative conference (face to face)',
				observer: 'Sam Adeyemi',
				feedback: 'Clear ground rules; give the person harmed more time before moving on.',
				learning: 'Silence is part of the process.',
			},
		})
		check = (await getRjcCheck({ userId: learner.id, today }))!
		expect(check.requirements.find((r) => r.key === 'rjc-observed')).toMatchObject({ done: 1, met: true })
	})

	test('a supervision entry is refused without its cases, beside the field', async () => {
		const learner = await createLearner()
		await expect(
			createRecord({ userId: learner.id, kind: 'RJC_SUPERVISION', input: supervision({ casesDiscussed: '  ' }) }),
		).rejects.toMatchObject({ code: 'INVALID_RECORD', field: 'casesDiscussed' })
	})
})

describe('teachers: development records signed off from a single-use link', () => {
	test('the mentor reads the record, signs it off once, and the link works for nothing else', async () => {
		const teacher = await createLearner({ registrationBody: 'TEACHER', name: 'Amira Haddad' })
		const mentorEmail = `mentor-${crypto.randomUUID()}@school.example`
		const record = await createRecord({
			userId: teacher.id,
			kind: 'TEACHER_SIGN_OFF',
			input: developmentRecord(mentorEmail),
		})
		const { token, subject } = await linkSentTo(mentorEmail)
		expect(subject).toContain('sign off')

		const page = await getConfirmation({ token })
		expect(page).toMatchObject({ state: 'open', signOff: true, asksForPin: false, learnerName: 'Amira Haddad' })
		expect(page.sections.map((s) => s.key)).toEqual(['activity', 'standards', 'pupilImpact', 'evidence'])
		expect(JSON.stringify(page.sections)).not.toContain(mentorEmail)

		const other = await createRecord({
			userId: teacher.id,
			kind: 'TEACHER_SIGN_OFF',
			input: developmentRecord(`other-${crypto.randomUUID()}@school.example`),
		})
		const input = {
			name: 'Priya Shah',
			email: mentorEmail,
			date: today,
			role: 'ECT mentor',
			comment: 'I saw the circles twice; the change in tutor time is real.',
			agree: 'on',
		}
		// Not for another record.
		await expect(confirmRecord({ token, recordId: other.id, input })).rejects.toMatchObject({
			code: 'CONFIRMATION_NOT_FOUND',
		})
		await confirmRecord({ token, recordId: record.id, input })
		// Once only.
		await expect(confirmRecord({ token, recordId: record.id, input })).rejects.toMatchObject({
			code: 'CONFIRMATION_USED',
		})
		expect((await getConfirmation({ token })).sections).toEqual([])

		const stored = await prisma.confirmation.findFirstOrThrow({
			where: { recordId: record.id },
			select: { attestation: true, confirmedAt: true },
		})
		expect(stored.confirmedAt).not.toBeNull()
		expect(stored.attestation).toMatchObject({ name: 'Priya Shah', role: 'ECT mentor', comment: input.comment })

		const year = await getTeacherYear({ userId: teacher.id, today })
		expect(year.signedOff).toBe(1)
		expect(year.awaitingSignOff).toBe(1)
		expect(year.standards.find((s) => s.code === 'TS7')).toMatchObject({ records: 2 })
		expect(year.standards.find((s) => s.code === 'TS1')).toMatchObject({ records: 0, entries: 0 })

		const pdf = await pdfText((await renderRecordPdf({ userId: teacher.id, recordId: record.id })).content)
		expect(pdf).toContain('Professional development record')
		expect(pdf).toContain('Signed off by')
		expect(pdf).toContain('the change in tutor time is real')
		const csv = parseCsv((await exportRecordsCsv({ userId: teacher.id })).content)
		expect(csv.some((row) => row[4] === 'Comment on signing off' && row[5] === input.comment)).toBe(true)
	})

	test('a discussion partner’s page shows no answers, only the title', async () => {
		const nurse = await createLearner({ registrationBody: 'NMC' })
		const partnerEmail = `partner-${crypto.randomUUID()}@example.org`
		await createRecord({
			userId: nurse.id,
			kind: 'NMC_DISCUSSION',
			input: {
				title: 'Discussion',
				date: daysAgo(2),
				partnerName: 'Jo',
				partnerEmail,
				notes: 'Private notes the partner should not see here.',
			},
		})
		const page = await getConfirmation({ token: (await linkSentTo(partnerEmail)).token })
		expect(page.signOff).toBe(false)
		expect(page.sections).toEqual([])
	})

	test('the teacher’s own address cannot sign off, and a standard must be chosen', async () => {
		const teacher = await createLearner({ registrationBody: 'TEACHER' })
		await expect(
			createRecord({ userId: teacher.id, kind: 'TEACHER_SIGN_OFF', input: developmentRecord(teacher.email) }),
		).rejects.toMatchObject({ code: 'PARTNER_IS_YOU', field: 'signerEmail' })
		await expect(
			createRecord({
				userId: teacher.id,
				kind: 'TEACHER_SIGN_OFF',
				input: developmentRecord('mentor@school.example', { standards: [] }),
			}),
		).rejects.toMatchObject({ code: 'INVALID_RECORD', field: 'standards' })
	})

	test('CPD entries tagged to a standard count in the academic year', async () => {
		const teacher = await createLearner({ registrationBody: 'TEACHER' })
		await createCpdEntry({
			userId: teacher.id,
			input: {
				method: 'Course',
				title: 'Adaptive teaching INSET',
				date: daysAgo(3),
				hours: 2,
				standards: ['TS5 Adapt teaching to pupils’ needs'],
			},
		})
		const year = await getTeacherYear({ userId: teacher.id, today })
		expect(year.standards.find((s) => s.code === 'TS5')).toMatchObject({ entries: 1 })
		expect(year.standards).toHaveLength(9)
	})
})
