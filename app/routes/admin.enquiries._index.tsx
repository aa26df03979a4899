import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { z } from 'zod'
import { SubmitButton } from '#app/components/forms.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { replyWithProblem } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listEnquiries, setEnquiryHandled } from '#modules/admin/enquiries.ts'
import { ENQUIRY_FILTERS, type EnquiryFilter } from '#modules/admin/schemas.ts'
import {
	AdminPage,
	FilterSelect,
	linkClasses,
	ListFilters,
	Pagination,
	readListParams,
	ResultSummary,
} from './admin/admin-ui.tsx'
import type { Route } from './+types/admin.enquiries._index'
import { singleLineText } from '#modules/validation/text.ts'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('enquiries.meta.title', { ns: 'admin' }), t('enquiries.meta.description', { ns: 'admin' }), NOINDEX)
}

export async function loader({ request }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const { params, q, page, pageSize } = readListParams(request)
	const showParam = params.get('show') ?? 'open'
	const show = (ENQUIRY_FILTERS as readonly string[]).includes(showParam) ? (showParam as EnquiryFilter) : 'open'
	const result = await listEnquiries({ actorId: admin.id, show, query: q, page, pageSize })
	return {
		q,
		show,
		page: result.page,
		pageSize: result.pageSize,
		pageCount: result.pageCount,
		total: result.total,
		enquiries: result.enquiries.map((e) => ({
			...e,
			handledAt: e.handledAt?.toISOString() ?? null,
			createdAt: e.createdAt.toISOString(),
		})),
	}
}

const ActionSchema = z.object({
	intent: z.enum(['handled', 'reopen']),
	enquiryId: singleLineText().min(1).max(100),
})

/** Marks an enquiry handled, or reopens it. Platform admins only. */
export async function action({ request }: Route.ActionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const submission = parseWithZod(await request.formData(), { schema: ActionSchema })
	const t = await getT(request)
	if (submission.status !== 'success') {
		return data({ ok: false, message: t('enquiries.notUnderstood', { ns: 'admin' }), enquiryId: null }, { status: 400 })
	}
	const { intent, enquiryId } = submission.value
	try {
		await setEnquiryHandled({ actorId: admin.id, enquiryId, handled: intent === 'handled' })
	} catch (error) {
		return replyWithProblem(error, { enquiryId })
	}
	return {
		ok: true,
		message:
			intent === 'handled' ? t('enquiries.markedHandled', { ns: 'admin' }) : t('enquiries.reopened', { ns: 'admin' }),
		enquiryId,
	}
}

export default function AdminEnquiriesRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { q, show, enquiries, page, pageSize, pageCount, total } = loaderData
	const navigation = useNavigation()
	const busyId = navigation.state === 'submitting' ? navigation.formData?.get('enquiryId') : null
	const { t } = useTranslation('admin')
	const format = useFormat()
	return (
		<AdminPage title={t('enquiries.title')} intro={t('enquiries.intro')}>
			<ListFilters label={t('enquiries.title')} searchLabel={t('enquiries.searchLabel')} q={q} pageSize={pageSize}>
				<FilterSelect
					id="enquiry-show"
					name="show"
					label={t('enquiries.show')}
					value={show}
					options={ENQUIRY_FILTERS.map((f: EnquiryFilter) => ({ value: f, label: t(`enquiries.filters.${f}`) }))}
				/>
			</ListFilters>
			{actionData ? (
				<Notice
					tone={actionData.ok ? 'success' : 'error'}
					role={actionData.ok ? 'status' : 'alert'}
					title={actionData.message}
					className="mt-6"
				/>
			) : null}
			<ResultSummary
				page={page}
				pageSize={pageSize}
				total={total}
				kind={show === 'open' ? 'openEnquiries' : show === 'handled' ? 'handledEnquiries' : 'enquiries'}
				rows={enquiries.length}
			/>
			<ol className="mt-4 space-y-4">
				{enquiries.map((e) => (
					<li key={e.id}>
						<article aria-labelledby={`enquiry-${e.id}`} className="rounded-2xl border border-stone-200 bg-white p-5">
							<div className="flex flex-wrap items-start justify-between gap-3">
								<div>
									<h2 id={`enquiry-${e.id}`} className="text-lg font-semibold text-stone-900">
										{e.name}
										{e.organisationName ? `, ${e.organisationName}` : ''}
									</h2>
									<p className="text-stone-700">{t('enquiries.received', { date: format.date(e.createdAt) })}</p>
								</div>
								{e.handledAt ? (
									<Badge tone="success">{t('enquiries.handledOn', { date: format.date(e.handledAt) })}</Badge>
								) : (
									<Badge tone="accent">{t('enquiries.open')}</Badge>
								)}
							</div>
							<dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
								<dt className="font-semibold text-stone-600">{t('enquiries.facts.email')}</dt>
								<dd className="break-all">
									<a href={`mailto:${e.email}`} className={linkClasses}>
										{e.email}
									</a>
								</dd>
								<dt className="font-semibold text-stone-600">{t('enquiries.facts.organisation')}</dt>
								<dd>{e.organisationName ?? t('enquiries.notGiven')}</dd>
								<dt className="font-semibold text-stone-600">{t('enquiries.facts.sector')}</dt>
								<dd>{e.sector ? t(`sectors.${e.sector}`) : t('enquiries.notGiven')}</dd>
								<dt className="font-semibold text-stone-600">{t('enquiries.facts.staff')}</dt>
								<dd>{e.staffCount != null ? format.number(e.staffCount) : t('enquiries.notGiven')}</dd>
							</dl>
							<p className="mt-3 whitespace-pre-line text-stone-900">{e.message}</p>
							<Form method="post" className="mt-4">
								<input type="hidden" name="enquiryId" value={e.id} />
								<SubmitButton
									name="intent"
									value={e.handledAt ? 'reopen' : 'handled'}
									pending={busyId === e.id}
									className={
										e.handledAt ? 'border border-brand-700 bg-white text-brand-700 hover:bg-brand-50' : undefined
									}
								>
									{e.handledAt ? t('enquiries.reopen') : t('enquiries.markHandled')}
									<span className="sr-only">{t('enquiries.from', { name: e.name })}</span>
								</SubmitButton>
							</Form>
						</article>
					</li>
				))}
			</ol>
			<Pagination page={page} pageCount={pageCount} />
		</AdminPage>
	)
}
