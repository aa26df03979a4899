// Every raw SQL statement of the organisations context (ADR 0018). Each row type is built from the
// generated model types (Pick<Model, …>, Model['column']), so renaming or retyping a column in
// prisma/schema.prisma fails `tsc` here; sql.test.ts runs every statement against PostgreSQL, which
// catches what the types cannot see (the SQL text itself). The rest of the context uses Prisma's
// query builder or these functions; lint refuses $queryRaw anywhere else.
import {
	type Certificate,
	type Course,
	type CourseVersion,
	type Enrolment,
	type Invitation,
	type Membership,
	type Organisation,
	Prisma,
	prisma,
	type SeatAssignment,
	type SeatPool,
	type Tx,
	type User,
} from '#modules/db/client.ts'
import { type ScanScope, scanScopeSql } from '#modules/db/sql.ts'
import { type ReadDb } from '#modules/db/replica.ts'
import { enrolmentStartedSql } from '#modules/enrolment/started.ts'
import { type ReportStatus } from './report-status.ts'

type Db = Tx | typeof prisma

// ---- access ----------------------------------------------------------------------------------

export type OrganisationMembershipRow = Pick<Organisation, 'id' | 'slug' | 'name'> & {
	memberRole: Membership['role'] | null
}

/**
 * The organisation behind `slug` and `userId`'s role in it (null when not a member, or when their
 * membership was deactivated by the organisation's provisioning).
 */
export async function selectOrganisationBySlugFor({ slug, userId }: { slug: string; userId: string }) {
	// One statement: every organisation page and action starts here.
	const [row] = await prisma.$queryRaw<OrganisationMembershipRow[]>`
		SELECT o.id, o.slug, o.name, m.role::text AS "memberRole"
		FROM "Organisation" o
		LEFT JOIN "Membership" m ON m."organisationId" = o.id AND m."userId" = ${userId} AND m."deactivatedAt" IS NULL
		WHERE o.slug = ${slug}`
	return row ?? null
}

export type ActorRow = Pick<User, 'role' | 'disabledAt'> & {
	organisationName: Organisation['name'] | null
	memberRole: Membership['role'] | null
}

/**
 * The actor as a domain write sees it, read inside the write's transaction: their platform role,
 * whether they are disabled, the organisation's name if it exists, and their role in it. Null when
 * there is no such user.
 */
export async function selectActor(db: Db, { organisationId, actorId }: { organisationId: string; actorId: string }) {
	const [row] = await db.$queryRaw<ActorRow[]>`
		SELECT u.role::text AS role, u."disabledAt", o.name AS "organisationName", m.role::text AS "memberRole"
		FROM "User" u
		LEFT JOIN "Organisation" o ON o.id = ${organisationId}
		LEFT JOIN "Membership" m ON m."organisationId" = o.id AND m."userId" = u.id AND m."deactivatedAt" IS NULL
		WHERE u.id = ${actorId}`
	return row ?? null
}

/** True when `userId` is an OWNER or ADMIN of any organisation. */
export async function selectManagesAnOrganisation({ userId }: { userId: string }) {
	// Raw: the root loader asks this on every page a signed-in user opens.
	const rows = await prisma.$queryRaw<Array<{ one: number }>>`
		SELECT 1 AS one FROM "Membership"
		WHERE "userId" = ${userId} AND role IN ('OWNER', 'ADMIN') AND "deactivatedAt" IS NULL LIMIT 1`
	return rows.length > 0
}

/**
 * True when `userId` is an owner or administrator of an active membership, or the manager of a
 * team (through an active membership): who gets the header's "Organisation" link. One statement
 * for both, as the root loader asks it on every page a signed-in user opens.
 */
export async function selectManagesAnOrganisationOrTeam({ userId }: { userId: string }) {
	const [row] = await prisma.$queryRaw<Array<{ manages: boolean }>>`
		SELECT EXISTS (
			SELECT 1 FROM "Membership"
			WHERE "userId" = ${userId} AND role IN ('OWNER', 'ADMIN') AND "deactivatedAt" IS NULL
		) OR EXISTS (
			SELECT 1 FROM "TeamMember" tm
			JOIN "Membership" m ON m.id = tm."membershipId" AND m."deactivatedAt" IS NULL
			WHERE tm."isManager" AND m."userId" = ${userId}
		) AS manages`
	return row?.manages === true
}

// ---- row locks -------------------------------------------------------------------------------

/**
 * Locks every membership of the organisation until the transaction ends, so two changes that would
 * each leave one owner cannot both succeed and leave none.
 */
