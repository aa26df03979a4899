import { requireUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { requireComplianceAccess } from '#modules/teams/scope.ts'

/**
 * For the pages team managers share with administrators (Teams, Assignments, Compliance): the
 * organisation, the actor's role and their scope (everyone, or their teams). A stranger gets 404, a
 * member who manages no team 403; visitors go to /login.
 */
export async function requireComplianceOrgAccess(request: Request, slug: string) {
	const user = await requireUser(request)
	return withDomainErrors(() => requireComplianceAccess({ user, slug }))
}
