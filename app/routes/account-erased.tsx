import { Link } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import type { Route } from './+types/account-erased'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Your account has been erased | Circle',
		'Your Circle account and its personal data have been erased.',
		NOINDEX,
	)

/** Where a person lands after erasing their own account (they are signed out by then). */
export default function AccountErasedRoute() {
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<h1 className="text-3xl font-bold text-stone-900">Your account has been erased</h1>
			<p className="mt-4 text-stone-700">
				We have removed your name, email addresses and everything you wrote from Circle, and signed you out on every
				device. Certificates you earned still verify as issued, without your name.
			</p>
			<p className="mt-4 text-stone-700">
				If you have a question about your data, write to us through the{' '}
				<Link to="/contact" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					contact page
				</Link>
				.
			</p>
		</Container>
	)
}
