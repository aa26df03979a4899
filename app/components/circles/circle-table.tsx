import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { CircleStart } from '#app/components/circles/circle-time.tsx'

export type CircleRow = {
	id: string
	title: string
	startsAt: Date | string
	durationMinutes: number
	capacity: number
	booked: number
	cancelledAt: Date | string | null
	facilitator: { name: string }
	team?: { name: string } | null
}

/** The circles someone runs (studio, organisation), with places taken and a link to each register. */
export function CircleTable({ circles, caption, now }: { circles: CircleRow[]; caption: string; now: Date }) {
	const { t } = useTranslation('circles')
	return (
		<div className="relative mt-8 overflow-x-auto rounded-xl border border-stone-200 bg-white">
			<table className="w-full text-left">
				<caption className="sr-only">{caption}</caption>
				<thead className="bg-stone-100 text-sm text-stone-800">
					<tr>
						<th scope="col" className="px-4 py-3">
							{t('table.circle')}
						</th>
						<th scope="col" className="px-4 py-3">
							{t('table.starts')}
						</th>
						<th scope="col" className="px-4 py-3">
							{t('table.placesTaken')}
						</th>
						<th scope="col" className="px-4 py-3">
							{t('table.facilitator')}
						</th>
					</tr>
				</thead>
				<tbody className="divide-y divide-stone-200">
					{circles.map((circle) => {
						const startsAt = new Date(circle.startsAt)
						return (
							<tr key={circle.id}>
								<td className="px-4 py-3">
									<Link
										to={`/circles/${circle.id}/register`}
										className="font-medium text-brand-700 underline underline-offset-2"
									>
										{circle.title}
									</Link>
									{circle.team ? (
										<span className="block text-sm text-stone-700">{t('table.team', { name: circle.team.name })}</span>
									) : null}
									{circle.cancelledAt ? (
										<Badge tone="neutral" className="ml-2">
											{t('table.cancelled')}
										</Badge>
									) : startsAt < now ? (
										<Badge tone="neutral" className="ml-2">
											{t('table.past')}
										</Badge>
									) : null}
								</td>
								<td className="px-4 py-3">
									<CircleStart startsAt={startsAt} />
								</td>
								<td className="px-4 py-3">
									{t('table.ofCapacity', { booked: circle.booked, capacity: circle.capacity })}
								</td>
								<td className="px-4 py-3">{circle.facilitator.name}</td>
							</tr>
						)
					})}
				</tbody>
			</table>
		</div>
	)
}
