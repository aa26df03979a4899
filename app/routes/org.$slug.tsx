import { NavLink, Outlet, useLocation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireOrgAccess } from '#app/components/org/org-access.server.ts'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
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
	const sections = [
		// A course's seats page belongs under the overview, which lists the courses.
		{ to: base, label: 'Overview', end: true, alsoActive: pathname.startsWith(`${base}/seats/`) },
		{ to: `${base}/members`, label: 'Members', end: false, alsoActive: false },
		{ to: `${base}/report`, label: 'Team report', end: false, alsoActive: false },
	]
	return (
		<>
			<div className="border-b border-stone-200 bg-stone-50">
				<Container>
					<nav aria-label="Organisation" className="pt-3">
						<p className="text-sm text-stone-700">
							<span className="font-semibold text-stone-900">{organisation.name}</span>
							<span aria-hidden="true"> · </span>
							<span>
								{isPlatformAdmin ? 'Platform admin' : `You are ${role === 'OWNER' ? 'an owner' : 'an administrator'}`}
							</span>
						</p>
						<ul className="mt-1 flex flex-wrap gap-x-2">
							{sections.map((section) => (
								<li key={section.to}>
									<NavLink
										to={section.to}
										end={section.end}
										className={({ isActive }) =>
											cx(
												'-mb-px inline-flex min-h-11 items-center border-b-4 px-3 font-semibold',
												isActive || section.alsoActive
													? 'border-brand-700 text-brand-800'
													: 'border-transparent text-stone-700 hover:border-stone-300 hover:text-stone-900',
											)
										}
									>
										{section.label}
									</NavLink>
								</li>
							))}
						</ul>
					</nav>
				</Container>
			</div>
			<Outlet />
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
