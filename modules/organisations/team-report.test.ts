import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { onQuery, prisma } from '#modules/db/client.ts'
import { completeReading } from '#modules/progress/complete-reading.ts'
import { createCourse, createUser } from '#tests/factories/learning.ts'
import { createInvitation, createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { claimSeat } from './claim-seat.ts'
import { reclaimSeat } from './end-seat.ts'
import {
	countTeamReport,
	csvRecord,
	getCompletionsByWeek,
	getTeamReport,
	getTeamReportBatch,
	REPORT_STATUSES,
	type ReportRow,
	streamTeamReportCsv,
} from './team-report.ts'

afterAll(releaseTestResources)

const SEATS_PER_POOL = 150
const INVITATIONS = 5
const DAY = 24 * 60 * 60 * 1000

let org: Awaited<ReturnType<typeof createOrganisation>>
let everyRow: ReportRow[]

// Two pools of 150 held seats (plus reclaimed seats, which the report leaves out) and 5 pending
// invitations: 305 rows, enough for many pages and CSV batches. The seats' enrolments cover every
// status: completed, started, progress without a start date (in progress), enrolled only and not
// enrolled (not started). Some people share a name, some seats have no account (no name), so the order's tie-breaks count.
beforeAll(async () => {
	org = await createOrganisation()
	const courses = await Promise.all([createCourse({ modules: 2 }), createCourse({ modules: 1 })])
	const pools = await Promise.all(
		courses.map((course) => createSeatPool({ organisationId: org.id, seats: 200, course })),
	)
	const tag = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
	const people = Array.from({ length: SEATS_PER_POOL + 2 }, (_, i) => ({
		email: `report-${tag}-${String(i).padStart(3, '0')}@example.org`,
		name: `Person ${i % 40}`,
	}))
	await prisma.user.createMany({ data: people })
	const users = await prisma.user.findMany({
		where: { email: { in: people.map((p) => p.email) } },
		orderBy: { email: 'asc' },
	})
	for (const [p, pool] of pools.entries()) {
		const course = courses[p]!
		await prisma.seatAssignment.createMany({
			data: users.map((u, i) => ({
				poolId: pool.id,
				userId: i % 7 === 0 ? null : u.id,
				email: u.email,
				status: i >= SEATS_PER_POOL ? ('RECLAIMED' as const) : ('ASSIGNED' as const),
			})),
		})
		const seats = await prisma.seatAssignment.findMany({ where: { poolId: pool.id, status: 'ASSIGNED' } })
		const enrolled = seats.filter((s, i) => s.userId && i % 5 !== 4)
		await prisma.enrolment.createMany({
			data: enrolled.map((s, i) => ({
				userId: s.userId!,
				courseId: course.id,
				versionId: course.versionId,
				source: 'SEAT' as const,
				seatAssignmentId: s.id,
				startedAt: i % 4 === 0 || i % 4 === 1 ? new Date(Date.now() - 10 * DAY) : null,
				completedAt: i % 4 === 0 ? new Date(Date.now() - DAY) : null,
				lastActivityAt: i % 4 === 3 ? null : new Date(Date.now() - 2 * DAY),
			})),
		})
		const enrolments = await prisma.enrolment.findMany({ where: { courseId: course.id }, orderBy: { id: 'asc' } })
		// Part-way learners: one lesson done, another opened; a third of those without a start date.
		await prisma.lessonProgress.createMany({
			data: enrolments
				.filter((e) => !e.completedAt && e.id.charCodeAt(e.id.length - 1) % 3 !== 0)
				.flatMap((e) => [
					{
						userId: e.userId,
						enrolmentId: e.id,
						lessonId: course.lessons[0]!.id,
						lessonKey: course.lessons[0]!.key,
						status: 'COMPLETED' as const,
					},
					{ userId: e.userId, enrolmentId: e.id, lessonId: course.lessons[1]!.id, lessonKey: course.lessons[1]!.key },
				]),
		})
	}
	for (let i = 0; i < INVITATIONS; i++) {
		await createInvitation({
			organisationId: org.id,
			poolId: pools[i % 2]!.id,
			email: `invitee-${tag}-${i}@example.org`,
		})
	}
	everyRow = (await getTeamReport({ organisationId: org.id, limit: 10_000 })).rows
}, 60_000)

const keysOf = (rows: ReportRow[]) => rows.map((r) => r.key)

describe('team report paging', () => {
	test('pages of any size return every row exactly once, in the report order', async () => {
		expect(everyRow).toHaveLength(2 * SEATS_PER_POOL + INVITATIONS)
		expect(new Set(keysOf(everyRow)).size).toBe(everyRow.length)
		expect(await countTeamReport({ organisationId: org.id })).toBe(everyRow.length)
		for (const size of [37, 100]) {
			const paged: ReportRow[] = []
			for (let offset = 0; ; offset += size) {
				const page = await getTeamReport({ organisationId: org.id, limit: size, offset })
				paged.push(...page.rows)
				if (!page.truncated) break
			}
			expect(paged).toEqual(everyRow)
		}
	})

	test('the CSV batches return every row exactly once, in key order, as the CSV writes them', async () => {
		const batches: ReportRow[] = []
		for (let afterKey: string | null = null; ;) {
			const batch = await getTeamReportBatch({ organisationId: org.id, afterKey, limit: 40 })
			batches.push(...batch)
			if (batch.length < 40) break
			afterKey = batch.at(-1)!.key
		}
		const byKey = [...everyRow].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		expect(batches).toEqual(byKey)
		expect(byKey[0]!.kind).toBe('invitation')

		const text = await new Response(streamTeamReportCsv({ organisationId: org.id, batchSize: 40 })).text()
		const records = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>
		expect(records).toHaveLength(everyRow.length)
		const expected = byKey.map(csvRecord)
		expect(records.map((r) => Object.values(r))).toEqual(expected.map((r) => Object.values(r)))
	})

	test('each status filter returns exactly the rows of that status, with their counts', async () => {
		let total = 0
		for (const status of REPORT_STATUSES) {
			const expected = everyRow.filter((r) => r.status === status)
			expect(expected.length).toBeGreaterThan(0)
			const { rows } = await getTeamReport({ organisationId: org.id, filters: { status }, limit: 10_000 })
			expect(rows).toEqual(expected)
			expect(await countTeamReport({ organisationId: org.id, filters: { status } })).toBe(expected.length)
			total += expected.length
		}
		expect(total).toBe(everyRow.length)
		// Progress without a start date still counts as started; part-way rows show their percentage.
		expect(everyRow.some((r) => r.status === 'in_progress' && r.startedAt === null)).toBe(true)
		expect(everyRow.some((r) => r.status === 'in_progress' && r.progressPercent > 0 && r.progressPercent < 100)).toBe(
			true,
		)
		expect(everyRow.filter((r) => r.status === 'completed').every((r) => r.progressPercent === 100)).toBe(true)
	})
})

describe('the cached report order stays exact', () => {
	// Every change the report shows bumps Organisation.reportVersion in its own transaction (database
	// triggers), so a cached order is replaced at once: no waiting for the time limit.
	let org2: Awaited<ReturnType<typeof createOrganisation>>
	let pool: Awaited<ReturnType<typeof createSeatPool>>
	let learner: Awaited<ReturnType<typeof createUser>>
	const report = () => getTeamReport({ organisationId: org2.id, limit: 100 })
	const version = async () =>
		(await prisma.organisation.findUniqueOrThrow({ where: { id: org2.id }, select: { reportVersion: true } }))
			.reportVersion

	beforeAll(async () => {
		org2 = await createOrganisation()
		pool = await createSeatPool({
			organisationId: org2.id,
			seats: 5,
			course: await createCourse({ modules: 1, lessonKinds: ['READING'] }),
		})
		learner = await createUser({ name: 'Zara Quinn' })
	})

	test('a repeated view reads only its page: the order is not computed again', async () => {
		await report()
		const statements: string[] = []
		const stop = onQuery(({ query }) => statements.push(query))
		try {
			await report()
			await countTeamReport({ organisationId: org2.id })
		} finally {
			stop()
		}
		expect(statements.some((q) => q.includes('string_agg'))).toBe(false)
		expect(statements.filter((q) => q.includes('reportVersion'))).toHaveLength(2)
	})

	test('invitations, seats, starts, completions, renames and reclaims show on the next view', async () => {
		expect((await report()).total).toBe(0)

		const before = await version()
		const invitation = await createInvitation({ organisationId: org2.id, poolId: pool.id, email: learner.email })
		expect(await version()).toBeGreaterThan(before)
		expect((await report()).rows.map((r) => [r.kind, r.status])).toEqual([['invitation', 'invited']])

		const { assignmentId } = await acceptAndClaim(invitation.id)
		expect((await report()).rows.map((r) => [r.kind, r.status])).toEqual([['seat', 'not_started']])
		expect(await countTeamReport({ organisationId: org2.id, filters: { status: 'not_started' } })).toBe(1)

		await completeReading({ userId: learner.id, lessonId: pool.course.lessons[0]!.id })
		expect((await report()).rows.map((r) => r.status)).toEqual(['completed'])
		expect(await countTeamReport({ organisationId: org2.id, filters: { status: 'completed' } })).toBe(1)
		expect(await countTeamReport({ organisationId: org2.id, filters: { status: 'not_started' } })).toBe(0)
		const weeks = await getCompletionsByWeek({ organisationId: org2.id })
		expect(weeks.at(-1)!.completions).toBe(1)

		// A second holder named to sort first; then renamed to sort last.
		const other = await createUser({ name: 'Adam Abbott' })
		await claimSeat({ poolId: pool.id, userId: other.id })
		expect((await report()).rows.map((r) => r.name)).toEqual(['Adam Abbott', 'Zara Quinn'])
		await prisma.user.update({ where: { id: other.id }, data: { name: 'Zoe Zephyr' } })
		expect((await report()).rows.map((r) => r.name)).toEqual(['Zara Quinn', 'Zoe Zephyr'])
		expect(await countTeamReport({ organisationId: org2.id, filters: { search: 'zephyr' } })).toBe(1)

		const otherSeat = (await report()).rows.find((r) => r.name === 'Zoe Zephyr')!
		await reclaimSeat({
			organisationId: org2.id,
			poolId: pool.id,
			assignmentId: otherSeat.assignmentId!,
			actorId: org2.owner.id,
		})
		expect((await report()).rows.map((r) => r.assignmentId)).toEqual([assignmentId])
		expect(await countTeamReport({ organisationId: org2.id, filters: { search: 'zephyr' } })).toBe(0)
	})

	async function acceptAndClaim(invitationId: string) {
		return prisma.$transaction(async (tx) => {
			await tx.invitation.update({ where: { id: invitationId }, data: { acceptedAt: new Date() } })
			return claimSeat({ tx, poolId: pool.id, userId: learner.id, invitationId })
		})
	}
})
