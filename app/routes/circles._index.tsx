import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CircleTime } from '#app/components/circles/circle-time.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listFacilitatedOrganisations } from '#modules/circles/facilitators.ts'
import { listUpcomingCircles } from '#modules/circles/queries.ts'
import type { Route } from './+types/circles._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('list.metaTitle', { ns: 'circles' }), t('list.metaDescription', { ns: 'circles' }), NOINDEX)
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const [circles, facilitates] = await Promise.all([
		listUpcomingCircles({ userId: user.id, now: new Date() }),
		listFacilitatedOrganisations({ userId: user.id }),
	])
	return { circles, facilitates }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

const STATUS = {
	BOOKED: { label: 'list.booked', tone: 'success' },
	WAITING: { label: 'list.waiting', tone: 'accent' },
	CANCELLED: null,
} as const

export default function CirclesRoute({ loaderData }: Route.ComponentProps) {
	const { circles, facilitates } = loaderData
	const { t } = useTranslation('circles')
	return (
		<Container className="py-10 sm:py-12">
			<h1 className="text-3xl font-bold tracking-tight text-stone-900">{t('list.heading')}</h1>
			<p className="mt-3 max-w-3xl text-lg text-stone-700">{t('list.intro')}</p>
			{facilitates.map((organisation) => (
				<p key={organisation.slug} className="mt-4">
					<Link
						to={`/org/${organisation.slug}/circles`}
						className="font-medium text-brand-700 underline underline-offset-2"
					>
						{t('list.scheduleFor', { name: organisation.name })}
					</Link>{' '}
					<span className="text-stone-700">{t('list.youFacilitate')}</span>
				</p>
			))}
			{circles.length === 0 ? (
				<p className="mt-10 text-stone-700">{t('list.none')}</p>
			) : (
				<ul className="mt-8 space-y-4">
					{circles.map((circle) => {
						const status = circle.myStatus ? STATUS[circle.myStatus] : null
						const about = circle.course?.publishedVersion?.title ?? circle.programme?.title ?? null
						return (
							<li key={circle.id} className="rounded-2xl border border-stone-200 bg-white p-5">
								<div className="flex flex-wrap items-start justify-between gap-3">
									<div>
										<h2 className="text-lg font-semibold text-stone-900">
											<Link to={`/circles/${circle.id}`} className="underline-offset-2 hover:underline">
												{circle.title}
											</Link>
										</h2>
										<p className="mt-1 text-stone-800">
											<CircleTime startsAt={circle.startsAt} durationMinutes={circle.durationMinutes} />
										</p>
										<p className="mt-1 text-sm text-stone-700">
											{t('list.with', { name: circle.facilitator.name })} ·{' '}
											{circle.mode === 'ONLINE' ? t('list.online') : t('list.inPerson', { venue: circle.venue })}
											{about ? ` · ${about}` : ''}
											{circle.team
												? ` · ${t('list.forTeam', { name: circle.team.name })}`
												: circle.organisation
													? ` · ${t('list.orgOnly', { name: circle.organisation.name })}`
													: ''}
										</p>
									</div>
									<div className="text-right">
										{status ? <Badge tone={status.tone}>{t(status.label)}</Badge> : null}
										<p className="mt-2 text-sm text-stone-700">
											{circle.placesLeft > 0 ? t('list.placesLeft', { count: circle.placesLeft }) : t('list.full')}
										</p>
									</div>
								</div>
							</li>
						)
					})}
				</ul>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
