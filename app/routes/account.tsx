import { NavLink, Outlet } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import type { Route } from './+types/account'

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return { email: user.email, emailVerified: user.emailVerified }
}

const tabs = [
	{ to: '/account', label: 'Your details', end: true },
	{ to: '/account/password', label: 'Password', end: false },
	{ to: '/account/personal-email', label: 'Personal email', end: false },
	{ to: '/account/security', label: 'Security', end: false },
	{ to: '/account/purchases', label: 'Purchases', end: false },
	{ to: '/account/reminders', label: 'Reminders', end: false },
	{ to: '/account/newsletter', label: 'Newsletter', end: false },
	{ to: '/account/themes', label: 'Sharing', end: false },
	{ to: '/account/data', label: 'Your data', end: false },
	{ to: '/account/erase', label: 'Erase account', end: false },
]

/** The account area: a heading, a small section menu and the section (details or password). */
export default function AccountLayout({ loaderData }: Route.ComponentProps) {
	return (
		<Container width="prose" className="py-10 sm:py-14">
			<h1 className="text-3xl font-bold text-stone-900">Your account</h1>
			<p className="mt-2 text-stone-700">
				Signed in as <strong className="font-semibold break-words">{loaderData.email}</strong>
				{loaderData.emailVerified ? null : (
					<>
						{' '}
						(not yet confirmed:{' '}
						<NavLink to="/verify-email" className="font-medium text-brand-700 underline underline-offset-2">
							confirm your email address
						</NavLink>
						)
					</>
				)}
			</p>
			<nav aria-label="Account" className="mt-6 border-b border-stone-200">
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
								{tab.label}
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
