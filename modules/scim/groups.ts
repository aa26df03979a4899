import { z } from 'zod'
import { recordAudit } from '#modules/audit/record.ts'
import { type Prisma, prisma, type Tx } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { assertNameFree, removeTeam } from '#modules/teams/manage-teams.ts'
import { lockTeamTree } from '#modules/teams/sql.ts'
import { joinTeam } from '#modules/teams/team-members.ts'
import { ScimError } from './errors.ts'
import { scimUniqueness, withScimUniqueness } from './uniqueness.ts'
import {
	GROUP_SCHEMA,
	GroupMembersSchema,
	parseScim,
	PatchRequestSchema,
	type ScimGroupFilter,
	ScimGroupSchema,
} from './schemas.ts'
import type { ScimClient } from './tokens.ts'
import type { ScimCall } from './users.ts'

// SCIM Groups of one organisation (RFC 7644), mapped to Circle teams (ADR 0026, "Groups"). A Group
// is a team the directory made or took over (managedByDirectory): its id is the team's id, its
// displayName the team's name, its members SCIM Users (membership ids) of the same organisation.
// Teams an administrator made are not Groups, so the identity provider never sees or removes them,
// until it creates a Group of the same top-level name, which takes that team over. Every query is
// scoped by the token's organisationId; every write holds the organisation's team-tree lock, so a
// directory's requests about the same group apply one after the other.

const TEAM_SELECT = {
	id: true,
	name: true,
	parentId: true,
	externalId: true,
	createdAt: true,
	updatedAt: true,
} as const satisfies Prisma.TeamSelect

type LoadedTeam = Prisma.TeamGetPayload<{ select: typeof TEAM_SELECT }>
type Member = { membershipId: string; name: string }

/** A Group resource as Circle answers it. */
export type ScimGroupResource = ReturnType<typeof toResource>

function toResource(team: LoadedTeam, members: Member[] | null, baseUrl: string) {
	return {
		schemas: [GROUP_SCHEMA],
		id: team.id,
		...(team.externalId ? { externalId: team.externalId } : {}),
		displayName: team.name,
		...(members
			? {
					members: members.map((m) => ({
						value: m.membershipId,
						display: m.name,
						$ref: `${baseUrl}/scim/v2/Users/${m.membershipId}`,
					})),
				}
			: {}),
		meta: {
			resourceType: 'Group',
			created: team.createdAt.toISOString(),
			lastModified: team.updatedAt.toISOString(),
			location: `${baseUrl}/scim/v2/Groups/${team.id}`,
		},
	}
}

function notFound() {
	return new ScimError('not_found', 'SCIM_NOT_FOUND', 'No such group in this organisation.')
}

const CLASH = 'A group with that displayName or externalId already exists in this organisation.'

/** A unique-index race is the RFC's uniqueness error. */
const withUniqueness = <T>(run: () => Promise<T>) => withScimUniqueness(CLASH, run)

/** Group writes may add hundreds of people, each joining the team's new-starter rules. */
const SCIM_TRANSACTION = { maxWait: 15_000, timeout: 60_000 }

async function loadTeam(db: Tx | typeof prisma, organisationId: string, id: string) {
	const team = await db.team.findFirst({
		where: { id, organisationId, managedByDirectory: true },
		select: TEAM_SELECT,
	})
	if (!team) throw notFound()
	return team
}

async function loadMembers(db: Tx | typeof prisma, teamId: string): Promise<Member[]> {
	const rows = await db.teamMember.findMany({
		where: { teamId },
		select: { membershipId: true, membership: { select: { user: { select: { name: true } } } } },
		orderBy: { membershipId: 'asc' },
	})
	return rows.map((r) => ({ membershipId: r.membershipId, name: r.membership.user.name }))
}

/** One group of the token's organisation, by SCIM id (with its members unless excluded). */
export async function getScimGroup({
	client,
	id,
	baseUrl,
	withMembers,
}: {
	client: ScimClient
	id: string
	baseUrl: string
	withMembers: boolean
}) {
	const team = await loadTeam(prisma, client.organisationId, id)
	return toResource(team, withMembers ? await loadMembers(prisma, team.id) : null, baseUrl)
}

