import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { requireRole } from '#app/utils/auth.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listOrganisations } from '#modules/admin/list-organisations.ts'
import {
	AdminPage,
	linkClasses,
	ListFilters,
	Pagination,
	readListParams,
	ResultSummary,
	TableFrame,
	TableHead,
	tdClasses,
} from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.organisations._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('organisations.meta.title', { ns: 'admin' }),
		t('organisations.meta.description', { ns: 'admin' }),
		NOINDEX,
	)
}

export async function loader({ request }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const { q, page, pageSize } = readListParams(request)
	const result = await listOrganisations({ actorId: admin.id, query: q, page, pageSize })
	return {
		q,
		page: result.page,
		pageSize: result.pageSize,
		pageCount: result.pageCount,
		total: result.total,
		organisations: result.organisations.map((o) => ({
			id: o.id,
			name: o.name,
			slug: o.slug,
			sector: o.sector,
			createdAt: o.createdAt.toISOString(),
			memberCount: o.memberCount,
			seatPools: o.seatPools,
		})),
	}
}

export default function AdminOrganisationsRoute({ loaderData }: Route.ComponentProps) {
	const { q, organisations, page, pageSize, pageCount, total } = loaderData
	const { t } = useTranslation('admin')
	const format = useFormat()
	return (
		<AdminPage title={t('organisations.title')} intro={t('organisations.intro')}>
			<ListFilters
				label={t('organisations.title')}
				searchLabel={t('organisations.searchLabel')}
				q={q}
				pageSize={pageSize}
			/>
			<ResultSummary page={page} pageSize={pageSize} total={total} kind="organisations" rows={organisations.length} />
			{organisations.length ? (
				<TableFrame minWidth="48rem">
					<caption className="sr-only">
						{q ? t('organisations.captionMatching', { q }) : t('organisations.title')}
					</caption>
					<TableHead
						columns={[
							t('organisations.columns.name'),
							t('organisations.columns.sector'),
							t('organisations.columns.members'),
							t('organisations.columns.seats'),
							t('organisations.columns.created'),
						]}
					/>
					<tbody className="divide-y divide-stone-200">
						{organisations.map((o) => (
							<tr key={o.id}>
								<td className={tdClasses}>
									<Link to={`/admin/organisations/${o.id}`} className={linkClasses}>
										{o.name}
									</Link>
									<br />
									<span className="text-stone-600">{`/org/${o.slug}`}</span>
								</td>
								<td className={tdClasses}>{o.sector ? t(`sectors.${o.sector}`) : t('organisation.notGiven')}</td>
								<td className={tdClasses}>{format.number(o.memberCount)}</td>
								<td className={tdClasses}>
									{o.seatPools.length ? (
										<ul className="space-y-1">
											{o.seatPools.map((pool) => (
												<li key={pool.id}>
													{t('organisations.pool', {
														course: pool.courseTitle,
														used: format.number(pool.used),
														seats: format.number(pool.seats),
													})}
												</li>
											))}
										</ul>
									) : (
										t('organisations.none')
									)}
								</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{format.date(o.createdAt)}</td>
							</tr>
						))}
					</tbody>
				</TableFrame>
			) : null}
			<Pagination page={page} pageCount={pageCount} />
		</AdminPage>
	)
}
