import { scimBaseUrl, scimJson } from '#app/utils/scim.server.ts'
import { schemasDocument } from '#modules/scim/discovery.ts'
import type { Route } from './+types/scim.v2.Schemas'

/** GET /scim/v2/Schemas: a discovery document (RFC 7644 §4); it describes the service, so needs no token. */
export async function loader({ request }: Route.LoaderArgs) {
	return scimJson(schemasDocument(scimBaseUrl(request)))
}
