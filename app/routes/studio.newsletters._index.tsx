import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { listNewsletterIssues } from '#modules/newsletter/issues.ts'
import type { Route } from './+types/studio.newsletters._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('studio.listTitle', { ns: 'newsletter' }),
		t('studio.listDescription', { ns: 'newsletter' }),
		NOINDEX,
	)
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return { issues: await withDomainErrors(() => listNewsletterIssues({ actorId: user.id })) }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

const TONES = { DRAFT: 'neutral', SCHEDULED: 'brand', SENDING: 'accent', SENT: 'success' } as const

export default function StudioNewslettersRoute({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation('newsletter')
	const { issues } = loaderData
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.studio')}
				</Link>
			</p>
			<div className="mt-4 flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">{t('studio.heading')}</h1>
					<p className="mt-2 text-lg text-stone-700">{t('studio.intro')}</p>
				</div>
				<ButtonLink to="/studio/newsletters/new">{t('studio.newIssue')}</ButtonLink>
			</div>
			{issues.length === 0 ? (
				<p className="mt-10 text-stone-700">{t('studio.none')}</p>
			) : (
				<div className="relative mt-8 overflow-x-auto rounded-xl border border-stone-200 bg-white">
					<table className="w-full text-left">
						<caption className="sr-only">{t('studio.caption')}</caption>
						<thead className="bg-stone-100 text-sm text-stone-800">
							<tr>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('studio.colSubject')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('studio.colStatus')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('studio.colSectors')}
								</th>
								<th scope="col" className="px-4 py-3 font-semibold">
									{t('studio.colProgress')}
								</th>
							</tr>
						</thead>
						<tbody className="divide-y divide-stone-200">
							{issues.map((issue) => (
								<tr key={issue.id}>
									<th scope="row" className="px-4 py-3 font-medium">
										<Link
											to={`/studio/newsletters/${issue.id}`}
											className="text-brand-700 underline underline-offset-2"
										>
											{issue.subject}
										</Link>
									</th>
									<td className="px-4 py-3">
										<Badge tone={TONES[issue.status]}>{t(`studio.status_${issue.status}`)}</Badge>
									</td>
									<td className="px-4 py-3">
										{issue.sectors.length
											? issue.sectors.map((s) => t(`sectors.${s}`)).join(', ')
											: t('studio.everyone')}
									</td>
									<td className="px-4 py-3 tabular-nums">
										{[issue.progress.sent, issue.progress.toSend, issue.progress.failed].join(' / ')}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
