import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { StudioListPage, StudioTable } from '#app/components/studio/studio-list.tsx'
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
		<StudioListPage
			back={{ to: '/studio', label: t('studio.studio') }}
			heading={t('studio.heading')}
			intro={t('studio.intro')}
			actions={<ButtonLink to="/studio/newsletters/new">{t('studio.newIssue')}</ButtonLink>}
			isEmpty={issues.length === 0}
			empty={t('studio.none')}
		>
			<StudioTable
				caption={t('studio.caption')}
				columns={[
					{ label: t('studio.colSubject') },
					{ label: t('studio.colStatus') },
					{ label: t('studio.colSectors') },
					{ label: t('studio.colProgress') },
				]}
				tbodyClassName="divide-y divide-stone-200"
			>
				{issues.map((issue) => (
					<tr key={issue.id}>
						<th scope="row" className="px-4 py-3 font-medium">
							<Link to={`/studio/newsletters/${issue.id}`} className="text-brand-700 underline underline-offset-2">
								{issue.subject}
							</Link>
						</th>
						<td className="px-4 py-3">
							<Badge tone={TONES[issue.status]}>{t(`studio.status_${issue.status}`)}</Badge>
						</td>
						<td className="px-4 py-3">
							{issue.sectors.length ? issue.sectors.map((s) => t(`sectors.${s}`, { ns: 'newsletter-signup' })).join(', ') : t('studio.everyone')}
						</td>
						<td className="px-4 py-3 tabular-nums">
							{[issue.progress.sent, issue.progress.toSend, issue.progress.failed].join(' / ')}
						</td>
					</tr>
				))}
			</StudioTable>
		</StudioListPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
