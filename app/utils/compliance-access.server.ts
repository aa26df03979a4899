import { requireUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { requireComplianceAccess } from '#modules/teams/scope.ts'

/**
 * For the compliance pages (/org/:slug/compliance and its exports): the organisation and the
 * signed-in user's scope in it. Owners and administrators see everyone; a team manager their teams
 * and those beneath them; any other member gets a 403 and a stranger a 404 (requireComplianceAccess).
 */
export async function requireComplianceAccessFor(request: Request, slug: string) {
	const user = await requireUser(request)
	return withDomainErrors(() => requireComplianceAccess({ user, slug }))
}
