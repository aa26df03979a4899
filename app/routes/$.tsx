import { data } from 'react-router'
import { errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { pageMeta } from '#app/utils/meta.ts'
import type { Route } from './+types/$'

// Any address no other route matches: throwing (rather than rendering) gives a real 404 status and
// the designed "We can't find that page" inside the site layout.
export async function loader() {
	throw data({ message: 'Not found' }, { status: 404 })
}

export async function action() {
	throw data({ message: 'Not found' }, { status: 404 })
}

export const meta: Route.MetaFunction = ({ error, matches }) =>
	pageMeta(
		errorTitle(error ?? data(null, { status: 404 }), matches),
		'The page you asked for is not on Circle. Find a course, your learning or your certificates from here.',
	)

export default function NotFoundRoute() {
	return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
