import { useTranslation } from 'react-i18next'
import { Form, Link, NavLink, useLocation } from 'react-router'
import { type Language, LANGUAGE_NAMES } from '#modules/i18n/languages.ts'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { ChevronDownIcon, MenuIcon } from '#app/components/ui/icons.tsx'
import { useDismissableDetails } from './use-dismissable-details.ts'
import { Wordmark } from './wordmark.tsx'

/** What the header needs to know about the signed-in person (a subset of SessionUser). */
export type HeaderUser = {
	name: string
	email: string
	role: 'LEARNER' | 'TRAINER' | 'ADMIN'
	/** Owner or administrator of at least one organisation. */
	managesOrganisation?: boolean
}

type NavItem = { to: string; label: NavLabel }
type NavLabel =
	'courses' | 'forOrganisations' | 'myLearning' | 'circles' | 'cpdPortfolio' | 'organisation' | 'studio' | 'admin'

/** The main navigation follows the person's role; admins see every tool a trainer has. */
export function navigationFor(user: HeaderUser | null): NavItem[] {
	if (!user) {
		return [
			{ to: '/courses', label: 'courses' },
			{ to: '/contact', label: 'forOrganisations' },
		]
	}
	const items: NavItem[] = [
		{ to: '/courses', label: 'courses' },
		{ to: '/dashboard', label: 'myLearning' },
		{ to: '/circles', label: 'circles' },
		{ to: '/cpd', label: 'cpdPortfolio' },
	]
	if (user.managesOrganisation) items.push({ to: '/org', label: 'organisation' })
	if (user.role === 'TRAINER' || user.role === 'ADMIN') items.push({ to: '/studio', label: 'studio' })
	if (user.role === 'ADMIN') items.push({ to: '/admin', label: 'admin' })
	return items
}

const desktopLink = ({ isActive }: { isActive: boolean }) =>
	cx(
		'inline-flex min-h-11 items-center rounded-md px-3 text-[0.95rem] font-medium transition-colors',
		isActive ? 'bg-brand-50 text-brand-800' : 'text-stone-700 hover:bg-stone-100 hover:text-stone-900',
	)

const mobileLink = ({ isActive }: { isActive: boolean }) =>
	cx(
		'flex min-h-11 items-center rounded-md px-3 text-base font-medium',
		isActive ? 'bg-brand-50 text-brand-800' : 'text-stone-800 hover:bg-stone-100',
	)

export function SiteHeader({ user, language }: { user: HeaderUser | null; language: Language }) {
	const { t } = useTranslation()
	const items = navigationFor(user)
	return (
		<header className="relative border-b border-stone-200 bg-white">
			<a
				href="#main"
				className="sr-only z-50 rounded-md bg-brand-800 px-4 py-3 font-semibold text-white focus:not-sr-only focus:absolute focus:top-3 focus:left-3"
			>
				{t('skipToContent')}
			</a>
			<Container className="flex min-h-16 items-center justify-between gap-4 py-2">
				<Link to="/" className="-ml-1 rounded-md p-1" aria-label={t('homeLink')}>
					<Wordmark />
				</Link>

				<nav aria-label={t('nav.main')} className="hidden flex-1 md:block">
					<ul className="flex items-center gap-1 lg:gap-2">
						{items.map((item) => (
							<li key={item.to}>
								<NavLink to={item.to} className={desktopLink}>
									{t(`nav.${item.label}`)}
								</NavLink>
							</li>
						))}
					</ul>
				</nav>

				<div className="hidden items-center gap-2 md:flex">
					<LanguageSwitcher language={language} />
					{user ? (
						<AccountMenu user={user} />
					) : (
						<>
							<NavLink to="/login" className={desktopLink}>
								{t('nav.logIn')}
							</NavLink>
							<Link to="/signup" className={buttonClasses({ size: 'md' })}>
								{t('nav.signUp')}
							</Link>
						</>
					)}
				</div>

				<MobileMenu user={user} items={items} language={language} />
			</Container>
		</header>
	)
}

