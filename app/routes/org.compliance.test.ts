import ExcelJS from 'exceljs'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { assignCourseToPerson } from '#modules/assignments/assign-person.ts'
import { prisma } from '#modules/db/client.ts'
import { getRequest, releaseTestResources } from '#tests/factories/auth.ts'
import { createCourse } from '#tests/factories/learning.ts'
import { addMember, createOrganisation, createUser } from '#tests/factories/organisations.ts'
import { sessionCookie } from '#tests/factories/sessions.ts'
import { loader as csvLoader } from './org.$slug.compliance[.]csv.ts'
import { loader as xlsxLoader } from './org.$slug.compliance[.]xlsx.ts'
import { loader as matrixLoader } from './org.$slug.compliance.tsx'

afterAll(releaseTestResources)

type Handler = (args: never) => Promise<unknown>

function call<T extends Handler>(handler: T, request: Request, params: Record<string, string> = {}) {
	const args = { request, params, context: { clientIp: '2001:db8::77', cspNonce: 'test' } }
	return (handler as unknown as (a: typeof args) => Promise<unknown>)(args).catch((thrown: unknown) => thrown)
}

function statusOf(outcome: unknown) {
	if (outcome instanceof Response) return outcome.status
	const init = (outcome as { init?: { status?: number } | null })?.init
	return init?.status ?? 200
}

type MatrixData = {
	total: number
	rows: Array<{ name: string | null; cells: Record<string, { status: string }> }>
	query: { team: string; course: string; status: string; q: string }
	outOfDatePeople: number
}

/** An organisation with a team (North, managed by Mona) holding Ann, and Carl in no team; one course overdue for each. */
async function setUp() {
	const org = await createOrganisation()
	const ann = await addMember({ organisationId: org.id, name: 'Ann North' })
	const carl = await addMember({ organisationId: org.id, name: 'Carl Elsewhere' })
	const mona = await addMember({ organisationId: org.id, name: 'Mona Manager' })
	const north = await prisma.team.create({ data: { organisationId: org.id, name: 'North' } })
	await prisma.teamMember.createMany({
		data: [
			{ teamId: north.id, membershipId: ann.membershipId },
			{ teamId: north.id, membershipId: mona.membershipId, isManager: true },
		],
	})
	const course = await createCourse({ modules: 1, lessonKinds: ['READING'] })
	for (const person of [ann, carl]) {
		await prisma.$transaction((tx) =>
			assignCourseToPerson(tx, {
				organisationId: org.id,
				userId: person.id,
				courseId: course.id,
				dueOn: '2026-01-31',
				now: new Date('2026-01-01T10:00:00Z'),
			}),
		)
	}
	return { org, ann, carl, mona, north, course, path: `/org/${org.slug}/compliance`, params: { slug: org.slug } }
}

