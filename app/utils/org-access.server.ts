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
	// The layout and the page loader of one request ask the same question: look it up once. (After
	// an action, React Router gives the loaders a new Request, so they see what the action changed.)
	let asked = accessCache.get(request)
	if (!asked) accessCache.set(request, (asked = new Map()))
	const key = `${slug}\n${minRole}`
	let access = asked.get(key)
	if (!access) asked.set(key, (access = requireOrganisationAccess({ user, slug, minRole })))
	// Each caller turns a refusal into a Response of its own (a Response body can be read only once).
	return withDomainErrors(() => access)
}

const accessCache = new WeakMap<Request, Map<string, ReturnType<typeof requireOrganisationAccess>>>()
