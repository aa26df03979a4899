import { getCollectionProps, getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { replyWithDomainError, replyWithProblem, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { courseName, getOrganisationForAdmin } from '#modules/admin/list-organisations.ts'
import { setInvoiceSeats } from '#modules/billing/billing-details.ts'
import { orderProduct } from '#modules/billing/product.ts'
import { InvoiceSeatsSchema } from '#modules/billing/schemas.ts'
import { listDomains, verifyDomainAsAdmin } from '#modules/sso/domains.ts'
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
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('organisation.meta.title', {
			ns: 'admin',
			name: data?.organisation.name ?? t('organisation.meta.fallback', { ns: 'admin' }),
		}),
		t('organisation.meta.description', { ns: 'admin' }),
		NOINDEX,
	)
}

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
			status: d.status,
		})),
		organisation: {
			id: org.id,
			name: org.name,
			slug: org.slug,
			sector: org.sector,
			billingEmail: org.billingEmail,
			invoiceSeats: org.invoiceSeats,
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

/**
 * Two forms: break-glass verification of a domain claim for organisations without DNS access, and
 * the organisation's invoice terms (when an order paid by invoice gives its seats). Both audited;
 * the module functions check again that the actor is a platform admin.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const t = await getT(request)
	const formData = await request.formData()
	const origin = { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') }

	if (formData.get('intent') === 'invoice-seats') {
		const submission = parseWithZod(formData, { schema: InvoiceSeatsSchema })
		if (submission.status !== 'success') {
			return data({ intent: 'invoice-seats' as const, result: submission.reply(), saved: false }, { status: 400 })
		}
		try {
			await setInvoiceSeats({
				organisationId: params.id,
				actorId: admin.id,
				invoiceSeats: submission.value.invoiceSeats,
				...origin,
			})
		} catch (error) {
			const reply = replyWithDomainError(submission, error)
			return data(
				{ intent: 'invoice-seats' as const, result: reply.data.result, saved: false },
				reply.init ?? undefined,
			)
		}
		return { intent: 'invoice-seats' as const, result: submission.reply(), saved: true }
	}

	const parsed = VerifyDomainSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) {
		return data(
			{
				intent: 'verify-domain' as const,
				ok: false as const,
				message: t('organisation.domains.choose', { ns: 'admin' }),
			},
			{ status: 400 },
		)
	}
	// Only a claim of this organisation, so a form from one page cannot verify another's.
	const domains = await listDomains({ organisationId: params.id })
	if (!domains.some((d) => d.id === parsed.data.domainId)) {
		return data(
			{
				intent: 'verify-domain' as const,
				ok: false as const,
				message: t('organisation.domains.notClaimed', { ns: 'admin' }),
			},
			{ status: 404 },
		)
	}
	try {
		const { domain } = await verifyDomainAsAdmin({ domainId: parsed.data.domainId, adminId: admin.id, ...origin })
		return {
			intent: 'verify-domain' as const,
			ok: true as const,
			message: t('organisation.domains.verified', { ns: 'admin', domain }),
		}
	} catch (error) {
		return replyWithProblem(error, { intent: 'verify-domain' as const })
	}
}

const INVOICE_SEATS = ['ON_APPROVAL', 'ON_ORDER'] as const
const TERMS_CHOICE: { type: 'radio'; options: string[] } = { type: 'radio', options: [...INVOICE_SEATS] }

export default function AdminOrganisationRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation: org, members, pools, orders, domains } = loaderData
	const { t } = useTranslation('admin')
	const format = useFormat()
	const domainResult = actionData?.intent === 'verify-domain' ? actionData : null
	return (
		<AdminPage title={org.name} back={{ to: '/admin/organisations', label: t('organisation.back') }}>
			<Facts
				items={[
					[t('organisation.facts.sector'), org.sector ? t(`sectors.${org.sector}`) : t('organisation.notGiven')],
					[t('organisation.facts.billingEmail'), org.billingEmail ?? t('organisation.notGiven')],
					[t('organisation.facts.created'), format.date(org.createdAt)],
					[t('organisation.facts.members'), format.number(org.memberCount)],
					[
						t('organisation.facts.area'),
						<Link key="area" to={`/org/${org.slug}`} className={linkClasses}>
							/org/{org.slug}
						</Link>,
					],
				]}
			/>

			{domainResult && 'message' in domainResult ? (
				<Notice
					tone={domainResult.ok ? 'success' : 'error'}
					role={domainResult.ok ? 'status' : 'alert'}
					className="mt-6"
				>
					{domainResult.message}
				</Notice>
			) : null}

			<Section id="invoice-terms-heading" title={t('organisation.invoiceTerms.heading')}>
				<InvoiceTermsForm
					current={org.invoiceSeats}
					lastResult={actionData?.intent === 'invoice-seats' ? actionData.result : undefined}
					saved={actionData?.intent === 'invoice-seats' && actionData.saved}
				/>
			</Section>

			<Section id="domains-heading" title={t('organisation.domains.heading')}>
				{domains.length ? (
					<TableFrame minWidth="32rem">
						<caption className="sr-only">{t('organisation.domains.caption', { name: org.name })}</caption>
						<TableHead
							columns={[
								t('organisation.domains.domain'),
								t('organisation.domains.status'),
								t('organisation.domains.verify'),
							]}
						/>
						<tbody className="divide-y divide-stone-200">
							{domains.map((d) => (
								<tr key={d.id}>
									<td className={`${tdClasses} break-all`}>{d.domain}</td>
									<td className={tdClasses}>
										{d.verifiedAt
											? d.verifiedBy === 'ADMIN'
												? t('organisation.domains.verifiedByAdmin', { date: format.date(d.verifiedAt) })
												: t('organisation.domains.verifiedByDns', { date: format.date(d.verifiedAt) })
											: d.status === 'verified-elsewhere'
												? t('organisation.domains.verifiedElsewhere')
												: d.status === 'expired'
													? t('organisation.domains.expired')
													: t('organisation.domains.notVerified')}
									</td>
									<td className={tdClasses}>
										{d.status !== 'pending' ? null : (
											<Form method="post">
												<input type="hidden" name="intent" value="verify-domain" />
												<input type="hidden" name="domainId" value={d.id} />
												<Button type="submit" variant="secondary" size="sm">
													<Trans
														t={t}
														i18nKey="organisation.domains.verifyButton"
														values={{ domain: d.domain }}
														components={[<span key="sr" className="sr-only" />]}
													/>
												</Button>
											</Form>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</TableFrame>
				) : (
					<p className="mt-3 text-stone-700">{t('organisation.domains.none')}</p>
				)}
			</Section>

			<Section id="pools-heading" title={t('organisation.pools.heading')}>
				{pools.length ? (
					<TableFrame minWidth="32rem">
						<caption className="sr-only">{t('organisation.pools.caption', { name: org.name })}</caption>
						<TableHead
							columns={[
								t('organisation.pools.course'),
								t('organisation.pools.used'),
								t('organisation.pools.bought'),
								t('organisation.pools.since'),
							]}
						/>
						<tbody className="divide-y divide-stone-200">
							{pools.map((p) => (
								<tr key={p.id}>
									<td className={tdClasses}>{p.courseTitle}</td>
									<td className={tdClasses}>{format.number(p.used)}</td>
									<td className={tdClasses}>{format.number(p.seats)}</td>
									<td className={`${tdClasses} whitespace-nowrap`}>{format.date(p.createdAt)}</td>
								</tr>
							))}
						</tbody>
					</TableFrame>
				) : (
					<p className="mt-3 text-stone-700">{t('organisation.pools.none')}</p>
				)}
			</Section>

			<Section id="members-heading" title={t('organisation.members.heading')}>
				{members.length ? (
					<TableFrame minWidth="36rem">
						<caption className="sr-only">{t('organisation.members.caption', { name: org.name })}</caption>
						<TableHead
							columns={[
								t('organisation.members.name'),
								t('organisation.members.email'),
								t('organisation.members.role'),
								t('organisation.members.joined'),
							]}
						/>
						<tbody className="divide-y divide-stone-200">
							{members.map((m) => (
								<tr key={m.id}>
									<td className={tdClasses}>
										<Link to={`/admin/users/${m.id}`} className={linkClasses}>
											{m.name}
										</Link>
									</td>
									<td className={`${tdClasses} break-all`}>{m.email}</td>
									<td className={tdClasses}>{t(`organisation.roles.${m.role}`)}</td>
									<td className={`${tdClasses} whitespace-nowrap`}>{format.date(m.joinedAt)}</td>
								</tr>
							))}
						</tbody>
					</TableFrame>
				) : (
					<p className="mt-3 text-stone-700">{t('organisation.members.none')}</p>
				)}
				{members.length < org.memberCount ? (
					<p className="mt-2 text-stone-700">
						{t('organisation.members.showing', { shown: members.length, total: org.memberCount })}
					</p>
				) : null}
			</Section>

			<Section id="orders-heading" title={t('organisation.orders.heading')}>
				{orders.length ? (
					<TableFrame minWidth="40rem">
						<caption className="sr-only">{t('organisation.orders.caption', { name: org.name })}</caption>
						<TableHead
							columns={[
								t('organisation.orders.date'),
								t('organisation.orders.course'),
								t('organisation.orders.places'),
								t('organisation.orders.amount'),
								t('organisation.orders.buyer'),
								t('organisation.orders.status'),
							]}
						/>
						<tbody className="divide-y divide-stone-200">
							{orders.map((o) => (
								<tr key={o.id}>
									<td className={`${tdClasses} whitespace-nowrap`}>
										<Link to={`/admin/orders/${o.id}`} className={linkClasses}>
											{format.date(o.createdAt)}
										</Link>
									</td>
									<td className={tdClasses}>{o.courseTitle}</td>
									<td className={tdClasses}>{format.number(o.quantity)}</td>
									<td className={tdClasses}>{format.price(o.amountPence)}</td>
									<td className={tdClasses}>{o.buyer}</td>
									<td className={tdClasses}>
										<OrderStatusBadge status={o.status} />
									</td>
								</tr>
							))}
						</tbody>
					</TableFrame>
				) : (
					<p className="mt-3 text-stone-700">{t('organisation.orders.none')}</p>
				)}
			</Section>
		</AdminPage>
	)
}

/** When the organisation's orders paid by invoice give their seats: at once, or on an admin's approval. */
function InvoiceTermsForm({
	current,
	lastResult,
	saved,
}: {
	current: (typeof INVOICE_SEATS)[number]
	lastResult: SubmissionResult<string[]> | undefined
	saved: boolean
}) {
	const { t } = useTranslation('admin')
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'invoice-terms',
		lastResult: navigation.state === 'idle' ? lastResult : undefined,
		defaultValue: { invoiceSeats: current },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: InvoiceSeatsSchema }),
		shouldValidate: 'onSubmit',
	})
	const errorId = `${fields.invoiceSeats.id}-error`
	const invalid = Boolean(fields.invoiceSeats.errors?.length)
	return (
		<Form method="post" {...getFormProps(form)} className="mt-3 max-w-2xl space-y-4">
			<p className="text-stone-700">{t('organisation.invoiceTerms.intro')}</p>
			{saved ? (
				<Notice tone="success" role="status" title={t('organisation.invoiceTerms.saved')}>
					{t('organisation.invoiceTerms.savedBody')}
				</Notice>
			) : null}
			<FormErrors id={form.errorId} errors={form.errors} title={t('organisation.invoiceTerms.notSaved')} />
			<input type="hidden" name="intent" value="invoice-seats" />
			<fieldset aria-describedby={invalid ? errorId : undefined} aria-invalid={invalid || undefined}>
				<legend className="font-semibold text-stone-900">{t('organisation.invoiceTerms.legend')}</legend>
				<div className="mt-3 space-y-3">
					{getCollectionProps(fields.invoiceSeats, TERMS_CHOICE).map(({ key, ...props }) => (
						<label key={key} className="flex items-start gap-3 rounded border border-stone-200 bg-white p-3">
							<input
								{...props}
								className="mt-1 size-5 accent-brand-700"
								aria-describedby={`invoice-seats-${props.value}-hint`}
							/>
							<span>
								<span className="font-medium text-stone-900">
									{t(`organisation.invoiceTerms.options.${props.value as (typeof INVOICE_SEATS)[number]}.label`)}
								</span>
								<span id={`invoice-seats-${props.value}-hint`} className="block text-sm text-stone-700">
									{t(`organisation.invoiceTerms.options.${props.value as (typeof INVOICE_SEATS)[number]}.hint`)}
								</span>
							</span>
						</label>
					))}
				</div>
				<ErrorList id={invalid ? errorId : undefined} errors={fields.invoiceSeats.errors} />
			</fieldset>
			<SubmitButton
				pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'invoice-seats'}
				pendingText={t('organisation.invoiceTerms.saving')}
			>
				{t('organisation.invoiceTerms.save')}
			</SubmitButton>
		</Form>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
