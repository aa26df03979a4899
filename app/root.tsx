import { data, Links, Meta, Outlet, ScrollRestoration, useRouteLoaderData } from 'react-router'
import { errorTitle, GeneralErrorBoundary, useMarkDocumentHydrated } from '#app/components/error-boundary.tsx'
import { SiteFooter } from '#app/components/layout/site-footer.tsx'
import { RouteFocus } from '#app/components/layout/route-focus.tsx'
import { SiteHeader } from '#app/components/layout/site-header.tsx'
import { getOptionalUser, sessionCookieHeaders } from '#app/utils/auth.server.ts'
import { getLanguage } from '#app/utils/i18n.server.ts'
import { useSyncLanguage } from '#app/utils/i18n.ts'
import { InlineMessages } from '#app/utils/i18n-messages.tsx'
import { InlineStylesheet } from '#app/utils/inline-stylesheet.tsx'
import { Scripts } from '#app/utils/scripts.tsx'
import { languageTag } from '#modules/i18n/languages.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { managesAnOrganisationOrTeam } from '#modules/organisations/access.ts'
import type { Route } from './+types/root'
import appStylesHref from './styles/app.css?url'

// The mark as an inline SVG favicon: no extra request, and nothing for the CSP to allow beyond data:.
const FAVICON =
	'data:image/svg+xml,' +
	encodeURIComponent(
		'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="17" r="11" fill="none" stroke="#0f5257" stroke-width="4"/><circle cx="16" cy="6" r="5.5" fill="#fff"/><circle cx="16" cy="6" r="4" fill="#d97821"/></svg>',
	)

export const links: Route.LinksFunction = () => [
	// A production page has its CSS inlined in the head (InlineStylesheet, ADR 0057); Vite's dev server
	// and Vitest serve the stylesheet itself.
	...(import.meta.env.DEV ? [{ rel: 'stylesheet', href: appStylesHref }] : []),
	{ rel: 'icon', href: FAVICON, type: 'image/svg+xml' },
]

export const meta: Route.MetaFunction = ({ error, matches }) =>
	pageMeta(
		error ? errorTitle(error, matches) : 'Circle | CPD in relational and restorative practice',
		'Online CPD courses in relational and restorative practice for schools, health and social care, criminal justice settings, and parents and carers.',
	)

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await getOptionalUser(request)
	const language = await getLanguage(request)
	// Owners and administrators of an organisation, and team managers, get an "Organisation" link in the header.
	const managesOrganisation = user ? await managesAnOrganisationOrTeam({ userId: user.id }) : false
	// Keeps the cookie's expiry in step with the sliding session, and clears a cookie whose session ended.
	return data(
		// requestId: the 500 page shows it, for a person to quote (see entry.server.tsx's handleError).
		{ user, managesOrganisation, language, cspNonce: context.cspNonce, requestId: context.requestId },
		{ headers: await sessionCookieHeaders(request) },
	)
}

export function Layout({ children }: { children: React.ReactNode }) {
	// Undefined when the root loader itself failed: the error page still gets a header, as a visitor.
	const data = useRouteLoaderData<typeof loader>('root')
	const user = data?.user ?? null
	const language = data?.language ?? 'en'
	useMarkDocumentHydrated()
	useSyncLanguage(language)
	return (
		<html lang={languageTag(language)}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="theme-color" content="#0f5257" />
				<Meta />
				<InlineStylesheet />
				<Links nonce={data?.cspNonce} />
			</head>
			<body className="flex min-h-screen flex-col">
				<SiteHeader
					language={language}
					user={
						user
							? { name: user.name, email: user.email, role: user.role, managesOrganisation: data?.managesOrganisation }
							: null
					}
				/>
				{/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
				<main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
					{children}
				</main>
				<SiteFooter />
				<RouteFocus />
				<InlineMessages />
				<ScrollRestoration nonce={data?.cspNonce} />
				<Scripts nonce={data?.cspNonce} />
			</body>
		</html>
	)
}

export default function App() {
	return <Outlet />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
