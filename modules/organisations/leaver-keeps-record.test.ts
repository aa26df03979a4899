// A person's record is theirs, not their employer's (issue 15, item 4): however a membership ends
// (an administrator removes them, they leave, the identity provider deactivates or deletes them
// through SCIM), every certificate, CPD entry, reflection, reflective record with its confirmation
// and circle attendance stays exactly as it was. The check reads every table with a "userId" column
// from the database itself, so a table added later is covered too.
import { afterAll, describe, expect, test } from 'vitest'
import { Prisma, prisma } from '#modules/db/client.ts'
import { createRecord } from '#modules/reflective-records/records.ts'
import { deleteScimUser, patchScimUser } from '#modules/scim/users.ts'
import { authenticateScimToken } from '#modules/scim/tokens.ts'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { createCircle } from '#tests/factories/circles.ts'
import { createReflection, issueTestCertificate } from '#tests/factories/certificates.ts'
import { createOrganisation, createSeatPool } from '#tests/factories/organisations.ts'
import { ENTRA_DEACTIVATE, scimTokenFor, verifiedDomain } from '#tests/factories/scim.ts'
import { claimSeat } from './claim-seat.ts'
import { leaveOrganisation, removeMember } from './members.ts'

afterAll(async () => {
	await releaseTestResources()
	await prisma.$disconnect()
})

/** Tables whose rows may go when a membership ends: the membership itself and what only signs someone in. */
const MAY_LOSE_ROWS = new Set(['Membership', 'Session', 'SignInChallenge'])
/** The person's own record: every row must stay byte for byte as it was. */
const RECORD_TABLES = [
	'Certificate',
	'CpdEntry',
	'Reflection',
	'ReflectiveRecord',
	'CircleAttendance',
	'CircleBooking',
	'ProgrammeCertificate',
	'LessonProgress',
	'QuizAttempt',
]

async function userTables() {
	const rows = await prisma.$queryRaw<Array<{ table_name: string }>>`
		SELECT table_name::text AS table_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND column_name = 'userId'
		ORDER BY table_name`
	return rows.map((r) => r.table_name)
}

/** Every row of every table with a "userId" column that belongs to `userId`, as JSON, by table. */
async function snapshot(userId: string) {
	const tables = await userTables()
	const result: Record<string, Array<Record<string, unknown>>> = {}
	for (const table of tables) {
		// The table's name comes from the catalogue above, never from input.
		const rows = await prisma.$queryRaw<Array<{ row: Record<string, unknown> }>>(
			Prisma.sql`SELECT to_jsonb(t) AS row FROM ${Prisma.raw(`"${table}"`)} t WHERE t."userId" = ${userId} ORDER BY to_jsonb(t)::text`,
		)
		result[table] = rows.map((r) => r.row)
	}
	const confirmations = await prisma.confirmation.findMany({
		where: { record: { userId } },
		orderBy: { id: 'asc' },
	})
	return { tables: result, confirmations }
}

function keyOf(row: Record<string, unknown>) {
	return typeof row.id === 'string' ? row.id : JSON.stringify(row)
}

