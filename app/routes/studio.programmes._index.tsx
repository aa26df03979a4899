import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { listMyProgrammes } from '#modules/programmes/get-programme-builder.ts'
import type { Route } from './+types/studio.programmes._index'

export const meta: Route.MetaFunction = () =>
	pageMeta('Programmes | Studio | Circle', 'Your learning programmes in the Circle studio.', NOINDEX)

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return { programmes: await withDomainErrors(() => listMyProgrammes({ actorId: user.id })) }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export default function StudioProgrammesRoute({ loaderData }: Route.ComponentProps) {
	const { programmes } = loaderData
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					Studio
				</Link>
			</p>
			<div className="mt-4 flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">Programmes</h1>
					<p className="mt-2 text-lg text-stone-700">Paths through several of your courses, in order.</p>
				</div>
				<ButtonLink to="/studio/programmes/new">New programme</ButtonLink>
			</div>
			{programmes.length === 0 ? (
				<p className="mt-10 text-stone-700">You have no programmes yet. Start one with “New programme”.</p>
			) : (
				<div className="relative mt-8 overflow-x-auto rounded-xl border border-stone-200 bg-white">
					<table className="w-full text-left">
						<caption className="sr-only">Your programmes</caption>
						<thead className="bg-stone-100 text-sm text-stone-800">
							<tr>
								<th scope="col" className="px-4 py-3 font-semibold">
									Programme
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Status
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Courses
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Learners
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-stone-200">
							{programmes.map((programme) => (
								<tr key={programme.id}>
									<th scope="row" className="px-4 py-3 font-medium">
										<Link
											to={`/studio/programmes/${programme.id}`}
											className="text-brand-700 underline underline-offset-2"
										>
											{programme.title}
										</Link>
									</th>
									<td className="px-4 py-3">
										<Badge tone={programme.publishedAt ? 'success' : 'neutral'}>
											{programme.publishedAt ? 'Published' : 'Draft'}
										</Badge>
									</td>
									<td className="px-4 py-3">{pluralise(programme.courseCount, 'course')}</td>
									<td className="px-4 py-3">{programme.enrolmentCount}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
