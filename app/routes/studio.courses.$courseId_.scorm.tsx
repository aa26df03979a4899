import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { SCORM_FLAVOURS, type ScormFlavour } from '#modules/course-io/scorm-manifest.ts'
import { listScormVersions } from '#modules/course-io/scorm-package.ts'
import type { Route } from './+types/studio.courses.$courseId_.scorm'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data ? t('meta.titleCourse', { ns: 'scorm', courseTitle: data.course.title }) : t('meta.title', { ns: 'scorm' }),
		t('meta.description', { ns: 'scorm' }),
		NOINDEX,
	)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return withDomainErrors(() => listScormVersions({ courseId: params.courseId, actorId: user.id }))
}

const FLAVOURS: ScormFlavour[] = ['scorm12', 'scorm2004']

const STATUS = {
	PUBLISHED: { label: 'status.PUBLISHED', tone: 'success' },
	ARCHIVED: { label: 'status.ARCHIVED', tone: 'neutral' },
	DRAFT: { label: 'status.DRAFT', tone: 'neutral' },
} as const

export default function CourseScormRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('scorm')
	const f = useFormat()
	const { course, versions } = loaderData
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">{t('heading')}</h1>
			<p className="mt-2 text-stone-700">{course.title}</p>
			<StudioCourseNav courseId={course.id} />

			<div className="prose-circle mt-6 space-y-3 text-stone-700">
				<p>{t('introPlatforms')}</p>
				<p>{t('introVersions')}</p>
			</div>

			<section aria-labelledby="versions-heading" className="mt-8">
				<h2 id="versions-heading" className="text-xl font-semibold text-stone-900">
					{t('versions')}
				</h2>
				<ul className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
					{versions.map((version) => (
						<li key={version.number} className="space-y-3 p-4">
							<p className="font-semibold text-stone-900">
								{t('version', { number: version.number })}{' '}
								<Badge tone={STATUS[version.status].tone}>
									{version.live ? t('status.live') : t(STATUS[version.status].label)}
								</Badge>
							</p>
							<p className="text-sm text-stone-700">
								{version.title}
								{version.publishedAt ? <> · {t('published', { date: f.date(version.publishedAt) })}</> : null}
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
												{t('download', {
													// "4th edition" in the page's language; "SCORM 1.2" is the same in both.
													flavour: flavour === 'scorm2004' ? t('scorm2004') : SCORM_FLAVOURS[flavour].label,
												})}
												<span className="sr-only"> {t('downloadPackage', { number: version.number })}</span>
											</a>
										</li>
									))}
								</ul>
							) : (
								<p className="text-sm text-stone-700">
									<Trans
										t={t}
										i18nKey="draft"
										components={{
											a: (
												<Link
													to={`/studio/courses/${encodeURIComponent(course.id)}/publish`}
													className="font-medium text-brand-700 underline underline-offset-2"
												/>
											),
										}}
									/>
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
