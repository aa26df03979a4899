import { Outlet, useLocation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireOrgLayoutAccess } from '#app/utils/circles-access.server.ts'
import { type Section, SectionNav } from '#app/components/ui/section-nav.tsx'
import { pluralise } from '#app/utils/format.ts'
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
	const base = `/org/${organisation.slug}`
	const teams: Section = { to: `${base}/teams`, label: 'Teams', end: false, alsoActive: false }
	const assignments: Section = { to: `${base}/assignments`, label: 'Assignments', end: false, alsoActive: false }
	const compliance: Section = { to: `${base}/compliance`, label: 'Compliance', end: false, alsoActive: false }
	const themes: Section = { to: `${base}/themes`, label: 'Themes', end: false, alsoActive: false }
	const circles: Section = { to: `${base}/circles`, label: 'Circles', end: false, alsoActive: false }
	const sections: Section[] = circlesOnly
		? [circles]
		: managedTeams !== null
			? [compliance, teams, assignments, themes, ...(facilitatesCircles ? [circles] : [])]
			: [
					// A course's seats page belongs under the overview, which lists the courses.
					{ to: base, label: 'Overview', end: true, alsoActive: pathname.startsWith(`${base}/seats/`) },
					{ to: `${base}/members`, label: 'Members', end: false, alsoActive: false },
					{ to: `${base}/report`, label: 'Team report', end: false, alsoActive: false },
					compliance,
					teams,
					assignments,
					circles,
					themes,
					{ to: `${base}/audit`, label: 'Audit log', end: false, alsoActive: false },
					// Sign-in (SSO), Security (two-step sign-in) and Provisioning (SCIM), with their own menu.
					{
						to: `${base}/settings/sign-in`,
						label: 'Settings',
						end: false,
						alsoActive: pathname.startsWith(`${base}/settings/`),
					},
				]
	return (
		<>
			<SectionNav
				label="Organisation"
				heading={
					<p className="text-sm text-stone-700">
						<span className="font-semibold text-stone-900">{organisation.name}</span>
						<span aria-hidden="true"> · </span>
						<span>
							{circlesOnly
								? 'You are a circle facilitator'
								: managedTeams !== null
									? `You manage ${pluralise(managedTeams, 'team')}`
									: isPlatformAdmin
										? 'Platform admin'
										: `You are ${role === 'OWNER' ? 'an owner' : 'an administrator'}`}
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
