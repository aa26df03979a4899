// Route tests for reflective records and the partner's confirmation page, called with real Requests
// and real session cookies.
import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest } from '#tests/factories/auth.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { londonToday } from '#modules/portfolio/cpd-dates.ts'
import { createRecord } from '#modules/reflective-records/records.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { createLearner } from '#tests/factories/certificates.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action as confirmAction, loader as confirmLoader } from './confirm.$token.tsx'
import { loader as pdfLoader } from './records.$id[.]pdf.ts'
import { action as recordAction, loader as recordLoader } from './records.$id.tsx'
import { action as newAction } from './records.new.$kind/route.tsx'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

async function discussionWithLink(userId: string) {
	const partnerEmail = `partner-${crypto.randomUUID()}@example.org`
	const record = await createRecord({
		userId,
		kind: 'NMC_DISCUSSION',
		input: { title: 'Discussion', date: londonToday(), partnerName: 'Jo', partnerEmail },
	})
	const message = await prisma.emailMessage.findFirstOrThrow({ where: { to: partnerEmail }, select: { text: true } })
	return { record, token: message.text.match(/\/confirm\/([a-z2-7]+)/)![1]! }
}

describe('reflective records routes', () => {
	test('a record, its PDF and its actions are its author’s alone; signed out goes to login', async () => {
		const owner = await createLearner({ registrationBody: 'NMC' })
		const other = await createLearner()
		const { record } = await discussionWithLink(owner.id)
		const otherCookie = await sessionCookie(other.id)
		expect(
			statusOf(
				await runRoute(recordLoader, getRequest(`/records/${record.id}`, { cookie: otherCookie }), { id: record.id }),
			),
		).toBe(404)
		expect(
			statusOf(
				await runRoute(pdfLoader, getRequest(`/records/${record.id}.pdf`, { cookie: otherCookie }), { id: record.id }),
			),
		).toBe(404)
		expect(
			statusOf(
				await runRoute(
					recordAction,
					formRequest(`/records/${record.id}`, { intent: 'delete' }, { cookie: otherCookie }),
					{ id: record.id },
				),
			),
		).toBe(404)
		expect(await prisma.reflectiveRecord.count({ where: { id: record.id } })).toBe(1)
		const signedOut = await runRoute(recordLoader, getRequest(`/records/${record.id}`), { id: record.id })
		expect(signedOut).toBeInstanceOf(Response)
		expect((signedOut as Response).headers.get('Location')).toMatch(/^\/login/)

		const pdf = await runRoute(
			pdfLoader,
			getRequest(`/records/${record.id}.pdf`, { cookie: await sessionCookie(owner.id) }),
			{ id: record.id },
		)
		expect((pdf as Response).headers.get('Content-Type')).toBe('application/pdf')
	})

	test('the learner’s own address as the partner’s comes back beside the field, with what they typed', async () => {
		const learner = await createLearner({ registrationBody: 'NMC' })
		const result = await runRoute(
			newAction,
			formRequest(
				'/records/new/nmc-reflective-discussion',
				{ title: 'Kept title', date: londonToday(), partnerName: 'Jo', partnerEmail: learner.email },
				{ cookie: await sessionCookie(learner.id) },
			),
			{ kind: 'nmc-reflective-discussion' },
		)
		expect(statusOf(result)).toBe(422)
		const reply = (
			result as { data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> } } }
		).data.result
		expect(reply.error.partnerEmail).toEqual(['Enter someone else’s email address, not your own'])
		expect(reply.initialValue.title).toBe('Kept title')
	})

	test('the confirmation page: a bad PIN is refused beside its field, then the link works once and is gone', async () => {
		const learner = await createLearner({ name: 'Efa Rhys', registrationBody: 'NMC' })
		const { record, token } = await discussionWithLink(learner.id)
		const loaded = (await runRoute(confirmLoader, getRequest(`/confirm/${token}`), { token })) as {
			state: string
			recordId: string
		}
		expect(loaded).toMatchObject({ state: 'open', recordId: record.id })

		const fields = { recordId: record.id, name: 'Jo Okafor', email: 'jo@example.org', date: londonToday(), agree: 'on' }
		const badPin = await runRoute(confirmAction, formRequest(`/confirm/${token}`, { ...fields, pin: 'AB123' }), {
			token,
		})
		expect(statusOf(badPin)).toBe(400)
		expect((badPin as { data: { result: { error: Record<string, string[]> } } }).data.result.error.pin?.[0]).toMatch(
			/two numbers, a letter, four numbers and a letter/,
		)

		const ok = await runRoute(confirmAction, formRequest(`/confirm/${token}`, { ...fields, pin: '12A3456E' }), {
			token,
		})
		expect(ok).toMatchObject({ done: true })
		const again = await runRoute(confirmAction, formRequest(`/confirm/${token}`, { ...fields, pin: '12A3456E' }), {
			token,
		})
		expect(statusOf(again)).toBe(410)
		expect(
			((await runRoute(confirmLoader, getRequest(`/confirm/${token}`), { token })) as { state: string }).state,
		).toBe('confirmed')
		expect(
			statusOf(await runRoute(confirmLoader, getRequest(`/confirm/${'b'.repeat(52)}`), { token: 'b'.repeat(52) })),
		).toBe(404)
	})
})