export async function lockMemberships(tx: Tx, organisationId: string) {
	await tx.$queryRaw<Array<Pick<Membership, 'id'>>>`
		SELECT id FROM "Membership" WHERE "organisationId" = ${organisationId} FOR UPDATE`
}

/** Locks one seat assignment, so two admins ending the same seat change the count once. */
export async function lockSeatAssignment(tx: Tx, assignmentId: string) {
	await tx.$queryRaw<Array<Pick<SeatAssignment, 'id'>>>`
		SELECT id FROM "SeatAssignment" WHERE id = ${assignmentId} FOR UPDATE`
}

export type LockedPoolRow = Pick<SeatPool, 'id' | 'seats' | 'used' | 'courseId'>

/** Locks one of the organisation's seat pools and reads it (null when it is not theirs). */
export async function lockSeatPool(tx: Tx, { poolId, organisationId }: { poolId: string; organisationId: string }) {
	const [pool] = await tx.$queryRaw<LockedPoolRow[]>`
		SELECT id, seats, used, "courseId" FROM "SeatPool" WHERE id = ${poolId} AND "organisationId" = ${organisationId} FOR UPDATE`
	return pool ?? null
}

// ---- seat pools ------------------------------------------------------------------------------

export type SeatPoolRow = Pick<SeatPool, 'id' | 'seats' | 'used' | 'courseId'> & {
	courseSlug: Course['slug']
	title: CourseVersion['title'] | null
}

/** The organisation's seat pools with their course's slug and published title. */
export async function selectSeatPools({ organisationId }: { organisationId: string }) {
	// One statement (the pool, its course and the published title): every seats and report page asks.
	return prisma.$queryRaw<SeatPoolRow[]>`
		SELECT p.id, p.seats, p.used, c.id AS "courseId", c.slug AS "courseSlug", v.title
		FROM "SeatPool" p
		JOIN "Course" c ON c.id = p."courseId"
		LEFT JOIN "CourseVersion" v ON v.id = c."publishedVersionId"
		WHERE p."organisationId" = ${organisationId}`
}

// ---- reminders -------------------------------------------------------------------------------

export type ReminderHolderRow = {
	assignmentId: SeatAssignment['id']
	email: SeatAssignment['email']
	name: User['name']
	organisationName: Organisation['name']
	courseTitle: CourseVersion['title']
	courseSlug: Course['slug']
	/** The one "started" rule (modules/enrolment/started.ts). */
	started: boolean
}

const holderColumns = Prisma.sql`
	sa.id AS "assignmentId", sa.email, u.name, o.name AS "organisationName",
	COALESCE(cv.title, c.slug) AS "courseTitle", c.slug AS "courseSlug", ${enrolmentStartedSql('e')} AS started`

const holderJoins = Prisma.sql`
	FROM "SeatAssignment" sa
	JOIN "SeatPool" p ON p.id = sa."poolId"
	JOIN "Organisation" o ON o.id = p."organisationId"
	JOIN "Course" c ON c.id = p."courseId"
	LEFT JOIN "CourseVersion" cv ON cv.id = c."publishedVersionId"`

/** One held seat of the organisation's pool with its holder's active enrolment, or null. */
export async function selectReminderHolder(
	db: Db,
	{ organisationId, poolId, assignmentId }: { organisationId: string; poolId: string; assignmentId: string },
) {
	const [row] = await db.$queryRaw<Array<ReminderHolderRow & Pick<Enrolment, 'completedAt'>>>`
		SELECT ${holderColumns}, e."completedAt"
		${holderJoins}
		JOIN "User" u ON u.id = sa."userId"
		JOIN "Enrolment" e ON e."seatAssignmentId" = sa.id AND e.status = 'ACTIVE'
		WHERE sa.id = ${assignmentId} AND sa."poolId" = ${poolId} AND p."organisationId" = ${organisationId}
			AND sa.status = 'ASSIGNED'`
	return row ?? null
}

/**
 * Seat holders in every organisation who have not started, were given their seat before
 * `stalledBefore`, and were not reminded since `remindedSince`. Holders who started and stalled
 * get learner nudges instead, and seats that meet an open requirement get its due-date reminders
 * (modules/reminders): nobody gets two emails for one event.
 */