/** The organisation's groups, optionally matched by one `eq` filter, as a page of a ListResponse. */
export async function listScimGroups({
	client,
	filter,
	startIndex,
	count,
	baseUrl,
	withMembers,
}: {
	client: ScimClient
	filter: ScimGroupFilter | null
	startIndex: number
	count: number
	baseUrl: string
	withMembers: boolean
}) {
	const where: Prisma.TeamWhereInput = { organisationId: client.organisationId, managedByDirectory: true }
	if (filter?.attribute === 'displayName') where.name = { equals: filter.value.trim(), mode: 'insensitive' }
	else if (filter?.attribute === 'externalId') where.externalId = filter.value
	else if (filter?.attribute === 'id') where.id = filter.value
	const [totalResults, teams] = await Promise.all([
		prisma.team.count({ where }),
		count === 0
			? Promise.resolve([])
			: prisma.team.findMany({
					where,
					select: TEAM_SELECT,
					orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
					skip: startIndex - 1,
					take: count,
				}),
	])
	const resources = []
	for (const team of teams) {
		resources.push(toResource(team, withMembers ? await loadMembers(prisma, team.id) : null, baseUrl))
	}
	return { totalResults, startIndex, itemsPerPage: teams.length, resources }
}

/** The membership ids, checked to be users of the organisation: anything else is invalidValue, saving nothing. */
async function assertMembers(tx: Tx, organisationId: string, ids: string[]) {
	const unique = [...new Set(ids)]
	if (unique.length === 0) return unique
	const found = await tx.membership.findMany({ where: { id: { in: unique }, organisationId }, select: { id: true } })
	if (found.length !== unique.length) {
		const known = new Set(found.map((m) => m.id))
		const missing = unique.find((id) => !known.has(id))
		throw new ScimError('invalid', 'SCIM_INVALID_VALUE', `members: ${missing} is not a user of this organisation.`)
	}
	return unique
}

/** The name a group may take among its siblings, or the RFC's uniqueness error. */
async function assertGroupNameFree(
	tx: Tx,
	organisationId: string,
	parentId: string | null,
	name: string,
	exceptId?: string,
) {
	try {
		await assertNameFree(tx, { organisationId, parentId, name, exceptId })
	} catch (error) {
		if (isDomainError(error) && error.code === 'TEAM_NAME_TAKEN') {
			throw scimUniqueness('Another team beside it already has that displayName.')
		}
		throw error
	}
}

function auditBase(call: ScimCall, teamId: string) {
	return {
		actorId: null,
		organisationId: call.client.organisationId,
		targetType: 'Team',
		targetId: teamId,
		...call.origin,
	}
}

const via = (call: ScimCall) => ({ via: 'scim' as const, tokenPrefix: call.client.tokenPrefix })

/** At most this many ids are written into one audit entry; the counts are always exact. */
const AUDIT_ID_LIMIT = 100

/**
 * Applies a new member list to a team: newcomers join (and its new-starter rules reach them), people
 * no longer listed leave (what they were assigned stays, as when an administrator takes them out).
 */
async function applyMembers(tx: Tx, call: ScimCall, team: LoadedTeam, before: Set<string>, after: Set<string>) {
	const toAdd = [...after].filter((id) => !before.has(id))
	const toRemove = [...before].filter((id) => !after.has(id))
	await assertMembers(tx, call.client.organisationId, toAdd)
	const added = await joinTeam(tx, {
		organisationId: call.client.organisationId,
		teamId: team.id,
		membershipIds: toAdd,
		now: call.now,
	})
	if (toRemove.length) {
		await tx.teamMember.deleteMany({ where: { teamId: team.id, membershipId: { in: toRemove } } })
	}
	return { added, removed: toRemove }
}

/**
 * POST /Groups: a new top-level team managed by the directory, with the members given. When an
 * administrator's top-level team already has that name, the group takes it over (its people stay,
 * and from then on change only through the directory); a directory team of that name is a conflict.
 */
