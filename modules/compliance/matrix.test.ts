import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { assignCourseToPerson } from '#modules/assignments/assign-person.ts'
import { prisma } from '#modules/db/client.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { requireComplianceAccess } from '#modules/teams/scope.ts'
import { addMember, createOrganisation } from '#tests/factories/organisations.ts'
import { createCourse } from '#tests/factories/learning.ts'
import { describeCell } from './cell.ts'
import { streamMatrixCsv, streamMatrixXlsx } from './export.ts'
import { type MatrixFilters } from './matrix-filters.ts'
import { getComplianceMatrix, getMatrixFrame } from './matrix.ts'
import { addDays } from './status.ts'

const NOW = new Date('2026-12-06T10:00:00Z')
const NONE: MatrixFilters = { teamId: null, courseId: null, status: null, search: null }
const ORG = { kind: 'organisation' } as const
const noon = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`)
const iso = (date: Date) => date.toISOString().slice(0, 10)

/**
 * A small trust, made through the real assignment and completion paths:
 *   North (Alice in its Ward 1; Bob; Mona manages North) and South (Carol); Dave in no team;
 *   Eve has left (membership deactivated). Course A lasts 12 months; course B never expires.
 */
async function trust() {
	const org = await createOrganisation({ name: 'Riverside Test Trust' })
	const [alice, bob, carol, dave, eve, mona] = await Promise.all(
		['Alice Adams', 'Bob Brown', 'Carol Cole', 'Dave Dunn', 'Eve Evans', 'Mona Manager'].map((name) =>
			addMember({ organisationId: org.id, name }),
		),
	)
	const a = await createCourse({ modules: 1, lessonKinds: ['READING'] })
	const b = await createCourse({ modules: 1, lessonKinds: ['READING'] })
	await prisma.course.update({ where: { id: a.id }, data: { validityMonths: 12 } })
	const north = await prisma.team.create({ data: { organisationId: org.id, name: 'North' } })
	const ward = await prisma.team.create({ data: { organisationId: org.id, name: 'Ward 1', parentId: north.id } })
	const south = await prisma.team.create({ data: { organisationId: org.id, name: 'South' } })
	await prisma.teamMember.createMany({
		data: [
			{ teamId: ward.id, membershipId: alice!.membershipId },
			{ teamId: north.id, membershipId: bob!.membershipId },
			{ teamId: north.id, membershipId: mona!.membershipId, isManager: true },
			{ teamId: south.id, membershipId: carol!.membershipId },
			{ teamId: south.id, membershipId: eve!.membershipId },
		],
	})
	const assign = (userId: string, courseId: string, dueOn: string, extra = {}) =>
		prisma.$transaction((tx) =>
			assignCourseToPerson(tx, { organisationId: org.id, userId, courseId, dueOn, now: NOW, ...extra }),
		)
	await assign(alice!.id, a.id, '2026-11-30') // overdue from 1 December
	await assign(alice!.id, b.id, '2026-12-20') // due soon
	await assign(bob!.id, a.id, '2027-03-01') // not started
	await assign(carol!.id, a.id, '2027-03-01')
	await prisma.enrolment.updateMany({ where: { userId: carol!.id, courseId: a.id }, data: { startedAt: NOW } })
	await assign(dave!.id, b.id, '2027-06-01')
	await assign(dave!.id, a.id, '2027-01-31')
	await completeReading({ userId: dave!.id, lessonId: a.lessons[0]!.id })
	await assign(eve!.id, a.id, '2026-11-01')
	await prisma.membership.update({ where: { id: eve!.membershipId }, data: { deactivatedAt: NOW } })
	const certificate = await prisma.certificate.findFirstOrThrow({ where: { userId: dave!.id, courseId: a.id } })
	return {
		org,
		alice: alice!,
		bob: bob!,
		carol: carol!,
		dave: dave!,
		mona: mona!,
		a,
		b,
		north,
		ward,
		south,
		certificate,
		assign,
	}
}

const names = (m: { rows: Array<{ name: string | null }> }) => m.rows.map((r) => r.name)

describe('getComplianceMatrix', () => {
	test('rows are active members, columns assigned courses, cells the one SQL rule with since dates; counts per status and per team', async () => {
		const t = await trust()
		const m = await getComplianceMatrix({ organisationId: t.org.id, scope: ORG, filters: NONE, now: NOW })
		expect(m.today).toBe('2026-12-06')
		expect(m.columns.map((c) => c.id).sort()).toEqual([t.a.id, t.b.id].sort())
		// Everyone active, by name (the owner and the manager have nothing assigned); Eve has left.
		expect(names(m)).toEqual(['Alice Adams', 'Bob Brown', 'Carol Cole', 'Dave Dunn', 'Mona Manager', 'Olive Owner'])
		const row = (name: string) => m.rows.find((r) => r.name === name)!
		expect(describeCell(row('Alice Adams').cells[t.a.id]!)).toBe('Overdue since 1 December 2026')
		expect(describeCell(row('Alice Adams').cells[t.b.id]!)).toBe('Due soon, due 20 December 2026')
		expect(row('Bob Brown').cells[t.a.id]!.status).toBe('NOT_STARTED')
		expect(row('Bob Brown').cells[t.b.id]).toBeUndefined()
		expect(row('Carol Cole').cells[t.a.id]!.status).toBe('IN_PROGRESS')
		const validUntil = iso(t.certificate.validUntil!)
		expect(describeCell(row('Dave Dunn').cells[t.a.id]!)).toMatch(/^In date until \d+ \w+ 20\d\d$/)
		expect(row('Dave Dunn').cells[t.a.id]).toMatchObject({
			status: 'IN_DATE',
			validUntil,
			certificateCode: t.certificate.code,
		})
		expect(row('Alice Adams').teams).toEqual(['Ward 1'])
		expect(m).toMatchObject({
			total: 6,
			people: 6,
			outOfDatePeople: 1,
			counts: { EXPIRED: 0, OVERDUE: 1, DUE_SOON: 1, NOT_STARTED: 2, IN_PROGRESS: 1, IN_DATE: 1 },
		})
		// Per team, counting the teams beneath: North has Ward 1's Alice, Bob and its manager Mona.
		const team = (name: string) => m.teams.find((x) => x.name === name)!
		expect(m.teams.map((x) => [x.name, x.depth])).toEqual([
			['North', 0],
			['Ward 1', 1],
			['South', 0],
		])
		expect(team('North')).toMatchObject({
			people: 3,
			outOfDatePeople: 1,
			counts: { OVERDUE: 1, DUE_SOON: 1, NOT_STARTED: 1 },
		})
		expect(team('Ward 1')).toMatchObject({ people: 1, outOfDatePeople: 1 })
		// Eve left: neither her row nor her overdue requirement counts.
		expect(team('South')).toMatchObject({ people: 1, outOfDatePeople: 0, counts: { IN_PROGRESS: 1, OVERDUE: 0 } })
	})

	test('filters: out of date today, one status, team with its sub-teams, course, name search; paging', async () => {
		const t = await trust()
		const view = (filters: Partial<MatrixFilters>, page = {}) =>
			getComplianceMatrix({ organisationId: t.org.id, scope: ORG, filters: { ...NONE, ...filters }, now: NOW, ...page })
		expect(names(await view({ status: 'OUT_OF_DATE' }))).toEqual(['Alice Adams'])
		expect(names(await view({ status: 'NOT_STARTED' }))).toEqual(['Bob Brown', 'Dave Dunn'])
		expect(names(await view({ teamId: t.north.id }))).toEqual(['Alice Adams', 'Bob Brown', 'Mona Manager'])
		expect(names(await view({ teamId: t.ward.id }))).toEqual(['Alice Adams'])
		expect(names(await view({ search: 'COLE' }))).toEqual(['Carol Cole'])
		expect(names(await view({ search: '%' }))).toEqual([])
		const courseB = await view({ courseId: t.b.id })
		expect(courseB.columns.map((c) => c.id)).toEqual([t.b.id])
		expect(courseB.counts).toMatchObject({ DUE_SOON: 1, NOT_STARTED: 1, OVERDUE: 0 })
		// Counts ignore the status filter (each count is a link to that filter); rows do not.
		expect((await view({ status: 'IN_DATE' })).counts.OVERDUE).toBe(1)
		const page2 = await view({}, { limit: 4, offset: 4 })
		expect(names(page2)).toEqual(['Mona Manager', 'Olive Owner'])
		expect(page2.total).toBe(6)
		// A team or course from elsewhere means "any", never someone else's data.
		const other = await createOrganisation()
		const strangerTeam = await prisma.team.create({ data: { organisationId: other.id, name: 'Elsewhere' } })
		expect((await view({ teamId: strangerTeam.id })).total).toBe(6)
	})

	test('a team manager sees only their teams and those beneath them', async () => {
		const t = await trust()
		const access = await requireComplianceAccess({ user: { id: t.mona.id, role: 'LEARNER' }, slug: t.org.slug })
		expect(access.scope.kind).toBe('teams')
		const m = await getComplianceMatrix({ organisationId: t.org.id, scope: access.scope, filters: NONE, now: NOW })
		expect(names(m)).toEqual(['Alice Adams', 'Bob Brown', 'Mona Manager'])
		expect(m.teams.map((x) => x.name)).toEqual(['North', 'Ward 1'])
		expect(m.counts.IN_PROGRESS).toBe(0) // Carol's, in South
		// Someone else's team in the URL is ignored: still only North.
		const south = await getComplianceMatrix({
			organisationId: t.org.id,
			scope: access.scope,
			filters: { ...NONE, teamId: t.south.id },
			now: NOW,
		})
		expect(names(south)).toEqual(['Alice Adams', 'Bob Brown', 'Mona Manager'])
		// A plain member is refused.
		await expect(
			requireComplianceAccess({ user: { id: t.carol.id, role: 'LEARNER' }, slug: t.org.slug }),
		).rejects.toMatchObject({
			code: 'NOT_A_TEAM_MANAGER',
		})
	})

	test('with a controlled clock: in date → renewal due soon → expired since the day after validity → renewed', async () => {
		const t = await trust()
		// Cycle 2 is completed below at the real time, so cycle 1 is made to lapse five days after it
		// was completed (as one issued long ago would), not a year later.
		const validUntil = addDays(iso(t.certificate.completedAt), 5)
		await prisma.certificate.update({
			where: { id: t.certificate.id },
			data: { validUntil: new Date(`${validUntil}T00:00:00Z`) },
		})
		const daveA = async (now: Date) => {
			const m = await getComplianceMatrix({
				organisationId: t.org.id,
				scope: ORG,
				filters: { ...NONE, search: 'Dave' },
				now,
			})
			return m.rows[0]!.cells[t.a.id]!
		}
		expect((await daveA(noon(validUntil))).status).toBe('IN_DATE')
		const lapsed = await daveA(noon(addDays(validUntil, 1)))
		expect(describeCell(lapsed)).toBe(describeCell({ ...lapsed, status: 'EXPIRED' }))
		expect(lapsed.status).toBe('EXPIRED')
		expect(describeCell(lapsed)).toContain('Expired since')

		// The renewal job's row (cycle 2) becomes the cell: due soon 20 days before, expired the day after.
		await t.assign(t.dave.id, t.a.id, validUntil, { kind: 'RENEWAL', cycle: 2, renewsCertificateId: t.certificate.id })
		const renewalDue = await daveA(noon(addDays(validUntil, -20)))
		expect(renewalDue).toMatchObject({ status: 'DUE_SOON', cycle: 2, previousValidUntil: validUntil })
		expect(describeCell(renewalDue)).toMatch(/^Due soon, due /)
		const renewalLapsed = await daveA(noon(addDays(validUntil, 1)))
		expect(renewalLapsed).toMatchObject({ status: 'EXPIRED', cycle: 2 })
		expect(describeCell(renewalLapsed)).toBe(describeCell(lapsed))
		// Completing cycle 2 turns it green, seen at once (the write bumps the matrix version).
		await completeReading({ userId: t.dave.id, lessonId: t.a.lessons[0]!.id })
		const renewed = await daveA(noon(addDays(validUntil, 1)))
		expect(renewed).toMatchObject({ status: 'IN_DATE', cycle: 2 })
		expect(renewed.certificateCode).not.toBe(t.certificate.code)
	})

	test('cached views are exact: every write the matrix shows bumps the organisation’s matrix version', async () => {
		const t = await trust()
		const version = async () =>
			(await prisma.organisation.findUniqueOrThrow({ where: { id: t.org.id }, select: { matrixVersion: true } }))
				.matrixVersion
		const view = () => getComplianceMatrix({ organisationId: t.org.id, scope: ORG, filters: NONE, now: NOW })
		expect((await view()).counts.DUE_SOON).toBe(1)
		let before = await version()
		await completeReading({ userId: t.alice.id, lessonId: t.b.lessons[0]!.id })
		expect(await version()).toBeGreaterThan(before)
		const after = await view()
		expect(after.counts).toMatchObject({ DUE_SOON: 0, IN_DATE: 2 })

		// A first start (not started → in progress), a rename, a team move, someone leaving.
		before = await version()
		await prisma.enrolment.updateMany({ where: { userId: t.bob.id, courseId: t.a.id }, data: { startedAt: NOW } })
		expect(await version()).toBeGreaterThan(before)
		expect((await view()).counts.IN_PROGRESS).toBe(2)
		await prisma.user.update({ where: { id: t.bob.id }, data: { name: 'Zed Brown' } })
		expect(names(await view()).at(-1)).toBe('Zed Brown')
		await prisma.teamMember.delete({
			where: { teamId_membershipId: { teamId: t.north.id, membershipId: t.bob.membershipId } },
		})
		expect(
			names(
				await getComplianceMatrix({
					organisationId: t.org.id,
					scope: ORG,
					filters: { ...NONE, teamId: t.north.id },
					now: NOW,
				}),
			),
		).toEqual(['Alice Adams', 'Mona Manager'])
		await prisma.membership.updateMany({
			where: { organisationId: t.org.id, userId: t.carol.id },
			data: { deactivatedAt: NOW },
		})
		expect(names(await view())).not.toContain('Carol Cole')
		// A revoked certificate no longer meets the requirement: Dave is back to in progress, due 31 January.
		before = await version()
		await prisma.certificate.update({ where: { id: t.certificate.id }, data: { revokedAt: NOW } })
		expect(await version()).toBeGreaterThan(before)
		const dave = (await view()).rows.find((r) => r.name === 'Dave Dunn')!
		expect(dave.cells[t.a.id]).toMatchObject({ status: 'IN_PROGRESS', certificateCode: null, dueOn: '2027-01-31' })
	})
})

async function readAll(stream: ReadableStream<Uint8Array>) {
	return Buffer.from(await new Response(stream).arrayBuffer())
}

describe('exports', () => {
	test('CSV: one line per requirement with the page’s filters; out of date today lists who and since when', async () => {
		const t = await trust()
		const frame = await getMatrixFrame({ organisationId: t.org.id, scope: ORG, now: NOW })
		const csv = async (filters: Partial<MatrixFilters>, batchSize?: number) =>
			(
				await readAll(
					streamMatrixCsv({ organisationId: t.org.id, scope: ORG, filters: { ...NONE, ...filters }, frame, batchSize }),
				)
			)
				.toString('utf8')
				.replace(/^\uFEFF/, '')
				.trim()
				.split('\r\n')
		const all = await csv({}, 2)
		expect(all[0]).toBe(
			'Name,Email,Teams,Course,Status,Out of date since,Due on,Completed on,Valid until,Cycle,Certificate,Note',
		)
		expect(all).toHaveLength(1 + 6) // six requirements among active members, read two people at a time
		const outOfDate = await csv({ status: 'OUT_OF_DATE' })
		expect(outOfDate).toHaveLength(2)
		expect(outOfDate[1]).toMatch(/^Alice Adams,.*,Ward 1,.*,Overdue,2026-12-01,2026-11-30,,,1,,$/)
	})

	test('CSV and XLSX neutralise formulas in names; XLSX has a summary, a matrix and requirements with frozen headers', async () => {
		const t = await trust()
		await prisma.user.update({ where: { id: t.bob.id }, data: { name: '=HYPERLINK("http://evil.example","Bob")' } })
		const frame = await getMatrixFrame({ organisationId: t.org.id, scope: ORG, now: NOW })
		const options = { organisationId: t.org.id, scope: ORG, filters: NONE, frame }
		const csv = (await readAll(streamMatrixCsv(options))).toString('utf8')
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Bob"")"`)

		const bytes = await readAll(streamMatrixXlsx({ ...options, organisationName: t.org.name, now: NOW }))
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Matrix', 'Requirements'])
		const summary = workbook.getWorksheet('Summary')!
		expect(summary.getCell('A2').value).toBe('As of 6 December 2026 (UK)')
		expect(summary.getColumn(1).values).toContain('People out of date today (overdue or expired)')
		const matrix = workbook.getWorksheet('Matrix')!
		expect(matrix.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
		const header = (matrix.getRow(1).values as string[]).slice(1)
		expect(header.slice(0, 3)).toEqual(['Name', 'Email', 'Teams'])
		// Rows in name order: '=HYPERLINK…' sorts before 'Alice'.
		expect(matrix.getRow(2).getCell(1).value).toBe(`'=HYPERLINK("http://evil.example","Bob")`)
		const alice = matrix.getRow(3)
		expect(alice.getCell(1).value).toBe('Alice Adams')
		const aCol = header.indexOf(t.a.title) + 1
		expect(alice.getCell(aCol).value).toBe('Overdue since 1 December 2026')
		const requirements = workbook.getWorksheet('Requirements')!
		expect(requirements.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
		expect(requirements.rowCount).toBe(1 + 6)
	})
})
