import { handleScim, scimJson, scimMethodNotAllowed } from '#app/utils/scim.server.ts'
import { createScimGroup, listScimGroups } from '#modules/scim/groups.ts'
import { excludesMembers, LIST_RESPONSE_SCHEMA, parseGroupFilter, parsePaging } from '#modules/scim/schemas.ts'
import type { Route } from './+types/scim.v2.Groups'

/** GET /scim/v2/Groups?filter=displayName eq "…": the token's organisation's directory teams (RFC 7644 §3.4.2). */
export async function loader({ request, context }: Route.LoaderArgs) {
	return handleScim(request, context, async ({ client, baseUrl }) => {
		const params = new URL(request.url).searchParams
		const filter = parseGroupFilter(params.get('filter'))
		const page = await listScimGroups({
			client,
			filter,
			...parsePaging(params),
			baseUrl,
			withMembers: !excludesMembers(params),
		})
		return scimJson({
			schemas: [LIST_RESPONSE_SCHEMA],
			totalResults: page.totalResults,
			startIndex: page.startIndex,
			itemsPerPage: page.itemsPerPage,
			Resources: page.resources,
		})
	})
}

/** POST /scim/v2/Groups: a team managed by the directory in the token's organisation (201 with the resource). */
export async function action({ request, context }: Route.ActionArgs) {
	if (request.method !== 'POST') return scimMethodNotAllowed('GET, POST')
	return handleScim(request, context, async ({ body, baseUrl, ...call }) => {
		const group = await createScimGroup({ ...call, body, baseUrl })
		return scimJson(group, { status: 201, headers: { Location: group.meta.location } })
	})
}
