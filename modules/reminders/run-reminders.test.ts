import { describe, expect, test } from 'vitest'
import { assignCourseToPerson } from '#modules/assignments/assign-person.ts'
import { prisma } from '#modules/db/client.ts'
import { addMember, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { createCourse, createEnrolment, createUser } from '#tests/factories/learning.ts'
import { runDigests, runReminders } from './run-reminders.ts'

// A UK morning, so that the UK day and the UTC day agree in these instants.
const at = (isoDate: string) => new Date(`${isoDate}T07:00:00Z`)

// The scans cover the people this file made (ScanScope), not the whole shared test database: what
// other files leave behind (a 5,000-person trust, the demo) made an unscoped scan take over 30 s.
// The scope starts when this file does (a second early, for the clock's resolution): a margin of a
// minute took in the people of the file before it in this worker's database, and after the demo's
// seed (tests/data-rights/erasure-demo.test.ts) that was the whole demo trust, 16 scans of which ran
// past 30 s under load. The scope itself is tested below ("a scoped run writes only to the people in
// its scope").
const fileStarted = new Date(Date.now() - 1_000)
async function mine() {
	const users = await prisma.user.findMany({ where: { createdAt: { gte: fileStarted } }, select: { id: true } })
	return { userIds: users.map((u) => u.id) }
}

async function assigned({ dueOn, now = at('2026-12-01') }: { dueOn: string; now?: Date }) {
	const org = await createOrganisation({ name: 'Riverside Academy Trust' })
	const member = await addMember({ organisationId: org.id, name: 'Sam Taylor' })
	const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
	const { learnerAssignmentId } = await prisma.$transaction((tx) =>
		assignCourseToPerson(tx, { organisationId: org.id, userId: member.id, courseId: course.id, dueOn, now }),
	)
	return { org, member, course, learnerAssignmentId }
}

function emailsTo(to: string, template?: string) {
	return prisma.emailMessage.findMany({
		where: { to, ...(template ? { template } : {}) },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
		select: { subject: true, text: true, headers: true, template: true },
	})
}

async function certificateFor({ userId, validUntil }: { userId: string; validUntil: string }) {
	const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
	const enrolment = await createEnrolment({ userId, course })
	await prisma.enrolment.update({ where: { id: enrolment.id }, data: { completedAt: at('2025-12-01') } })
	const certificate = await prisma.certificate.create({
		data: {
			enrolmentId: enrolment.id,
			userId,
			courseId: course.id,
			code: `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
			learnerName: 'Sam Taylor',
			courseTitle: course.title,
			versionId: course.versionId,
			versionNumber: 1,
			cpdMinutes: 60,
			outcomes: [],
			completedAt: at('2025-12-01'),
			validUntil: new Date(`${validUntil}T00:00:00Z`),
		},
		select: { id: true },
	})
	return { course, enrolment, certificate }
}

describe('due-date reminders', () => {
	test('30, 7 and 1 days before and on the first overdue day, each once however often the scan runs', async () => {
		const { member } = await assigned({ dueOn: '2027-01-31' })
		const days = [
			'2026-12-31',
			'2027-01-01',
			'2027-01-02',
			'2027-01-24',
			'2027-01-30',
			'2027-01-31',
			'2027-02-01',
			'2027-02-02',
		]
		for (const day of days) {
			await runReminders({ now: at(day), scope: await mine() })
			await runReminders({ now: at(day), scope: await mine() })
		}
		const sent = await emailsTo(member.email, 'due-date-reminder')
		expect(sent.map((m) => m.subject)).toEqual([
			expect.stringMatching(/is due in 30 days$/),
			expect.stringMatching(/is due in 7 days$/),
			expect.stringMatching(/is due tomorrow$/),
			expect.stringMatching(/^Overdue: /),
		])
		expect(sent[0]!.text).toContain('by 31 January 2027')
		expect(sent[0]!.text).toContain('Riverside Academy Trust')
		expect(sent[0]!.headers).toBeNull()
	})

	test('a scan that was missed for days sends the nearest reminder only; a completed or withdrawn requirement gets none', async () => {
		const late = await assigned({ dueOn: '2027-03-31' })
		await runReminders({ now: at('2027-03-26'), scope: await mine() }) // 5 days left: the 30- and 7-day reminders were both missed
		expect((await emailsTo(late.member.email)).map((m) => m.subject)).toEqual([expect.stringMatching(/due in 5 days$/)])

		const done = await assigned({ dueOn: '2027-03-31' })
		await prisma.learnerAssignment.update({
			where: { id: done.learnerAssignmentId },
			data: { completedAt: at('2027-03-01') },
		})
		const withdrawn = await assigned({ dueOn: '2027-03-31' })
		await prisma.learnerAssignment.update({
			where: { id: withdrawn.learnerAssignmentId },
			data: { cancelledAt: at('2027-03-01') },
		})
		await runReminders({ now: at('2027-03-24'), scope: await mine() })
		await runReminders({ now: at('2027-04-01'), scope: await mine() })
		expect(await emailsTo(done.member.email)).toEqual([])
		expect(await emailsTo(withdrawn.member.email)).toEqual([])
	})

	test('someone waiting for a seat is not chased for a course they cannot open', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: 1, used: 1 })
		const member = await addMember({ organisationId: org.id })
		const result = await prisma.$transaction((tx) =>
			assignCourseToPerson(tx, {
				organisationId: org.id,
				userId: member.id,
				courseId: pool.course.id,
				dueOn: '2027-05-31',
				now: at('2027-05-01'),
			}),
		)
		expect(result.waitingForSeat).toBe(true)
		await runReminders({ now: at('2027-05-30'), scope: await mine() })
		expect(await emailsTo(member.email)).toEqual([])
	})

	test('an organisation chooses its own intervals', async () => {
		const { org, member } = await assigned({ dueOn: '2027-06-30' })
		await prisma.organisation.update({ where: { id: org.id }, data: { reminderDueDays: [14] } })
		for (const day of ['2027-05-31', '2027-06-16', '2027-06-23', '2027-06-29', '2027-07-01']) {
			await runReminders({ now: at(day), scope: await mine() })
		}
		expect((await emailsTo(member.email)).map((m) => m.subject)).toEqual([
			expect.stringMatching(/due in 14 days$/),
			expect.stringMatching(/^Overdue: /),
		])
	})

	test('ten scans at once send each reminder once', async () => {
		const people = await Promise.all(Array.from({ length: 5 }, () => assigned({ dueOn: '2027-08-31' })))
		const scope = await mine()
		await Promise.all(Array.from({ length: 10 }, () => runReminders({ now: at('2027-08-30'), scope })))
		for (const { member } of people) expect(await emailsTo(member.email)).toHaveLength(1)
	})
})

describe('certificate expiry reminders', () => {
	test('90, 30 and 7 days before a required certificate expires, and the day after; none once renewed', async () => {
		const org = await createOrganisation({ name: 'Hillside Care' })
		const member = await addMember({ organisationId: org.id })
		const { course, enrolment, certificate } = await certificateFor({ userId: member.id, validUntil: '2027-12-05' })
		await prisma.learnerAssignment.create({
			data: {
				organisationId: org.id,
				userId: member.id,
				courseId: course.id,
				dueOn: new Date('2025-12-31T00:00:00Z'),
				assignedAt: at('2025-11-01'),
				enrolmentId: enrolment.id,
				completedAt: at('2025-12-01'),
				certificateId: certificate.id,
			},
		})
		for (const day of [
			'2027-09-05',
			'2027-09-06',
			'2027-11-05',
			'2027-11-28',
			'2027-12-05',
			'2027-12-06',
			'2027-12-07',
		]) {
			await runReminders({ now: at(day), scope: await mine() })
		}
		const sent = await emailsTo(member.email, 'certificate-expiry-reminder')
		expect(sent.map((m) => m.subject)).toEqual([
			expect.stringMatching(/expires in 90 days$/),
			expect.stringMatching(/expires in 30 days$/),
			expect.stringMatching(/expires in 7 days$/),
			expect.stringMatching(/has expired$/),
		])
		expect(sent[0]!.text).toContain('valid until 5 December 2027')
		expect(sent[0]!.text).toContain('Hillside Care requires it')
		// Required training: no unsubscribe link.
		expect(sent[0]!.headers).toBeNull()

		// Renewed (a later certificate on the enrolment): nothing more about the old one.
		const other = await addMember({ organisationId: org.id })
		const renewedCase = await certificateFor({ userId: other.id, validUntil: '2027-12-05' })
		await prisma.certificate.create({
			data: {
				enrolmentId: renewedCase.enrolment.id,
				userId: other.id,
				courseId: renewedCase.course.id,
				cycle: 2,
				code: `R${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
				learnerName: 'Renewed',
				courseTitle: renewedCase.course.title,
				versionId: renewedCase.course.versionId,
				versionNumber: 1,
				cpdMinutes: 60,
				outcomes: [],
				completedAt: at('2027-10-01'),
				validUntil: new Date('2028-09-30T00:00:00Z'),
			},
		})
		await runReminders({ now: at('2027-11-28'), scope: await mine() })
		expect(await emailsTo(other.email)).toEqual([])
	})

	test('a certificate nobody requires: an optional reminder with one-click unsubscribe, which the person can switch off', async () => {
		const learner = await createUser({ name: 'Ada Own' })
		await certificateFor({ userId: learner.id, validUntil: '2028-03-31' })
		await runReminders({ now: at('2028-01-01'), scope: await mine() }) // 90 days before
		const [first] = await emailsTo(learner.email)
		const headers = first!.headers as Record<string, string>
		expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
		const pref = await prisma.reminderPreference.findUniqueOrThrow({ where: { userId: learner.id } })
		expect(headers['List-Unsubscribe']).toMatch(new RegExp(`^<https?://.+/unsubscribe/${pref.unsubscribeToken}>$`))
		expect(first!.text).toContain(`/unsubscribe/${pref.unsubscribeToken}`)

		await prisma.reminderPreference.update({ where: { userId: learner.id }, data: { optionalOff: true } })
		await runReminders({ now: at('2028-03-01'), scope: await mine() }) // 30 days before: switched off
		await prisma.reminderPreference.update({ where: { userId: learner.id }, data: { optionalOff: false } })
		await runReminders({ now: at('2028-03-02'), scope: await mine() }) // switched back on: the 30-day one is not sent late
		expect(await emailsTo(learner.email)).toHaveLength(1)
		expect(await prisma.reminderEvent.count({ where: { userId: learner.id, emailMessageId: null } })).toBe(1)
	})
})

