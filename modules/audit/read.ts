import { z } from 'zod'
import { assertPlatformAdmin } from '#modules/admin/assert-admin.ts'
import { type Prisma, prisma } from '#modules/db/client.ts'
import { type ReadDb } from '#modules/db/replica.ts'
import { assertOrganisationActor } from '#modules/organisations/access.ts'
import { streamCsv } from '#modules/spreadsheets/csv.ts'
import { searchTerm } from '#modules/validation/text.ts'
import { SECURITY_ACTIONS } from './security-actions.ts'

// Reading the audit log: an organisation's own entries (organisationId = it) and its current
// members' own security events (sign-ins, password and two-step changes, which belong to no one
// organisation) for its owners and administrators; every entry for platform admins. Each reader is checked here as well as by the
// route: `organisationId` null means everything and needs a platform admin.

export const AUDIT_PAGE_SIZES = [25, 50, 100] as const

export type AuditFilters = {
	action: string | null
	/** Matches the actor's name or email, or the email of the person the entry is about. */
	person: string | null
	/** Inclusive UK calendar days, YYYY-MM-DD. */
	from: string | null
	to: string | null
}

const IsoDay = z.iso.date()
const Action = z.string().regex(/^[a-z0-9_.-]{1,80}$/)

/** The filters and page from a query string; anything malformed is dropped, never an error. */
export function readAuditQuery(params: URLSearchParams) {
	const day = (name: string) => {
		const parsed = IsoDay.safeParse(params.get(name) ?? '')
		return parsed.success ? parsed.data : null
	}
	const action = Action.safeParse(params.get('action') ?? '')
	const person = searchTerm(params.get('person'), 120)
	const size = Number(params.get('size'))
	const page = Number(params.get('page'))
	return {
		filters: {
			action: action.success ? action.data : null,
			person: person || null,
			from: day('from'),
			to: day('to'),
		} satisfies AuditFilters,
		pageSize: (AUDIT_PAGE_SIZES as readonly number[]).includes(size) ? size : AUDIT_PAGE_SIZES[0],
		page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
	}
}

/** The instant a UK calendar day (YYYY-MM-DD) starts, in Europe/London (GMT or BST). */
export function startOfUkDay(isoDay: string) {
	const utcMidnight = new Date(`${isoDay}T00:00:00Z`)
	const londonHour = Number(
		new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(
			utcMidnight,
		),
	)
	// London is UTC+0 or UTC+1: at UTC midnight it is 00:00 or 01:00 there.
	return new Date(utcMidnight.getTime() - londonHour * 60 * 60 * 1000)
}

function nextDay(isoDay: string) {
	const d = new Date(`${isoDay}T12:00:00Z`)
	d.setUTCDate(d.getUTCDate() + 1)
	return d.toISOString().slice(0, 10)
}

/**
 * What an organisation's log holds: its own entries, and the personal security events of its
 * active members whose identity it owns (an address at one of its verified domains). Someone who
 * merely joined, or was added, with a personal or another employer's address keeps their sign-ins
 * to themselves.
 */
async function organisationScope(organisationId: string): Promise<Prisma.AuditLogWhereInput> {
	const domains = await prisma.organisationDomain.findMany({
		where: { organisationId, verifiedAt: { not: null } },
		select: { domain: true },
	})
	if (domains.length === 0) return { organisationId }
	return {
		OR: [
			{ organisationId },
			{
				organisationId: null,
				action: { in: SECURITY_ACTIONS },
				actor: {
					memberships: { some: { organisationId, deactivatedAt: null } },
					OR: domains.map(({ domain }) => ({ email: { endsWith: `@${domain}` } })),
				},
			},
		],
	}
}

async function whereFor(organisationId: string | null, filters: AuditFilters): Promise<Prisma.AuditLogWhereInput> {
	const where: Prisma.AuditLogWhereInput = {}
	if (organisationId !== null) where.AND = [await organisationScope(organisationId)]
	if (filters.action) where.action = filters.action
	if (filters.from || filters.to) {
		where.createdAt = {
			...(filters.from ? { gte: startOfUkDay(filters.from) } : {}),
			...(filters.to ? { lt: startOfUkDay(nextDay(filters.to)) } : {}),
		}
	}
	if (filters.person) {
		const q = filters.person
		where.OR = [
			{ actor: { email: { contains: q, mode: 'insensitive' } } },
			{ actor: { name: { contains: q, mode: 'insensitive' } } },
			{ details: { path: ['email'], string_contains: q.toLowerCase() } },
		]
	}
	return where
}

