import { handleScim, scimJson, scimMethodNotAllowed } from '#app/utils/scim.server.ts'
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from '#modules/scim/users.ts'
import type { Route } from './+types/scim.v2.Users.$id'

/** GET /scim/v2/Users/:id, where id is the membership id in the token's organisation. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	return handleScim(request, context, async ({ client, baseUrl }) =>
		scimJson(await getScimUser({ client, id: params.id, baseUrl })),
	)
}

/** PUT, PATCH and DELETE of one user of the token's organisation. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const method = request.method.toUpperCase()
	if (method !== 'PUT' && method !== 'PATCH' && method !== 'DELETE')
		return scimMethodNotAllowed('GET, PUT, PATCH, DELETE')
	return handleScim(request, context, async ({ body, baseUrl, ...call }) => {
		if (method === 'DELETE') {
			await deleteScimUser({ ...call, id: params.id })
			return new Response(null, { status: 204 })
		}
		const write = method === 'PUT' ? replaceScimUser : patchScimUser
		return scimJson(await write({ ...call, id: params.id, body, baseUrl }))
	})
}