export async function createScimGroup({ body, baseUrl, ...call }: ScimCall & { body: unknown; baseUrl: string }) {
	const input = parseScim(ScimGroupSchema, body)
	const { organisationId } = call.client
	return withUniqueness(() =>
		prisma.$transaction(async (tx) => {
			await lockTeamTree(tx, organisationId)
			const clash = await tx.team.findFirst({
				where: { organisationId, parentId: null, name: { equals: input.displayName, mode: 'insensitive' } },
				select: { id: true, managedByDirectory: true },
			})
			if (clash?.managedByDirectory) throw scimUniqueness('A group with that displayName already exists.')
			const data = { name: input.displayName, externalId: input.externalId ?? null, managedByDirectory: true }
			const team = clash
				? await tx.team.update({ where: { id: clash.id }, data, select: TEAM_SELECT })
				: await tx.team.create({ data: { organisationId, parentId: null, ...data }, select: TEAM_SELECT })
			const before = new Set((await loadMembers(tx, team.id)).map((m) => m.membershipId))
			const after = new Set([...before, ...(input.members ?? []).map((m) => m.value)])
			const { added } = await applyMembers(tx, call, team, before, after)
			await recordAudit(tx, {
				...auditBase(call, team.id),
				action: 'scim.group_created',
				details: {
					...via(call),
					displayName: input.displayName,
					externalId: input.externalId ?? null,
					takenOver: Boolean(clash),
					membersAdded: added.length,
					membershipIds: added.slice(0, AUDIT_ID_LIMIT),
				},
			})
			return toResource(team, await loadMembers(tx, team.id), baseUrl)
		}, SCIM_TRANSACTION),
	)
}

/** What a PUT or PATCH leaves the group as: its name, its externalId and its members. */
type GroupState = { name: string; externalId: string | null; members: Set<string> }

/** Writes a group's new state (name, externalId, members) and audits what changed. */
async function applyState(tx: Tx, call: ScimCall, team: LoadedTeam, before: Set<string>, next: GroupState) {
	const { organisationId } = call.client
	const changes: Record<string, { from: string | null; to: string | null }> = {}
	if (next.name !== team.name) {
		await assertGroupNameFree(tx, organisationId, team.parentId, next.name, team.id)
		changes.displayName = { from: team.name, to: next.name }
	}
	if (next.externalId !== team.externalId) changes.externalId = { from: team.externalId, to: next.externalId }
	const { added, removed } = await applyMembers(tx, call, team, before, next.members)
	if (!Object.keys(changes).length && !added.length && !removed.length) return
	// updatedAt moves on a member change too: it is the group's meta.lastModified.
	await tx.team.update({
		where: { id: team.id },
		data: { name: next.name, externalId: next.externalId, updatedAt: call.now },
	})
	await recordAudit(tx, {
		...auditBase(call, team.id),
		action: 'scim.group_updated',
		details: {
			...via(call),
			changes,
			membersAdded: added.length,
			membersRemoved: removed.length,
			addedMembershipIds: added.slice(0, AUDIT_ID_LIMIT),
			removedMembershipIds: removed.slice(0, AUDIT_ID_LIMIT),
		},
	})
}

async function lockAndLoad(tx: Tx, organisationId: string, id: string) {
	await lockTeamTree(tx, organisationId)
	const team = await loadTeam(tx, organisationId, id)
	return { team, before: new Set((await loadMembers(tx, team.id)).map((m) => m.membershipId)) }
}

/** PUT /Groups/:id: replaces the name, externalId and members. */
export async function replaceScimGroup({
	id,
	body,
	baseUrl,
	...call
}: ScimCall & { id: string; body: unknown; baseUrl: string }) {
	const input = parseScim(ScimGroupSchema, body)
	return withUniqueness(() =>
		prisma.$transaction(async (tx) => {
			const { team, before } = await lockAndLoad(tx, call.client.organisationId, id)
			await applyState(tx, call, team, before, {
				name: input.displayName,
				externalId: input.externalId ?? null,
				members: new Set((input.members ?? []).map((m) => m.value)),
			})
			const after = await loadTeam(tx, call.client.organisationId, id)
			return toResource(after, await loadMembers(tx, id), baseUrl)
		}, SCIM_TRANSACTION),
	)
}

const MEMBER_PATH = /^members\[\s*value\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\]$/i
const PatchName = ScimGroupSchema.shape.displayName
const PatchExternalId = z.union([z.null(), ScimGroupSchema.shape.externalId.unwrap()])

