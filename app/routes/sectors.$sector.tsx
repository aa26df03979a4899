import { useTranslation } from 'react-i18next'
import { data, isRouteErrorResponse, Link } from 'react-router'
import { ErrorPage, errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { SectorIcon } from '#app/components/ui/icons.tsx'
import { sectorSlug } from '#app/utils/format.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getLanguage } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { openGraph } from '#app/utils/open-graph.ts'
import { listPublishedPosts } from '#modules/news/posts.ts'
import { listPublicVideos } from '#modules/previews/public-videos.ts'
import { getSectorPage } from '#modules/sectors/get-sector-page.ts'
import { isSectorPageSlug, SECTOR_PAGES } from '#modules/sectors/sectors.ts'
import type { Route } from './+types/sectors.$sector'
import { Trans } from '#app/utils/trans.tsx'

export async function loader({ params, request }: Route.LoaderArgs) {
	if (!isSectorPageSlug(params.sector)) throw data({ message: 'No such sector' }, { status: 404 })
	const slug = params.sector
	const sector = SECTOR_PAGES[slug]
	const [page, videos, news] = await Promise.all([
		getSectorPage({ sector, now: new Date() }),
		listPublicVideos({ sector, limit: 3 }),
		listPublishedPosts({ sector, limit: 3, language: await getLanguage(request) }),
	])
	return { slug, sector, ...page, videos, news: news.posts }
}

export const meta: Route.MetaFunction = ({ loaderData, error, matches }) => {
	const t = metaT(matches)
	if (!loaderData || error) {
		return pageMeta(
			isRouteErrorResponse(error) && error.status === 404 ? t('notFound.title', { ns: 'sectors' }) : errorTitle(error),
			t('index.metaDescription', { ns: 'sectors' }),
		)
	}
	const title = t('page.metaTitle', { ns: 'sectors', sector: t(`label.${loaderData.sector}`, { ns: 'sectors' }) })
	const description = t(`content.${loaderData.slug}.metaDescription`, { ns: 'sectors' })
	return pageMeta(title, description, ...openGraph({ title, description }))
}

export default function SectorRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('sectors')
	const f = useFormat()
	const { slug, sector, courses, circles, videos, news } = loaderData
	const label = t(`label.${sector}`)
	const paragraphs = (['p1', 'p2', 'p3', 'p4'] as const).map((key) => t(`content.${slug}.${key}`))
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-10 sm:py-14">
					<nav aria-label={t('page.breadcrumb')}>
						<ol className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
							<li>
								<Link to="/sectors" className="font-medium text-brand-700 underline underline-offset-2">
									{t('page.sectors')}
								</Link>
							</li>
							<li aria-hidden="true">/</li>
							<li aria-current="page">{label}</li>
						</ol>
					</nav>
					<div className="mt-6 flex items-center gap-4">
						<span className="grid size-12 shrink-0 place-items-center rounded-xl bg-white text-brand-700">
							<SectorIcon sector={sector} className="size-7" />
						</span>
						<h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-5xl">{label}</h1>
					</div>
					<p className="mt-5 max-w-3xl text-lg leading-relaxed text-stone-700 sm:text-xl">
						{t(`content.${slug}.lead`)}
					</p>
				</Container>
			</div>

			<Container className="grid gap-12 py-12 lg:grid-cols-[minmax(0,1fr)_22rem]">
				<div className="min-w-0 space-y-12">
					<section aria-labelledby="changes-heading">
						<h2 id="changes-heading" className="text-2xl font-bold tracking-tight text-stone-900">
							{t('page.whatChanges')}
						</h2>
						<div className="mt-4 space-y-4 text-lg leading-relaxed text-stone-700">
							{paragraphs.map((text) => (
								<p key={text}>{text}</p>
							))}
						</div>
					</section>

					<section aria-labelledby="courses-heading">
						<h2 id="courses-heading" className="text-2xl font-bold tracking-tight text-stone-900">
							{t('page.coursesHeading')}
						</h2>
						{courses.length === 0 ? (
							<p className="mt-4 text-stone-700">
								<Trans
									t={t}
									i18nKey="page.noCourses"
									components={{ a: <Link to="/courses" className="font-semibold text-brand-700 underline" /> }}
								/>
							</p>
						) : (
							<>
								<ul className="mt-5 grid gap-4 sm:grid-cols-2">
									{courses.map((course) => (
										<li key={course.id} className="rounded-2xl border border-stone-200 bg-white p-5 shadow-xs">
											<h3
												className="text-lg font-semibold text-stone-900"
												lang={f.language === 'en' ? undefined : 'en'}
											>
												<Link to={`/courses/${course.slug}`} className="underline-offset-2 hover:underline">
													{course.title}
												</Link>
											</h3>
											<p className="mt-2 leading-relaxed text-stone-700" lang={f.language === 'en' ? undefined : 'en'}>
												{course.summary}
											</p>
											<p className="mt-3 font-semibold text-stone-900 tabular-nums">
												{f.coursePrice(course.pricePence)}
											</p>
										</li>
									))}
								</ul>
								<p className="mt-5">
									<Link
										to={`/courses?sector=${sectorSlug(sector)}`}
										className="font-semibold text-brand-700 underline underline-offset-2"
									>
										{t('page.allCourses')}
									</Link>
								</p>
							</>
						)}
					</section>

					{circles.length > 0 ? (
						<section aria-labelledby="circles-heading">
							<h2 id="circles-heading" className="text-2xl font-bold tracking-tight text-stone-900">
								{t('page.circlesHeading')}
							</h2>
							<p className="mt-2 text-stone-700">{t('page.circlesIntro')}</p>
							<ul className="mt-5 space-y-3">
								{circles.map((circle) => (
									<li key={circle.id} className="rounded-xl border border-stone-200 bg-white p-4">
										<p className="font-semibold text-stone-900" lang={f.language === 'en' ? undefined : 'en'}>
											{circle.title}
										</p>
										<p className="text-sm text-stone-700">
											{t('page.circleWhen', { date: f.dateTime(circle.startsAt), duration: circle.durationMinutes })}
										</p>
										{circle.courseSlug && circle.courseTitle ? (
											<p className="text-sm text-stone-700">
												<Link
													to={`/courses/${circle.courseSlug}`}
													className="text-brand-700 underline underline-offset-2"
												>
													{t('page.circleFor', { course: circle.courseTitle })}
												</Link>
											</p>
										) : null}
									</li>
								))}
							</ul>
						</section>
					) : null}

					{videos.length > 0 ? (
						<section aria-labelledby="videos-heading">
							<h2 id="videos-heading" className="text-2xl font-bold tracking-tight text-stone-900">
								{t('page.videosHeading')}
							</h2>
							<ul className="mt-5 space-y-4">
								{videos.map((video) => (
									<li key={video.id}>
										<Link
											to={`/watch/${video.slug}`}
											className="font-semibold text-brand-700 underline underline-offset-2"
										>
											{video.title}
										</Link>
										<p className="text-stone-700">{video.summary}</p>
									</li>
								))}
							</ul>
						</section>
					) : null}

					{news.length > 0 ? (
						<section aria-labelledby="news-heading">
							<h2 id="news-heading" className="text-2xl font-bold tracking-tight text-stone-900">
								{t('page.newsHeading')}
							</h2>
							<ul className="mt-5 space-y-4">
								{news.map((post) => (
									<li key={post.id}>
										<Link
											to={`/news/${post.slug}`}
											className="font-semibold text-brand-700 underline underline-offset-2"
										>
											{post.title}
										</Link>
										<p className="text-stone-700">{post.summary}</p>
									</li>
								))}
							</ul>
						</section>
					) : null}
				</div>

				<aside aria-labelledby="talk-heading">
					<div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm lg:sticky lg:top-6">
						<h2 id="talk-heading" className="text-xl font-semibold text-stone-900">
							{t('page.talkHeading')}
						</h2>
						<p className="mt-2 leading-relaxed text-stone-700">{t('page.talkText')}</p>
						<ButtonLink to={`/contact?sector=${sectorSlug(sector)}#enquiry`} className="mt-4 w-full">
							{t('page.talkLink')}
						</ButtonLink>
					</div>
				</aside>
			</Container>
		</>
	)
}

function SectorNotFound() {
	const { t } = useTranslation('sectors')
	return (
		<ErrorPage code={404} title={t('notFound.title')}>
			<p>
				<Trans t={t} i18nKey="notFound.text" components={{ a: <Link to="/sectors" /> }} />
			</p>
		</ErrorPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary statusHandlers={{ 404: () => <SectorNotFound /> }} />
}
