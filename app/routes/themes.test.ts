import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { formRequest, getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createCourse } from '#tests/factories/learning.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { consentingPeople } from '#tests/factories/themes.ts'
import { action as accountAction, loader as accountLoader } from './account.themes.tsx'
import { loader as themesLoader } from './org.$slug.themes.tsx'

afterAll(releaseTestResources)

type Handler = (args: never) => Promise<unknown>

function call<T extends Handler>(handler: T, request: Request, params: Record<string, string> = {}) {
	const args = { request, params, context: { clientIp: '2001:db8::15', cspNonce: 'test' } }
	return (handler as unknown as (a: typeof args) => Promise<unknown>)(args).catch((thrown: unknown) => thrown)
}

function statusOf(outcome: unknown) {
	if (outcome instanceof Response) return outcome.status
	const init = (outcome as { init?: { status?: number } | null })?.init
	return init?.status ?? 200
}

function dataOf<T>(outcome: unknown) {
	return ((outcome as { data?: T })?.data ?? outcome) as T
}

const NOW = new Date()
const RECENT = new Date(NOW.getTime() - 30 * 24 * 60 * 60 * 1000)

describe('/org/:slug/themes', () => {
	test('visitors log in, strangers get 404 and members 403; an admin sees counts and only shared words', async () => {
		const org = await createOrganisation({ name: 'Northgate Care' })
		const course = await createCourse({ modules: 1, lessonKinds: ['QUIZ'] })
		const path = `/org/${org.slug}/themes`
		const params = { slug: org.slug }
		const group = await consentingPeople(NOW, RECENT, org.id, course, 4, { optIn: true })
		const holdout = await consentingPeople(NOW, RECENT, org.id, course, 2, { optIn: false })
		const admin = await sessionCookie(org.owner.id)

		const visitor = await call(themesLoader, getRequest(path), params)
		expect(statusOf(visitor)).toBe(302)
		const stranger = await createOrganisation()
		expect(
			statusOf(await call(themesLoader, getRequest(path, { cookie: await sessionCookie(stranger.owner.id) }), params)),
		).toBe(404)
		expect(
			statusOf(await call(themesLoader, getRequest(path, { cookie: await sessionCookie(group[0]!.id) }), params)),
		).toBe(403)

		// Four who said yes (and two who did not): nothing, however the page is asked.
		const four = dataOf<{ themes: { enough: boolean } }>(
			await call(themesLoader, getRequest(path, { cookie: admin }), params),
		)
		expect(four.themes.enough).toBe(false)

		const [fifth] = await consentingPeople(NOW, RECENT, org.id, course, 1, { optIn: true })
		// The fifth shares their reflection through the account page.
		const share = await call(
			accountAction,
			formRequest(
				'/account/themes',
				{ intent: 'reflection', reflectionId: fifth!.reflectionId, difficulty: '5', share: org.id },
				{ cookie: await sessionCookie(fifth!.id) },
			),
		)
		expect(statusOf(share)).toBe(200)
		const five = await call(themesLoader, getRequest(path, { cookie: admin }), params)
		const body = JSON.stringify(five)
		expect(dataOf<{ themes: { enough: boolean; people: number } }>(five).themes).toMatchObject({
			enough: true,
			people: 5,
		})
		expect(body).toContain(fifth!.text)
		for (const person of [...group, ...holdout]) expect(body).not.toContain(person.text)
		expect(body).not.toContain('Person 1')

		// A team the admin names that belongs to another organisation is not found, not an empty group.
		const elsewhere = await prisma.team.create({ data: { organisationId: stranger.id, name: 'Elsewhere' } })
		expect(
			statusOf(await call(themesLoader, getRequest(`${path}?team=${elsewhere.id}`, { cookie: admin }), params)),
		).toBe(404)
	})
})

describe('/account/themes', () => {
	test('says yes for one organisation; sharing elsewhere, a bad rating or another person’s reflection is refused beside the field', async () => {
		const org = await createOrganisation({ name: 'Eastfield School' })
		const other = await createOrganisation({ name: 'Westfield School' })
		const course = await createCourse({ modules: 1, lessonKinds: ['QUIZ'] })
		const [person, someoneElse] = await consentingPeople(NOW, RECENT, org.id, course, 2, { optIn: false })
		await addMember({ organisationId: other.id, userId: person!.id })
		const cookie = await sessionCookie(person!.id)

		const before = dataOf<{ organisations: Array<{ name: string; optedInAt: Date | null }> }>(
			await call(accountLoader, getRequest('/account/themes', { cookie })),
		)
		expect(before.organisations.map((o) => [o.name, o.optedInAt])).toEqual([
			['Eastfield School', null],
			['Westfield School', null],
		])

		const yes = await call(
			accountAction,
			formRequest('/account/themes', { intent: 'opt-in', organisationId: org.id, optIn: 'yes' }, { cookie }),
		)
		expect(statusOf(yes)).toBe(200)
		const memberships = await prisma.membership.findMany({
			where: { userId: person!.id },
			select: { organisationId: true, themesOptInAt: true },
		})
		expect(memberships.find((m) => m.organisationId === org.id)!.themesOptInAt).not.toBeNull()
		expect(memberships.find((m) => m.organisationId === other.id)!.themesOptInAt).toBeNull()

		// Sharing with the organisation they did not say yes to.
		const refused = await call(
			accountAction,
			formRequest(
				'/account/themes',
				{ intent: 'reflection', reflectionId: person!.reflectionId, difficulty: '3', share: [org.id, other.id] },
				{ cookie },
			),
		)
		expect(statusOf(refused)).toBe(422)
		const refusedResult = dataOf<{
			result: { error: Record<string, string[]>; initialValue: Record<string, unknown> }
		}>(refused).result
		expect(refusedResult.error.share).toEqual([expect.stringContaining('said yes to')])
		expect(refusedResult.initialValue.difficulty).toBe('3')
		expect(await prisma.reflectionShare.count({ where: { reflectionId: person!.reflectionId } })).toBe(0)

		const badRating = await call(
			accountAction,
			formRequest(
				'/account/themes',
				{ intent: 'reflection', reflectionId: person!.reflectionId, difficulty: '9', share: org.id },
				{ cookie },
			),
		)
		expect(statusOf(badRating)).toBe(400)
		const badResult = dataOf<{ result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }>(
			badRating,
		).result
		expect(badResult.error.difficulty).toEqual(['Choose how hard it was, from 1 to 5'])
		expect(badResult.initialValue.share).toBe(org.id)

		const notTheirs = await call(
			accountAction,
			formRequest(
				'/account/themes',
				{ intent: 'reflection', reflectionId: someoneElse!.reflectionId, difficulty: '2' },
				{ cookie },
			),
		)
		expect(statusOf(notTheirs)).toBe(404)
		expect((await prisma.reflection.findUniqueOrThrow({ where: { id: someoneElse!.reflectionId } })).difficulty).toBe(4)

		expect(
			statusOf(
				await call(
					accountAction,
					formRequest('/account/themes', { intent: 'opt-in', organisationId: org.id, optIn: 'yes' }),
				),
			),
		).toBe(302)
	})
})
