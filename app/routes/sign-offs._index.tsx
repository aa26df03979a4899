import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listSignOffRequests } from '#modules/follow-ups/manager.ts'
import type { Route } from './+types/sign-offs._index'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Reflections to sign off | Circle',
		'Reflections on practice that people you manage have sent you to read and sign off.',
		NOINDEX,
	)

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return { requests: await listSignOffRequests({ managerId: user.id }) }
}

export default function SignOffsRoute({ loaderData }: Route.ComponentProps) {
	const { requests } = loaderData
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<h1 className="text-3xl font-bold tracking-tight text-stone-900">Reflections to sign off</h1>
			<p className="mt-2 text-stone-700">
				A month after a course, people reflect on what has changed in their practice and may send it to their manager.
				You see only what they chose to send you.
			</p>
			{requests.length === 0 ? (
				<p className="mt-8 rounded-2xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">
					Nobody has sent you a reflection to sign off.
				</p>
			) : (
				<ul className="mt-8 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
					{requests.map((request) => (
						<li key={request.id} className="flex flex-wrap items-center justify-between gap-3 p-5">
							<div>
								<h2 className="font-semibold text-stone-900">
									<Link to={`/sign-offs/${request.id}`} className="hover:underline">
										{request.learnerName}: {request.courseTitle}
									</Link>
								</h2>
								<p className="mt-1 text-sm text-stone-700">Sent on {formatDate(request.sentAt)}</p>
							</div>
							<Badge tone={request.signedOffAt ? 'success' : 'accent'}>
								{request.signedOffAt ? `Signed off ${formatDate(request.signedOffAt)}` : 'Waiting for you'}
							</Badge>
						</li>
					))}
				</ul>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
