// Route tests for the Restorative Justice Council and teachers' records (ADR 0031): the RJC level form
// and panels on /cpd/revalidation, RJC-approved entries, the studio's RJC approval and a mentor's sign-off.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { addToIsoDate, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { createRecord } from '#modules/reflective-records/records.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { formRequest, getRequest } from '#tests/factories/auth.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { createLearner } from '#tests/factories/certificates.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action as confirmAction, loader as confirmLoader } from './confirm.$token.tsx'
import { action as newEntryAction } from './cpd.new/route.tsx'
import { action as revalidationAction, loader as revalidationLoader } from './cpd.revalidation.tsx'
import { action as newRecordAction } from './records.new.$kind/route.tsx'
import { action as certificateAction } from './studio.courses.$courseId_.certificate.tsx'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

const today = londonToday()
const daysAgo = (days: number) => addToIsoDate(today, { days: -days })

type FormReply = {
	data?: { result?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } }
}

describe('/cpd/revalidation: the RJC level and panels', () => {
	test('a signed-out visitor is sent to log in; a learner sets and clears their level; a made-up level is refused beside the field', async () => {
		const signedOut = await runRoute(
			revalidationAction,
			formRequest('/cpd/revalidation', { intent: 'rjc-level', rjcLevel: 'ADVANCED' }),
		)
		expect(statusOf(signedOut)).toBe(302)

		const learner = await createLearner()
		const cookie = await sessionCookie(learner.id)
		const level = () => prisma.user.findUniqueOrThrow({ where: { id: learner.id }, select: { rjcLevel: true } })

		const bad = (await runRoute(
			revalidationAction,
			formRequest('/cpd/revalidation', { intent: 'rjc-level', rjcLevel: 'EXPERT' }, { cookie: cookie }),
		)) as FormReply
		expect(statusOf(bad)).toBe(400)
		expect(bad.data?.result?.error?.rjcLevel?.[0]).toBe('Choose a level from the list')
		expect((await level()).rjcLevel).toBeNull()

		await runRoute(
			revalidationAction,
			formRequest('/cpd/revalidation', { intent: 'rjc-level', rjcLevel: 'INTERMEDIATE' }, { cookie: cookie }),
		)
		expect((await level()).rjcLevel).toBe('INTERMEDIATE')
		// The revalidation date form beside it still works, and leaves the level alone.
		await runRoute(
			revalidationAction,
			formRequest('/cpd/revalidation', { revalidationDate: '2027-03-31' }, { cookie: cookie }),
		)
		expect((await level()).rjcLevel).toBe('INTERMEDIATE')

		await createRecord({
			userId: learner.id,
			kind: 'RJC_SUPERVISION',
			input: {
				title: 'Supervision',
				date: daysAgo(90),
				supervisor: 'Dee Hammond',
				supervisionType: 'Group supervision',
				casesDiscussed: 'Two cases, neither identifiable.',
				learning: 'Check readiness twice.',
				actions: 'Book the next one.',
			},
		})
		const page = (await runRoute(revalidationLoader, getRequest('/cpd/revalidation', { cookie: cookie }))) as {
			rjc: { levelLabel: string; supervision: { state: string } } | null
			teacher: unknown
		}
		expect(page.rjc).toMatchObject({ levelLabel: 'Intermediate', supervision: { state: 'overdue' } })
		expect(page.teacher).toBeNull()

		await runRoute(
			revalidationAction,
			formRequest('/cpd/revalidation', { intent: 'rjc-level', rjcLevel: '' }, { cookie: cookie }),
		)
		expect((await level()).rjcLevel).toBeNull()
	})

	test('a teacher sees the Teachers’ Standards panel', async () => {
		const teacher = await createLearner({ registrationBody: 'TEACHER' })
		const page = (await runRoute(
			revalidationLoader,
			getRequest('/cpd/revalidation', { cookie: await sessionCookie(teacher.id) }),
		)) as {
			teacher: { standards: Array<{ code: string }> } | null
			rjc: unknown
		}
		expect(page.teacher?.standards.map((s) => s.code)).toEqual([
			'TS1',
			'TS2',
			'TS3',
			'TS4',
			'TS5',
			'TS6',
			'TS7',
			'TS8',
			'Part Two',
		])
		expect(page.rjc).toBeNull()
	})

	test('a hand-made CPD entry can be marked RJC-approved', async () => {
		const learner = await createLearner()
		const cookie = await sessionCookie(learner.id)
		const result = await runRoute(
			newEntryAction,
			formRequest(
				'/cpd/new',
				{ method: 'Workshop', title: 'RJC-approved workshop', date: daysAgo(1), hours: '3', rjcApproved: 'on' },
				{ cookie: cookie },
			),
		)
		expect(statusOf(result)).toBe(302)
		const entry = await prisma.cpdEntry.findFirstOrThrow({
			where: { userId: learner.id },
			select: { rjcApproved: true },
		})
		expect(entry.rjcApproved).toBe(true)
	})
})

