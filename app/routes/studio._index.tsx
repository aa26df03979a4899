import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listMyCourses, type StudioCourseStatus } from '#modules/authoring/list-my-courses.ts'
import type { Route } from './+types/studio._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('home.meta.title', { ns: 'studio' }), t('home.meta.description', { ns: 'studio' }), NOINDEX)
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const courses = await withDomainErrors(() => listMyCourses({ actorId: user.id }))
	return { courses, isAdmin: user.role === 'ADMIN' }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

const STATUS = {
	draft: { label: 'home.state.draft', tone: 'neutral' },
	published: { label: 'home.state.published', tone: 'success' },
	'published-with-changes': { label: 'home.state.publishedWithChanges', tone: 'accent' },
} as const satisfies Record<StudioCourseStatus, { label: string; tone: 'neutral' | 'success' | 'accent' }>

export default function StudioRoute({ loaderData }: Route.ComponentProps) {
	const { courses, isAdmin } = loaderData
	const { t } = useTranslation('studio')
	const f = useFormat()
	return (
		<Container className="py-10 sm:py-12">
			<div className="flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">{t('home.heading')}</h1>
					<p className="mt-2 text-lg text-stone-700">{isAdmin ? t('home.introAdmin') : t('home.intro')}</p>
				</div>
				<div className="flex flex-wrap gap-3">
					<ButtonLink to="/studio/circles" variant="secondary">
						{t('home.circles')}
					</ButtonLink>
					<ButtonLink to="/studio/programmes" variant="secondary">
						{t('home.programmes')}
					</ButtonLink>
					<ButtonLink to="/studio/newsletters" variant="secondary">
						{t('home.newsletters')}
					</ButtonLink>
					<ButtonLink to="/studio/news" variant="secondary">
						{t('home.news')}
					</ButtonLink>
					<ButtonLink to="/studio/new">{t('home.newCourse')}</ButtonLink>
				</div>
			</div>
			{courses.length === 0 ? (
				<p className="mt-10 text-stone-700">{t('home.empty')}</p>
			) : (
				<div className="mt-8 relative overflow-x-auto rounded-xl border border-stone-200 bg-white">
					<table className="w-full text-left">
						<caption className="sr-only">{t('home.caption')}</caption>
						<thead className="bg-stone-100 text-sm text-stone-800">
							<tr>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('home.course')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('home.status')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('home.version')}
								</th>
								<th scope="col" className="px-4 py-3 text-right font-semibold">
									{t('home.enrolments')}
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
											{`/courses/${course.slug}`}
											{course.myRole === 'CO_AUTHOR' ? t('home.coAuthor') : ''}
										</span>
									</th>
									<td className="px-4 py-3">
										<Badge tone={STATUS[course.status].tone}>{t(STATUS[course.status].label)}</Badge>
									</td>
									<td className="px-4 py-3 text-stone-800">
										{course.publishedVersionNumber
											? t('home.live', { number: course.publishedVersionNumber })
											: t('home.notPublished')}
										{course.draftVersionNumber ? (
											<span className="block text-sm text-stone-600">
												{t('home.draft', { number: course.draftVersionNumber })}
											</span>
										) : null}
									</td>
									<td className="px-4 py-3 text-right tabular-nums">{f.number(course.enrolmentCount)}</td>
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