function patchValue<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
	const result = schema.safeParse(value)
	if (!result.success)
		throw new ScimError('invalid', 'SCIM_INVALID_VALUE', `${path}: ${result.error.issues[0]!.message}`)
	return result.data
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Applies one operation's attribute path (matched without regard to case) to the group's state. */
function applyPath(state: GroupState, op: 'add' | 'replace' | 'remove', rawPath: string, value: unknown) {
	const path = rawPath.trim().replace(/^urn:ietf:params:scim:schemas:core:2\.0:Group:/i, '')
	const one = MEMBER_PATH.exec(path)
	if (one) {
		// members[value eq "…"]: the RFC's way to remove one member (Okta and scripts send it).
		if (op !== 'remove') throw new ScimError('invalid', 'SCIM_INVALID_VALUE', `${rawPath}: only remove is supported.`)
		state.members.delete(one[1]!.replace(/\\(.)/g, '$1'))
		return
	}
	switch (path.toLowerCase()) {
		case 'members': {
			if (op === 'remove' && (value === undefined || value === null)) {
				state.members.clear()
				return
			}
			const ids = patchValue(GroupMembersSchema, value, rawPath).map((m) => m.value)
			if (op === 'replace') state.members.clear()
			for (const memberId of ids) {
				if (op === 'remove') state.members.delete(memberId)
				else state.members.add(memberId)
			}
			return
		}
		case 'displayname':
			if (op === 'remove') throw new ScimError('invalid', 'SCIM_MUTABILITY', 'displayName cannot be removed.')
			state.name = patchValue(PatchName, value, rawPath)
			return
		case 'externalid':
			state.externalId = op === 'remove' ? null : patchValue(PatchExternalId, value ?? null, rawPath)
			return
		default:
		// Anything else (id, meta, attributes Circle does not keep) is ignored, as for Users.
	}
}

/**
 * PATCH /Groups/:id with the Operations Entra ID sends: `Add` or `Remove` of `members` with a list
 * of `{ value }`, `Replace` of `displayName` or `externalId` (with a path, or as one value object),
 * and the RFC's `remove` of `members[value eq "…"]`. All the operations apply in one transaction.
 */
export async function patchScimGroup({ id, body, ...call }: ScimCall & { id: string; body: unknown }) {
	const request = parseScim(PatchRequestSchema, body)
	await withUniqueness(() =>
		prisma.$transaction(async (tx) => {
			const { team, before } = await lockAndLoad(tx, call.client.organisationId, id)
			const next: GroupState = { name: team.name, externalId: team.externalId, members: new Set(before) }
			for (const operation of request.Operations) {
				if (operation.path) applyPath(next, operation.op, operation.path, operation.value)
				else {
					if (operation.op === 'remove' || !isPlainObject(operation.value)) {
						throw new ScimError('invalid', 'SCIM_INVALID_VALUE', 'An operation without a path needs an object value.')
					}
					for (const [key, value] of Object.entries(operation.value)) applyPath(next, operation.op, key, value)
				}
			}
			await applyState(tx, call, team, before, next)
		}, SCIM_TRANSACTION),
	)
}

/**
 * DELETE /Groups/:id: the team goes as an administrator's deletion takes it (its people stay in the
 * organisation; rules made for it are withdrawn, completed requirements kept). Teams an
 * administrator nested beneath it move up to where it was, so nobody loses a branch.
 */
export async function deleteScimGroup({ id, ...call }: ScimCall & { id: string }) {
	const { organisationId } = call.client
	await withUniqueness(() =>
		prisma.$transaction(async (tx) => {
			await lockTeamTree(tx, organisationId)
			const team = await loadTeam(tx, organisationId, id)
			const children = await tx.team.updateMany({
				where: { organisationId, parentId: team.id },
				data: { parentId: team.parentId },
			})
			const { rules, cancelled } = await removeTeam(tx, { organisationId, teamId: team.id, now: call.now })
			await recordAudit(tx, {
				...auditBase(call, team.id),
				action: 'scim.group_deleted',
				details: {
					...via(call),
					displayName: team.name,
					externalId: team.externalId,
					subTeamsMoved: children.count,
					rulesWithdrawn: rules,
					requirementsCancelled: cancelled,
				},
			})
		}, SCIM_TRANSACTION),
	)
}
