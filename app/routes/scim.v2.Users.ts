import { handleScim, scimJson, scimMethodNotAllowed } from '#app/utils/scim.server.ts'
import { LIST_RESPONSE_SCHEMA, parsePaging, parseScimFilter } from '#modules/scim/schemas.ts'
import { createScimUser, listScimUsers } from '#modules/scim/users.ts'
import type { Route } from './+types/scim.v2.Users'

/** GET /scim/v2/Users?filter=userName eq "…": the token's organisation's users (RFC 7644 §3.4.2). */
export async function loader({ request, context }: Route.LoaderArgs) {
	return handleScim(request, context, async ({ client, baseUrl }) => {
		const params = new URL(request.url).searchParams
		const filter = parseScimFilter(params.get('filter'))
		const page = await listScimUsers({ client, filter, ...parsePaging(params), baseUrl })
		return scimJson({
			schemas: [LIST_RESPONSE_SCHEMA],
			totalResults: page.totalResults,
			startIndex: page.startIndex,
			itemsPerPage: page.itemsPerPage,
			Resources: page.resources,
		})
	})
}

/** POST /scim/v2/Users: provisions a person into the token's organisation (201 with the resource). */
export async function action({ request, context }: Route.ActionArgs) {
	if (request.method !== 'POST') return scimMethodNotAllowed('GET, POST')
	return handleScim(request, context, async ({ body, baseUrl, ...call }) => {
		const user = await createScimUser({ ...call, body, baseUrl })
		return scimJson(user, { status: 201, headers: { Location: user.meta.location } })
	})
}
