import { useTranslation } from 'react-i18next'
import { CircleTable } from '#app/components/circles/circle-table.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { StudioListPage } from '#app/components/studio/studio-list.tsx'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { listStudioCircles } from '#modules/circles/queries.ts'
import type { Route } from './+types/studio.circles._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('studio.metaTitle', { ns: 'circles' }), t('studio.metaDescription', { ns: 'circles' }), NOINDEX)
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return { circles: await listStudioCircles({ actorId: user.id }), now: new Date() }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export default function StudioCirclesRoute({ loaderData }: Route.ComponentProps) {
	const { circles, now } = loaderData
	const { t } = useTranslation('circles')
	return (
		<StudioListPage
			back={{ to: '/studio', label: t('studio.studio') }}
			heading={t('studio.heading')}
			intro={t('studio.intro')}
			actions={<ButtonLink to="/studio/circles/new">{t('studio.schedule')}</ButtonLink>}
			isEmpty={circles.length === 0}
			empty={t('studio.none')}
		>
			<CircleTable circles={circles} caption={t('studio.caption')} now={new Date(now)} />
		</StudioListPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
