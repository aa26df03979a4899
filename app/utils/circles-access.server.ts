import { requireUser } from '#app/utils/auth.server.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { requireComplianceAccess } from '#modules/teams/scope.ts'
import { CirclesError } from '#modules/circles/errors.ts'
import { isCircleFacilitator } from '#modules/circles/facilitators.ts'
import { hasOrgRole } from '#modules/organisations/access.ts'

/**
 * For /org/:slug/circles: the organisation's administrators, and the members an administrator made
 * its circle facilitators. A stranger gets 404, any other member 403. The domain writes check again.
 */
export async function requireCircleSchedulerAccess(request: Request, slug: string) {
	const access = await requireOrgAccess(request, slug, 'MEMBER')
	if (hasOrgRole(access.role, 'ADMIN')) return { ...access, isOrgAdmin: true }
	const facilitates = await isCircleFacilitator({ organisationId: access.organisation.id, userId: access.actorId })
	if (!facilitates) {
		return withDomainErrors(() =>
			Promise.reject(
				new CirclesError(
					'forbidden',
					'NOT_A_SCHEDULER',
					`Only administrators and circle facilitators of ${access.organisation.name} can see this page.`,
				),
			),
		)
	}
	return { ...access, isOrgAdmin: false }
}

/**
 * The organisation area's layout: whoever may see one of its sections. Owners, administrators and
 * team managers as requireComplianceAccess says, plus a member who is only a circle facilitator
 * (they see the Circles section alone). `facilitatesCircles` says whether to show Circles to a
 * team manager or facilitator. Strangers get 404, anyone else 403.
 */
export async function requireOrgLayoutAccess(request: Request, slug: string) {
	const user = await requireUser(request)
	try {
		const access = await requireComplianceAccess({ user, slug })
		const facilitatesCircles =
			access.scope.kind === 'teams' &&
			(await isCircleFacilitator({ organisationId: access.organisation.id, userId: user.id }))
		return { ...access, facilitatesCircles, circlesOnly: false }
	} catch (error) {
		if (!isDomainError(error) || error.kind !== 'forbidden') return throwAsResponse(error)
		const member = await requireOrgAccess(request, slug, 'MEMBER')
		if (!(await isCircleFacilitator({ organisationId: member.organisation.id, userId: user.id }))) {
			return throwAsResponse(error)
		}
		return { ...member, scope: null, facilitatesCircles: true, circlesOnly: true }
	}
}
