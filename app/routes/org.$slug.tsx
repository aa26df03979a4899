import { useTranslation } from 'react-i18next'
import { Outlet, useLocation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireOrgLayoutAccess } from '#app/utils/circles-access.server.ts'
import { type Section, SectionNav } from '#app/components/ui/section-nav.tsx'
import type { Route } from './+types/org.$slug'

// The organisation admin area: its name and a section menu above each page. Owners and
// administrators see every section; a team manager (a member who manages a team) sees Compliance, Teams,
// Assignments and Themes, for their own teams; one of its circle facilitators sees Circles (ADR 0028).
// Every child page checks again in its own loader and action.
export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgLayoutAccess(request, params.slug)
	return {
		organisation: access.organisation,
		role: access.role,
		isPlatformAdmin: access.isPlatformAdmin,
		managedTeams: access.scope?.kind === 'teams' ? access.scope.teamIds.length : null,
		facilitatesCircles: access.facilitatesCircles,
		circlesOnly: access.circlesOnly,
	}
}

export default function OrganisationLayout({ loaderData }: Route.ComponentProps) {
	const { organisation, role, isPlatformAdmin, managedTeams, facilitatesCircles, circlesOnly } = loaderData
	const { pathname } = useLocation()
	const { t } = useTranslation('org')
	const base = `/org/${organisation.slug}`
	const teams: Section = { to: `${base}/teams`, label: t('nav.teams'), end: false, alsoActive: false }
	const assignments: Section = { to: `${base}/assignments`, label: t('nav.assignments'), end: false, alsoActive: false }
	const compliance: Section = { to: `${base}/compliance`, label: t('nav.compliance'), end: false, alsoActive: false }
	const themes: Section = { to: `${base}/themes`, label: t('nav.themes'), end: false, alsoActive: false }
	const circles: Section = { to: `${base}/circles`, label: t('nav.circles'), end: false, alsoActive: false }
	const sections: Section[] = circlesOnly
		? [circles]
		: managedTeams !== null
			? [compliance, teams, assignments, themes, ...(facilitatesCircles ? [circles] : [])]
			: [
					// A course's seats page belongs under the overview, which lists the courses.
					{ to: base, label: t('nav.overview'), end: true, alsoActive: pathname.startsWith(`${base}/seats/`) },
					{ to: `${base}/members`, label: t('nav.members'), end: false, alsoActive: false },
					{ to: `${base}/report`, label: t('nav.report'), end: false, alsoActive: false },
					compliance,
					teams,
					assignments,
					circles,
					themes,
					{ to: `${base}/audit`, label: t('nav.audit'), end: false, alsoActive: false },
					// Sign-in (SSO), Security (two-step sign-in) and Provisioning (SCIM), with their own menu.
					{
						to: `${base}/settings/sign-in`,
						label: t('nav.settings'),
						end: false,
						alsoActive: pathname.startsWith(`${base}/settings/`),
					},
				]
	return (
		<>
			<SectionNav
				label={t('nav.label')}
				heading={
					<p className="text-sm text-stone-700">
						<span className="font-semibold text-stone-900">{organisation.name}</span>
						<span aria-hidden="true"> · </span>
						<span>
							{circlesOnly
								? t('nav.facilitator')
								: managedTeams !== null
									? t('nav.managesTeams', { count: managedTeams })
									: isPlatformAdmin
										? t('nav.platformAdmin')
										: role === 'OWNER'
											? t('nav.owner')
											: t('nav.admin')}
						</span>
					</p>
				}
				sections={sections}
			/>
			<Outlet />
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
