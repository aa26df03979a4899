import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { LazyNewsletterSignupForm } from '#app/components/newsletter/lazy-signup-form.tsx'
import { PostCard } from '#app/components/news/post-card.tsx'
import { WatchSection } from '#app/components/watch/watch-section.tsx'
import { CourseCard } from '#app/components/ui/course-card.tsx'
import {
	ArrowRightIcon,
	AwardIcon,
	ChartIcon,
	CheckIcon,
	PlayIcon,
	PortfolioIcon,
	ReflectIcon,
	SectorIcon,
	UsersIcon,
} from '#app/components/ui/icons.tsx'
import { SECTORS, sectorSlug } from '#app/utils/format.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getLanguage } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { countCoursesBySector, listCourses } from '#modules/catalog/list-courses.ts'
import { listPublishedPosts } from '#modules/news/posts.ts'
import { listPublicVideos } from '#modules/previews/public-videos.ts'
import type { Route } from './+types/_index'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('meta.title', { ns: 'home' }), t('meta.description', { ns: 'home' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	const [featured, sectorCounts, news, videos] = await Promise.all([
		listCourses({ order: 'newest', take: 3 }),
		countCoursesBySector(),
		listPublishedPosts({ limit: 3, language: await getLanguage(request) }),
		listPublicVideos({ limit: 3 }),
	])
	return { featured, sectorCounts, latestPosts: news.posts, videos }
}

export default function HomeRoute({ loaderData }: Route.ComponentProps) {
	const { featured, sectorCounts, latestPosts } = loaderData
	const { t } = useTranslation('home')
	return (
		<>
			<Hero />
			<Approach />
			<section aria-labelledby="sectors-heading" className="bg-white py-16 sm:py-20">
				<Container>
					<SectionIntro
						id="sectors-heading"
						eyebrow={t('sectors.eyebrow')}
						title={t('sectors.title')}
						lead={t('sectors.lead')}
					/>
					<ul className="mt-10 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
						{SECTORS.map((sector) => {
							const count = sectorCounts[sector] ?? 0
							return (
								<li key={sector} className="flex">
									<article className="group relative flex w-full flex-col rounded-2xl border border-stone-200 bg-stone-50 p-6 transition-colors focus-within:border-brand-400 hover:border-brand-400 hover:bg-brand-50">
										<span className="grid size-12 place-items-center rounded-xl bg-brand-700 text-white">
											<SectorIcon sector={sector} className="size-6" />
										</span>
										<h3 className="mt-4 text-lg font-semibold text-stone-900">
											<Link
												to={`/courses?sector=${sectorSlug(sector)}`}
												className="rounded-sm after:absolute after:inset-0 after:rounded-2xl after:content-['']"
											>
												{t(`sectors.labels.${sector}`)}
											</Link>
										</h3>
										<p className="mt-2 flex-1 leading-relaxed text-stone-700">{t(`sectors.blurbs.${sector}`)}</p>
										<p className="mt-4 inline-flex items-center gap-1.5 text-sm font-semibold text-brand-700">
											{count > 0 ? t('sectors.seeCourses', { count }) : t('sectors.seeAny')}
											<ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5" />
										</p>
									</article>
								</li>
							)
						})}
						<li className="flex">
							<div className="flex w-full flex-col justify-center rounded-2xl border border-dashed border-brand-300 p-6">
								<h3 className="text-lg font-semibold text-stone-900">{t('sectors.specific.title')}</h3>
								<p className="mt-2 leading-relaxed text-stone-700">{t('sectors.specific.body')}</p>
								<p className="mt-4">
									<Link to="/contact" className="font-semibold text-brand-700 underline underline-offset-2">
										{t('sectors.specific.link')}
									</Link>
								</p>
							</div>
						</li>
					</ul>
				</Container>
			</section>

			{featured.length > 0 ? (
				<section aria-labelledby="featured-heading" className="py-16 sm:py-20">
					<Container>
						<div className="flex flex-wrap items-end justify-between gap-4">
							<SectionIntro id="featured-heading" eyebrow={t('featured.eyebrow')} title={t('featured.title')} />
							<ButtonLink to="/courses" variant="secondary">
								{t('featured.all')}
								<ArrowRightIcon className="size-4" />
							</ButtonLink>
						</div>
						<ul className="mt-10 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
							{featured.map((course) => (
								<li key={course.id}>
									<CourseCard course={course} />
								</li>
							))}
						</ul>
					</Container>
				</section>
			) : null}

			{latestPosts.length > 0 ? (
				<section aria-labelledby="news-heading" className="border-t border-stone-200 bg-white py-16 sm:py-20">
					<Container>
						<div className="flex flex-wrap items-end justify-between gap-4">
							<SectionIntro
								id="news-heading"
								eyebrow={t('news.eyebrow')}
								title={t('news.title')}
								lead={t('news.lead')}
							/>
							<ButtonLink to="/news" variant="secondary">
								{t('news.all')}
								<ArrowRightIcon className="size-4" />
							</ButtonLink>
						</div>
						<ul className="mt-10 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
							{latestPosts.map((post) => (
								<li key={post.id}>
									<PostCard post={post} headingLevel="h3" />
								</li>
							))}
						</ul>
					</Container>
				</section>
			) : null}

			<WatchSection videos={loaderData.videos} />
			{/* The form is its own labelled section ("Join the inner circle"). */}
			<div className="border-y border-brand-100 bg-brand-50 py-12 sm:py-16">
				<Container>
					<LazyNewsletterSignupForm source="home" className="mx-auto max-w-3xl" />
				</Container>
			</div>

			<HowItWorks />
			<ForOrganisations />
		</>
	)
}

function Hero() {
	const { t } = useTranslation('home')
	return (
		<section aria-labelledby="hero-heading" className="overflow-hidden border-b border-brand-100 bg-brand-50">
			<Container className="grid items-center gap-12 py-16 sm:py-20 lg:grid-cols-[1.15fr_1fr] lg:py-24">
				<div>
					<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('hero.eyebrow')}</p>
					<h1
						id="hero-heading"
						className="mt-4 text-4xl leading-tight font-bold tracking-tight text-brand-900 sm:text-5xl"
					>
						<Trans
							t={t}
							i18nKey="hero.heading"
							components={{
								em: (
									<em className="text-brand-700 not-italic underline decoration-accent-400 decoration-4 underline-offset-8" />
								),
							}}
						/>
					</h1>
					<p className="mt-6 max-w-2xl text-lg leading-relaxed text-stone-700">{t('hero.lead')}</p>
					<div className="mt-8 flex flex-wrap gap-3">
						<ButtonLink to="/courses" size="lg">
							{t('hero.browse')}
						</ButtonLink>
						<ButtonLink to="/contact" size="lg" variant="secondary">
							{t('hero.team')}
						</ButtonLink>
					</div>
					<ul className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-stone-700">
						{[t('hero.points.pace'), t('hero.points.certificates'), t('hero.points.portfolio')].map((point) => (
							<li key={point} className="inline-flex items-center gap-2">
								<CheckIcon className="size-5 text-brand-600" />
								{point}
							</li>
						))}
					</ul>
				</div>
				<CircleIllustration />
			</Container>
		</section>
	)
}

