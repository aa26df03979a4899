import { useTranslation } from 'react-i18next'
import { AuditFilters, AuditTable } from '#app/components/audit-log.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listAuditEntries, readAuditQuery } from '#modules/audit/read.ts'
import { AdminPage } from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.audit'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('auditLog.meta.title', { ns: 'admin' }), t('auditLog.meta.description', { ns: 'admin' }), NOINDEX)
}

/** The whole audit log, for platform admins (checked here and in the module). */
export async function loader({ request }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const query = readAuditQuery(new URL(request.url).searchParams)
	const result = await withDomainErrors(() => listAuditEntries({ actorId: admin.id, organisationId: null, ...query }))
	return {
		query,
		...result,
		entries: result.entries.map(({ details: _details, createdAt, ...e }) => ({
			...e,
			createdAt: createdAt.toISOString(),
		})),
	}
}

export default function AdminAuditRoute({ loaderData }: Route.ComponentProps) {
	const { query, entries, total, pageCount, actions } = loaderData
	const { t } = useTranslation('admin')
	return (
		<AdminPage width="wide" title={t('auditLog.title')} intro={t('auditLog.intro')}>
			<AuditFilters query={query} actions={actions} csvHref="/admin/audit.csv" />
			<AuditTable
				entries={entries}
				total={total}
				page={query.page}
				pageSize={query.pageSize}
				pageCount={pageCount}
				caption={t('auditLog.title')}
				showOrganisation
			/>
		</AdminPage>
	)
}
