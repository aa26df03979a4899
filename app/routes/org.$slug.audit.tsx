import { useTranslation } from 'react-i18next'
import { AuditFilters, AuditTable } from '#app/components/audit-log.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PageHeading } from '#app/components/org/org-ui.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { listAuditEntries, readAuditQuery } from '#modules/audit/read.ts'
import type { Route } from './+types/org.$slug.audit'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('audit.meta.title', { ns: 'org', organisation }),
		t('audit.meta.description', { ns: 'org' }),
		NOINDEX,
	)
}

/** The organisation's own audit entries (organisationId = it), for its owners and administrators. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const query = readAuditQuery(new URL(request.url).searchParams)
	const result = await withDomainErrors(() =>
		listAuditEntries({ actorId: access.actorId, organisationId: access.organisation.id, ...query }),
	)
	return {
		organisation: access.organisation,
		query,
		...result,
		entries: result.entries.map(({ details: _details, createdAt, ...e }) => ({
			...e,
			createdAt: createdAt.toISOString(),
		})),
	}
}

export default function OrganisationAuditRoute({ loaderData }: Route.ComponentProps) {
	const { organisation, query, entries, total, pageCount, actions } = loaderData
	const { t } = useTranslation('org')
	return (
		<Container className="py-10">
			<PageHeading title={t('audit.title')} intro={<p>{t('audit.intro', { organisation: organisation.name })}</p>} />
			<AuditFilters query={query} actions={actions} csvHref={`/org/${organisation.slug}/audit.csv`} />
			<AuditTable
				entries={entries}
				total={total}
				page={query.page}
				pageSize={query.pageSize}
				pageCount={pageCount}
				caption={t('audit.caption', { organisation: organisation.name })}
			/>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