/** People in a circle, each connected to the others: the shape of a restorative circle. */
function CircleIllustration() {
	const people = Array.from({ length: 8 }, (_, i) => {
		const angle = (Math.PI * 2 * i) / 8 - Math.PI / 2
		return { x: 200 + Math.cos(angle) * 130, y: 200 + Math.sin(angle) * 130 }
	})
	return (
		<div className="mx-auto w-full max-w-sm lg:max-w-md" aria-hidden="true">
			<svg viewBox="0 0 400 400" focusable="false" className="h-auto w-full">
				<circle cx="200" cy="200" r="186" fill="var(--color-brand-100)" />
				<circle
					cx="200"
					cy="200"
					r="130"
					fill="none"
					stroke="var(--color-brand-300)"
					strokeWidth="2"
					strokeDasharray="4 8"
				/>
				{people.map((a, i) =>
					people
						.slice(i + 1)
						.map((b, j) => (
							<line
								key={`${i}-${j}`}
								x1={a.x.toFixed(1)}
								y1={a.y.toFixed(1)}
								x2={b.x.toFixed(1)}
								y2={b.y.toFixed(1)}
								stroke="var(--color-brand-300)"
								strokeOpacity="0.45"
								strokeWidth="1.5"
							/>
						)),
				)}
				<circle
					cx="200"
					cy="200"
					r="34"
					fill="var(--color-accent-100)"
					stroke="var(--color-accent-400)"
					strokeWidth="3"
				/>
				{people.map((p, i) => (
					<g key={i}>
						<circle
							cx={p.x.toFixed(1)}
							cy={p.y.toFixed(1)}
							r="22"
							fill={i % 3 === 0 ? 'var(--color-accent-500)' : 'var(--color-brand-700)'}
						/>
						<circle cx={p.x.toFixed(1)} cy={(p.y - 5).toFixed(1)} r="7" fill="#fff" fillOpacity="0.9" />
						<path
							d={`M${(p.x - 11).toFixed(1)} ${(p.y + 12).toFixed(1)} a11 9 0 0 1 22 0`}
							fill="#fff"
							fillOpacity="0.9"
						/>
					</g>
				))}
			</svg>
		</div>
	)
}

