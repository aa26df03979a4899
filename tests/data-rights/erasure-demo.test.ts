import { afterAll, describe, expect, test } from 'vitest'
import { ownFreshDatabase } from '#tests/factories/fresh-database.ts'

// The dump must hold this test's database only: other files' learners (the certificate factory's
// default name is the demo learner's) would otherwise be found in a shared worker database.
const fresh = await ownFreshDatabase('erasure_demo')
const { loader: verifyLoader } = await import('#app/routes/verify.$code.tsx')
const { recordAudit } = await import('#modules/audit/record.ts')
const { createSession } = await import('#modules/auth/sessions.ts')
const { getComplianceMatrix } = await import('#modules/compliance/matrix.ts')
const { ERASED_CERTIFICATE_NAME, eraseAccount } = await import('#modules/data-rights/erasure.ts')
const { Prisma, prisma } = await import('#modules/db/client.ts')
const { getTeamReport } = await import('#modules/organisations/team-report.ts')
const { consumeThrottle } = await import('#modules/security/throttle.ts')
const { DEMO_ACCOUNTS, DEMO_ORGANISATION, seedDemo } = await import('#prisma/seed.ts')
const { DEMO_ERASABLE } = await import('#prisma/seed-erasure.ts')
const { getRequest, releaseTestResources } = await import('#tests/factories/auth.ts')
const { runRoute, statusOf } = await import('#tests/factories/routes.ts')

afterAll(async () => {
	await releaseTestResources()
	await prisma.$disconnect()
	await fresh.drop()
})

const NOW = new Date('2026-12-06T12:00:00Z')

/** Every row of every table in every schema Circle's database holds (public, pg-boss's), as text: a dump. */
async function dumpDatabase() {
	const tables = await prisma.$queryRaw<Array<{ schema: string; name: string }>>`
		SELECT table_schema::text AS schema, table_name::text AS name FROM information_schema.tables
		WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`
	const parts: string[] = []
	for (const t of tables) {
		const table = Prisma.raw(`"${t.schema}"."${t.name}"`)
		const rows = await prisma.$queryRaw<Array<{ row: string }>>`SELECT t::text AS row FROM ${table} AS t`
		parts.push(`-- ${t.schema}.${t.name}\n${rows.map((r) => r.row).join('\n')}`)
	}
	return { tables: tables.length, text: parts.join('\n') }
}

async function reportTotals(organisationId: string) {
	const { rows, total } = await getTeamReport({ organisationId, limit: 10_000 })
	const matrix = await getComplianceMatrix({
		organisationId,
		scope: { kind: 'organisation' },
		filters: { teamId: null, courseId: null, status: null, search: null },
		now: NOW,
		limit: 1,
	})
	return {
		rows: total,
		started: rows.filter((r) => r.startedAt !== null).length,
		completed: rows.filter((r) => r.completedAt !== null).length,
		certificates: rows.filter((r) => r.certificateCode !== null).length,
		matrix: { total: matrix.total, people: matrix.people, counts: matrix.counts, outOfDate: matrix.outOfDatePeople },
	}
}

describe('erasing the demo learner (issue 16, must show)', () => {
	test('no trace of their name or email anywhere in the database; the report totals stand; their certificate still verifies', async () => {
		await seedDemo({ log: () => {} })
		const demo = DEMO_ACCOUNTS.find((a) => a.label === 'Learner')!
		const admin = await prisma.user.findFirstOrThrow({ where: { role: 'ADMIN', erasedAt: null }, select: { id: true } })
		const learner = await prisma.user.findUniqueOrThrow({ where: { email: demo.email }, select: { id: true } })
		const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: DEMO_ORGANISATION.slug } })

		// What a real account gathers besides the seed: a signed-in browser, an audited sign-in from an
		// address, a throttle counter on the address, an enquiry and an email that names them.
		await createSession({ userId: learner.id, ipAddress: '198.51.100.23', userAgent: 'Firefox on Windows' })
		await recordAudit(prisma, {
			actorId: learner.id,
			action: 'auth.signed_in',
			targetType: 'User',
			targetId: learner.id,
			ipAddress: '198.51.100.23',
			userAgent: 'Firefox on Windows',
			details: { email: demo.email, name: demo.name },
		})
		await consumeThrottle('emailPerAddress', demo.email)
		await consumeThrottle('loginPerIp', '198.51.100.23')
		await prisma.enquiry.create({
			data: { name: demo.name, email: demo.email, message: 'Do you run courses in Welsh?' },
		})
		await prisma.emailMessage.create({
			data: {
				to: 'manager@riverside.example',
				subject: `${demo.name} finished a course`,
				template: 'digest',
				html: `<p>${demo.name} (${demo.email}) finished.</p>`,
				text: `${demo.name} (${demo.email}) finished.`,
			},
		})

		const certificate = await prisma.certificate.findFirstOrThrow({
			where: { userId: learner.id, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: new Date() } }] },
			select: { code: true },
		})
		const before = await reportTotals(org.id)
		const dumpBefore = await dumpDatabase()
		expect(dumpBefore.text).toContain(demo.email)
		expect(dumpBefore.text).toContain(demo.name)
		expect(dumpBefore.text).toContain('198.51.100.23')

		const summary = await eraseAccount({
			actor: { kind: 'admin', userId: admin.id },
			userId: learner.id,
			reason: `Erasure request from ${demo.name} by email on 1 December`,
			now: NOW,
		})
		expect(summary.sessionsEnded).toBeGreaterThan(0)

		const dump = await dumpDatabase()
		expect(dump.tables).toBeGreaterThan(50)
		const lower = dump.text.toLowerCase()
		for (const trace of [demo.email, demo.name, 'Llewellyn-Nowak', '198.51.100.23']) {
			const at = lower.indexOf(trace.toLowerCase())
			expect(at === -1 ? null : dump.text.slice(Math.max(0, at - 300), at + 100), trace).toBeNull()
		}

		expect(await reportTotals(org.id)).toEqual(before)

		const page = await runRoute(verifyLoader, getRequest(`/verify/${certificate.code}`), { code: certificate.code })
		expect(statusOf(page)).toBe(200)
		expect((page as { data: unknown }).data).toMatchObject({
			status: 'valid',
			code: certificate.code,
			learnerName: ERASED_CERTIFICATE_NAME,
		})

		// Signed out everywhere, and no way back in.
		expect(await prisma.session.count({ where: { userId: learner.id } })).toBe(0)
		expect(await prisma.user.findFirst({ where: { email: demo.email } })).toBeNull()

		// The demo's throwaway learner, for visitors to erase themselves, is there and erasable.
		const throwaway = await prisma.user.findUniqueOrThrow({
			where: { email: DEMO_ERASABLE.email },
			select: { id: true },
		})
		await eraseAccount({
			actor: { kind: 'self', userId: throwaway.id },
			userId: throwaway.id,
			reason: 'Trying the demo',
			now: NOW,
		})
		expect(await prisma.cpdEntry.count({ where: { userId: throwaway.id } })).toBe(0)
		expect(await prisma.membership.count({ where: { userId: throwaway.id } })).toBe(1)
	}, 240_000)
})
