import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { z } from 'zod'
import { Field, SubmitButton } from '#app/components/forms.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { replyWithProblem } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { deleteNewsletterSubscriber, listNewsletterSubscribers } from '#modules/admin/newsletter-subscribers.ts'
import { singleLineText } from '#modules/validation/text.ts'
import { AdminPage, ListFilters, Pagination, readListParams, ResultSummary } from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.newsletter'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('admin.meta.title', { ns: 'newsletter' }),
		t('admin.meta.description', { ns: 'newsletter' }),
		NOINDEX,
	)
}

export async function loader({ request }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const { q, page, pageSize } = readListParams(request)
	const result = await listNewsletterSubscribers({ actorId: admin.id, query: q, page, pageSize })
	return {
		q,
		page: result.page,
		pageSize: result.pageSize,
		pageCount: result.pageCount,
		total: result.total,
		subscribers: result.subscribers.map((s) => ({
			...s,
			createdAt: s.createdAt.toISOString(),
			confirmedAt: s.confirmedAt?.toISOString() ?? null,
			unsubscribedAt: s.unsubscribedAt?.toISOString() ?? null,
			suppressedAt: s.suppressedAt?.toISOString() ?? null,
			consents: s.consents.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
		})),
	}
}

const EraseSchema = z.object({
	intent: z.literal('erase'),
	subscriberId: singleLineText().min(1).max(100),
	reason: singleLineText({ message: 'Say why this subscriber is being erased' })
		.min(3, 'Say why this subscriber is being erased')
		.max(500, 'Say why this subscriber is being erased'),
})

/** Erases a subscriber without an account, on their request. Platform admins only. */
export async function action({ request }: Route.ActionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: EraseSchema })
	const subscriberId = String(formData.get('subscriberId') ?? '')
	if (submission.status !== 'success') {
		const reasonError = submission.error?.reason?.[0]
		return data(
			{
				ok: false as const,
				subscriberId,
				code: null,
				reasonError: reasonError ?? null,
				reason: String(formData.get('reason') ?? ''),
			},
			{ status: 400 },
		)
	}
	const { reason } = submission.value
	try {
		await deleteNewsletterSubscriber({ actorId: admin.id, subscriberId: submission.value.subscriberId, reason })
	} catch (error) {
		return replyWithProblem(error, { subscriberId, reasonError: null, reason })
	}
	return { ok: true as const, subscriberId, code: null, reasonError: null, reason: '' }
}

export default function AdminNewsletterRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { q, subscribers, page, pageSize, pageCount, total } = loaderData
	const { t } = useTranslation('newsletter')
	const format = useFormat()
	const navigation = useNavigation()
	const busyId = navigation.state === 'submitting' ? navigation.formData?.get('subscriberId') : null
	const failed = actionData && !actionData.ok ? actionData : null
	return (
		<AdminPage title={t('admin.title')} intro={t('admin.intro')}>
			<ListFilters label={t('admin.title')} searchLabel={t('admin.searchLabel')} q={q} pageSize={pageSize} />
			{actionData?.ok ? (
				<Notice tone="success" role="status" title={t('admin.erase.done')} className="mt-6" />
			) : failed && failed.code ? (
				<Notice
					tone="error"
					role="alert"
					title={t(`admin.errors.${failed.code}`, { defaultValue: t('admin.erase.invalid') })}
					className="mt-6"
				/>
			) : null}
			<ResultSummary page={page} pageSize={pageSize} total={total} kind="subscribers" rows={subscribers.length} />
			<ol className="mt-4 space-y-4">
				{subscribers.map((s) => {
					const headingId = `subscriber-${s.id}`
					const reasonError = failed?.subscriberId === s.id ? failed.reasonError : null
					return (
						<li key={s.id}>
							<article aria-labelledby={headingId} className="rounded-2xl border border-stone-200 bg-white p-5">
								<div className="flex flex-wrap items-start justify-between gap-3">
									<h2 id={headingId} className="text-lg font-semibold break-all text-stone-900">
										{s.email}
									</h2>
									<div className="flex flex-wrap gap-2">
										<Badge tone={s.status === 'CONFIRMED' ? 'success' : 'neutral'}>
											{t(`admin.status.${s.status}`)}
										</Badge>
										{s.suppressedAt ? (
											<Badge tone="accent">
												{t(`admin.suppressed.${s.suppressedReason === 'complaint' ? 'complaint' : 'hard-bounce'}`)}
											</Badge>
										) : null}
									</div>
								</div>
								<dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
									<dt className="font-semibold text-stone-600">{t('admin.name')}</dt>
									<dd>{s.name ?? t('admin.noName')}</dd>
									<dt className="font-semibold text-stone-600">{t('admin.sectorsLabel')}</dt>
									<dd>
										{s.sectors.length
											? s.sectors.map((sector) => t(`sectors.${sector}`, { ns: 'newsletter-signup' })).join(', ')
											: t('admin.allSectors')}
									</dd>
									<dt className="font-semibold text-stone-600">{t('admin.signedUp')}</dt>
									<dd>{format.dateTime(s.createdAt)}</dd>
									<dt className="font-semibold text-stone-600">{t('admin.account')}</dt>
									<dd>{s.hasAccount ? t('admin.hasAccount') : t('admin.noAccount')}</dd>
								</dl>
								{s.suppressedAt ? (
									<p className="mt-2 text-stone-700">
										{t('admin.suppressedOn', { date: format.dateTime(s.suppressedAt) })}
									</p>
								) : null}
								<details className="mt-3">
									<summary className="cursor-pointer font-semibold text-brand-700">
										{t('admin.consentsHeading')}
									</summary>
									<ol className="mt-2 space-y-2">
										{s.consents.map((c) => (
											<li key={c.id}>
												<p>
													{t('admin.consentLine', {
														event: t(`admin.events.${c.event}`, { defaultValue: c.event }),
														date: format.dateTime(c.createdAt),
														source: c.source,
													})}
												</p>
												{c.wording && c.event !== 'preferences-changed' ? (
													<p className="text-stone-700">{t('admin.wording', { wording: c.wording })}</p>
												) : null}
											</li>
										))}
									</ol>
								</details>
								{s.hasAccount ? (
									<p className="mt-3 text-stone-700">{t('admin.erase.accountHint')}</p>
								) : (
									<Form method="post" className="mt-4 space-y-3" aria-label={t('admin.erase.heading')}>
										<input type="hidden" name="intent" value="erase" />
										<input type="hidden" name="subscriberId" value={s.id} />
										<Field
											className="max-w-md"
											labelProps={{ children: t('admin.erase.reasonLabel') }}
											description={t('admin.erase.reasonHint')}
											inputProps={{
												id: `reason-${s.id}`,
												name: 'reason',
												required: true,
												maxLength: 500,
												autoComplete: 'off',
												defaultValue: failed?.subscriberId === s.id ? failed.reason : '',
											}}
											errors={reasonError ? [reasonError] : undefined}
										/>
										<SubmitButton pending={busyId === s.id} pendingText={t('admin.erase.pending')}>
											{t('admin.erase.button')}
											<span className="sr-only"> {s.email}</span>
										</SubmitButton>
									</Form>
								)}
							</article>
						</li>
					)
				})}
			</ol>
			<Pagination page={page} pageCount={pageCount} />
		</AdminPage>
	)
}