function AccountMenu({ user }: { user: HeaderUser }) {
	const { t } = useTranslation()
	const ref = useDismissableDetails()
	return (
		<details ref={ref} className="disclosure relative">
			<summary className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 bg-white px-3 text-[0.95rem] font-medium text-stone-800 hover:bg-stone-50">
				<span
					aria-hidden="true"
					className="grid size-7 place-items-center rounded-full bg-brand-700 text-sm font-semibold text-white"
				>
					{initials(user.name)}
				</span>
				<span className="max-w-40 truncate">{user.name}</span>
				{/* The visible name leads the accessible name, so voice control users can say what they see. */}
				<span className="sr-only">{t('nav.accountMenu')}</span>
				<ChevronDownIcon className="size-4" />
			</summary>
			<div className="absolute right-0 z-40 mt-2 w-64 rounded-xl border border-stone-200 bg-white p-2 shadow-lg">
				<p className="border-b border-stone-100 px-3 pt-1 pb-2 text-sm text-stone-600">
					{t('nav.signedInAs')} <span className="block truncate font-medium text-stone-900">{user.email}</span>
				</p>
				<ul className="mt-1">
					<li>
						<NavLink to="/account" className={mobileLink}>
							{t('nav.account')}
						</NavLink>
					</li>
					<li>
						<LogoutButton className="w-full" />
					</li>
				</ul>
			</div>
		</details>
	)
}

function MobileMenu({ user, items, language }: { user: HeaderUser | null; items: NavItem[]; language: Language }) {
	const { t } = useTranslation()
	const ref = useDismissableDetails()
	return (
		<details ref={ref} className="disclosure group md:hidden">
			<summary className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 px-3 font-medium text-stone-800 hover:bg-stone-50">
				<MenuIcon />
				<span>{t('nav.menu')}</span>
			</summary>
			<div className="absolute inset-x-0 top-full z-40 border-b border-stone-200 bg-white shadow-lg">
				<nav aria-label={t('nav.main')} className="mx-auto max-w-6xl px-4 py-3 sm:px-6">
					<ul className="space-y-1">
						{items.map((item) => (
							<li key={item.to}>
								<NavLink to={item.to} className={mobileLink}>
									{t(`nav.${item.label}`)}
								</NavLink>
							</li>
						))}
					</ul>
					<div className="mt-3 border-t border-stone-200 pt-3">
						<div className="px-1 pb-3">
							<LanguageSwitcher language={language} />
						</div>
						{user ? (
							<>
								<p className="px-3 pb-2 text-sm text-stone-600">
									{t('nav.signedInAs')} <span className="font-medium text-stone-900">{user.name}</span>
								</p>
								<ul className="space-y-1">
									<li>
										<NavLink to="/account" className={mobileLink}>
											{t('nav.account')}
										</NavLink>
									</li>
									<li>
										<LogoutButton className="w-full" />
									</li>
								</ul>
							</>
						) : (
							<div className="flex flex-wrap gap-2 px-1">
								<Link to="/login" className={buttonClasses({ variant: 'secondary', className: 'flex-1' })}>
									{t('nav.logIn')}
								</Link>
								<Link to="/signup" className={buttonClasses({ className: 'flex-1' })}>
									{t('nav.signUp')}
								</Link>
							</div>
						)}
					</div>
				</nav>
			</div>
		</details>
	)
}

/**
 * Offers the other language, named in that language (as GOV.UK Wales does). A POST form, because it
 * saves the choice; the page reloads in the new language (ADR 0041).
 */
function LanguageSwitcher({ language }: { language: Language }) {
	const { t } = useTranslation()
	const location = useLocation()
	const other: Language = language === 'cy' ? 'en' : 'cy'
	return (
		<Form method="post" action="/language" reloadDocument>
			<input type="hidden" name="language" value={other} />
			<input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
			<button
				type="submit"
				lang={other}
				className="inline-flex min-h-11 items-center rounded-md px-3 text-[0.95rem] font-medium text-brand-800 underline underline-offset-4 hover:bg-stone-100"
			>
				{LANGUAGE_NAMES[other]}
				<span className="sr-only">{` – ${t('language.switchTo')}`}</span>
			</button>
		</Form>
	)
}

/** Logging out changes state, so it is a POST form (a link could be prefetched or followed by a crawler). */
function LogoutButton({ className }: { className?: string }) {
	const { t } = useTranslation()
	return (
		<Form method="post" action="/logout">
			<button
				type="submit"
				className={cx(
					'flex min-h-11 items-center rounded-md px-3 text-left text-base font-medium text-stone-800 hover:bg-stone-100',
					className,
				)}
			>
				{t('nav.logOut')}
			</button>
		</Form>
	)
}

function initials(name: string) {
	const parts = name.trim().split(/\s+/).filter(Boolean)
	const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0]]
	return letters.filter(Boolean).join('').toUpperCase() || '?'
}