export async function selectStalledHolders({
	stalledBefore,
	remindedSince,
	scope,
}: {
	stalledBefore: Date
	remindedSince: Date
	scope?: ScanScope
}) {
	return prisma.$queryRaw<ReminderHolderRow[]>`
		SELECT ${holderColumns}
		${holderJoins}
		JOIN "User" u ON u.id = sa."userId" AND u."disabledAt" IS NULL
		JOIN "Enrolment" e ON e."seatAssignmentId" = sa.id AND e.status = 'ACTIVE' AND e."completedAt" IS NULL
		WHERE sa.status = 'ASSIGNED' ${scanScopeSql(Prisma.sql`u.id`, scope)}
			AND COALESCE(e."lastActivityAt", e."startedAt", sa."assignedAt") < ${stalledBefore}
			-- One email stream per event (modules/reminders): someone who started and stalled gets the
			-- learner nudges, and a seat that meets an open requirement gets its due-date reminders.
			AND NOT ${enrolmentStartedSql('e')}
			AND NOT EXISTS (SELECT 1 FROM "LearnerAssignment" la
				WHERE la."enrolmentId" = e.id AND la."completedAt" IS NULL AND la."cancelledAt" IS NULL)
			AND NOT EXISTS (
				SELECT 1 FROM "EmailMessage" m
				WHERE m."to" = sa.email AND m.template = 'seat-reminder' AND m."createdAt" > ${remindedSince}
			)
		ORDER BY sa.id`
}

/**
 * Holders of one pool who have not finished and either have not started or have stalled since
 * `stalledBefore`, each marked when they were reminded since `remindedSince`.
 */
export async function selectPoolHoldersToRemind(
	db: Db,
	{
		organisationId,
		poolId,
		stalledBefore,
		remindedSince,
	}: { organisationId: string; poolId: string; stalledBefore: Date; remindedSince: Date },
) {
	return db.$queryRaw<Array<ReminderHolderRow & { remindedRecently: boolean }>>`
		SELECT ${holderColumns},
			EXISTS (
				SELECT 1 FROM "EmailMessage" m
				WHERE m."to" = sa.email AND m.template = 'seat-reminder' AND m."createdAt" > ${remindedSince}
			) AS "remindedRecently"
		${holderJoins}
		JOIN "User" u ON u.id = sa."userId" AND u."disabledAt" IS NULL
		JOIN "Enrolment" e ON e."seatAssignmentId" = sa.id AND e.status = 'ACTIVE' AND e."completedAt" IS NULL
		WHERE sa."poolId" = ${poolId} AND p."organisationId" = ${organisationId} AND sa.status = 'ASSIGNED'
			AND (NOT ${enrolmentStartedSql('e')} OR COALESCE(e."lastActivityAt", e."startedAt", sa."assignedAt") < ${stalledBefore})
		ORDER BY sa.id`
}

// ---- team report -----------------------------------------------------------------------------

export type ReportFilters = {
	/** A course id of one of the organisation's pools. */
	courseId?: string | null
	status?: ReportStatus | null
	/** Part of a name or email address. */
	search?: string | null
}

/** Narrows the rows before the filters: after a CSV key, or to the given row keys (a page's). */
export type Keyset = { afterKey?: string | null; keys?: string[] }

export type ReportRawRow = {
	key: string
	kind: 'invitation' | 'seat'
	invitationId: Invitation['id'] | null
	assignmentId: SeatAssignment['id'] | null
	poolId: SeatPool['id']
	courseId: Course['id']
	courseTitle: CourseVersion['title']
	courseSlug: Course['slug']
	name: User['name'] | null
	email: Invitation['email']
	status: ReportStatus
	invitedAt: Invitation['createdAt'] | null
	startedAt: Enrolment['startedAt']
	completedAt: Enrolment['completedAt']
	certificateCode: Certificate['code'] | null
	lastActiveAt: Enrolment['lastActivityAt']
	doneRequired: number
	totalRequired: number
	doneAll: number
	totalAll: number
}

// The report is built in two stages so that its cost follows the page, not the team's size
// (100,000 seats in a large trust). First the rows are filtered, ordered and limited on what the
// order and the filters need (person, course, key); the status filter probes the seat's enrolment
// with the one "started" rule, and only when that filter is used. Then, for the page's rows only:
// the enrolment, certificate and invitation, the lesson counts (one pass over the enrolment's
// progress rows, one over its version's lessons) and the status.
function statusFilterSql(status: ReportStatus) {
	const enrolment = (condition: Prisma.Sql) =>
		Prisma.sql`EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."seatAssignmentId" = r."assignmentId" AND ${condition})`
	const started = enrolmentStartedSql('e')
	switch (status) {
		case 'invited':
			return Prisma.sql`r.kind = 'invitation'`
		case 'completed':
			return Prisma.sql`r.kind = 'seat' AND ${enrolment(Prisma.sql`e."completedAt" IS NOT NULL`)}`
		case 'in_progress':
			return Prisma.sql`r.kind = 'seat' AND ${enrolment(Prisma.sql`e."completedAt" IS NULL AND ${started}`)}`
		case 'not_started':
			return Prisma.sql`r.kind = 'seat' AND NOT ${enrolment(Prisma.sql`(e."completedAt" IS NOT NULL OR ${started})`)}`
	}
}