/** A member of an organisation with a bit of everything a learner owns, some of it earned through the organisation. */
async function memberWithARecord() {
	const org = await createOrganisation()
	const domain = await verifiedDomain(org.id)
	const user = await prisma.user.create({
		data: { email: `leaver-${crypto.randomUUID()}@${domain}`, name: 'Rhian Leaver', emailVerifiedAt: new Date() },
		select: { id: true, email: true },
	})
	const membership = await prisma.membership.create({
		data: { organisationId: org.id, userId: user.id, role: 'MEMBER' },
		select: { id: true },
	})
	// A course on the organisation's seat, finished, with a certificate and a lesson reflection.
	const pool = await createSeatPool({ organisationId: org.id })
	await claimSeat({ poolId: pool.id, userId: user.id })
	const enrolment = await prisma.enrolment.update({
		where: { userId_courseId: { userId: user.id, courseId: pool.course.id } },
		data: { startedAt: new Date('2026-10-01T09:00:00Z'), completedAt: new Date('2026-10-02T09:00:00Z') },
		select: { id: true },
	})
	await issueTestCertificate(enrolment.id)
	await createReflection({ userId: user.id, courseId: pool.course.id, text: 'Slowing down before I answer.' })
	await prisma.cpdEntry.create({
		data: { userId: user.id, source: 'MANUAL', method: 'Supervision', title: 'Group supervision', date: new Date('2026-09-01'), minutes: 60 },
	})
	await createRecord({
		userId: user.id,
		kind: 'NMC_REFLECTIVE_ACCOUNT',
		input: {
			title: 'After a difficult handover',
			date: '2026-10-03',
			activity: 'A restorative conversation at handover.',
			learnt: 'Asking what happened first.',
			changedPractice: 'I open debriefs with the restorative questions.',
			codeThemes: ['Practise effectively'],
			codeRelevance: 'Working with colleagues to keep care safe.',
		},
	})
	await createRecord({
		userId: user.id,
		kind: 'NMC_DISCUSSION',
		input: {
			title: 'Discussion with a colleague',
			date: '2026-10-04',
			partnerName: 'Jo Okafor',
			partnerEmail: `partner-${crypto.randomUUID()}@example.org`,
		},
	})
	// A team circle of the organisation, attended, with its participatory CPD entry.
	const circle = await createCircle({ organisationId: org.id, startsAt: new Date('2026-10-05T09:00:00Z') })
	await prisma.circleBooking.create({ data: { circleId: circle.id, userId: user.id, status: 'BOOKED', bookedAt: new Date() } })
	const attendance = await prisma.circleAttendance.create({
		data: { circleId: circle.id, userId: user.id, method: 'REGISTER', attendedAt: circle.startsAt },
		select: { id: true },
	})
	await prisma.cpdEntry.create({
		data: {
			userId: user.id,
			source: 'CIRCLE',
			method: 'Reflective circle',
			title: circle.title,
			date: new Date('2026-10-05'),
			minutes: 90,
			participatoryMinutes: 90,
			circleAttendanceId: attendance.id,
		},
	})
	return { org, user, membershipId: membership.id }
}

async function scimCall(org: Awaited<ReturnType<typeof createOrganisation>>) {
	const { token } = await scimTokenFor(org)
	return { client: await authenticateScimToken({ token, now: new Date() }), origin: {}, now: new Date() }
}

const WAYS_TO_GO = {
	'an administrator removes them': async ({ org, membershipId }: Awaited<ReturnType<typeof memberWithARecord>>) => {
		await removeMember({ organisationId: org.id, membershipId, actorId: org.owner.id })
	},
	'they leave of their own accord': async ({ org, user }: Awaited<ReturnType<typeof memberWithARecord>>) => {
		await leaveOrganisation({ organisationId: org.id, userId: user.id })
	},
	'SCIM deactivates them': async ({ org, membershipId }: Awaited<ReturnType<typeof memberWithARecord>>) => {
		await patchScimUser({ id: membershipId, body: ENTRA_DEACTIVATE, baseUrl: 'http://localhost', ...(await scimCall(org)) })
	},
	'SCIM deletes them': async ({ org, membershipId }: Awaited<ReturnType<typeof memberWithARecord>>) => {
		await deleteScimUser({ id: membershipId, ...(await scimCall(org)) })
	},
}

describe('leaving an organisation keeps the person’s whole record', () => {
	test.each(Object.entries(WAYS_TO_GO))('when %s', async (_, leave) => {
		const member = await memberWithARecord()
		const before = await snapshot(member.user.id)
		// The fixture really has something in each of the record's tables it can fill.
		for (const table of ['Certificate', 'CpdEntry', 'Reflection', 'ReflectiveRecord', 'CircleAttendance', 'CircleBooking']) {
			expect(before.tables[table]?.length, table).toBeGreaterThan(0)
		}
		expect(before.confirmations).toHaveLength(1)

		await leave(member)

		const after = await snapshot(member.user.id)
		for (const table of RECORD_TABLES) expect(after.tables[table], table).toEqual(before.tables[table])
		expect(after.confirmations).toEqual(before.confirmations)
		for (const [table, rows] of Object.entries(before.tables)) {
			if (MAY_LOSE_ROWS.has(table)) continue
			const kept = new Set((after.tables[table] ?? []).map(keyOf))
			for (const row of rows) expect(kept.has(keyOf(row)), `${table} ${keyOf(row)}`).toBe(true)
		}
		// The account itself stays, usable by its owner.
		expect(await prisma.user.findUniqueOrThrow({ where: { id: member.user.id }, select: { disabledAt: true } })).toEqual({
			disabledAt: null,
		})
	})
})
