import { scimBaseUrl, scimJson } from '#app/utils/scim.server.ts'
import { serviceProviderConfig } from '#modules/scim/discovery.ts'
import type { Route } from './+types/scim.v2.ServiceProviderConfig'

/** GET /scim/v2/ServiceProviderConfig: a discovery document (RFC 7644 §4); it describes the service, so needs no token. */
export async function loader({ request }: Route.LoaderArgs) {
	return scimJson(serviceProviderConfig(scimBaseUrl(request)))
}
