import { handleScim, scimJson, scimMethodNotAllowed } from '#app/utils/scim.server.ts'
import { deleteScimGroup, getScimGroup, patchScimGroup, replaceScimGroup } from '#modules/scim/groups.ts'
import { excludesMembers } from '#modules/scim/schemas.ts'
import type { Route } from './+types/scim.v2.Groups.$id'

/** GET /scim/v2/Groups/:id, where id is a directory-managed team of the token's organisation. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	return handleScim(request, context, async ({ client, baseUrl }) => {
		const withMembers = !excludesMembers(new URL(request.url).searchParams)
		return scimJson(await getScimGroup({ client, id: params.id, baseUrl, withMembers }))
	})
}

/** PUT, PATCH (204, as Entra ID expects) and DELETE of one group of the token's organisation. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const method = request.method.toUpperCase()
	if (method !== 'PUT' && method !== 'PATCH' && method !== 'DELETE')
		return scimMethodNotAllowed('GET, PUT, PATCH, DELETE')
	return handleScim(request, context, async ({ body, baseUrl, ...call }) => {
		if (method === 'DELETE') {
			await deleteScimGroup({ ...call, id: params.id })
			return new Response(null, { status: 204 })
		}
		if (method === 'PATCH') {
			await patchScimGroup({ ...call, id: params.id, body })
			return new Response(null, { status: 204 })
		}
		return scimJson(await replaceScimGroup({ ...call, id: params.id, body, baseUrl }))
	})
}
