import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { SCORM_FLAVOURS, type ScormFlavour } from '#modules/course-io/scorm-manifest.ts'
import { listScormVersions } from '#modules/course-io/scorm-package.ts'
import type { Route } from './+types/studio.courses.$courseId_.scorm'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`SCORM export${data ? ` | ${data.course.title}` : ''} | Studio | Circle`,
		'Download a published version of a course as a SCORM 1.2 or SCORM 2004 package for another learning platform.',
		NOINDEX,
	)

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return withDomainErrors(() => listScormVersions({ courseId: params.courseId, actorId: user.id }))
}

const FLAVOURS: ScormFlavour[] = ['scorm12', 'scorm2004']

const STATUS = {
	PUBLISHED: { label: 'Published', tone: 'success' },
	ARCHIVED: { label: 'Earlier published version', tone: 'neutral' },
	DRAFT: { label: 'Draft', tone: 'neutral' },
} as const

export default function CourseScormRoute({ loaderData }: Route.ComponentProps) {
	const { course, versions } = loaderData
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					Studio
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">SCORM export</h1>
			<p className="mt-2 text-stone-700">{course.title}</p>
			<StudioCourseNav courseId={course.id} />

			<div className="prose-circle mt-6 space-y-3 text-stone-700">
				<p>
					Organisations that run their own learning platform (NHS ESR or OLM, Moodle, Totara and others) can upload a
					SCORM package of this course. Learners then take it there: the lessons play from the package, quizzes are
					marked with each quiz’s pass mark, and their progress, score and pass or fail go to that platform, not to
					Circle.
				</p>
				<p>
					Choose SCORM 1.2 unless the platform asks for SCORM 2004. Only published versions can be exported: a package
					is a fixed copy of a version, so a draft that may still change is not offered.
				</p>
			</div>

			<section aria-labelledby="versions-heading" className="mt-8">
				<h2 id="versions-heading" className="text-xl font-semibold text-stone-900">
					Versions
				</h2>
				<ul className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
					{versions.map((version) => (
						<li key={version.number} className="space-y-3 p-4">
							<p className="font-semibold text-stone-900">
								Version {version.number}{' '}
								<Badge tone={STATUS[version.status].tone}>
									{version.live ? 'Published: live now' : STATUS[version.status].label}
								</Badge>
							</p>
							<p className="text-sm text-stone-700">
								{version.title}
								{version.publishedAt ? ` · published ${formatDate(version.publishedAt)}` : ''}
							</p>
							{version.exportable ? (
								<ul className="flex flex-wrap gap-3">
									{FLAVOURS.map((flavour) => (
										<li key={flavour}>
											<a
												href={`/studio/courses/${encodeURIComponent(course.id)}/scorm/${version.number}/${flavour}`}
												download
												className="inline-flex min-h-11 items-center rounded-lg border-2 border-brand-700 px-4 font-semibold text-brand-800 no-underline hover:bg-brand-50"
											>
												Download {SCORM_FLAVOURS[flavour].label}
												<span className="sr-only"> package of version {version.number}</span>
											</a>
										</li>
									))}
								</ul>
							) : (
								<p className="text-sm text-stone-700">
									This version is a draft, so it cannot be exported yet.{' '}
									<Link
										to={`/studio/courses/${encodeURIComponent(course.id)}/publish`}
										className="font-medium text-brand-700 underline underline-offset-2"
									>
										Publish it
									</Link>{' '}
									first.
								</p>
							)}
						</li>
					))}
				</ul>
			</section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
