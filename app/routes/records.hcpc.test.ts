// Route tests for the HCPC profile builder, called with real Requests and real session cookies.
import { afterAll, describe, expect, test } from 'vitest'
import { formRequest, getRequest } from '#tests/factories/auth.ts'
import { runRoute, statusOf } from '#tests/factories/routes.ts'
import { prisma } from '#modules/db/client.ts'
import { stopBoss } from '#modules/jobs/boss.ts'
import { addToIsoDate, londonToday } from '#modules/portfolio/cpd-dates.ts'
import { createCpdEntry } from '#modules/portfolio/create-cpd-entry.ts'
import { createRecord } from '#modules/reflective-records/records.ts'
import { closeThrottles } from '#modules/security/throttle.ts'
import { createCertificate, createLearner, createReflection } from '#tests/factories/certificates.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action as editAction, loader as editLoader } from './records.$id_.edit.tsx'
import { loader as recordLoader } from './records.$id.tsx'
import { action as newAction, loader as newLoader } from './records.new.$kind/route.tsx'

afterAll(async () => {
	await stopBoss({ timeoutMs: 1000 })
	await closeThrottles()
	await prisma.$disconnect()
})

const today = londonToday()
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

type Reply = { data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> } } }

describe('HCPC profile builder routes', () => {
	test('a 1,501-word statement is refused beside the field with the text kept, on the new and edit pages', async () => {
		const learner = await createLearner({ registrationBody: 'HCPC' })
		const cookie = await sessionCookie(learner.id)
		const statement = words(1501)
		const fields = { title: 'My profile', date: today, summary: 'I am an occupational therapist.', statement }
		const created = await runRoute(newAction, formRequest('/records/new/hcpc-profile', fields, { cookie: cookie }), {
			kind: 'hcpc-profile',
		})
		expect(statusOf(created)).toBe(400)
		const reply = (created as Reply).data.result
		expect(reply.error.statement).toEqual(['Your statement is 1,501 words: the HCPC allows up to 1,500. Cut 1 word.'])
		expect(reply.initialValue.statement).toBe(statement)
		expect(reply.initialValue.summary).toBe('I am an occupational therapist.')
		expect(await prisma.reflectiveRecord.count({ where: { userId: learner.id } })).toBe(0)

		const { id } = await createRecord({
			userId: learner.id,
			kind: 'HCPC_PROFILE',
			input: { ...fields, statement: 'Short.' },
		})
		const edited = await runRoute(editAction, formRequest(`/records/${id}/edit`, fields, { cookie: cookie }), { id })
		expect(statusOf(edited)).toBe(400)
		expect((edited as Reply).data.result.error.statement?.[0]).toMatch(/1,501 words/)
		const saved = await prisma.reflectiveRecord.findUniqueOrThrow({ where: { id }, select: { fields: true } })
		expect(saved.fields).toMatchObject({ statement: 'Short.' })
	})

	test('the builder shows the dated list with a four-month gap, and a profile is its author’s alone', async () => {
		const learner = await createLearner({ registrationBody: 'HCPC' })
		const ago = (days: number) => addToIsoDate(today, { days: -days })
		for (const days of [300, 160, 100, 40]) {
			await createCpdEntry({
				userId: learner.id,
				input: { method: days === 300 ? 'Supervision' : 'Course', title: `Entry ${days}`, date: ago(days), hours: 1 },
			})
		}
		const cookie = await sessionCookie(learner.id)
		const loaded = (await runRoute(newLoader, getRequest('/records/new/hcpc-profile', { cookie: cookie }), {
			kind: 'hcpc-profile',
		})) as {
			hcpc: { gaps: Array<{ after: string | null; before: string | null; months: number }>; enoughTypes: boolean }
		}
		expect(loaded.hcpc.gaps).toContainEqual(
			expect.objectContaining({ after: 'Entry 300', before: 'Entry 160', months: 4 }),
		)
		expect(loaded.hcpc.enoughTypes).toBe(true)

		const { id } = await createRecord({
			userId: learner.id,
			kind: 'HCPC_PROFILE',
			input: { title: 'My profile', date: today },
		})
		const other = await sessionCookie((await createLearner()).id)
		expect(statusOf(await runRoute(recordLoader, getRequest(`/records/${id}`, { cookie: other }), { id }))).toBe(404)
		expect(statusOf(await runRoute(editLoader, getRequest(`/records/${id}/edit`, { cookie: other }), { id }))).toBe(404)
		expect(
			statusOf(
				await runRoute(
					editAction,
					formRequest(`/records/${id}/edit`, { title: 'Taken', date: today }, { cookie: other }),
					{ id },
				),
			),
		).toBe(404)
		expect((await prisma.reflectiveRecord.findUniqueOrThrow({ where: { id }, select: { title: true } })).title).toBe(
			'My profile',
		)
	})

	test('on the edit page a lesson reflection is added to the end of the statement; another learner’s is not found', async () => {
		const { user, course } = await createCertificate({ courseTitle: 'Restorative questions in practice' })
		const reflection = await createReflection({ userId: user.id, courseId: course.id, text: 'I ask before I act.' })
		const { id } = await createRecord({
			userId: user.id,
			kind: 'HCPC_PROFILE',
			input: { title: 'My profile', date: today, statement: 'My first activity.' },
		})
		const loaded = (await runRoute(
			editLoader,
			getRequest(`/records/${id}/edit?reflection=${reflection.id}`, { cookie: await sessionCookie(user.id) }),
			{ id },
		)) as { defaults: Record<string, string>; pulled: boolean }
		expect(loaded.pulled).toBe(true)
		expect(loaded.defaults.statement).toMatch(/^My first activity\.\n\nWhat the activity was: The Circle course/)
		expect(loaded.defaults.statement).toContain('What I learnt: I ask before I act.')
		expect(loaded.defaults.sourceReflectionId).toBe(reflection.id)

		const other = await createLearner({ registrationBody: 'HCPC' })
		const { id: otherId } = await createRecord({
			userId: other.id,
			kind: 'HCPC_PROFILE',
			input: { title: 'Theirs', date: today },
		})
		const stolen = await runRoute(
			editLoader,
			getRequest(`/records/${otherId}/edit?reflection=${reflection.id}`, { cookie: await sessionCookie(other.id) }),
			{ id: otherId },
		)
		expect(statusOf(stolen)).toBe(404)
	})
})