describe('a teacher’s development record, signed off by a mentor', () => {
	test('a record without a standard is refused beside the field with what was typed kept', async () => {
		const teacher = await createLearner({ registrationBody: 'TEACHER' })
		const reply = (await runRoute(
			newRecordAction,
			formRequest(
				'/records/new/teacher-development',
				{
					title: 'Coaching on questioning',
					date: daysAgo(2),
					activity: 'Three coaching sessions.',
					pupilImpact: 'More pupils answer in full sentences.',
					signerName: 'Priya Shah',
					signerRole: 'Mentor',
					signerEmail: 'priya.shah@school.example',
				},
				{ cookie: await sessionCookie(teacher.id) },
			),
			{ kind: 'teacher-development' },
		)) as FormReply
		expect(statusOf(reply)).toBe(400)
		expect(reply.data?.result?.error?.standards?.[0]).toBe('Choose at least one of the Teachers’ Standards')
		expect(reply.data?.result?.initialValue).toMatchObject({ title: 'Coaching on questioning' })
		expect(await prisma.reflectiveRecord.count({ where: { userId: teacher.id } })).toBe(0)
	})

	test('the mentor’s page shows the record; they sign off with a comment, once', async () => {
		const teacher = await createLearner({ registrationBody: 'TEACHER', name: 'Amira Haddad' })
		const mentorEmail = `mentor-${crypto.randomUUID()}@school.example`
		const record = await createRecord({
			userId: teacher.id,
			kind: 'TEACHER_SIGN_OFF',
			input: {
				title: 'Restorative circles in tutor time',
				date: daysAgo(5),
				activity: 'Ran weekly check-in circles.',
				standards: ['TS7 Manage behaviour effectively'],
				pupilImpact: 'Calmer starts to the day.',
				signerName: 'Priya Shah',
				signerRole: 'Mentor',
				signerEmail: mentorEmail,
			},
		})
		const message = await prisma.emailMessage.findFirstOrThrow({ where: { to: mentorEmail }, select: { text: true } })
		const token = message.text.match(/\/confirm\/([a-z2-7]+)/)![1]!

		const page = (await runRoute(confirmLoader, getRequest(`/confirm/${token}`), { token })) as {
			signOff: boolean
			sections: Array<{ heading: string; text: string }>
		}
		expect(page.signOff).toBe(true)
		expect(page.sections.find((s) => s.heading === 'The difference it made to my pupils')?.text).toBe(
			'Calmer starts to the day.',
		)

		const fields = {
			recordId: record.id,
			name: 'Priya Shah',
			email: mentorEmail,
			date: today,
			comment: 'Seen it in practice twice.',
			agree: 'on',
		}
		const done = (await runRoute(confirmAction, formRequest(`/confirm/${token}`, fields), { token })) as {
			done?: boolean
		}
		expect(done.done).toBe(true)
		const again = await runRoute(confirmAction, formRequest(`/confirm/${token}`, fields), { token })
		expect(statusOf(again)).toBe(410)
		const stored = await prisma.confirmation.findFirstOrThrow({
			where: { recordId: record.id },
			select: { attestation: true },
		})
		expect(stored.attestation).toMatchObject({ comment: 'Seen it in practice twice.' })
	})
})

describe('studio: RJC approval of a course', () => {
	test('the course’s author marks it approved; another trainer is refused', async () => {
		const { user, cookie } = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: user.id, modules: 1, lessonKinds: ['READING'] })
		const other = await createSignedInUser()
		const send = (c: string, fields: Record<string, string>) => {
			const request = formRequest(`/studio/courses/${course.id}/certificate`, fields, { cookie: c })
			request.headers.set('Origin', 'http://localhost')
			return runRoute(certificateAction, request, { courseId: course.id })
		}
		const refused = await send(other.cookie, { intent: 'rjc-approval', rjcApproved: 'on' })
		expect(statusOf(refused)).toBe(403)
		const approved = () => prisma.course.findUniqueOrThrow({ where: { id: course.id }, select: { rjcApproved: true } })
		expect((await approved()).rjcApproved).toBe(false)

		const saved = (await send(cookie, { intent: 'rjc-approval', rjcApproved: 'on' })) as { data: { rjcSaved: boolean } }
		expect(saved.data.rjcSaved).toBe(true)
		expect((await approved()).rjcApproved).toBe(true)
		await send(cookie, { intent: 'rjc-approval' })
		expect((await approved()).rjcApproved).toBe(false)
	})
})
