import { Outlet, useLocation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { type Section, SectionNav } from '#app/components/ui/section-nav.tsx'
import type { Route } from './+types/org.$slug'

// The organisation admin area: its name and a section menu above each page. Owners and
// administrators only; every child page checks again in its own loader and action.
export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	return { organisation: access.organisation, role: access.role, isPlatformAdmin: access.isPlatformAdmin }
}

export default function OrganisationLayout({ loaderData }: Route.ComponentProps) {
	const { organisation, role, isPlatformAdmin } = loaderData
	const { pathname } = useLocation()
	const base = `/org/${organisation.slug}`
	const sections: Section[] = [
		// A course's seats page belongs under the overview, which lists the courses.
		{ to: base, label: 'Overview', end: true, alsoActive: pathname.startsWith(`${base}/seats/`) },
		{ to: `${base}/members`, label: 'Members', end: false, alsoActive: false },
		{ to: `${base}/report`, label: 'Team report', end: false, alsoActive: false },
		{ to: `${base}/compliance`, label: 'Compliance', end: false, alsoActive: false },
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
							{isPlatformAdmin ? 'Platform admin' : `You are ${role === 'OWNER' ? 'an owner' : 'an administrator'}`}
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