describe('nudges', () => {
	async function stalled({ lastActivityAt }: { lastActivityAt: Date }) {
		const learner = await createUser({ name: 'Nia Nudge' })
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		const enrolment = await createEnrolment({ userId: learner.id, course })
		await prisma.enrolment.update({
			where: { id: enrolment.id },
			data: { startedAt: lastActivityAt, lastActivityAt },
		})
		return { learner, course, enrolment }
	}

	test('14 and 30 days after the last visit, with a link to carry on and RFC 8058 headers; a new pause earns a new pair', async () => {
		const { learner, course, enrolment } = await stalled({ lastActivityAt: at('2027-02-01') })
		for (const day of ['2027-02-14', '2027-02-15', '2027-02-20', '2027-03-03', '2027-03-04', '2027-03-20']) {
			await runReminders({ now: at(day), scope: await mine() })
		}
		const sent = await emailsTo(learner.email, 'learning-nudge')
		expect(sent).toHaveLength(2)
		expect(sent[0]!.text).toContain(`/learn/${course.slug}`)
		expect(sent[0]!.text).toContain('2 weeks')
		expect(sent[1]!.text).toContain('about a month')
		expect(sent[0]!.headers).toMatchObject({
			'List-Unsubscribe': expect.stringMatching(/^<.+\/unsubscribe\/[\w-]+>$/),
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
		})

		// They came back on 1 April and paused again: two more nudges in time, no more.
		await prisma.enrolment.update({ where: { id: enrolment.id }, data: { lastActivityAt: at('2027-04-01') } })
		for (const day of ['2027-04-15', '2027-05-01', '2027-05-05'])
			await runReminders({ now: at(day), scope: await mine() })
		expect(await emailsTo(learner.email, 'learning-nudge')).toHaveLength(4)
	})

	test('no nudge for a finished course, a course not started, someone who switched them off, or required training', async () => {
		const finished = await stalled({ lastActivityAt: at('2027-06-01') })
		await prisma.enrolment.update({ where: { id: finished.enrolment.id }, data: { completedAt: at('2027-06-01') } })
		const notStarted = await createUser()
		await createEnrolment({
			userId: notStarted.id,
			course: await createCourse({ modules: 1, lessonKinds: ['READING'] }),
		})
		const switchedOff = await stalled({ lastActivityAt: at('2027-06-01') })
		await prisma.reminderPreference.create({
			data: { userId: switchedOff.learner.id, optionalOff: true, unsubscribeToken: `t-${switchedOff.learner.id}` },
		})
		const required = await assigned({ dueOn: '2027-12-31', now: at('2027-05-01') })
		const requiredEnrolment = await prisma.learnerAssignment.findUniqueOrThrow({
			where: { id: required.learnerAssignmentId },
			select: { enrolmentId: true },
		})
		await prisma.enrolment.update({
			where: { id: requiredEnrolment.enrolmentId! },
			data: { startedAt: at('2027-06-01'), lastActivityAt: at('2027-06-01') },
		})

		await runReminders({ now: at('2027-06-16'), scope: await mine() })
		for (const email of [finished.learner.email, notStarted.email, switchedOff.learner.email, required.member.email]) {
			expect(await emailsTo(email, 'learning-nudge')).toEqual([])
		}
	})
})

