import { Link } from 'react-router'
import { requireRole } from '#app/utils/auth.server.ts'
import { formatDate, sectorLabel } from '#app/utils/format.ts'
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

export const meta: Route.MetaFunction = () =>
	pageMeta('Organisations | Admin | Circle', 'Every organisation on Circle, with its members and seats.', NOINDEX)

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
	return (
		<AdminPage
			title="Organisations"
			intro="Schools, trusts, councils and prisons that buy seat licences for their staff."
		>
			<ListFilters label="Organisations" searchLabel="Name, web address or billing email" q={q} pageSize={pageSize} />
			<ResultSummary page={page} pageSize={pageSize} total={total} kind="organisations" rows={organisations.length} />
			{organisations.length ? (
				<TableFrame minWidth="48rem">
					<caption className="sr-only">Organisations{q ? ` matching “${q}”` : ''}</caption>
					<TableHead columns={['Name', 'Sector', 'Members', 'Seats (used of bought)', 'Created']} />
					<tbody className="divide-y divide-stone-200">
						{organisations.map((o) => (
							<tr key={o.id}>
								<td className={tdClasses}>
									<Link to={`/admin/organisations/${o.id}`} className={linkClasses}>
										{o.name}
									</Link>
									<br />
									<span className="text-stone-600">/org/{o.slug}</span>
								</td>
								<td className={tdClasses}>{o.sector ? sectorLabel(o.sector) : 'Not given'}</td>
								<td className={tdClasses}>{o.memberCount}</td>
								<td className={tdClasses}>
									{o.seatPools.length ? (
										<ul className="space-y-1">
											{o.seatPools.map((pool) => (
												<li key={pool.id}>
													{pool.courseTitle}: {pool.used} of {pool.seats}
												</li>
											))}
										</ul>
									) : (
										'None'
									)}
								</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{formatDate(o.createdAt)}</td>
							</tr>
						))}
					</tbody>
				</TableFrame>
			) : null}
			<Pagination page={page} pageCount={pageCount} />
		</AdminPage>
	)
}
