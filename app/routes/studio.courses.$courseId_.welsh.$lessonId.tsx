import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { WelshTextsForm, WelshTextsReadOnly } from '#app/components/studio/welsh-texts.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { saveWelshAction } from '#app/utils/studio-welsh.server.ts'
import { getLessonWelsh } from '#modules/authoring/course-translations.ts'
import type { Route } from './+types/studio.courses.$courseId_.welsh.$lessonId'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('welsh.meta.lessonTitle', { ns: 'studio', lesson: data?.lesson.title ?? '', course: data?.course.title ?? '' }),
		t('welsh.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return withDomainErrors(() =>
		getLessonWelsh({ courseId: params.courseId, lessonId: params.lessonId, actorId: user.id }),
	)
}

export async function action({ request, params }: Route.ActionArgs) {
	return saveWelshAction(request, params.courseId)
}

export default function StudioWelshLessonRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { course, version, lesson, texts, previous, next } = loaderData
	const { t } = useTranslation('studio')
	const base = `/studio/courses/${encodeURIComponent(course.id)}`
	const link = 'font-medium text-brand-700 underline underline-offset-2'
	return (
		<Container className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to={`${base}/welsh`} className={link}>
					{t('welsh.backToCourse')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">
				{t('welsh.lessonHeading')} <span lang="en">{lesson.title}</span>
			</h1>
			<p lang="en" className="mt-2 text-stone-700">
				{course.title}
			</p>
			<StudioCourseNav courseId={course.id} />

			{version.editable ? null : (
				<Notice tone="info" className="mt-6" title={t('welsh.published.title', { number: version.number })}>
					<Trans t={t} i18nKey="welsh.published.body" components={{ builder: <Link to={base} className={link} /> }} />
				</Notice>
			)}

			{texts.length === 0 ? (
				<p className="mt-6 text-stone-700">{t('welsh.nothingToTranslate')}</p>
			) : version.editable ? (
				<WelshTextsForm id="welsh-lesson" versionId={version.id} texts={texts} actionData={actionData} />
			) : (
				<WelshTextsReadOnly texts={texts} />
			)}

			<nav aria-label={t('welsh.lessonNav')} className="mt-10 flex flex-wrap justify-between gap-4">
				{previous ? (
					<Link to={`${base}/welsh/${encodeURIComponent(previous.id)}`} className={link}>
						{t('welsh.previous')} <span lang="en">{previous.title}</span>
					</Link>
				) : (
					<span />
				)}
				{next ? (
					<Link to={`${base}/welsh/${encodeURIComponent(next.id)}`} className={link}>
						{t('welsh.next')} <span lang="en">{next.title}</span>
					</Link>
				) : null}
			</nav>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
