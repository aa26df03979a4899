import { GROUP_SCHEMA, LIST_RESPONSE_SCHEMA, MAX_PAGE_SIZE, USER_SCHEMA } from './schemas.ts'

// The RFC 7644 §4 discovery documents: what Circle's SCIM service supports, so a client (Entra ID,
// Okta, a script) can adapt. They describe the service, not any organisation's data.

const attribute = (
	name: string,
	type: 'string' | 'boolean' | 'complex',
	extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
	name,
	type,
	multiValued: false,
	required: false,
	caseExact: false,
	mutability: 'readWrite',
	returned: 'default',
	uniqueness: 'none',
	...extra,
})

function meta(baseUrl: string, resourceType: string, path: string) {
	return { resourceType, location: `${baseUrl}/scim/v2/${path}` }
}

export function serviceProviderConfig(baseUrl: string) {
	return {
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
		documentationUri: `${baseUrl}/#provisioning-scim`,
		patch: { supported: true },
		bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
		filter: { supported: true, maxResults: MAX_PAGE_SIZE },
		changePassword: { supported: false },
		sort: { supported: false },
		etag: { supported: false },
		authenticationSchemes: [
			{
				type: 'oauthbearertoken',
				name: 'Bearer token',
				description: 'A token an organisation owner or administrator creates at /org/<slug>/settings/provisioning.',
				primary: true,
			},
		],
		meta: meta(baseUrl, 'ServiceProviderConfig', 'ServiceProviderConfig'),
	}
}

const USER_RESOURCE_TYPE = (baseUrl: string) => ({
	schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
	id: 'User',
	name: 'User',
	endpoint: '/Users',
	description: 'A person in the organisation (one membership).',
	schema: USER_SCHEMA,
	schemaExtensions: [],
	meta: meta(baseUrl, 'ResourceType', 'ResourceTypes/User'),
})

const GROUP_RESOURCE_TYPE = (baseUrl: string) => ({
	schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
	id: 'Group',
	name: 'Group',
	endpoint: '/Groups',
	description: 'A team of the organisation kept up to date by its directory.',
	schema: GROUP_SCHEMA,
	schemaExtensions: [],
	meta: meta(baseUrl, 'ResourceType', 'ResourceTypes/Group'),
})

export function resourceTypes(baseUrl: string) {
	return {
		schemas: [LIST_RESPONSE_SCHEMA],
		totalResults: 2,
		startIndex: 1,
		itemsPerPage: 2,
		Resources: [USER_RESOURCE_TYPE(baseUrl), GROUP_RESOURCE_TYPE(baseUrl)],
	}
}

const USER_SCHEMA_DOCUMENT = (baseUrl: string) => ({
	schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
	id: USER_SCHEMA,
	name: 'User',
	description: 'The attributes of a User Circle keeps; others are accepted and ignored.',
	attributes: [
		attribute('userName', 'string', { required: true, uniqueness: 'server' }),
		attribute('name', 'complex', {
			subAttributes: [
				attribute('formatted', 'string'),
				attribute('givenName', 'string'),
				attribute('familyName', 'string'),
			],
		}),
		attribute('displayName', 'string'),
		attribute('emails', 'complex', {
			multiValued: true,
			subAttributes: [attribute('value', 'string'), attribute('type', 'string'), attribute('primary', 'boolean')],
		}),
		attribute('active', 'boolean'),
		attribute('externalId', 'string', { caseExact: true }),
	],
	meta: meta(baseUrl, 'Schema', `Schemas/${USER_SCHEMA}`),
})

const GROUP_SCHEMA_DOCUMENT = (baseUrl: string) => ({
	schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
	id: GROUP_SCHEMA,
	name: 'Group',
	description: 'A team: its name and its members (Users of the same organisation).',
	attributes: [
		attribute('displayName', 'string', { required: true, uniqueness: 'server' }),
		attribute('members', 'complex', {
			multiValued: true,
			subAttributes: [
				attribute('value', 'string', { mutability: 'immutable' }),
				attribute('display', 'string', { mutability: 'readOnly' }),
				attribute('$ref', 'string', { mutability: 'immutable' }),
			],
		}),
		attribute('externalId', 'string', { caseExact: true }),
	],
	meta: meta(baseUrl, 'Schema', `Schemas/${GROUP_SCHEMA}`),
})

export function schemasDocument(baseUrl: string) {
	return {
		schemas: [LIST_RESPONSE_SCHEMA],
		totalResults: 2,
		startIndex: 1,
		itemsPerPage: 2,
		Resources: [USER_SCHEMA_DOCUMENT(baseUrl), GROUP_SCHEMA_DOCUMENT(baseUrl)],
	}
}
