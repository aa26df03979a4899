import { data, Form, Link } from 'react-router'
import { orderProduct } from '#modules/billing/product.ts'
import { z } from 'zod'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { replyWithProblem, withDomainErrors } from '#app/utils/errors.server.ts'
import { listDomains, verifyDomainAsAdmin } from '#modules/sso/domains.ts'
import { formatDate, formatPrice, sectorLabel } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { courseName, getOrganisationForAdmin } from '#modules/admin/list-organisations.ts'
import {
	AdminPage,
	Facts,
	linkClasses,
	OrderStatusBadge,
	Section,
	TableFrame,
	TableHead,
	tdClasses,
} from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.organisations.$id'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`${data?.organisation.name ?? 'Organisation'} | Organisations | Admin | Circle`,
		'One organisation: its members, seat pools and orders.',
		NOINDEX,
	)

export async function loader({ request, params }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const org = await withDomainErrors(() => getOrganisationForAdmin({ actorId: admin.id, organisationId: params.id }))
	const domains = await listDomains({ organisationId: org.id })
	return {
		domains: domains.map((d) => ({
			id: d.id,
			domain: d.domain,
			verifiedAt: d.verifiedAt?.toISOString() ?? null,
			verifiedBy: d.verifiedBy,
		})),
		organisation: {
			id: org.id,
			name: org.name,
			slug: org.slug,
			sector: org.sector,
			billingEmail: org.billingEmail,
			createdAt: org.createdAt.toISOString(),
			memberCount: org._count.memberships,
		},
		members: org.memberships.map((m) => ({ ...m.user, role: m.role, joinedAt: m.createdAt.toISOString() })),
		pools: org.seatPools.map((p) => ({
			id: p.id,
			courseTitle: courseName(p.course),
			seats: p.seats,
			used: p.used,
			createdAt: p.createdAt.toISOString(),
		})),
		orders: org.orders.map((o) => ({
			id: o.id,
			createdAt: o.createdAt.toISOString(),
			buyer: o.buyer.name,
			courseTitle: orderProduct(o).title,
			quantity: o.quantity,
			amountPence: o.amountPence,
			status: o.status,
		})),
	}
}

const VerifyDomainSchema = z.object({ intent: z.literal('verify-domain'), domainId: z.string().min(1).max(100) })

/** Break-glass for organisations without DNS access: a platform admin verifies a domain claim (audited). */
export async function action({ request, params, context }: Route.ActionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const parsed = VerifyDomainSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ ok: false as const, message: 'Choose a domain from the list.' }, { status: 400 })
	// Only a claim of this organisation, so a form from one page cannot verify another's.
	const domains = await listDomains({ organisationId: params.id })
	if (!domains.some((d) => d.id === parsed.data.domainId)) {
		return data({ ok: false as const, message: 'That domain is not claimed by this organisation.' }, { status: 404 })
	}
	try {
		const { domain } = await verifyDomainAsAdmin({
			domainId: parsed.data.domainId,
			adminId: admin.id,
			ipAddress: context.clientIp,
			userAgent: request.headers.get('User-Agent'),
		})
		return { ok: true as const, message: `${domain} is verified.` }
	} catch (error) {
		return replyWithProblem(error, {})
	}
}

const ORG_ROLE_LABELS = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member' } as const

