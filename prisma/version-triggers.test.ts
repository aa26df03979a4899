// Migration 20261206031339: one SQL function bumps the organisation's cache versions for both the
// team report ("reportVersion") and the compliance matrix ("matrixVersion"), and one trigger
// function serves every table that carries "organisationId", told by its arguments which versions
// to bump. The caches' own tests prove each write they show bumps their version; these prove the
// shared pieces route each write to the right version, and only to it.
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '#modules/db/client.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { addMember, createInvitation, createOrganisation, createUser } from '#tests/factories/organisations.ts'

afterAll(releaseTestResources)

const versions = (id: string) =>
	prisma.organisation.findUniqueOrThrow({ where: { id }, select: { reportVersion: true, matrixVersion: true } })

describe('organisation cache version triggers', () => {
	test('an invitation bumps only the report, a team or a member only the matrix, each once per row', async () => {
		const org = await createOrganisation()
		const other = await createOrganisation()
		const start = await versions(org.id)
		const otherStart = await versions(other.id)

		const invited = await createUser()
		await createInvitation({ organisationId: org.id, poolId: null, email: invited.email })
		expect(await versions(org.id)).toEqual({ ...start, reportVersion: start.reportVersion + 1 })

		await prisma.team.create({ data: { organisationId: org.id, name: 'Night shift' } })
		expect(await versions(org.id)).toEqual({
			reportVersion: start.reportVersion + 1,
			matrixVersion: start.matrixVersion + 1,
		})

		await addMember({ organisationId: org.id })
		expect((await versions(org.id)).matrixVersion).toBe(start.matrixVersion + 2)
		expect((await versions(org.id)).reportVersion).toBe(start.reportVersion + 1)

		// Another organisation's caches are untouched by all of that.
		expect(await versions(other.id)).toEqual(otherStart)
	})

	test('moving a row between organisations bumps both', async () => {
		const from = await createOrganisation()
		const to = await createOrganisation()
		const team = await prisma.team.create({ data: { organisationId: from.id, name: 'Outreach' }, select: { id: true } })
		const before = [await versions(from.id), await versions(to.id)]
		await prisma.team.update({ where: { id: team.id }, data: { organisationId: to.id } })
		expect((await versions(from.id)).matrixVersion).toBe(before[0]!.matrixVersion + 1)
		expect((await versions(to.id)).matrixVersion).toBe(before[1]!.matrixVersion + 1)
	})

	test('the bump function refuses a column that is not a cache version', async () => {
		const org = await createOrganisation()
		await expect(prisma.$executeRaw`SELECT "circle_bump_versions"(ARRAY[${org.id}], ARRAY['name'])`).rejects.toThrow(
			/unknown version column/,
		)
	})
})
