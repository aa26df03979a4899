// Every CSV Circle writes, fed text that a spreadsheet would run as a formula: each must come out
// as text. When an export is added, add it here (and write it with modules/spreadsheets/csv.ts).
import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, test } from 'vitest'
import { releaseTestResources } from '#tests/factories/auth.ts'
import { exportCourseAnalyticsCsv } from '#modules/analytics/analytics-csv.ts'
import { streamAuditCsv } from '#modules/audit/read.ts'
import { recordAudit } from '#modules/audit/record.ts'
import { prisma } from '#modules/db/client.ts'
import { claimSeat } from '#modules/organisations/claim-seat.ts'
import { streamTeamReportCsv } from '#modules/organisations/team-report.ts'
import { exportCpdCsv } from '#modules/portfolio/export-cpd-csv.ts'
import { EXPORT_FORMATS } from '#modules/portfolio/export-formats.ts'
import { createAuthoredCourse, createSignedInUser } from '#tests/factories/authoring.ts'
import { createLearner } from '#tests/factories/certificates.ts'
import { createOrganisation, createSeatPool, createUser } from '#tests/factories/organisations.ts'

afterAll(releaseTestResources)

const PAYLOADS = ['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']

function cells(csv: string) {
	return (parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).flat()
}

/** Each payload appears as text (behind an apostrophe) and no cell is left starting like a formula. */
function expectNeutralised(csv: string) {
	const all = cells(csv)
	for (const payload of PAYLOADS) expect(all).toContain(`'${payload}`)
	expect(all.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([])
}

describe('formula injection: every CSV export writes spreadsheet formulas as text', () => {
	test('the team report CSV (staff names)', async () => {
		const org = await createOrganisation()
		const pool = await createSeatPool({ organisationId: org.id, seats: PAYLOADS.length })
		for (const name of PAYLOADS) {
			const holder = await createUser({ name })
			await claimSeat({ poolId: pool.id, userId: holder.id })
		}
		const bytes = await new Response(streamTeamReportCsv({ organisationId: org.id })).arrayBuffer()
		expectNeutralised(new TextDecoder().decode(bytes))
	})

	test('the course analytics CSV (question and answer text)', async () => {
		const owner = await createSignedInUser()
		const course = await createAuthoredCourse({ ownerId: owner.user.id, modules: 1 })
		const quiz = course.lessons.find((l) => l.kind === 'QUIZ')!
		const options = quiz.questions.flatMap((q) => q.options)
		expect(options.length).toBeGreaterThanOrEqual(PAYLOADS.length)
		for (const [i, payload] of PAYLOADS.entries()) {
			await prisma.option.update({ where: { id: options[i]!.id }, data: { text: payload } })
		}
		await prisma.question.update({ where: { id: quiz.questions[0]!.id }, data: { prompt: '=1+1' } })
		const { content } = await exportCourseAnalyticsCsv({ actorId: owner.user.id, courseId: course.id })
		expectNeutralised(content)
		expect(cells(content)).toContain("'=1+1")
	})

	test.each(EXPORT_FORMATS)('the CPD portfolio CSV (%s layout: titles and the learner’s own words)', async (format) => {
		const learner = await createLearner()
		for (const [i, payload] of PAYLOADS.entries()) {
			await prisma.cpdEntry.create({
				data: {
					userId: learner.id,
					source: 'MANUAL',
					method: 'Reading',
					title: payload,
					date: new Date(Date.UTC(2026, 0, i + 1)),
					minutes: 60,
					reflection: payload,
					impactOnPractice: payload,
					standards: [],
				},
			})
		}
		const { content } = await exportCpdCsv({ userId: learner.id, format })
		expectNeutralised(content)
	})

	test('the audit log CSV (names, emails, browsers and details)', async () => {
		const org = await createOrganisation()
		for (const payload of PAYLOADS) {
			const actor = await createUser({ name: payload })
			await recordAudit(prisma, {
				actorId: actor.id,
				organisationId: org.id,
				action: 'test.formula',
				targetType: 'Membership',
				targetId: 'x',
				details: { email: payload },
				userAgent: payload,
			})
		}
		const stream = await streamAuditCsv({
			actorId: org.owner.id,
			organisationId: org.id,
			filters: { action: null, person: null, from: null, to: null },
		})
		expectNeutralised(new TextDecoder().decode(await new Response(stream).arrayBuffer()))
	})
})
