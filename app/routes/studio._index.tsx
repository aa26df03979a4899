import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listMyCourses, type StudioCourseStatus } from '#modules/authoring/list-my-courses.ts'
import type { Route } from './+types/studio._index'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Studio | Circle',
		'Your courses in the Circle studio: drafts, published versions and co-authored courses.',
		NOINDEX,
	)

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const courses = await withDomainErrors(() => listMyCourses({ actorId: user.id }))
	return { courses, isAdmin: user.role === 'ADMIN' }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

const STATUS: Record<StudioCourseStatus, { label: string; tone: 'neutral' | 'success' | 'accent' }> = {
	draft: { label: 'Draft', tone: 'neutral' },
	published: { label: 'Published', tone: 'success' },
	'published-with-changes': { label: 'Published, with unpublished changes', tone: 'accent' },
}

export default function StudioRoute({ loaderData }: Route.ComponentProps) {
	const { courses, isAdmin } = loaderData
	return (
		<Container className="py-10 sm:py-12">
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">Studio</h1>
					<p className="mt-2 text-lg text-stone-700">
						{isAdmin ? 'Every course on Circle.' : 'The courses you own or co-author.'}
					</p>
				</div>
				<div className="flex flex-wrap gap-3">
					<ButtonLink to="/studio/circles" variant="secondary">
						Circles
					</ButtonLink>
					<ButtonLink to="/studio/programmes" variant="secondary">
						Programmes
					</ButtonLink>
					<ButtonLink to="/studio/news" variant="secondary">
						News
					</ButtonLink>
					<ButtonLink to="/studio/new">New course</ButtonLink>
				</div>
			</div>
			{courses.length === 0 ? (
				<p className="mt-10 text-stone-700">You have no courses yet. Start one with “New course”.</p>
			) : (
				<div className="mt-8 relative overflow-x-auto rounded-xl border border-stone-200 bg-white">
					<table className="w-full text-left">
						<caption className="sr-only">Your courses</caption>
						<thead className="bg-stone-100 text-sm text-stone-800">
							<tr>
								<th scope="col" className="px-4 py-3 font-semibold">
									Course
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Status
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									Version
								</th>
								<th scope="col" className="px-4 py-3 text-right font-semibold">
									Enrolments
								</th>
							</tr>
						</thead>
						<tbody>
							{courses.map((course) => (
								<tr key={course.id} className="border-t border-stone-200">
									<th scope="row" className="px-4 py-3 font-semibold">
										<Link to={`/studio/courses/${course.id}`} className="text-brand-800 underline underline-offset-2">
											{course.title}
										</Link>
										<span className="block text-sm font-normal text-stone-600">
											/courses/{course.slug}
											{course.myRole === 'CO_AUTHOR' ? ' · Co-author' : ''}
										</span>
									</th>
									<td className="px-4 py-3">
										<Badge tone={STATUS[course.status].tone}>{STATUS[course.status].label}</Badge>
									</td>
									<td className="px-4 py-3 text-stone-800">
										{course.publishedVersionNumber ? `Version ${course.publishedVersionNumber} live` : 'Not published'}
										{course.draftVersionNumber ? (
											<span className="block text-sm text-stone-600">Draft: version {course.draftVersionNumber}</span>
										) : null}
									</td>
									<td className="px-4 py-3 text-right tabular-nums">{course.enrolmentCount.toLocaleString('en-GB')}</td>
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