describe('/org/:slug/compliance', () => {
	test('who may see it: admins everyone, a team manager their team, a member 403, a stranger 404, a visitor to log in', async () => {
		const s = await setUp()
		const owner = await sessionCookie(s.org.owner.id)
		const all = (await call(matrixLoader, getRequest(s.path, { cookie: owner }), s.params)) as MatrixData
		expect(all.rows.map((r) => r.name)).toEqual(['Ann North', 'Carl Elsewhere', 'Mona Manager', 'Olive Owner'])
		expect(all.outOfDatePeople).toBe(2)

		const manager = await sessionCookie(s.mona.id)
		const theirs = (await call(matrixLoader, getRequest(s.path, { cookie: manager }), s.params)) as MatrixData
		expect(theirs.rows.map((r) => r.name)).toEqual(['Ann North', 'Mona Manager'])
		const csv = (await call(csvLoader, getRequest(`${s.path}.csv`, { cookie: manager }), s.params)) as Response
		const text = await csv.text()
		expect(text).toContain('Ann North')
		expect(text).not.toContain('Carl Elsewhere')

		const member = await sessionCookie(s.carl.id)
		for (const [loader, path] of [
			[matrixLoader, s.path],
			[csvLoader, `${s.path}.csv`],
			[xlsxLoader, `${s.path}.xlsx`],
		] as const) {
			expect(statusOf(await call(loader, getRequest(path, { cookie: member }), s.params))).toBe(403)
			const stranger = await sessionCookie((await createUser()).id)
			expect(statusOf(await call(loader, getRequest(path, { cookie: stranger }), s.params))).toBe(404)
			const visitor = (await call(loader, getRequest(path), s.params)) as Response
			expect(visitor.status).toBe(302)
			expect(visitor.headers.get('Location')).toMatch(/^\/login/)
		}
	})

	test('By team goes one level at a time: the highest teams, then a chosen team and the teams beneath it', async () => {
		const s = await setUp()
		const ward = await prisma.team.create({
			data: { organisationId: s.org.id, name: 'North ward', parentId: s.north.id },
		})
		const south = await prisma.team.create({ data: { organisationId: s.org.id, name: 'South' } })
		const cookie = await sessionCookie(s.org.owner.id)
		type Teams = { teams: Array<{ id: string; depth: number; people: number }> }
		const top = (await call(matrixLoader, getRequest(s.path, { cookie }), s.params)) as Teams
		expect(top.teams.map((t) => [t.id, t.depth])).toEqual([
			[s.north.id, 0],
			[south.id, 0],
		])
		const north = (await call(matrixLoader, getRequest(`${s.path}?team=${s.north.id}`, { cookie }), s.params)) as Teams
		expect(north.teams.map((t) => [t.id, t.depth])).toEqual([
			[s.north.id, 0],
			[ward.id, 1],
		])
		// The counts still include the teams beneath: North counts its own two people.
		expect(north.teams[0]!.people).toBe(2)
	})

	test('filters from the URL: bad values mean "any", never a 500; the exports follow them', async () => {
		const s = await setUp()
		const cookie = await sessionCookie(s.org.owner.id)
		const get = async (search: string) =>
			(await call(matrixLoader, getRequest(`${s.path}?${search}`, { cookie }), s.params)) as MatrixData
		const filtered = await get(`status=out-of-date&team=${s.north.id}`)
		expect(filtered.rows.map((r) => r.name)).toEqual(['Ann North'])
		expect(filtered.query).toMatchObject({ status: 'out-of-date', team: s.north.id })
		const junk = await get(
			`status=%00nonsense&team=${'x'.repeat(500)}&course=nope&page=-4&per=9999&q=${'%25'.repeat(300)}`,
		)
		expect(junk.query).toMatchObject({ status: '', team: '', course: '' })
		expect(junk.total).toBe(0) // a search for literal percent signs matches nobody
		expect((await get('page=99')).rows).toEqual([])

		const csv = (await call(csvLoader, getRequest(`${s.path}.csv?q=carl`, { cookie }), s.params)) as Response
		expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		expect(csv.headers.get('Content-Disposition')).toMatch(
			/^attachment; filename=".+-compliance-\d{4}-\d{2}-\d{2}\.csv"$/,
		)
		const lines = (await csv.text()).trim().split('\r\n')
		expect(lines).toHaveLength(2)
		expect(lines[1]).toMatch(/^Carl Elsewhere,.*,Overdue,2026-02-01,2026-01-31,/)

		const xlsx = (await call(xlsxLoader, getRequest(`${s.path}.xlsx?status=overdue`, { cookie }), s.params)) as Response
		expect(xlsx.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer)
		const matrix = workbook.getWorksheet('Matrix')!
		expect(matrix.rowCount).toBe(3) // the header, Ann and Carl
		expect(matrix.getRow(2).getCell(4).value).toBe('Overdue since 1 February 2026')

		// A download stopped part-way ends the writing quietly: no uncaught "Controller is already
		// closed", and no "[export] … failed" for something that did not fail.
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
		try {
			const stopped = (await call(xlsxLoader, getRequest(`${s.path}.xlsx`, { cookie }), s.params)) as Response
			const reader = stopped.body!.getReader()
			expect((await reader.read()).done).toBe(false)
			await reader.cancel()
			await new Promise((resolve) => setTimeout(resolve, 500))
			expect(errors.mock.calls.filter((args) => String(args[0]).includes('[export]'))).toEqual([])
		} finally {
			errors.mockRestore()
		}
	})
})