function Approach() {
	const { t } = useTranslation('home')
	const pillars = (['with', 'challenge', 'repair'] as const).map((key) => ({
		title: t(`approach.${key}.title`),
		body: t(`approach.${key}.body`),
	}))
	return (
		<section aria-labelledby="approach-heading" className="py-16 sm:py-20">
			<Container>
				<SectionIntro
					id="approach-heading"
					eyebrow={t('approach.eyebrow')}
					title={t('approach.title')}
					lead={t('approach.lead')}
				/>
				<ol className="mt-10 grid gap-6 md:grid-cols-3">
					{pillars.map((pillar, index) => (
						<li key={pillar.title} className="rounded-2xl border border-stone-200 bg-white p-6 shadow-xs">
							<span
								aria-hidden="true"
								className="grid size-10 place-items-center rounded-full bg-accent-100 font-bold text-accent-800"
							>
								{index + 1}
							</span>
							<h3 className="mt-4 text-lg font-semibold text-stone-900">{pillar.title}</h3>
							<p className="mt-2 leading-relaxed text-stone-700">{pillar.body}</p>
						</li>
					))}
				</ol>
			</Container>
		</section>
	)
}

function HowItWorks() {
	const { t } = useTranslation('home')
	const steps = (
		[
			['pace', PlayIcon],
			['reflect', ReflectIcon],
			['certificate', AwardIcon],
			['portfolio', PortfolioIcon],
		] as const
	).map(([key, icon]) => ({ icon, title: t(`how.${key}.title`), body: t(`how.${key}.body`) }))
	return (
		<section aria-labelledby="how-heading" className="border-y border-stone-200 bg-white py-16 sm:py-20">
			<Container>
				<SectionIntro id="how-heading" eyebrow={t('how.eyebrow')} title={t('how.title')} />
				<ol className="mt-10 grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
					{steps.map(({ icon: Icon, title, body }, index) => (
						<li key={title} className="relative">
							<div className="flex items-center gap-3">
								<span className="grid size-12 shrink-0 place-items-center rounded-xl bg-brand-50 text-brand-700 ring-1 ring-brand-200">
									<Icon className="size-6" />
								</span>
								<span className="text-sm font-semibold text-stone-600">{t('how.step', { number: index + 1 })}</span>
							</div>
							<h3 className="mt-4 text-lg font-semibold text-stone-900">{title}</h3>
							<p className="mt-2 leading-relaxed text-stone-700">{body}</p>
						</li>
					))}
				</ol>
			</Container>
		</section>
	)
}

function ForOrganisations() {
	const { t } = useTranslation('home')
	const points = [
		{ icon: UsersIcon, text: t('organisations.seats') },
		{ icon: ChartIcon, text: t('organisations.evidence') },
		{ icon: ReflectIcon, text: t('organisations.programmes') },
	]
	return (
		<section aria-labelledby="organisations-heading" className="on-dark bg-brand-800 py-16 text-white sm:py-20">
			<Container className="grid gap-10 lg:grid-cols-[1.1fr_1fr] lg:items-center">
				<div>
					<p className="text-sm font-semibold tracking-wide text-accent-300 uppercase">{t('organisations.eyebrow')}</p>
					<h2 id="organisations-heading" className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">
						{t('organisations.title')}
					</h2>
					<p className="mt-4 max-w-xl text-lg leading-relaxed text-brand-100">{t('organisations.lead')}</p>
					<div className="mt-8 flex flex-wrap gap-3">
						<ButtonLink to="/contact" variant="on-dark" size="lg">
							{t('organisations.contact')}
						</ButtonLink>
						<ButtonLink to="/courses" variant="on-dark-outline" size="lg">
							{t('organisations.courses')}
						</ButtonLink>
					</div>
				</div>
				<ul className="space-y-4">
					{points.map(({ icon: Icon, text }) => (
						<li key={text} className="flex gap-4 rounded-2xl bg-white/5 p-5 ring-1 ring-white/15">
							<Icon className="size-6 shrink-0 text-accent-300" />
							<p className="leading-relaxed text-brand-50">{text}</p>
						</li>
					))}
				</ul>
			</Container>
		</section>
	)
}

function SectionIntro({ id, eyebrow, title, lead }: { id: string; eyebrow: string; title: string; lead?: string }) {
	return (
		<div className="max-w-3xl">
			<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{eyebrow}</p>
			<h2 id={id} className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">
				{title}
			</h2>
			{lead ? <p className="mt-4 text-lg leading-relaxed text-stone-700">{lead}</p> : null}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
