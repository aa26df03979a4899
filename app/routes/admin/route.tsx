import { useTranslation } from 'react-i18next'
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

const SECTIONS = [
	{ to: '/admin', key: 'overview', end: true },
	{ to: '/admin/users', key: 'users', end: false },
	{ to: '/admin/organisations', key: 'organisations', end: false },
	{ to: '/admin/orders', key: 'orders', end: false },
	{ to: '/admin/certificates', key: 'certificates', end: false },
	{ to: '/admin/enquiries', key: 'enquiries', end: false },
	{ to: '/admin/newsletter', key: 'newsletter', end: false },
	{ to: '/admin/audit', key: 'audit', end: false },
] as const

/** The admin area: a section menu above each admin page (which brings its own heading). */
export default function AdminLayout() {
	const { t } = useTranslation('admin')
	const sections: Section[] = SECTIONS.map(({ to, key, end }) => ({ to, end, label: t(`nav.${key}`) }))
	return (
		<>
			<SectionNav
				label={t('nav.label')}
				heading={<p className="text-sm font-semibold tracking-wide text-stone-600 uppercase">{t('nav.heading')}</p>}
				sections={sections}
			/>
			<Outlet />
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
