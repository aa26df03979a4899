// Test data for SCIM provisioning: a token for an organisation (made the way the settings page
// makes one), a verified email domain, and requests shaped as Microsoft Entra ID sends them.
import { prisma } from '#modules/db/client.ts'
import { createScimToken } from '#modules/scim/tokens.ts'

let counter = 0

/** A domain no other test uses, e.g. trust-lx3k-1.nhs.test. */
export function uniqueDomain(label = 'trust') {
	counter += 1
	return `${label}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 6)}.nhs.test`
}

/** A SCIM bearer token for the organisation, created by its owner. */
export async function scimTokenFor(org: { id: string; owner: { id: string } }, name = 'Entra ID') {
	const { token, prefix, id } = await createScimToken({ organisationId: org.id, actorId: org.owner.id, name })
	return { token, prefix, id }
}

/** Claims `domain` for the organisation, verified (as a platform admin or DNS would). */
export async function verifiedDomain(organisationId: string, domain = uniqueDomain()) {
	await prisma.organisationDomain.create({
		data: { organisationId, domain, verificationToken: `test-${domain}`, verifiedAt: new Date(), verifiedBy: 'ADMIN' },
	})
	return domain
}

/** The body Entra ID's provisioning service POSTs to /Users for a new person. */
export function entraCreateUser({
	userName,
	email = userName,
	givenName = 'Priya',
	familyName = 'Patel',
	externalId = crypto.randomUUID(),
}: {
	userName: string
	email?: string
	givenName?: string
	familyName?: string
	externalId?: string
}) {
	return {
		schemas: [
			'urn:ietf:params:scim:schemas:core:2.0:User',
			'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
		],
		externalId,
		userName,
		active: true,
		displayName: `${givenName} ${familyName}`,
		emails: [{ primary: true, type: 'work', value: email }],
		meta: { resourceType: 'User' },
		name: { formatted: `${givenName} ${familyName}`, familyName, givenName },
		roles: [],
		title: 'Staff nurse',
		'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Ward 7' },
	}
}

/** The PATCH Entra ID sends when a person is disabled or unassigned (soft delete). */
export const ENTRA_DEACTIVATE = {
	schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
	Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
}

/** The body Entra ID's provisioning service POSTs to /Groups for a group assigned to the app. */
export function entraCreateGroup({
	displayName,
	externalId = crypto.randomUUID(),
}: {
	displayName: string
	externalId?: string
}) {
	return {
		schemas: [
			'urn:ietf:params:scim:schemas:core:2.0:Group',
			'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
		],
		externalId,
		displayName,
		meta: { resourceType: 'Group' },
	}
}

/** The PATCH Entra ID sends to add people to, or take them out of, a group ("Add" or "Remove" of members). */
export function entraGroupMembers(op: 'Add' | 'Remove', userIds: string[]) {
	return {
		schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
		Operations: [{ op, path: 'members', value: userIds.map((value) => ({ $ref: null, value })) }],
	}
}

/** The PATCH Entra ID sends when a group is renamed. */
export function entraRenameGroup(displayName: string) {
	return {
		schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
		Operations: [{ op: 'Replace', path: 'displayName', value: displayName }],
	}
}
