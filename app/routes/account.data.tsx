import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUserId } from '#app/utils/auth.server.ts'
import { domainErrorInit } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { getLatestDataExport, requestDataExport } from '#modules/data-rights/export.ts'
import { RequestDataExportSchema } from '#modules/data-rights/export-schemas.ts'
import { retentionPeriods } from '#modules/data-rights/retention.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/account.data'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('meta.title', { ns: 'data-export' }), t('meta.description', { ns: 'data-export' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	const userId = await requireUserId(request)
	const now = new Date()
	const latest = await getLatestDataExport({ userId, now })
	const periods = retentionPeriods()
	return {
		latest: latest
			? {
					state: latest.state,
					requestedAt: latest.requestedAt,
					expiresAt: latest.expiresAt,
					downloadedAt: latest.downloadedAt,
				}
			: null,
		linkDays: periods.dataExportLinkDays,
		inactiveDays: periods.inactiveAccountDays,
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const userId = await requireUserId(request)
	const submission = parseWithZod(await request.formData(), { schema: RequestDataExportSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), requested: false }, { status: 400 })
	try {
		await requestDataExport({
			actorId: userId,
			userId,
			now: new Date(),
			origin: { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') },
		})
	} catch (error) {
		if (!isDomainError(error)) throw error
		// The message in the page's language, by the error's code.
		const t = await getT(request)
		const code = error.code in ERROR_KEYS ? (error.code as keyof typeof ERROR_KEYS) : null
		return data(
			{
				result: submission.reply({ formErrors: [code ? t(ERROR_KEYS[code], { ns: 'data-export' }) : error.message] }),
				requested: false,
			},
			domainErrorInit(error),
		)
	}
	return { result: submission.reply(), requested: true }
}

const ERROR_KEYS = {
	DATA_EXPORT_ALREADY_PREPARING: 'errors.DATA_EXPORT_ALREADY_PREPARING',
	TOO_MANY_ATTEMPTS: 'errors.TOO_MANY_ATTEMPTS',
	DATA_EXPORT_NOT_YOURS: 'errors.DATA_EXPORT_NOT_YOURS',
} as const

export default function AccountDataRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('data-export')
	const f = useFormat()
	const navigation = useNavigation()
	const [form] = useForm({ id: 'data-export', lastResult: actionData?.result })
	const requested = actionData && 'requested' in actionData && actionData.requested
	const statusRef = useRef<HTMLDivElement>(null)
	// After a request, move focus to the confirmation so keyboard and screen reader users hear it.
	useEffect(() => {
		if (requested) statusRef.current?.focus()
	}, [requested])
	const { latest } = loaderData
	const when = (value: Date | string | null) => (value ? f.dateTime(value) : '')

	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">{t('heading')}</h2>
			<section aria-labelledby="download-heading" className="mt-4 max-w-xl">
				<h3 id="download-heading" className="text-xl font-semibold text-stone-900">
					{t('download.heading')}
				</h3>
				<p className="mt-2 text-stone-700">{t('download.intro', { days: loaderData.linkDays })}</p>
				{latest ? (
					<Notice
						tone={latest.state === 'failed' ? 'warning' : 'info'}
						className="mt-4"
						role="status"
						title={requested ? t('download.requested') : undefined}
					>
						<div ref={statusRef} tabIndex={-1} id="data-export-status">
							{t(`state.${latest.state}`, {
								requestedAt: when(latest.requestedAt),
								expiresAt: when(latest.expiresAt),
								downloadedAt: when(latest.downloadedAt),
							})}
						</div>
					</Notice>
				) : null}
				<Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					<SubmitButton
						name="intent"
						value="request-export"
						pending={navigation.state === 'submitting'}
						pendingText={t('download.pending')}
					>
						{latest ? t('download.requestAgain') : t('download.request')}
					</SubmitButton>
				</Form>
			</section>
			<section aria-labelledby="retention-heading" className="mt-10 max-w-xl">
				<h3 id="retention-heading" className="text-xl font-semibold text-stone-900">
					{t('retention.heading')}
				</h3>
				<p className="mt-2 text-stone-700">{t('retention.yours')}</p>
				{loaderData.inactiveDays > 0 ? (
					<p className="mt-2 text-stone-700">{t('retention.inactive', { days: f.number(loaderData.inactiveDays) })}</p>
				) : null}
				<p className="mt-2 text-stone-700">{t('retention.timetable')}</p>
			</section>
		</>
	)
}
