import { createMemoCache } from '#modules/cache/memo-cache.ts'
import { prisma } from '#modules/db/client.ts'
import { type ReadDb } from '#modules/db/replica.ts'
import { type TeamScope } from '#modules/teams/scope.ts'
import { type MatrixCell } from './cell.ts'
import { type MatrixFilters, statusesOf } from './matrix-filters.ts'
import {
	type MatrixCellTuple,
	type MatrixQuery,
	type MatrixTeamCountsRow,
	type MatrixViewRow,
	selectMatrixCourseIds,
	selectMatrixPage,
	selectMatrixTeamCounts,
	selectMatrixVersion,
	selectMatrixView,
} from './sql.ts'
import { COMPLIANCE_STATUSES, type ComplianceStatus, ukToday } from './status.ts'

// A 5,000-person trust with 20 assigned courses has 100,000 cells: working out every cell's status
// to filter, order and count them costs tens of milliseconds of database time, too much to repeat
// for every page view. As the team report does (ADR 0016), the matrix caches what needs every cell
// (the row order of a filtered view, its counts, the counts per team, the columns and teams) per
// organisation, scope and filters, stamped with Organisation.matrixVersion (bumped by triggers in
// the same transaction as any change the matrix shows; migration *_compliance_matrix_version) and
// the UK day (a cell's status changes at midnight with no write at all). A page then reads only
// its own people's cells, fresh. The time limit only bounds staleness of course titles, which no
// trigger marks.
export const MATRIX_CACHE_TTL_MS = 60_000
const frameCache = createMemoCache<MatrixFrame>({ ttlMs: MATRIX_CACHE_TTL_MS, maxEntries: 64 })
const viewCache = createMemoCache<{ view: MatrixViewRow; userIds: string[] }>({ ttlMs: MATRIX_CACHE_TTL_MS, maxEntries: 64 })
const teamCountsCache = createMemoCache<MatrixTeamCountsRow[]>({ ttlMs: MATRIX_CACHE_TTL_MS, maxEntries: 64 })

export type MatrixColumn = { id: string; slug: string; title: string }
export type MatrixTeam = { id: string; name: string; parentId: string | null; depth: number }

/** The columns and the teams a view offers to filter by: the same for every filter in one scope. */
export type MatrixFrame = {
	/** The courses assigned to anyone in scope, by title. */
	columns: MatrixColumn[]
	/** The teams in scope, in tree order (each followed by the teams beneath it, by name). */
	teams: MatrixTeam[]
	/** What cached views are stamped with: the matrix version and the UK day. */
	stamp: string
	today: string
}

function scopeKey(scope: TeamScope) {
	return scope.kind === 'organisation' ? '*' : [...scope.teamIds].sort().join(',')
}

function scopeTeamIds(scope: TeamScope) {
	return scope.kind === 'organisation' ? null : scope.teamIds
}

/**
 * The matrix's columns and teams for an actor's scope on the UK day of `now`. Cheap after the first
 * call of the day (or after a change): read before the filters, which it validates.
 */
export async function getMatrixFrame({
	organisationId,
	scope,
	now,
	db = prisma,
}: {
	organisationId: string
	scope: TeamScope
	now: Date
	/** Where to read: readDb(request) for a page or an export (the replica when it is safe), else the primary. */
	db?: ReadDb
}): Promise<MatrixFrame> {
	const today = ukToday(now)
	const stamp = `${await selectMatrixVersion(organisationId, db)}:${today}`
	return frameCache.get(
		[organisationId, scopeKey(scope)].join('\n'),
		async () => {
			const [courseIds, teams] = await Promise.all([
				selectMatrixCourseIds({ organisationId, scopeTeamIds: scopeTeamIds(scope) }, db),
				db.team.findMany({
					where: { organisationId, ...(scope.kind === 'teams' ? { id: { in: scope.teamIds } } : {}) },
					select: { id: true, name: true, parentId: true },
				}),
			])
			const courses = await db.course.findMany({
				where: { id: { in: courseIds } },
				select: { id: true, slug: true, publishedVersion: { select: { title: true } } },
			})
			const columns = courses
				.map((c) => ({ id: c.id, slug: c.slug, title: c.publishedVersion?.title ?? c.slug }))
				.sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || a.id.localeCompare(b.id))
			return { columns, teams: treeOrder(teams), stamp, today }
		},
		{ stamp },
	)
}

