import { requireUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import type { OrgRole } from '#modules/db/client.ts'
import { requireOrganisationAccess } from '#modules/organisations/access.ts'

// HTTP glue shared by the /org/:slug pages. Every loader and action calls this itself (a layout
// loader does not guard a child's action, and loaders run in parallel).

/**
 * The signed-in user's access to the organisation behind `slug`, at least `minRole` (ADMIN unless
 * told). Visitors go to /login; someone who is not a member gets a 404 (the organisation is not
 * theirs to know about); a member without the role gets a 403.
 */
export async function requireOrgAccess(request: Request, slug: string, minRole: OrgRole = 'ADMIN') {
	const user = await requireUser(request)
	return withDomainErrors(() => requireOrganisationAccess({ user, slug, minRole }))
}
