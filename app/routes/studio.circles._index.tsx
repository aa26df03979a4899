import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CircleTable } from '#app/components/circles/circle-table.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
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
				<ButtonLink to="/studio/circles/new">{t('studio.schedule')}</ButtonLink>
			</div>
			{circles.length === 0 ? (
				<p className="mt-10 text-stone-700">{t('studio.none')}</p>
			) : (
				<CircleTable circles={circles} caption={t('studio.caption')} now={new Date(now)} />
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