function filteredRowsSql(organisationId: string, filters: ReportFilters, keyset?: Keyset) {
	const search = filters.search?.trim()
	const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
	const after = keyset?.afterKey ?? null
	// Keys are 'i:<invitation id>' or 's:<seat id>' compared in "C" order, so every invitation comes
	// before every seat: the keyset condition can be pushed into each branch on its own id column.
	const invitationsAfter =
		after === null
			? Prisma.empty
			: after.startsWith('i:')
				? Prisma.sql`AND i.id COLLATE "C" > ${after.slice(2)}`
				: Prisma.sql`AND false`
	const seatsAfter = after?.startsWith('s:') ? Prisma.sql`AND sa.id COLLATE "C" > ${after.slice(2)}` : Prisma.empty
	// A page's rows by primary key, each branch given its own ids.
	const idsOf = (prefix: string) => keyset?.keys?.filter((k) => k.startsWith(prefix)).map((k) => k.slice(2)) ?? []
	const invitationKeys = keyset?.keys ? Prisma.sql`AND i.id = ANY(${idsOf('i:')}::text[])` : Prisma.empty
	const seatKeys = keyset?.keys ? Prisma.sql`AND sa.id = ANY(${idsOf('s:')}::text[])` : Prisma.empty
	return Prisma.sql`
		SELECT r.*, COALESCE(cv.title, c.slug) AS "courseTitle", c.slug AS "courseSlug"
		FROM (
			SELECT 'i:' || i.id AS key, 'invitation' AS kind, i.id AS "invitationId", NULL::text AS "assignmentId",
				p.id AS "poolId", p."courseId", u.name, i.email
			FROM "Invitation" i
			JOIN "SeatPool" p ON p.id = i."seatPoolId" AND p."organisationId" = ${organisationId}
			LEFT JOIN "User" u ON u.email = i.email
			WHERE i."organisationId" = ${organisationId} AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL
				AND i."expiresAt" > now() ${invitationsAfter} ${invitationKeys}
			UNION ALL
			SELECT 's:' || sa.id, 'seat', sa."invitationId", sa.id, p.id, p."courseId", u.name, sa.email
			FROM "SeatAssignment" sa
			JOIN "SeatPool" p ON p.id = sa."poolId" AND p."organisationId" = ${organisationId}
			LEFT JOIN "User" u ON u.id = sa."userId"
			WHERE sa.status = 'ASSIGNED' ${seatsAfter} ${seatKeys}
		) r
		JOIN "Course" c ON c.id = r."courseId"
		LEFT JOIN "CourseVersion" cv ON cv.id = c."publishedVersionId"
		WHERE true
			${filters.courseId ? Prisma.sql`AND r."courseId" = ${filters.courseId}` : Prisma.empty}
			${filters.status ? Prisma.sql`AND ${statusFilterSql(filters.status)}` : Prisma.empty}
			${pattern ? Prisma.sql`AND (r.name ILIKE ${pattern} OR r.email ILIKE ${pattern})` : Prisma.empty}`
}

