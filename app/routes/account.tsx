import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import type { Route } from './+types/account'
import { Trans } from '#app/utils/trans.tsx'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return { email: user.email, emailVerified: user.emailVerified }
}

const tabs = [
	{ to: '/account', label: 'details', end: true },
	{ to: '/account/password', label: 'password', end: false },
	{ to: '/account/personal-email', label: 'personalEmail', end: false },
	{ to: '/account/security', label: 'security', end: false },
	{ to: '/account/purchases', label: 'purchases', end: false },
	{ to: '/account/reminders', label: 'reminders', end: false },
	{ to: '/account/newsletter', label: 'newsletter', end: false },
	{ to: '/account/themes', label: 'themes', end: false },
	{ to: '/account/data', label: 'data', end: false },
	{ to: '/account/erase', label: 'erase', end: false },
] as const

/** The account area: a heading, a small section menu and the section (details or password). */
export default function AccountLayout({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('account')
	return (
		<Container width="prose" className="py-10 sm:py-14">
			<h1 className="text-3xl font-bold text-stone-900">{t('layout.heading')}</h1>
			<p className="mt-2 text-stone-700">
				<Trans
					t={t}
					i18nKey="layout.signedInAs"
					values={{ email: loaderData.email }}
					components={{ strong: <strong className="font-semibold break-words" /> }}
				/>
				{loaderData.emailVerified ? null : (
					<>
						{' '}
						<Trans
							t={t}
							i18nKey="layout.notConfirmed"
							components={{
								confirm: (
									<NavLink to="/verify-email" className="font-medium text-brand-700 underline underline-offset-2" />
								),
							}}
						/>
					</>
				)}
			</p>
			<nav aria-label={t('layout.nav')} className="mt-6 border-b border-stone-200">
				<ul className="flex gap-2">
					{tabs.map((tab) => (
						<li key={tab.to}>
							<NavLink
								to={tab.to}
								end={tab.end}
								className={({ isActive }) =>
									cx(
										'-mb-px inline-flex min-h-11 items-center border-b-4 px-3 font-semibold',
										isActive
											? 'border-brand-700 text-brand-800'
											: 'border-transparent text-stone-700 hover:border-stone-300 hover:text-stone-900',
									)
								}
							>
								{t(`layout.tabs.${tab.label}`)}
							</NavLink>
						</li>
					))}
				</ul>
			</nav>
			<div className="mt-8">
				<Outlet />
			</div>
		</Container>
	)
}
