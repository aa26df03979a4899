import { Outlet } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { type Section, SectionNav } from '#app/components/ui/section-nav.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import type { Route } from './+types/route'

// Every page under /admin is for platform admins only. Each page's loader and action checks the
// role itself as well (a layout loader does not guard a child's action, and loaders run in
// parallel), and so does each module function.
export async function loader({ request }: Route.LoaderArgs) {
	await requireRole(request, 'ADMIN')
	return null
}

const sections: Section[] = [
	{ to: '/admin', label: 'Overview', end: true },
	{ to: '/admin/users', label: 'Users', end: false },
	{ to: '/admin/organisations', label: 'Organisations', end: false },
	{ to: '/admin/orders', label: 'Orders', end: false },
	{ to: '/admin/certificates', label: 'Certificates', end: false },
	{ to: '/admin/enquiries', label: 'Enquiries', end: false },
	{ to: '/admin/audit', label: 'Audit log', end: false },
]

/** The admin area: a section menu above each admin page (which brings its own heading). */
export default function AdminLayout() {
	return (
		<>
			<SectionNav
				label="Admin"
				heading={<p className="text-sm font-semibold tracking-wide text-stone-600 uppercase">Platform admin</p>}
				sections={sections}
			/>
			<Outlet />
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
