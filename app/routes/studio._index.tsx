import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { StudioListPage, StudioTable } from '#app/components/studio/studio-list.tsx'
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
		<StudioListPage
			heading={t('home.heading')}
			intro={isAdmin ? t('home.introAdmin') : t('home.intro')}
			actions={
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
			}
			isEmpty={courses.length === 0}
			empty={t('home.empty')}
		>
			<StudioTable
				caption={t('home.caption')}
				columns={[
					{ label: t('home.course') },
					{ label: t('home.status') },
					{ label: t('home.version') },
					{ label: t('home.enrolments'), align: 'right' },
				]}
			>
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
			</StudioTable>
		</StudioListPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
