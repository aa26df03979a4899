import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listSignOffRequests } from '#modules/follow-ups/manager.ts'
import type { Route } from './+types/sign-offs._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('signOffs.metaTitle', { ns: 'circles' }), t('signOffs.metaDescription', { ns: 'circles' }), NOINDEX)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return { requests: await listSignOffRequests({ managerId: user.id }) }
}

export default function SignOffsRoute({ loaderData }: Route.ComponentProps) {
	const { requests } = loaderData
	const { t } = useTranslation('circles')
	const f = useFormat()
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<h1 className="text-3xl font-bold tracking-tight text-stone-900">{t('signOffs.heading')}</h1>
			<p className="mt-2 text-stone-700">{t('signOffs.intro')}</p>
			{requests.length === 0 ? (
				<p className="mt-8 rounded-2xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">
					{t('signOffs.none')}
				</p>
			) : (
				<ul className="mt-8 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
					{requests.map((request) => (
						<li key={request.id} className="flex flex-wrap items-center justify-between gap-3 p-5">
							<div>
								<h2 className="font-semibold text-stone-900">
									<Link to={`/sign-offs/${request.id}`} className="hover:underline">
										{request.learnerName}: {request.courseTitle}
									</Link>
								</h2>
								<p className="mt-1 text-sm text-stone-700">{t('signOffs.sentOn', { date: f.date(request.sentAt) })}</p>
							</div>
							<Badge tone={request.signedOffAt ? 'success' : 'accent'}>
								{request.signedOffAt
									? t('signOffs.signedOff', { date: f.date(request.signedOffAt) })
									: t('signOffs.waiting')}
							</Badge>
						</li>
					))}
				</ul>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
