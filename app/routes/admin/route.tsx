import { NavLink, Outlet } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import type { Route } from './+types/route'

// Every page under /admin is for platform admins only. Each page's loader and action checks the
// role itself as well (a layout loader does not guard a child's action, and loaders run in
// parallel), and so does each module function.
export async function loader({ request }: Route.LoaderArgs) {
	await requireRole(request, 'ADMIN')
	return null
}

const sections = [
	{ to: '/admin', label: 'Overview', end: true },
	{ to: '/admin/users', label: 'Users', end: false },
	{ to: '/admin/organisations', label: 'Organisations', end: false },
	{ to: '/admin/orders', label: 'Orders', end: false },
	{ to: '/admin/certificates', label: 'Certificates', end: false },
	{ to: '/admin/enquiries', label: 'Enquiries', end: false },
]

/** The admin area: a section menu above each admin page (which brings its own heading). */
export default function AdminLayout() {
	return (
		<>
			<div className="border-b border-stone-200 bg-stone-50">
				<Container>
					<nav aria-label="Admin" className="pt-3">
						<p className="text-sm font-semibold tracking-wide text-stone-600 uppercase">Platform admin</p>
						<ul className="mt-1 flex flex-wrap gap-x-2">
							{sections.map((section) => (
								<li key={section.to}>
									<NavLink
										to={section.to}
										end={section.end}
										className={({ isActive }) =>
											cx(
												'-mb-px inline-flex min-h-11 items-center border-b-4 px-3 font-semibold',
												isActive
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