const ENTRY_SELECT = {
	id: true,
	createdAt: true,
	action: true,
	targetType: true,
	targetId: true,
	details: true,
	ipAddress: true,
	userAgent: true,
	organisation: { select: { name: true, slug: true } },
	actor: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.AuditLogSelect

type EntryRow = Prisma.AuditLogGetPayload<{ select: typeof ENTRY_SELECT }>

function detailsOf(row: EntryRow): Record<string, unknown> {
	return row.details && typeof row.details === 'object' && !Array.isArray(row.details)
		? (row.details as Record<string, unknown>)
		: {}
}

/** One entry as the pages and the CSV show it. */
function present(row: EntryRow) {
	const details = detailsOf(row)
	const viaScim = details.via === 'scim'
	const actor = row.actor
		? { name: row.actor.name, email: row.actor.email }
		: viaScim
			? {
					name: 'Identity provider (SCIM)',
					email: typeof details.tokenPrefix === 'string' ? `token ${details.tokenPrefix}…` : null,
				}
			: { name: 'System', email: null }
	const subject = typeof details.email === 'string' ? details.email : null
	return {
		id: row.id,
		createdAt: row.createdAt,
		action: row.action,
		actor,
		target: { type: row.targetType, id: row.targetId, label: subject },
		organisation: row.organisation,
		ipAddress: row.ipAddress,
		userAgent: row.userAgent,
		details,
	}
}

export type AuditEntryView = ReturnType<typeof present>

/** Throws unless `actorId` may read the log of `organisationId` (null: the whole log, platform admins only). */
async function assertAuditReader({ actorId, organisationId }: { actorId: string; organisationId: string | null }) {
	if (organisationId === null) return assertPlatformAdmin({ actorId })
	await prisma.$transaction((tx) => assertOrganisationActor(tx, { organisationId, actorId, minRole: 'ADMIN' }))
}

/**
 * A page of the audit log, newest first, within `organisationId` (null: every entry, for platform
 * admins), with the actions that occur there for the filter's list. The reader is checked here.
 */
export async function listAuditEntries({
	actorId,
	organisationId,
	filters,
	page,
	pageSize,
}: {
	actorId: string
	organisationId: string | null
	filters: AuditFilters
	page: number
	pageSize: number
}) {
	await assertAuditReader({ actorId, organisationId })
	const where = await whereFor(organisationId, filters)
	const [total, rows, actions] = await Promise.all([
		prisma.auditLog.count({ where }),
		prisma.auditLog.findMany({
			where,
			select: ENTRY_SELECT,
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip: (page - 1) * pageSize,
			take: pageSize,
		}),
		prisma.auditLog.findMany({
			where: organisationId !== null ? await organisationScope(organisationId) : {},
			distinct: ['action'],
			select: { action: true },
			orderBy: { action: 'asc' },
			take: 200,
		}),
	])
	return {
		total,
		pageCount: Math.max(1, Math.ceil(total / pageSize)),
		entries: rows.map(present),
		actions: actions.map((a) => a.action),
	}
}

const ukDateTime = new Intl.DateTimeFormat('en-GB', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hour12: false,
	timeZone: 'Europe/London',
})

const CSV_COLUMNS = [
	{ key: 'time', header: 'Time (UK)' },
	{ key: 'utc', header: 'Time (UTC, ISO 8601)' },
	{ key: 'action', header: 'Action' },
	{ key: 'actor', header: 'Actor' },
	{ key: 'actorEmail', header: 'Actor email' },
	{ key: 'targetType', header: 'Target type' },
	{ key: 'targetId', header: 'Target id' },
	{ key: 'subject', header: 'Person' },
	{ key: 'organisation', header: 'Organisation' },
	{ key: 'ip', header: 'IP address' },
	{ key: 'browser', header: 'Browser' },
	{ key: 'details', header: 'Details' },
] as const

const CSV_BATCH = 500

/**
 * The filtered log as a CSV stream (newest first), read in batches of 500 as the client downloads;
 * every text cell goes through the one CSV writer, which neutralises formulas.
 */
export async function streamAuditCsv({
	actorId,
	organisationId,
	filters,
	db = prisma,
}: {
	actorId: string
	organisationId: string | null
	filters: AuditFilters
	/** Where the entries are read: readDb(request) (the replica when it is safe). The reader is checked on the primary. */
	db?: ReadDb
}) {
	await assertAuditReader({ actorId, organisationId })
	const where = await whereFor(organisationId, filters)
	async function* batches() {
		let cursor: string | null = null
		for (;;) {
			const rows: EntryRow[] = await db.auditLog.findMany({
				where,
				select: ENTRY_SELECT,
				orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
				take: CSV_BATCH,
				...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
			})
			yield rows.map((row) => {
				const e = present(row)
				return {
					time: ukDateTime.format(e.createdAt),
					utc: e.createdAt.toISOString(),
					action: e.action,
					actor: e.actor.name,
					actorEmail: e.actor.email ?? '',
					targetType: e.target.type,
					targetId: e.target.id,
					subject: e.target.label ?? '',
					organisation: e.organisation?.name ?? '',
					ip: e.ipAddress ?? '',
					browser: e.userAgent ?? '',
					details: Object.keys(e.details).length ? JSON.stringify(e.details) : '',
				}
			})
			if (rows.length < CSV_BATCH) return
			cursor = rows.at(-1)!.id
		}
	}
	return streamCsv({ label: 'audit log CSV', columns: CSV_COLUMNS, batches: batches() })
}
