import { type ReactNode, useEffect, useState } from 'react'
import {
	type ErrorResponse,
	isRouteErrorResponse,
	Link,
	useLocation,
	useRouteError,
	useRouteLoaderData,
} from 'react-router'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'

type StatusHandler = (info: { error: ErrorResponse; pathname: string }) => ReactNode

/**
 * Circle's one error boundary. Routes export `ErrorBoundary` as this (optionally with their own
 * status handlers, e.g. a course page's 404); anything not handled gets the designed defaults below.
 * Stack traces appear only in development.
 */
export function GeneralErrorBoundary({
	statusHandlers,
	defaultStatusHandler = defaultStatusPage,
	unexpectedErrorHandler = (error) => <UnexpectedErrorPage error={error} />,
}: {
	statusHandlers?: Record<number, StatusHandler>
	defaultStatusHandler?: StatusHandler
	unexpectedErrorHandler?: (error: unknown) => ReactNode
} = {}) {
	const error = useRouteError()
	const { pathname, search } = useLocation()
	if (typeof document !== 'undefined' && !isRouteErrorResponse(error)) console.error(error)

	if (isRouteErrorResponse(error)) {
		const handler = statusHandlers?.[error.status] ?? defaultStatusHandler
		return <>{handler({ error, pathname: pathname + search })}</>
	}
	return <>{unexpectedErrorHandler(error)}</>
}

/** A page title for a route that is showing an error (for `meta` exports). */
export function errorTitle(error: unknown) {
	const status = isRouteErrorResponse(error) ? error.status : 500
	const titles: Record<number, string> = {
		401: 'Please log in',
		403: 'No access',
		404: 'Page not found',
		410: 'No longer available',
		429: 'Too many requests',
	}
	return `${titles[status] ?? 'Something went wrong'} | Circle`
}

/** The user-facing message a domain error carried (see app/utils/errors.server.ts), if any. */
function messageFrom(error: ErrorResponse): string | null {
	const data: unknown = error.data
	if (typeof data === 'string' && data.trim() && !data.startsWith('<')) return data
	if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message
	return null
}

function defaultStatusPage({ error, pathname }: { error: ErrorResponse; pathname: string }) {
	switch (error.status) {
		case 401:
			return (
				<ErrorPage
					code={401}
					title="Please log in to continue"
					actions={
						<>
							<ButtonLink to={`/login?redirectTo=${encodeURIComponent(pathname)}`}>Log in</ButtonLink>
							<ButtonLink to="/signup" variant="secondary">
								Create an account
							</ButtonLink>
						</>
					}
				>
					<p>You need to be signed in to see this page.</p>
				</ErrorPage>
			)
		case 403:
			return (
				<ErrorPage code={403} title="You don't have access to this page">
					<p>{messageFrom(error) ?? 'Your account is not allowed to see this page.'}</p>
					<p>
						If you think you should have access, ask your organisation&rsquo;s Circle administrator, or{' '}
						<Link to="/contact">get in touch with us</Link>.
					</p>
				</ErrorPage>
			)
		case 404:
			return (
				<ErrorPage code={404} title="We can't find that page">
					<p>The page may have moved, or the address may be mistyped. If you followed a link, it may be out of date.</p>
					<p>
						You could browse <Link to="/courses">all our courses</Link> or{' '}
						<Link to="/contact">tell us what you were looking for</Link>.
					</p>
				</ErrorPage>
			)
		case 410:
			return (
				<ErrorPage code={410} title="This link is no longer available">
					<p>{messageFrom(error) ?? 'It may have expired or already been used.'}</p>
				</ErrorPage>
			)
		case 429:
			return (
				<ErrorPage code={429} title="Please wait a moment">
					<p>
						{messageFrom(error) ?? 'We have had too many requests from you in a short time. Please try again shortly.'}
					</p>
				</ErrorPage>
			)
		default:
			if (error.status >= 500) return <UnexpectedErrorPage error={error} />
			return (
				<ErrorPage code={error.status} title="We couldn't do that">
					<p>{messageFrom(error) ?? 'Something about that request was not right. Please go back and try again.'}</p>
				</ErrorPage>
			)
	}
}

// The root loader's requestId names the request that rendered the document. Once the document has
// hydrated, an error page comes from a later request (a client-side navigation or a form sent),
// whose id the browser never learns: quoting the document's id then would send support to the wrong
// log line, so the page asks for a reload instead (which logs the error again, under a new id).
let documentHydrated = false

/** Called by the root Layout: from now on, error pages come from client-side requests. */
export function useMarkDocumentHydrated() {
	useEffect(() => {
		documentHydrated = true
	}, [])
}

function useDocumentRequestId() {
	const root = useRouteLoaderData('root') as { requestId?: string } | undefined
	const [fromDocument] = useState(() => !documentHydrated)
	return fromDocument ? (root?.requestId ?? null) : null
}

function UnexpectedErrorPage({ error }: { error: unknown }) {
	const requestId = useDocumentRequestId()
	// Only development builds show the stack; production shows a calm message and nothing internal.
	const stack = import.meta.env.DEV && error instanceof Error ? (error.stack ?? error.message) : null
	return (
		<ErrorPage code={500} title="Sorry, something went wrong on our side">
			<p>
				The problem has been logged. Please try again in a few minutes. Anything you had already saved, such as your
				progress and reflections, is safe.
			</p>
			<p>
				If it keeps happening, <Link to="/contact">let us know</Link>
				{requestId ? ', quoting this reference so we can find what went wrong:' : '.'}
			</p>
			{requestId ? (
				<p>
					Reference: <code className="rounded bg-stone-100 px-1.5 py-0.5 text-base select-all">{requestId}</code>
				</p>
			) : (
				<p>Reload the page to get a reference you can quote.</p>
			)}
			{stack ? (
				<details className="mt-6 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
					<summary className="cursor-pointer font-semibold">Error details (development only)</summary>
					<pre className="mt-3 relative overflow-x-auto whitespace-pre-wrap">{stack}</pre>
				</details>
			) : null}
		</ErrorPage>
	)
}

/** The layout every error page shares: a code, a plain-English heading, help and ways on. */
export function ErrorPage({
	code,
	title,
	children,
	actions,
}: {
	code: number
	title: string
	children?: ReactNode
	actions?: ReactNode
}) {
	return (
		<Container width="prose" className="py-16 sm:py-24">
			<div className="flex items-start gap-5">
				<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false" className="hidden size-14 shrink-0 sm:block">
					{/* An open circle: something is missing from the ring. */}
					<path
						d="M24 6a18 18 0 1 1-16.6 11"
						fill="none"
						stroke="var(--color-brand-700)"
						strokeWidth="4"
						strokeLinecap="round"
					/>
					<circle cx="9.6" cy="12" r="3.5" fill="var(--color-accent-500)" />
				</svg>
				<div>
					<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">Error {code}</p>
					<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{title}</h1>
					<div className="prose-circle mt-5 space-y-4 text-lg leading-relaxed text-stone-700">{children}</div>
					<div className="mt-8 flex flex-wrap gap-3">
						{actions ?? (
							<>
								<ButtonLink to="/">Go to the home page</ButtonLink>
								<ButtonLink to="/courses" variant="secondary">
									Browse courses
								</ButtonLink>
							</>
						)}
					</div>
				</div>
			</div>
		</Container>
	)
}
