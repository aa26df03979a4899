import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { SectorIcon } from '#app/components/ui/icons.tsx'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { openGraph } from '#app/utils/open-graph.ts'
import { SECTOR_PAGE_SLUGS, SECTOR_PAGES } from '#modules/sectors/sectors.ts'
import type { Route } from './+types/sectors._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	const title = t('index.metaTitle', { ns: 'sectors' })
	const description = t('index.metaDescription', { ns: 'sectors' })
	return pageMeta(title, description, ...openGraph({ title, description }))
}

export default function SectorsIndexRoute() {
	const { t } = useTranslation('sectors')
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-12 sm:py-14">
					<p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{t('index.eyebrow')}</p>
					<h1 className="mt-2 text-4xl font-bold tracking-tight text-brand-900">{t('index.heading')}</h1>
					<p className="mt-4 max-w-3xl text-lg leading-relaxed text-stone-700">{t('index.intro')}</p>
				</Container>
			</div>
			<Container className="py-12">
				<ul className="grid gap-6 md:grid-cols-2">
					{SECTOR_PAGE_SLUGS.map((slug) => {
						const sector = SECTOR_PAGES[slug]
						return (
							<li key={slug} className="rounded-2xl border border-stone-200 bg-white p-6 shadow-xs">
								<h2 className="flex items-center gap-3 text-xl font-semibold text-stone-900">
									<SectorIcon sector={sector} className="size-6 shrink-0 text-brand-700" />
									{t(`label.${sector}`)}
								</h2>
								<p className="mt-3 leading-relaxed text-stone-700">{t(`content.${slug}.lead`)}</p>
								<Link
									to={`/sectors/${slug}`}
									className="mt-4 inline-block font-semibold text-brand-700 underline underline-offset-2"
								>
									{t('index.readMore', { sector: t(`label.${sector}`) })}
								</Link>
							</li>
						)
					})}
				</ul>
			</Container>
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