/** The filtered rows ordered by `orderBy` and cut by `limit`, then their details, counts and status. */
function reportPageSql(
	organisationId: string,
	filters: ReportFilters,
	/** The order, on the columns of the given table alias. */
	orderBy: (t: Prisma.Sql) => Prisma.Sql,
	limit: Prisma.Sql,
	keyset?: Keyset,
) {
	return Prisma.sql`
		SELECT page.key, page.kind, page."invitationId", page."assignmentId", page."poolId", page."courseId",
			page."courseTitle", page."courseSlug", page.name, page.email,
			CASE WHEN page.kind = 'invitation' THEN 'invited'
				WHEN e."completedAt" IS NOT NULL THEN 'completed'
				WHEN ${enrolmentStartedSql('e')} THEN 'in_progress'
				ELSE 'not_started' END AS status,
			COALESCE(inv."createdAt", sa."assignedAt") AS "invitedAt", e."startedAt", e."completedAt",
			cert.code AS "certificateCode", e."lastActivityAt" AS "lastActiveAt",
			progress."doneRequired", lessons."totalRequired", progress."doneAll", lessons."totalAll"
		FROM (SELECT * FROM (${filteredRowsSql(organisationId, filters, keyset)}) filtered ORDER BY ${orderBy(Prisma.raw('filtered'))} ${limit}) page
		LEFT JOIN "Invitation" inv ON inv.id = page."invitationId"
		LEFT JOIN "SeatAssignment" sa ON sa.id = page."assignmentId"
		LEFT JOIN "Enrolment" e ON e."seatAssignmentId" = page."assignmentId"
		LEFT JOIN "Certificate" cert ON cert."enrolmentId" = e.id AND cert."revokedAt" IS NULL
		CROSS JOIN LATERAL (
			SELECT (count(*) FILTER (WHERE lp.status = 'COMPLETED' AND l.required))::int AS "doneRequired",
				(count(*) FILTER (WHERE lp.status = 'COMPLETED'))::int AS "doneAll"
			FROM "LessonProgress" lp JOIN "Lesson" l ON l.id = lp."lessonId"
			WHERE lp."enrolmentId" = e.id
		) progress
		CROSS JOIN LATERAL (
			SELECT (count(*) FILTER (WHERE l.required))::int AS "totalRequired", count(*)::int AS "totalAll"
			FROM "Lesson" l WHERE l."versionId" = e."versionId"
		) lessons
		ORDER BY ${orderBy(Prisma.raw('page'))}`
}

/** The organisation's report version (ADR 0016); -1 when there is no such organisation. */
export async function selectReportVersion(organisationId: string, db: ReadDb = prisma) {
	const [row] = await db.$queryRaw<Array<{ version: Organisation['reportVersion'] }>>`
		SELECT "reportVersion" AS version FROM "Organisation" WHERE id = ${organisationId}`
	return row?.version ?? -1
}

/** Every report row's key with these filters, in report order (course title, person, key). */
export async function selectReportOrder({
	organisationId,
	filters,
	db = prisma,
}: {
	organisationId: string
	filters: ReportFilters
	db?: ReadDb
}) {
	// One string rather than 100,000 rows: the driver and Prisma handle one value far faster.
	const [row] = await db.$queryRaw<Array<{ keys: string | null }>>(
		Prisma.sql`SELECT string_agg(key, ',' ORDER BY "courseTitle", lower(COALESCE(name, email)), key) AS keys
			FROM (${filteredRowsSql(organisationId, filters)}) report_rows`,
	)
	return row?.keys ? row.keys.split(',') : []
}

/** The report rows with these keys (a page's), in key order. */
export async function selectReportRowsByKey({
	organisationId,
	keys,
	db = prisma,
}: {
	organisationId: string
	keys: string[]
	db?: ReadDb
}) {
	return db.$queryRaw<ReportRawRow[]>(
		reportPageSql(organisationId, {}, (t) => Prisma.sql`${t}.key`, Prisma.empty, { keys }),
	)
}

/** Up to `limit` filtered report rows after `afterKey`, in key ("C") order (the CSV's batches). */
export async function selectReportBatch({
	organisationId,
	filters,
	afterKey,
	limit,
	db = prisma,
}: {
	organisationId: string
	filters: ReportFilters
	afterKey: string | null
	limit: number
	db?: ReadDb
}) {
	return db.$queryRaw<ReportRawRow[]>(
		reportPageSql(organisationId, filters, (t) => Prisma.sql`${t}.key COLLATE "C"`, Prisma.sql`LIMIT ${limit}`, {
			afterKey,
		}),
	)
}

/** Seat-holders' completions per week (date_trunc weeks start on Monday) since `since`. */
export async function selectCompletionsByWeek({
	organisationId,
	courseId,
	since,
	db = prisma,
}: {
	organisationId: string
	courseId?: string | null
	since: Date
	db?: ReadDb
}) {
	return db.$queryRaw<Array<{ week: Date; completions: number }>>`
		SELECT date_trunc('week', e."completedAt") AS week, count(*)::int AS completions
		FROM "Enrolment" e
		JOIN "SeatAssignment" sa ON sa.id = e."seatAssignmentId"
		JOIN "SeatPool" p ON p.id = sa."poolId"
		WHERE p."organisationId" = ${organisationId} AND e."completedAt" >= ${since}
			${courseId ? Prisma.sql`AND p."courseId" = ${courseId}` : Prisma.empty}
		GROUP BY 1`
}
