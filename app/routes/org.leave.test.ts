// Leaving an organisation from /org: a member leaves with one confirmed action and keeps their
// record; the last owner cannot leave; nobody can make someone else leave through this form.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { formRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { action } from './org._index.tsx'

afterAll(async () => {
	await releaseTestResources()
	await prisma.$disconnect()
})

const context = { clientIp: 'route-test', cspNonce: 'test' }

async function leave(userId: string, organisationId: string) {
	const request = formRequest('/org', { intent: 'leave', organisationId }, { cookie: await sessionCookie(userId) })
	return action({ request, params: {}, context } as never).catch((thrown: unknown) => thrown)
}

function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	return (result as { init?: { status?: number } | null }).init?.status ?? 200
}

describe('leaving an organisation', () => {
	test('a member leaves; the organisation’s single sign-on will not add them back by itself', async () => {
		const org = await createOrganisation()
		const member = await addMember({ organisationId: org.id })
		expect(statusOf(await leave(member.id, org.id))).toBe(200)
		expect(await prisma.membership.count({ where: { organisationId: org.id, userId: member.id } })).toBe(0)
		expect(
			await prisma.membershipRemoval.findUnique({
				where: { organisationId_userId: { organisationId: org.id, userId: member.id } },
			}),
		).toMatchObject({ reason: 'member.leave' })
	})

	test('the last owner cannot leave, and leaving is only ever for oneself', async () => {
		const org = await createOrganisation()
		expect(statusOf(await leave(org.owner.id, org.id))).toBe(409)
		expect(await prisma.membership.count({ where: { organisationId: org.id, userId: org.owner.id } })).toBe(1)

		const outsider = await createOrganisation()
		expect(statusOf(await leave(outsider.owner.id, org.id))).toBe(404)
		expect(await prisma.membership.count({ where: { organisationId: org.id } })).toBe(1)
	})
})
