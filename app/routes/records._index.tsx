import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { listRecords } from '#modules/reflective-records/records.ts'
import { RECORD_KIND_INFO, RECORD_KINDS } from '#modules/reflective-records/schemas.ts'
import type { Route } from './+types/records._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('index.metaTitle', { ns: 'records' }), t('index.metaDescription', { ns: 'records' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const records = await listRecords({ userId: user.id })
	return {
		records: records.map((r) => ({
			id: r.id,
			kind: r.kind,
			title: r.title,
			date: r.date,
			partnerStatus: r.partnerStatus,
		})),
	}
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function RecordsRoute({ loaderData }: Route.ComponentProps) {
	const { records } = loaderData
	const [searchParams] = useSearchParams()
	const { t } = useTranslation('records')
	const f = useFormat()
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to="/cpd" className={LINK}>
					{t('index.backLink')}
				</Link>
			</p>
			<div className="mt-4 flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t('index.heading')}</h1>
					<p className="mt-2 max-w-prose text-lg text-stone-700">{t('index.intro')}</p>
				</div>
				<ButtonLink to="/cpd/revalidation" variant="secondary">
					{t('index.revalidation')}
				</ButtonLink>
			</div>
			{searchParams.get('done') === 'deleted' ? (
				<Notice tone="success" role="status" className="mt-6" title={t('index.deleted')} />
			) : null}

			<section aria-labelledby="new-heading" className="mt-8">
				<h2 id="new-heading" className="text-2xl font-bold text-stone-900">
					{t('index.start')}
				</h2>
				<ul className="mt-4 grid gap-4 sm:grid-cols-2">
					{RECORD_KINDS.map((kind) => (
						<Card as="li" key={kind} className="p-5">
							<h3 className="text-lg font-semibold text-stone-900">
								<Link to={`/records/new/${RECORD_KIND_INFO[kind].slug}`} className={LINK}>
									{t(`kinds.${kind}`)}
								</Link>
							</h3>
							<p className="mt-1 text-stone-700">{t(`index.blurb.${kind}`)}</p>
						</Card>
					))}
				</ul>
			</section>

			<section aria-labelledby="records-heading" className="mt-10">
				<div className="flex flex-wrap items-baseline justify-between gap-4">
					<h2 id="records-heading" className="text-2xl font-bold text-stone-900">
						{t('index.yours')}
					</h2>
					{records.length ? (
						<p className="flex gap-4">
							<a href="/records/export.csv" className={LINK}>
								{t('index.downloadCsv')}
							</a>
							<a href="/records/export.json" className={LINK}>
								{t('index.downloadJson')}
							</a>
						</p>
					) : null}
				</div>
				{records.length === 0 ? (
					<p className="mt-4 text-stone-700">{t('index.none')}</p>
				) : (
					<ul className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
						{records.map((r) => (
							<li key={r.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
								<div>
									<Link to={`/records/${r.id}`} className={LINK}>
										{r.title}
									</Link>
									<p className="text-sm text-stone-600">
										{t(`kinds.${r.kind}`)} · {f.date(r.date)}
									</p>
								</div>
								{r.partnerStatus === 'confirmed' ? (
									<Badge tone="success">{t('index.confirmed')}</Badge>
								) : r.partnerStatus === 'invited' ? (
									<Badge tone="accent">{t('index.waiting')}</Badge>
								) : null}
							</li>
						))}
					</ul>
				)}
			</section>
		</Container>
	)
}
