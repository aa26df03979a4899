import { Link } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listUsers } from '#modules/admin/list-users.ts'
import { ROLE_LABELS, ROLES } from '#modules/admin/schemas.ts'
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

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Users | Admin | Circle',
		'Every user on Circle: search by name or email, change roles, disable accounts.',
		NOINDEX,
	)

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
	return (
		<AdminPage
			title="Users"
			intro="Find a person by name or email address to change their role or disable their account."
		>
			<ListFilters label="Users" searchLabel="Name or email" q={q} pageSize={pageSize}>
				<FilterSelect
					id="user-role"
					name="role"
					label="Role"
					value={role}
					options={[{ value: '', label: 'Any role' }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]}
				/>
				<FilterSelect
					id="user-status"
					name="status"
					label="Status"
					value={status}
					options={[
						{ value: '', label: 'Any status' },
						{ value: 'enabled', label: 'Active' },
						{ value: 'disabled', label: 'Disabled' },
					]}
				/>
			</ListFilters>
			<ResultSummary page={page} pageSize={pageSize} total={total} kind="users" rows={users.length} />
			{users.length ? (
				<TableFrame minWidth="56rem">
					<caption className="sr-only">Users{q ? ` matching “${q}”` : ''}</caption>
					<TableHead columns={['Name', 'Email', 'Role', 'Email confirmed', 'Joined', 'Last seen', 'Status']} />
					<tbody className="divide-y divide-stone-200">
						{users.map((u) => (
							<tr key={u.id}>
								<td className={tdClasses}>
									<Link to={`/admin/users/${u.id}`} className={linkClasses}>
										{u.name}
									</Link>
								</td>
								<td className={`${tdClasses} break-all text-stone-800`}>{u.email}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{ROLE_LABELS[u.role]}</td>
								<td className={tdClasses}>{u.verified ? 'Yes' : 'No'}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{formatDate(u.createdAt)}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{u.lastSeenAt ? formatDate(u.lastSeenAt) : 'Never'}
								</td>
								<td className={tdClasses}>
									{u.disabled ? <Badge tone="accent">Disabled</Badge> : <Badge tone="success">Active</Badge>}
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
