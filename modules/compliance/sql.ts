// Every raw SQL statement of the compliance context (ADR 0018), and the one SQL form of the
// compliance rule that other contexts' queries embed.
import { Prisma, type prisma, type Tx } from '#modules/db/client.ts'
import { type ComplianceStatus, DUE_SOON_DAYS } from './status.ts'

type Db = Tx | typeof prisma

function alias(name: string) {
	if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Not an SQL alias: ${name}`)
	return Prisma.raw(`"${name}"`)
}

/**
 * The compliance status of the LearnerAssignment aliased `la`, as an SQL expression, for `today`
 * (an ISO UK date). The query must join, by these aliases:
 *   LEFT JOIN "Certificate" <cert>     ON <cert>.id = la."certificateId"
 *   LEFT JOIN "Certificate" <renews>   ON <renews>.id = la."renewsCertificateId"
 *   LEFT JOIN "Enrolment"   <enrolment> ON <enrolment>.id = la."enrolmentId"
 * complianceJoinsSql writes those joins. A revoked certificate does not satisfy a requirement.
 */
export function complianceStatusSql({
	today,
	la = 'la',
	cert = 'la_cert',
	renews = 'la_renews',
	enrolment = 'la_enrolment',
}: {
	today: string
	la?: string
	cert?: string
	renews?: string
	enrolment?: string
}) {
	const [l, c, r, e] = [alias(la), alias(cert), alias(renews), alias(enrolment)]
	return Prisma.sql`circle_compliance_status(
		${l}."dueOn",
		CASE WHEN ${c}."revokedAt" IS NULL THEN ${l}."completedAt" END,
		${c}."validUntil",
		${r}."validUntil",
		${e}."startedAt" IS NOT NULL OR ${e}."completedAt" IS NOT NULL,
		${today}::date,
		${DUE_SOON_DAYS}::int)`
}

/** The joins complianceStatusSql reads, for the LearnerAssignment aliased `la`. */
export function complianceJoinsSql({
	la = 'la',
	cert = 'la_cert',
	renews = 'la_renews',
	enrolment = 'la_enrolment',
}: { la?: string; cert?: string; renews?: string; enrolment?: string } = {}) {
	const [l, c, r, e] = [alias(la), alias(cert), alias(renews), alias(enrolment)]
	return Prisma.sql`
		LEFT JOIN "Certificate" ${c} ON ${c}.id = ${l}."certificateId"
		LEFT JOIN "Certificate" ${r} ON ${r}.id = ${l}."renewsCertificateId"
		LEFT JOIN "Enrolment" ${e} ON ${e}.id = ${l}."enrolmentId"`
}

/** The status of each of the given LearnerAssignments on `today` (ids not found are left out). */
export async function selectComplianceStatuses(
	db: Db,
	{ ids, today }: { ids: string[]; today: string },
): Promise<Map<string, ComplianceStatus>> {
	if (ids.length === 0) return new Map()
	const rows = await db.$queryRaw<Array<{ id: string; status: ComplianceStatus }>>`
		SELECT la.id, ${complianceStatusSql({ today })} AS status
		FROM "LearnerAssignment" la ${complianceJoinsSql()}
		WHERE la.id = ANY(${ids})`
	return new Map(rows.map((row) => [row.id, row.status]))
}

/** For tests of the rule itself: what the SQL function says of one set of facts. */
export async function evaluateComplianceStatus(
	db: Db,
	facts: {
		dueOn: string
		completedAt: Date | null
		validUntil: string | null
		previousValidUntil: string | null
		started: boolean
		today: string
	},
): Promise<ComplianceStatus> {
	const [row] = await db.$queryRaw<Array<{ status: ComplianceStatus }>>`
		SELECT circle_compliance_status(${facts.dueOn}::date, ${facts.completedAt}::timestamp,
			${facts.validUntil}::date, ${facts.previousValidUntil}::date, ${facts.started}, ${facts.today}::date,
			${DUE_SOON_DAYS}::int) AS status`
	return row!.status
}
