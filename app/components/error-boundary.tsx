import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
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
import { metaT, useTranslateError } from '#app/utils/i18n.ts'
import { Trans } from '#app/utils/trans.tsx'

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

/**
 * A page title for a route that is showing an error (for `meta` exports). Pass the meta function's
 * `matches` for the title in the page's language (English without them).
 */
export function errorTitle(error: unknown, matches: Parameters<typeof metaT>[0] = []) {
	const t = metaT(matches)
	const status = isRouteErrorResponse(error) ? error.status : 500
	const titles: Record<number, string> = {
		401: t('errors.titles.unauthorised', { ns: 'ui' }),
		403: t('errors.titles.forbidden', { ns: 'ui' }),
		404: t('errors.titles.notFound', { ns: 'ui' }),
		410: t('errors.titles.gone', { ns: 'ui' }),
		429: t('errors.titles.tooMany', { ns: 'ui' }),
		503: t('errors.titles.unavailable', { ns: 'ui' }),
	}
	return `${titles[status] ?? t('errors.titles.other', { ns: 'ui' })} | Circle`
}

/** The user-facing message a domain error carried (see app/utils/errors.server.ts), if any. */
function englishMessageFrom(error: ErrorResponse): string | null {
	const data: unknown = error.data
	if (typeof data === 'string' && data.trim() && !data.startsWith('<')) return data
	if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message
	return null
}

function defaultStatusPage({ error, pathname }: { error: ErrorResponse; pathname: string }) {
	return <DefaultStatusPage error={error} pathname={pathname} />
}

function DefaultStatusPage({ error, pathname }: { error: ErrorResponse; pathname: string }) {
	const { t } = useTranslation('ui')
	const translateError = useTranslateError()
	// The domain error's English, in the page's language (ADR 0045).
	const messageFrom = (response: ErrorResponse) => {
		const message = englishMessageFrom(response)
		return message === null ? null : translateError(message)
	}
	switch (error.status) {
		case 401:
			return (
				<ErrorPage
					code={401}
					title={t('errors.unauthorised.title')}
					actions={
						<>
							<ButtonLink to={`/login?redirectTo=${encodeURIComponent(pathname)}`}>
								{t('errors.unauthorised.logIn')}
							</ButtonLink>
							<ButtonLink to="/signup" variant="secondary">
								{t('errors.unauthorised.createAccount')}
							</ButtonLink>
						</>
					}
				>
					<p>{t('errors.unauthorised.body')}</p>
				</ErrorPage>
			)
		case 403:
			return (
				<ErrorPage code={403} title={t('errors.forbidden.title')}>
					<p>{messageFrom(error) ?? t('errors.forbidden.body')}</p>
					<p>
						<Trans t={t} i18nKey="errors.forbidden.help" components={{ contact: <Link to="/contact" /> }} />
					</p>
				</ErrorPage>
			)
		case 404:
			return (
				<ErrorPage code={404} title={t('errors.notFound.title')}>
					<p>{t('errors.notFound.body')}</p>
					<p>
						<Trans
							t={t}
							i18nKey="errors.notFound.help"
							components={{ courses: <Link to="/courses" />, contact: <Link to="/contact" /> }}
						/>
					</p>
				</ErrorPage>
			)
		case 410:
			return (
				<ErrorPage code={410} title={t('errors.gone.title')}>
					<p>{messageFrom(error) ?? t('errors.gone.body')}</p>
				</ErrorPage>
			)
		case 429:
			return (
				<ErrorPage code={429} title={t('errors.tooMany.title')}>
					<p>{messageFrom(error) ?? t('errors.tooMany.body')}</p>
				</ErrorPage>
			)
		case 503:
			// The database could not be reached (app/server/database-unavailable.ts): a wait, not a fault.
			return (
				<ErrorPage code={503} title={t('errors.unavailable.title')}>
					<p>{t('errors.unavailable.body')}</p>
				</ErrorPage>
			)
		default:
			if (error.status >= 500) return <UnexpectedErrorPage error={error} />
			return (
				<ErrorPage code={error.status} title={t('errors.other.title')}>
					<p>{messageFrom(error) ?? t('errors.other.body')}</p>
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
	const { t } = useTranslation('ui')
	// Only development builds show the stack; production shows a calm message and nothing internal.
	const stack = import.meta.env.DEV && error instanceof Error ? (error.stack ?? error.message) : null
	return (
		<ErrorPage code={500} title={t('errors.unexpected.title')}>
			<p>{t('errors.unexpected.body')}</p>
			<p>
				<Trans
					t={t}
					i18nKey={requestId ? 'errors.unexpected.tellUsWithReference' : 'errors.unexpected.tellUs'}
					components={{ contact: <Link to="/contact" /> }}
				/>
			</p>
			{requestId ? (
				<p>
					{t('errors.unexpected.reference')}{' '}
					<code className="rounded bg-stone-100 px-1.5 py-0.5 text-base select-all">{requestId}</code>
				</p>
			) : (
				<p>{t('errors.unexpected.reload')}</p>
			)}
			{stack ? (
				<details className="mt-6 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
					<summary className="cursor-pointer font-semibold">{t('errors.unexpected.details')}</summary>
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
	const { t } = useTranslation('ui')
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
					<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('errors.code', { code })}</p>
					<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{title}</h1>
					<div className="prose-circle mt-5 space-y-4 text-lg leading-relaxed text-stone-700">{children}</div>
					<div className="mt-8 flex flex-wrap gap-3">
						{actions ?? (
							<>
								<ButtonLink to="/">{t('errors.home')}</ButtonLink>
								<ButtonLink to="/courses" variant="secondary">
									{t('errors.browseCourses')}
								</ButtonLink>
							</>
						)}
					</div>
				</div>
			</div>
		</Container>
	)
}
