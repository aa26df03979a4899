import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { StudioListPage, StudioTable } from '#app/components/studio/studio-list.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { listMyProgrammes } from '#modules/programmes/get-programme-builder.ts'
import type { Route } from './+types/studio.programmes._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('programmes.meta.title', { ns: 'studio' }),
		t('programmes.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return { programmes: await withDomainErrors(() => listMyProgrammes({ actorId: user.id })) }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export default function StudioProgrammesRoute({ loaderData }: Route.ComponentProps) {
	const { programmes } = loaderData
	const { t } = useTranslation('studio')
	const f = useFormat()
	return (
		<StudioListPage
			back={{ to: '/studio', label: t('nav.studio') }}
			heading={t('programmes.heading')}
			intro={t('programmes.intro')}
			actions={<ButtonLink to="/studio/programmes/new">{t('programmes.new')}</ButtonLink>}
			isEmpty={programmes.length === 0}
			empty={t('programmes.empty')}
		>
			<StudioTable
				caption={t('programmes.caption')}
				columns={[
					{ label: t('programmes.programme') },
					{ label: t('programmes.status') },
					{ label: t('programmes.courses') },
					{ label: t('programmes.learners') },
				]}
				tbodyClassName="divide-y divide-stone-200"
			>
				{programmes.map((programme) => (
					<tr key={programme.id}>
						<th scope="row" className="px-4 py-3 font-medium">
							<Link to={`/studio/programmes/${programme.id}`} className="text-brand-700 underline underline-offset-2">
								{programme.title}
							</Link>
						</th>
						<td className="px-4 py-3">
							<Badge tone={programme.publishedAt ? 'success' : 'neutral'}>
								{programme.publishedAt ? t('programme.published') : t('programme.draft')}
							</Badge>
						</td>
						<td className="px-4 py-3">{t('programmes.courseCount', { count: programme.courseCount })}</td>
						<td className="px-4 py-3">{f.number(programme.enrolmentCount)}</td>
					</tr>
				))}
			</StudioTable>
		</StudioListPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
