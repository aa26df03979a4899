import { scimBaseUrl, scimJson } from '#app/utils/scim.server.ts'
import { resourceTypes } from '#modules/scim/discovery.ts'
import type { Route } from './+types/scim.v2.ResourceTypes'

/** GET /scim/v2/ResourceTypes: a discovery document (RFC 7644 §4); it describes the service, so needs no token. */
export async function loader({ request }: Route.LoaderArgs) {
	return scimJson(resourceTypes(scimBaseUrl(request)))
}
