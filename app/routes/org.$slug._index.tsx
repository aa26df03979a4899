import { useTranslation } from 'react-i18next'
import { Link, redirect, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { describeOrganisation } from '#app/components/org/org-summary.ts'
import { buySeatsHref, DataTable, linkClasses, PageHeading, Section, tdClasses } from '#app/components/org/org-ui.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getOrganisationOverview } from '#modules/organisations/create-organisation.ts'
import type { Route } from './+types/org.$slug._index'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(`${organisation} | Circle`, t('overview.meta.description', { ns: 'org', organisation }), NOINDEX)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	// A team manager's part of the organisation is its Compliance, Teams and Assignments pages: they start at the matrix.
	const scoped = await requireComplianceOrgAccess(request, params.slug)
	if (scoped.scope.kind === 'teams') throw redirect(`/org/${scoped.organisation.slug}/compliance`)
	const access = await requireOrgAccess(request, params.slug)
	const { organisation, pools } = await getOrganisationOverview({ organisationId: access.organisation.id })
	return { organisation, pools }
}

export default function OrganisationOverviewRoute({ loaderData }: Route.ComponentProps) {
	const { organisation, pools } = loaderData
	const [searchParams] = useSearchParams()
	const { t } = useTranslation('org')
	const justCreated = Boolean(searchParams.get('created'))
	const base = `/org/${organisation.slug}`
	const totals = pools.reduce(
		(t, p) => ({ seats: t.seats + p.seats, used: t.used + p.used, pending: t.pending + p.pendingInvitations }),
		{ seats: 0, used: 0, pending: 0 },
	)
	return (
		<Container className="py-10">
			{justCreated ? (
				<Notice
					tone="success"
					role="status"
					title={t('overview.created', { organisation: organisation.name })}
					className="mb-6"
				>
					{t('overview.createdBody')}
				</Notice>
			) : null}
			<PageHeading
				title={organisation.name}
				intro={
					<>
						{organisation.sector ? <p>{t(`sectors.${organisation.sector}`)}</p> : null}
						<p>
							{describeOrganisation(
								{
									memberCount: organisation.memberCount,
									seats: totals.seats,
									used: totals.used,
									pendingInvitations: totals.pending,
								},
								t,
							)}
						</p>
					</>
				}
			/>

			<Section id="seats-heading" title={t('overview.seats')} intro={<p>{t('overview.seatsIntro')}</p>}>
				{pools.length ? (
					<DataTable
						caption={t('overview.caption', { organisation: organisation.name })}
						columns={[
							t('overview.columns.course'),
							t('overview.columns.bought'),
							t('overview.columns.inUse'),
							t('overview.columns.free'),
							t('overview.columns.waiting'),
							t('overview.columns.actions'),
						]}
						minWidth="48rem"
					>
						{pools.map((pool) => (
							<tr key={pool.id}>
								<td className={tdClasses}>
									<Link to={`${base}/seats/${pool.courseSlug}`} className={`${linkClasses} font-semibold`}>
										{pool.courseTitle}
									</Link>
								</td>
								<td className={tdClasses}>{pool.seats}</td>
								<td className={tdClasses}>{pool.used}</td>
								<td className={tdClasses}>{pool.free}</td>
								<td className={tdClasses}>{pool.pendingInvitations}</td>
								<td className={`${tdClasses} space-x-4 whitespace-nowrap`}>
									<Link to={`${base}/seats/${pool.courseSlug}`} className={linkClasses}>
										<Trans
											t={t}
											i18nKey="overview.manage"
											values={{ course: pool.courseTitle }}
											components={[<span key="for" className="sr-only" />]}
										/>
									</Link>
									<Link to={buySeatsHref(pool.courseSlug, organisation.slug)} className={linkClasses}>
										<Trans
											t={t}
											i18nKey="overview.buyMore"
											values={{ course: pool.courseTitle }}
											components={[<span key="for" className="sr-only" />]}
										/>
									</Link>
								</td>
							</tr>
						))}
					</DataTable>
				) : (
					<div className="mt-4 rounded-2xl border border-stone-200 bg-white p-6">
						<p className="text-stone-700">{t('overview.noSeats')}</p>
						<p className="mt-4">
							<ButtonLink to="/courses">{t('overview.browse')}</ButtonLink>
						</p>
					</div>
				)}
			</Section>

			<Section id="next-heading" title={t('overview.also')}>
				<ul className="mt-3 space-y-2">
					<li>
						<Link to={`${base}/members`} className={linkClasses}>
							{t('overview.membersLink')}
						</Link>
						<span className="text-stone-700">{t('overview.membersText')}</span>
					</li>
					<li>
						<Link to={`${base}/report`} className={linkClasses}>
							{t('overview.reportLink')}
						</Link>
						<span className="text-stone-700">{t('overview.reportText')}</span>
					</li>
				</ul>
			</Section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