export default function AdminOrganisationRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation: org, members, pools, orders, domains } = loaderData
	return (
		<AdminPage title={org.name} back={{ to: '/admin/organisations', label: 'All organisations' }}>
			<Facts
				items={[
					['Sector', org.sector ? sectorLabel(org.sector) : 'Not given'],
					['Billing email', org.billingEmail ?? 'Not given'],
					['Created', formatDate(org.createdAt)],
					['Members', String(org.memberCount)],
					[
						'Their area',
						<Link key="area" to={`/org/${org.slug}`} className={linkClasses}>
							/org/{org.slug}
						</Link>,
					],
				]}
			/>

			{actionData ? (
				<Notice tone={actionData.ok ? 'success' : 'error'} role={actionData.ok ? 'status' : 'alert'} className="mt-6">
					{actionData.message}
				</Notice>
			) : null}
			<Section id="domains-heading" title="Email domains">
				{domains.length ? (
					<TableFrame minWidth="32rem">
						<caption className="sr-only">Email domains claimed by {org.name}</caption>
						<TableHead columns={['Domain', 'Status', 'Verify']} />
						<tbody className="divide-y divide-stone-200">
							{domains.map((d) => (
								<tr key={d.id}>
									<td className={`${tdClasses} break-all`}>{d.domain}</td>
									<td className={tdClasses}>
										{d.verifiedAt
											? `Verified ${d.verifiedBy === 'ADMIN' ? 'by a platform admin' : 'by DNS'} on ${formatDate(d.verifiedAt)}`
											: 'Not verified'}
									</td>
									<td className={tdClasses}>
										{d.verifiedAt ? null : (
											<Form method="post">
												<input type="hidden" name="intent" value="verify-domain" />
												<input type="hidden" name="domainId" value={d.id} />
												<Button type="submit" variant="secondary" size="sm">
													Verify<span className="sr-only"> {d.domain}</span> without DNS
												</Button>
											</Form>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</TableFrame>
				) : (
					<p className="mt-3 text-stone-700">No email domains claimed.</p>
				)}
			</Section>

			<Section id="pools-heading" title="Seat licences">
				{pools.length ? (
					<TableFrame minWidth="32rem">
						<caption className="sr-only">Seat licences of {org.name}</caption>
						<TableHead columns={['Course', 'Seats used', 'Seats bought', 'Since']} />
						<tbody className="divide-y divide-stone-200">
							{pools.map((p) => (
								<tr key={p.id}>
									<td className={tdClasses}>{p.courseTitle}</td>
									<td className={tdClasses}>{p.used}</td>
									<td className={tdClasses}>{p.seats}</td>
									<td className={`${tdClasses} whitespace-nowrap`}>{formatDate(p.createdAt)}</td>
								</tr>
							))}
						</tbody>
					</TableFrame>
				) : (
					<p className="mt-3 text-stone-700">No seat licences yet.</p>
				)}
			</Section>

			<Section id="members-heading" title="Members">
				{members.length ? (
					<TableFrame minWidth="36rem">
						<caption className="sr-only">Members of {org.name}</caption>
						<TableHead columns={['Name', 'Email', 'Role', 'Joined']} />
						<tbody className="divide-y divide-stone-200">
							{members.map((m) => (
								<tr key={m.id}>
									<td className={tdClasses}>
										<Link to={`/admin/users/${m.id}`} className={linkClasses}>
											{m.name}
										</Link>
									</td>
									<td className={`${tdClasses} break-all`}>{m.email}</td>
									<td className={tdClasses}>{ORG_ROLE_LABELS[m.role]}</td>
									<td className={`${tdClasses} whitespace-nowrap`}>{formatDate(m.joinedAt)}</td>
								</tr>
							))}
						</tbody>
					</TableFrame>
				) : (
					<p className="mt-3 text-stone-700">No members.</p>
				)}
				{members.length < org.memberCount ? (
					<p className="mt-2 text-stone-700">
						Showing the first {members.length} of {org.memberCount} members.
					</p>
				) : null}
			</Section>

			<Section id="orders-heading" title="Orders">
				{orders.length ? (
					<TableFrame minWidth="40rem">
						<caption className="sr-only">Orders by {org.name}</caption>
						<TableHead columns={['Date', 'Course', 'Places', 'Amount', 'Buyer', 'Status']} />
						<tbody className="divide-y divide-stone-200">
							{orders.map((o) => (
								<tr key={o.id}>
									<td className={`${tdClasses} whitespace-nowrap`}>
										<Link to={`/admin/orders/${o.id}`} className={linkClasses}>
											{formatDate(o.createdAt)}
										</Link>
									</td>
									<td className={tdClasses}>{o.courseTitle}</td>
									<td className={tdClasses}>{o.quantity}</td>
									<td className={tdClasses}>{formatPrice(o.amountPence)}</td>
									<td className={tdClasses}>{o.buyer}</td>
									<td className={tdClasses}>
										<OrderStatusBadge status={o.status} />
									</td>
								</tr>
							))}
						</tbody>
					</TableFrame>
				) : (
					<p className="mt-3 text-stone-700">No orders.</p>
				)}
			</Section>
		</AdminPage>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