describe('weekly digest', () => {
	test('a scoped run (ScanScope) writes only to the people in its scope', async () => {
		const org = await createOrganisation({ name: 'Scoped Trust' })
		const inScope = await addMember({ organisationId: org.id, role: 'ADMIN', name: 'Ines Inside' })
		const outOfScope = await addMember({ organisationId: org.id, role: 'ADMIN', name: 'Otto Outside' })
		const learner = await addMember({ organisationId: org.id, name: 'Lee Late' })
		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		await prisma.$transaction((tx) =>
			assignCourseToPerson(tx, {
				organisationId: org.id,
				userId: learner.id,
				courseId: course.id,
				dueOn: '2028-02-28',
				now: at('2028-01-03'),
			}),
		)

		await runDigests({ now: at('2028-03-06'), scope: { userIds: [inScope.id] } })
		expect(await emailsTo(inScope.email, 'compliance-digest')).toHaveLength(1)
		expect(await emailsTo(outOfScope.email, 'compliance-digest')).toEqual([])
	})

	test('a manager gets their teams (and the teams beneath) once a week; administrators get everyone unless they switch it off', async () => {
		const week = { monday: at('2027-09-06'), tuesday: at('2027-09-07'), next: at('2027-09-13') }
		const org = await createOrganisation({ name: 'Northgate Trust' })
		const manager = await addMember({ organisationId: org.id, name: 'Mo Manager' })
		const admin = await addMember({ organisationId: org.id, role: 'ADMIN', name: 'Ade Admin' })
		const quietAdmin = await addMember({ organisationId: org.id, role: 'ADMIN', name: 'Quinn Quiet' })
		await prisma.membership.update({ where: { id: quietAdmin.membershipId }, data: { digestOff: true } })
		const school = await prisma.team.create({ data: { organisationId: org.id, name: 'North School' } })
		const year6 = await prisma.team.create({ data: { organisationId: org.id, name: 'Year 6', parentId: school.id } })
		const elsewhere = await prisma.team.create({ data: { organisationId: org.id, name: 'South School' } })
		await prisma.teamMember.create({ data: { teamId: school.id, membershipId: manager.membershipId, isManager: true } })

		const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
		const person = async (name: string, teamId: string, dueOn: string) => {
			const member = await addMember({ organisationId: org.id, name })
			await prisma.teamMember.create({ data: { teamId, membershipId: member.membershipId } })
			await prisma.$transaction((tx) =>
				assignCourseToPerson(tx, {
					organisationId: org.id,
					userId: member.id,
					courseId: course.id,
					dueOn,
					now: at('2027-07-01'),
				}),
			)
		}
		await person('Olly Overdue', year6.id, '2027-08-31')
		await person('Dana Duesoon', school.id, '2027-09-20')
		await person('Fran Fine', school.id, '2027-12-31')
		await person('Sid South', elsewhere.id, '2027-08-31')

		await runDigests({ now: week.monday, scope: await mine() })
		await runDigests({ now: week.tuesday, scope: await mine() })
		const [managerDigest, ...more] = await emailsTo(manager.email, 'compliance-digest')
		expect(more).toEqual([])
		expect(managerDigest!.subject).toBe('Northgate Trust: 1 out of date this week')
		expect(managerDigest!.text).toContain('Olly Overdue')
		expect(managerDigest!.text).toContain('Overdue (since 1 September 2027)')
		expect(managerDigest!.text).toContain('Dana Duesoon')
		expect(managerDigest!.text).toContain('Due soon (due 20 September 2027)')
		expect(managerDigest!.text).not.toContain('Fran Fine')
		expect(managerDigest!.text).not.toContain('Sid South')

		const [adminDigest] = await emailsTo(admin.email, 'compliance-digest')
		expect(adminDigest!.subject).toBe('Northgate Trust: 2 out of date this week')
		expect(adminDigest!.text).toContain('Sid South')
		expect(await emailsTo(quietAdmin.email)).toEqual([])

		await runDigests({ now: week.next, scope: await mine() })
		expect(await emailsTo(manager.email, 'compliance-digest')).toHaveLength(2)
	})
})