/** Teams in tree order with their depth: each team followed by those beneath it, siblings by name. */
export function treeOrder(teams: Array<{ id: string; name: string; parentId: string | null }>): MatrixTeam[] {
	const ids = new Set(teams.map((t) => t.id))
	const children = new Map<string | null, typeof teams>()
	for (const team of teams) {
		// A manager's scope starts below the organisation's top: their highest teams are roots here.
		const parent = team.parentId && ids.has(team.parentId) ? team.parentId : null
		children.set(parent, [...(children.get(parent) ?? []), team])
	}
	const ordered: MatrixTeam[] = []
	const visit = (parent: string | null, depth: number) => {
		const siblings = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
		for (const team of siblings) {
			ordered.push({ ...team, depth })
			visit(team.id, depth + 1)
		}
	}
	visit(null, 0)
	return ordered
}

/** A team and every team beneath it, among the frame's teams. */
export function teamSubtree(teams: MatrixTeam[], teamId: string): string[] {
	const result = [teamId]
	for (let i = 0; i < result.length; i++) for (const t of teams) if (t.parentId === result[i]) result.push(t.id)
	return result
}

export type MatrixRow = {
	userId: string
	name: string | null
	email: string
	/** The teams in scope the person is in, by name. */
	teams: string[]
	/** The person's cell per column (course id); absent where nothing is assigned. */
	cells: Record<string, MatrixCell>
}

export type MatrixTeamCounts = MatrixTeam & {
	people: number
	outOfDatePeople: number
	counts: Record<ComplianceStatus, number>
}

export type ComplianceMatrix = {
	today: string
	/** The columns shown: all of the frame's, or the one the course filter picks. */
	columns: MatrixColumn[]
	rows: MatrixRow[]
	/** People matching every filter (rows across all pages). */
	total: number
	/** People matching every filter but status, and their cells per status. */
	people: number
	counts: Record<ComplianceStatus, number>
	/** Of those people, how many have something overdue or expired today. */
	outOfDatePeople: number
	/** Per team in scope (the course filter applies, the others do not). */
	teams: MatrixTeamCounts[]
}

function matrixQuery(
	organisationId: string,
	scope: TeamScope,
	frame: MatrixFrame,
	filters: MatrixFilters,
): MatrixQuery {
	const teamKnown = filters.teamId !== null && frame.teams.some((t) => t.id === filters.teamId)
	return {
		organisationId,
		scopeTeamIds: scopeTeamIds(scope),
		teamIds: teamKnown ? teamSubtree(frame.teams, filters.teamId!) : null,
		courseId:
			filters.courseId !== null && frame.columns.some((c) => c.id === filters.courseId) ? filters.courseId : null,
		search: filters.search?.trim() ? filters.search.trim() : null,
		today: frame.today,
	}
}

/** The people matching a view's filters, in row order, with its counts (cached per stamp). */
async function matrixView(
	organisationId: string,
	scope: TeamScope,
	frame: MatrixFrame,
	filters: MatrixFilters,
	db: ReadDb,
) {
	const q = matrixQuery(organisationId, scope, frame, filters)
	const statuses = statusesOf(filters.status)
	const key = [
		organisationId,
		scopeKey(scope),
		q.teamIds?.[0] ?? '',
		q.courseId ?? '',
		statuses?.join('+') ?? '',
		q.search?.toLowerCase() ?? '',
	].join('\n')
	// The ids are split once per cached view, not on every page view (5,000 of them).
	const { view, userIds } = await viewCache.get(
		key,
		async () => {
			const row = await selectMatrixView({ ...q, statuses }, db)
			return { view: row, userIds: row.userIds ? row.userIds.split(',') : [] }
		},
		{ stamp: frame.stamp },
	)
	return { q, view, userIds }
}

function toCell([
	,
	,
	cycle,
	dueOn,
	completedOn,
	waitingForSeat,
	certificateCode,
	validUntil,
	previousValidUntil,
	status,
]: MatrixCellTuple): MatrixCell {
	return {
		status,
		dueOn,
		completedOn,
		validUntil,
		previousValidUntil,
		certificateCode,
		cycle,
		waitingForSeat,
	}
}

