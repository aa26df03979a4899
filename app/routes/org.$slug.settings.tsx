import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import type { Route } from './+types/org.$slug.settings'

// The organisation's settings: how its people sign in (single sign-on), who must use two-step
// sign-in, provisioning from its identity provider, and when its people are reminded. Each page checks access again itself.
export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	return { slug: access.organisation.slug }
}

export default function OrganisationSettingsLayout({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('org')
	const base = `/org/${loaderData.slug}/settings`
	const pages = [
		{ to: `${base}/sign-in`, label: t('settingsNav.signIn') },
		{ to: `${base}/security`, label: t('settingsNav.security') },
		{ to: `${base}/provisioning`, label: t('settingsNav.provisioning') },
		{ to: `${base}/reminders`, label: t('settingsNav.reminders') },
		{ to: `${base}/billing`, label: t('settingsNav.billing') },
		{ to: `${base}/learning-records`, label: t('settingsNav.learningRecords') },
	]
	return (
		<>
			<Container className="pt-6">
				<nav aria-label={t('settingsNav.label')}>
					<ul className="flex flex-wrap gap-2">
						{pages.map((page) => (
							<li key={page.to}>
								<NavLink
									to={page.to}
									className={({ isActive }) =>
										cx(
											'inline-flex min-h-11 items-center rounded-full border px-4 font-medium',
											isActive
												? 'border-brand-700 bg-brand-50 text-brand-900'
												: 'border-stone-300 text-stone-700 hover:border-stone-500 hover:text-stone-900',
										)
									}
								>
									{page.label}
								</NavLink>
							</li>
						))}
					</ul>
				</nav>
			</Container>
			<Outlet />
		</>
	)
}
