import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { WelshTextsForm, WelshTextsReadOnly } from '#app/components/studio/welsh-texts.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { saveWelshAction } from '#app/utils/studio-welsh.server.ts'
import { getCourseWelsh } from '#modules/authoring/course-translations.ts'
import type { Route } from './+types/studio.courses.$courseId_.welsh._index'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('welsh.meta.courseTitle', { ns: 'studio', course: data?.course.title ?? '' }),
		t('welsh.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return withDomainErrors(() => getCourseWelsh({ courseId: params.courseId, actorId: user.id }))
}

export async function action({ request, params }: Route.ActionArgs) {
	return saveWelshAction(request, params.courseId)
}

/** "3 of 12 texts in Welsh", shown beside the course and each lesson. */
function Progress({ translated, total }: { translated: number; total: number }) {
	const { t } = useTranslation('studio')
	return (
		<Badge tone={total > 0 && translated === total ? 'success' : 'neutral'}>
			{t('welsh.progress', { translated, count: total })}
		</Badge>
	)
}

export default function StudioWelshCourseRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { course, version, progress, texts, modules } = loaderData
	const { t } = useTranslation('studio')
	const base = `/studio/courses/${encodeURIComponent(course.id)}`
	return (
		<Container className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('nav.studio')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">{t('welsh.heading')}</h1>
			<p lang="en" className="mt-2 text-stone-700">
				{course.title}
			</p>
			<StudioCourseNav courseId={course.id} />

			<div className="prose-circle mt-6 max-w-prose space-y-3 text-stone-700">
				<p>{t('welsh.intro')}</p>
				<p>
					<Progress {...progress} />
				</p>
			</div>

			{version.editable ? null : (
				<Notice tone="info" className="mt-6" title={t('welsh.published.title', { number: version.number })}>
					<Trans
						t={t}
						i18nKey="welsh.published.body"
						components={{
							builder: <Link to={base} className="font-medium text-brand-700 underline underline-offset-2" />,
						}}
					/>
				</Notice>
			)}

			<section aria-labelledby="course-texts" className="mt-10">
				<h2 id="course-texts" className="text-xl font-bold text-stone-900">
					{t('welsh.courseTexts')}
				</h2>
				{version.editable ? (
					<WelshTextsForm id="welsh-course" versionId={version.id} texts={texts} actionData={actionData} />
				) : (
					<WelshTextsReadOnly texts={texts} />
				)}
			</section>

			<section aria-labelledby="lessons" className="mt-12">
				<h2 id="lessons" className="text-xl font-bold text-stone-900">
					{t('welsh.lessons')}
				</h2>
				<p className="mt-2 max-w-prose text-stone-700">{t('welsh.lessonsIntro')}</p>
				{modules.map((mod, index) => (
					<div key={mod.id} className="mt-6">
						<h3 className="font-semibold text-stone-900">
							{t('welsh.moduleHeading', { number: index + 1 })} <span lang="en">{mod.title}</span>
						</h3>
						<ul className="mt-2 divide-y divide-stone-200 border-y border-stone-200">
							{mod.lessons.map((lesson) => (
								<li key={lesson.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
									<Link
										to={`${base}/welsh/${encodeURIComponent(lesson.id)}`}
										lang="en"
										className="font-medium text-brand-700 underline underline-offset-2"
									>
										{lesson.title}
									</Link>
									<Progress {...lesson.progress} />
								</li>
							))}
						</ul>
					</div>
				))}
			</section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
