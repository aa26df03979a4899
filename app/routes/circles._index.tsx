import { Link } from 'react-router'
import { CircleTime } from '#app/components/circles/circle-time.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listFacilitatedOrganisations } from '#modules/circles/facilitators.ts'
import { listUpcomingCircles } from '#modules/circles/queries.ts'
import type { Route } from './+types/circles._index'

export const meta: Route.MetaFunction = () =>
	pageMeta('Reflective circles | Circle', 'Book a place in a facilitated reflective circle.', NOINDEX)

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
	BOOKED: { label: 'You have a place', tone: 'success' },
	WAITING: { label: 'On the waiting list', tone: 'accent' },
	CANCELLED: null,
} as const

export default function CirclesRoute({ loaderData }: Route.ComponentProps) {
	const { circles, facilitates } = loaderData
	return (
		<Container className="py-10 sm:py-12">
			<h1 className="text-3xl font-bold tracking-tight text-stone-900">Reflective circles</h1>
			<p className="mt-3 max-w-3xl text-lg text-stone-700">
				Live, facilitated conversations with other practitioners. Check in with the facilitator’s code when the circle
				starts, and the time goes into your CPD portfolio as participatory learning.
			</p>
			{facilitates.map((organisation) => (
				<p key={organisation.slug} className="mt-4">
					<Link
						to={`/org/${organisation.slug}/circles`}
						className="font-medium text-brand-700 underline underline-offset-2"
					>
						Schedule a circle for {organisation.name}
					</Link>{' '}
					<span className="text-stone-700">(you are one of its circle facilitators)</span>
				</p>
			))}
			{circles.length === 0 ? (
				<p className="mt-10 text-stone-700">There are no circles coming up just now. New ones appear here.</p>
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
											With {circle.facilitator.name} ·{' '}
											{circle.mode === 'ONLINE' ? 'Online' : `In person: ${circle.venue}`}
											{about ? ` · ${about}` : ''}
											{circle.team
												? ` · for ${circle.team.name}`
												: circle.organisation
													? ` · ${circle.organisation.name} only`
													: ''}
										</p>
									</div>
									<div className="text-right">
										{status ? <Badge tone={status.tone}>{status.label}</Badge> : null}
										<p className="mt-2 text-sm text-stone-700">
											{circle.placesLeft > 0
												? `${pluralise(circle.placesLeft, 'place')} left`
												: 'Full: join the waiting list'}
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
