import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listUsers } from '#modules/admin/list-users.ts'
import { ROLES } from '#modules/admin/schemas.ts'
import type { Role } from '#modules/db/generated/enums.ts'
import {
	AdminPage,
	FilterSelect,
	linkClasses,
	ListFilters,
	Pagination,
	readListParams,
	ResultSummary,
	TableFrame,
	TableHead,
	tdClasses,
} from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.users._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('users.meta.title', { ns: 'admin' }), t('users.meta.description', { ns: 'admin' }), NOINDEX)
}

export async function loader({ request }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const { params, q, page, pageSize } = readListParams(request)
	const roleParam = params.get('role')
	const role = (ROLES as readonly string[]).includes(roleParam ?? '') ? (roleParam as Role) : null
	const statusParam = params.get('status')
	const status = statusParam === 'disabled' || statusParam === 'enabled' ? statusParam : ''
	const result = await listUsers({
		actorId: admin.id,
		query: q,
		role,
		disabled: status === 'disabled' ? true : status === 'enabled' ? false : null,
		page,
		pageSize,
	})
	return {
		q,
		role: role ?? '',
		status,
		page: result.page,
		pageSize: result.pageSize,
		pageCount: result.pageCount,
		total: result.total,
		users: result.users.map((u) => ({
			id: u.id,
			name: u.name,
			email: u.email,
			role: u.role,
			verified: u.emailVerifiedAt !== null,
			createdAt: u.createdAt.toISOString(),
			lastSeenAt: u.lastSeenAt?.toISOString() ?? null,
			disabled: u.disabledAt !== null,
		})),
	}
}

export default function AdminUsersRoute({ loaderData }: Route.ComponentProps) {
	const { q, role, status, users, page, pageSize, pageCount, total } = loaderData
	const { t } = useTranslation('admin')
	const format = useFormat()
	return (
		<AdminPage title={t('users.title')} intro={t('users.intro')}>
			<ListFilters label={t('users.title')} searchLabel={t('users.searchLabel')} q={q} pageSize={pageSize}>
				<FilterSelect
					id="user-role"
					name="role"
					label={t('users.role')}
					value={role}
					options={[
						{ value: '', label: t('users.anyRole') },
						...ROLES.map((r) => ({ value: r, label: t(`platformRoles.${r}`) })),
					]}
				/>
				<FilterSelect
					id="user-status"
					name="status"
					label={t('users.status')}
					value={status}
					options={[
						{ value: '', label: t('users.anyStatus') },
						{ value: 'enabled', label: t('users.active') },
						{ value: 'disabled', label: t('users.disabled') },
					]}
				/>
			</ListFilters>
			<ResultSummary page={page} pageSize={pageSize} total={total} kind="users" rows={users.length} />
			{users.length ? (
				<TableFrame minWidth="56rem">
					<caption className="sr-only">{q ? t('users.captionMatching', { q }) : t('users.title')}</caption>
					<TableHead
						columns={[
							t('users.columns.name'),
							t('users.columns.email'),
							t('users.columns.role'),
							t('users.columns.confirmed'),
							t('users.columns.joined'),
							t('users.columns.lastSeen'),
							t('users.columns.status'),
						]}
					/>
					<tbody className="divide-y divide-stone-200">
						{users.map((u) => (
							<tr key={u.id}>
								<td className={tdClasses}>
									<Link to={`/admin/users/${u.id}`} className={linkClasses}>
										{u.name}
									</Link>
								</td>
								<td className={`${tdClasses} break-all text-stone-800`}>{u.email}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{t(`platformRoles.${u.role}`)}</td>
								<td className={tdClasses}>{u.verified ? t('users.yes') : t('users.no')}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{format.date(u.createdAt)}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{u.lastSeenAt ? format.date(u.lastSeenAt) : t('users.never')}
								</td>
								<td className={tdClasses}>
									{u.disabled ? (
										<Badge tone="accent">{t('users.disabled')}</Badge>
									) : (
										<Badge tone="success">{t('users.active')}</Badge>
									)}
								</td>
							</tr>
						))}
					</tbody>
				</TableFrame>
			) : null}
			<Pagination page={page} pageCount={pageCount} />
		</AdminPage>
	)
}
