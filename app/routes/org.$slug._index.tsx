import { Link, redirect, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { describeOrganisation } from '#app/components/org/org-summary.ts'
import { buySeatsHref, DataTable, linkClasses, PageHeading, Section, tdClasses } from '#app/components/org/org-ui.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { sectorLabel } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getOrganisationOverview } from '#modules/organisations/create-organisation.ts'
import type { Route } from './+types/org.$slug._index'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`${data?.organisation.name ?? 'Organisation'} | Circle`,
		`${data?.organisation.name ?? 'Your organisation'} on Circle: seats by course, staff and invitations.`,
		NOINDEX,
	)

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
	const base = `/org/${organisation.slug}`
	const totals = pools.reduce(
		(t, p) => ({ seats: t.seats + p.seats, used: t.used + p.used, pending: t.pending + p.pendingInvitations }),
		{ seats: 0, used: 0, pending: 0 },
	)
	return (
		<Container className="py-10">
			{searchParams.get('created') ? (
				<Notice tone="success" role="status" title={`${organisation.name} is set up`} className="mb-6">
					You are its owner. Buy seats on a course below, then invite your staff.
				</Notice>
			) : null}
			<PageHeading
				title={organisation.name}
				intro={
					<>
						{organisation.sector ? <p>{sectorLabel(organisation.sector)}</p> : null}
						<p>
							{describeOrganisation({
								memberCount: organisation.memberCount,
								seats: totals.seats,
								used: totals.used,
								pendingInvitations: totals.pending,
							})}
						</p>
					</>
				}
			/>

			<Section
				id="seats-heading"
				title="Seats by course"
				intro={
					<p>
						A seat is taken when someone accepts an invitation. Seats of people who have not started can be given back
						to the pool; once someone has started, their seat is spent.
					</p>
				}
			>
				{pools.length ? (
					<DataTable
						caption={`Seats of ${organisation.name} by course`}
						columns={['Course', 'Seats bought', 'In use', 'Free', 'Invitations waiting', 'Actions']}
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
										Manage seats<span className="sr-only"> for {pool.courseTitle}</span>
									</Link>
									<Link to={buySeatsHref(pool.courseSlug, organisation.slug)} className={linkClasses}>
										Buy more seats<span className="sr-only"> for {pool.courseTitle}</span>
									</Link>
								</td>
							</tr>
						))}
					</DataTable>
				) : (
					<div className="mt-4 rounded-2xl border border-stone-200 bg-white p-6">
						<p className="text-stone-700">
							Your organisation has no seats yet. Choose a course, then &ldquo;Buy seats for my organisation&rdquo; on
							its page.
						</p>
						<p className="mt-4">
							<ButtonLink to="/courses">Browse courses</ButtonLink>
						</p>
					</div>
				)}
			</Section>

			<Section id="next-heading" title="Also here">
				<ul className="mt-3 space-y-2">
					<li>
						<Link to={`${base}/members`} className={linkClasses}>
							Members and roles
						</Link>
						<span className="text-stone-700"> — who can manage seats, and removing people who have left</span>
					</li>
					<li>
						<Link to={`${base}/report`} className={linkClasses}>
							Team report
						</Link>
						<span className="text-stone-700"> — progress, completions and certificates, with a CSV export</span>
					</li>
				</ul>
			</Section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
