import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, Link } from 'react-router'
import { ErrorPage, errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { PublicPlayer, PublicTranscript } from '#app/components/watch/public-player.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { openGraph } from '#app/utils/open-graph.ts'
import { getPreviewLesson } from '#modules/previews/course-previews.ts'
import type { Route } from './+types/courses.$slug_.preview.$lessonId'
import { Trans } from '#app/utils/trans.tsx'

/** A course's free preview lesson, for anyone: no account. Any lesson not marked as a preview is a 404. */
export async function loader({ params }: Route.LoaderArgs) {
	return withDomainErrors(() => getPreviewLesson({ slug: params.slug, lessonId: params.lessonId }))
}

export const meta: Route.MetaFunction = ({ loaderData, error, matches }) => {
	const t = metaT(matches)
	if (!loaderData || error) {
		return pageMeta(
			isRouteErrorResponse(error) && error.status === 404
				? t('preview.notFoundMetaTitle', { ns: 'previews' })
				: errorTitle(error),
			t('preview.notFoundText', { ns: 'previews' }).replace(/<\/?link>/g, ''),
		)
	}
	const { course, lesson } = loaderData
	const title = t('preview.metaTitle', { ns: 'previews', lesson: lesson.title, course: course.title })
	const description = t('preview.metaDescription', { ns: 'previews', course: course.title })
	return pageMeta(title, description, ...openGraph({ title, description, type: 'video.other' }))
}

export default function CoursePreviewRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('previews')
	const { language } = useFormat()
	const { course, lesson } = loaderData
	// Course content is in English for now (ADR 0041).
	const contentLang = language === 'en' ? undefined : 'en'
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('preview.eyebrow')}</p>
			<h1 lang={contentLang} className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">
				{lesson.title}
			</h1>
			<p className="mt-3 text-lg text-stone-700">
				{t('preview.fromCourse')}{' '}
				<Link
					to={`/courses/${course.slug}`}
					lang={contentLang}
					className="font-semibold text-brand-700 underline underline-offset-2"
				>
					{course.title}
				</Link>
			</p>
			<div className="mt-8 space-y-8">
				<PublicPlayer
					title={lesson.title}
					playbackId={lesson.playbackId}
					sourceUrl={lesson.sourceUrl}
					captionsUrl={lesson.captionsUrl}
				/>
				<PublicTranscript transcript={lesson.transcript} lang={contentLang} />
				<section aria-labelledby="next-heading" className="rounded-2xl bg-brand-50 p-6 sm:p-8">
					<h2 id="next-heading" className="text-xl font-semibold text-brand-900">
						{t('preview.nextHeading')}
					</h2>
					<p className="mt-2 leading-relaxed text-stone-700">{t('preview.nextText')}</p>
					<ButtonLink to={`/courses/${course.slug}`} className="mt-4">
						{t('preview.nextLink')}
					</ButtonLink>
				</section>
			</div>
		</Container>
	)
}

function PreviewNotFound() {
	const { t } = useTranslation('previews')
	return (
		<ErrorPage code={404} title={t('preview.notFoundTitle')}>
			<p>
				<Trans t={t} i18nKey="preview.notFoundText" components={{ a: <Link to="/courses" /> }} />
			</p>
		</ErrorPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary statusHandlers={{ 404: () => <PreviewNotFound /> }} />
}