/** These people's rows, fresh, in the order given. */
async function readRows(
	q: MatrixQuery,
	frame: MatrixFrame,
	userIds: string[],
	onlyStatuses: ComplianceStatus[] | null,
	db: ReadDb,
): Promise<MatrixRow[]> {
	if (userIds.length === 0) return []
	const teamNames = new Map(frame.teams.map((t) => [t.id, t.name]))
	const { people, cells } = await selectMatrixPage({
		organisationId: q.organisationId,
		userIds,
		courseId: q.courseId,
		today: q.today,
		db,
	})
	const byUser = new Map<string, MatrixRow>()
	for (const [userId, name, email, teamIds] of people) {
		byUser.set(userId, {
			userId,
			name,
			email,
			// Only the teams in scope: a manager sees their own teams' names.
			teams: teamIds
				.map((id) => teamNames.get(id))
				.filter((n): n is string => n !== undefined)
				.sort((a, b) => a.localeCompare(b, 'en-GB')),
			cells: {},
		})
	}
	for (const cell of cells) {
		const status = cell[9]
		if (onlyStatuses && !onlyStatuses.includes(status)) continue
		const row = byUser.get(cell[0])
		if (row) row.cells[cell[1]] = toCell(cell)
	}
	return userIds.map((id) => byUser.get(id)).filter((row): row is MatrixRow => row !== undefined)
}

function allCounts(partial: Partial<Record<ComplianceStatus, number>>): Record<ComplianceStatus, number> {
	return Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, partial[s] ?? 0])) as Record<ComplianceStatus, number>
}

/**
 * The compliance matrix of an organisation for an actor's scope, on the UK day of `now`: rows are
 * the people in scope (active members; a team manager's teams and those beneath them), columns the
 * courses assigned to them, and each cell the latest requirement per person and course (highest
 * cycle, not cancelled) with its status from the one SQL rule (complianceStatusSql), "since" and
 * "until" dates. At most `limit` people from `offset`; `total` says how many match.
 */
export async function getComplianceMatrix({
	organisationId,
	scope,
	filters,
	now,
	limit = 25,
	offset = 0,
	frame: knownFrame,
	db = prisma,
}: {
	organisationId: string
	scope: TeamScope
	filters: MatrixFilters
	now: Date
	limit?: number
	offset?: number
	/** The frame when the caller has just read it (to validate the filters). */
	frame?: MatrixFrame
	/** As for getMatrixFrame. */
	db?: ReadDb
}): Promise<ComplianceMatrix> {
	const frame = knownFrame ?? (await getMatrixFrame({ organisationId, scope, now, db }))
	const q = matrixQuery(organisationId, scope, frame, filters)
	// Started together: after a change both work out every cell, on two cores at once.
	const teamCountsPromise = teamCountsCache.get(
		[organisationId, scopeKey(scope), q.courseId ?? ''].join('\n'),
		() => selectMatrixTeamCounts(q, db),
		{ stamp: frame.stamp },
	)
	const { view, userIds } = await matrixView(organisationId, scope, frame, filters, db)
	const start = Math.max(0, Math.floor(offset))
	const [rows, teamCounts] = await Promise.all([
		readRows(q, frame, userIds.slice(start, start + limit), null, db),
		teamCountsPromise,
	])
	const countsByTeam = new Map(teamCounts.map((t) => [t.teamId, t]))
	return {
		today: frame.today,
		columns: q.courseId ? frame.columns.filter((c) => c.id === q.courseId) : frame.columns,
		rows,
		total: userIds.length,
		people: view.people,
		counts: allCounts(view.counts),
		outOfDatePeople: view.outOfDatePeople,
		teams: frame.teams.map((team) => {
			const c = countsByTeam.get(team.id)
			return {
				...team,
				people: c?.people ?? 0,
				outOfDatePeople: c?.outOfDatePeople ?? 0,
				counts: allCounts(c ?? {}),
			}
		}),
	}
}

export const EXPORT_BATCH_SIZE = 100

/**
 * Every row of a view, in batches of `batchSize` people read fresh as the consumer asks for them
 * (for the exports: memory stays flat however many people). With `onlyMatchingCells`, a row keeps
 * only its cells in the status filter's statuses (an "out of date today" export lists only those).
 */
export async function* matrixRowBatches({
	organisationId,
	scope,
	filters,
	frame,
	batchSize = EXPORT_BATCH_SIZE,
	onlyMatchingCells = false,
	db = prisma,
}: {
	organisationId: string
	scope: TeamScope
	filters: MatrixFilters
	frame: MatrixFrame
	batchSize?: number
	onlyMatchingCells?: boolean
	/** As for getMatrixFrame. */
	db?: ReadDb
}): AsyncGenerator<MatrixRow[]> {
	const { q, userIds } = await matrixView(organisationId, scope, frame, filters, db)
	const only = onlyMatchingCells ? statusesOf(filters.status) : null
	for (let start = 0; start < userIds.length; start += batchSize) {
		yield await readRows(q, frame, userIds.slice(start, start + batchSize), only, db)
	}
}

/** Forgets every cached view (tests that change data under a frozen version, and the bench). */
export function clearMatrixCache() {
	frameCache.clear()
	viewCache.clear()
	teamCountsCache.clear()
}
