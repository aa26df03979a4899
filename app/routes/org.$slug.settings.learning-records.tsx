import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, useLocation, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { PageHeading, Section } from '#app/components/org/org-ui.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { domainErrorInit } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import {
	getLrsSettings,
	resendFailedStatements,
	saveLrsConnection,
	testLrsConnection,
} from '#modules/xapi/connection.ts'
import type { XapiErrorCode } from '#modules/xapi/errors.ts'
import { LrsConnectionSchema, LrsIntentSchema } from '#modules/xapi/schemas.ts'
import type { Route } from './+types/org.$slug.settings.learning-records'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('meta.title', { ns: 'xapi', organisation: data?.organisation.name ?? '' }),
		t('meta.description', { ns: 'xapi' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const settings = await getLrsSettings({ organisationId: access.organisation.id })
	const iso = (d: Date | null | undefined) => d?.toISOString() ?? null
	return {
		organisation: access.organisation,
		connection: settings.connection
			? {
					...settings.connection,
					lastSuccessAt: iso(settings.connection.lastSuccessAt),
					lastErrorAt: iso(settings.connection.lastErrorAt),
					updatedAt: iso(settings.connection.updatedAt),
				}
			: null,
		counts: settings.counts,
		recentErrors: settings.recentErrors.map((e) => ({ ...e, lastAttemptAt: iso(e.lastAttemptAt) })),
	}
}

type Reply = {
	intent: string
	ok: boolean
	message: string
	fieldErrors?: Record<string, string[]>
	/** What was typed, kept (never the secret). */
	values?: Record<string, string>
}

/** Every change checks the actor again inside its own write (assertOrganisationActor) and is audited. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const t = await getT(request)
	const organisationId = access.organisation.id
	const origin = { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') }
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	const typed = Object.fromEntries(
		[...formData].filter(([k, v]) => k !== 'authSecret' && typeof v === 'string').map(([k, v]) => [k, String(v)]),
	)
	const invalid = (fieldErrors: Record<string, string[]>, message = t('reply.checkFields', { ns: 'xapi' })) =>
		data({ intent, ok: false, message, fieldErrors, values: typed } satisfies Reply, { status: 400 })
	try {
		if (intent === 'save') {
			const submission = parseWithZod(formData, { schema: LrsConnectionSchema })
			if (submission.status !== 'success') return invalid((submission.reply().error ?? {}) as Record<string, string[]>)
			const v = submission.value
			const saved = await saveLrsConnection({
				organisationId,
				actorId: access.actorId,
				endpoint: v.endpoint,
				authKey: v.authKey,
				authSecret: v.authSecret,
				actorFormat: v.actorFormat,
				enabled: v.enabled,
				...origin,
			})
			return {
				intent,
				ok: true,
				message: !v.enabled
					? t('reply.savedOff', { ns: 'xapi' })
					: saved.requeued
						? t('reply.savedRequeued', { ns: 'xapi', endpoint: saved.endpoint, count: saved.requeued })
						: t('reply.saved', { ns: 'xapi', endpoint: saved.endpoint }),
			} satisfies Reply
		}
		const submission = parseWithZod(formData, { schema: LrsIntentSchema })
		if (submission.status !== 'success') return invalid({}, t('reply.badForm', { ns: 'xapi' }))
		if (submission.value.intent === 'test') {
			const result = await testLrsConnection({ organisationId, actorId: access.actorId })
			const message =
				result.kind === 'connected'
					? t('test.connected', { ns: 'xapi', versions: result.versions })
					: 'detail' in result
						? t(`test.${result.kind}`, { ns: 'xapi', detail: result.detail })
						: t(`test.${result.kind}`, { ns: 'xapi' })
			return data({ intent, ok: result.ok, message } satisfies Reply, {
				status: result.ok ? 200 : 502,
			})
		}
		const { requeued } = await resendFailedStatements({ organisationId, actorId: access.actorId, ...origin })
		return {
			intent,
			ok: true,
			message: requeued ? t('reply.resent', { ns: 'xapi', count: requeued }) : t('reply.noneFailed', { ns: 'xapi' }),
		} satisfies Reply
	} catch (error) {
		if (!isDomainError(error)) throw error
		// The xAPI context's refusals in the page's language; any other context's in its own words.
		const message = error.code.startsWith('LRS_')
			? t(`errors.${error.code as XapiErrorCode}`, { ns: 'xapi' })
			: error.message
		return data(
			{
				intent,
				ok: false,
				message,
				fieldErrors: error.field ? { [error.field]: [message] } : undefined,
				values: typed,
			} satisfies Reply,
			domainErrorInit(error),
		)
	}
}

export default function LearningRecordsSettingsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, connection, counts, recentErrors } = loaderData
	const { t } = useTranslation('xapi')
	const f = useFormat()
	const reply = actionData as Reply | undefined
	const navigation = useNavigation()
	const { pathname } = useLocation()
	const busy = navigation.state !== 'idle'
	const submitting = navigation.formData?.get('intent')
	const values = reply && !reply.ok && reply.intent === 'save' ? (reply.values ?? {}) : null
	const errors = reply && !reply.ok ? (reply.fieldErrors ?? {}) : {}
	const value = (name: string, saved: string | null | undefined) => values?.[name] ?? saved ?? ''
	// Focus moves to the outcome, so screen reader and keyboard users hear what happened.
	const noticeRef = useRef<HTMLDivElement>(null)
	useEffect(() => {
		if (reply) noticeRef.current?.focus()
	}, [reply])
	const actorFormats = [
		{ value: 'MBOX', label: t('form.mbox') },
		{ value: 'ACCOUNT', label: t('form.account') },
	]

	return (
		<Container className="py-10">
			<PageHeading title={t('title')} intro={<p>{t('intro', { organisation: organisation.name })}</p>} />
			{reply ? (
				<div ref={noticeRef} tabIndex={-1} className="mt-6 outline-none">
					<Notice tone={reply.ok ? 'success' : 'error'} role={reply.ok ? 'status' : 'alert'}>
						{reply.message}
					</Notice>
				</div>
			) : null}

			<Section id="status-heading" title={t('status.title')}>
				{connection ? (
					<dl className="mt-4 grid max-w-2xl grid-cols-1 gap-x-6 gap-y-2 text-stone-800 sm:grid-cols-[auto_1fr]">
						<dt className="font-semibold">{t('status.sending')}</dt>
						<dd>{connection.enabled ? t('status.on') : t('status.off')}</dd>
						<dt className="font-semibold">{t('status.lastAccepted')}</dt>
						<dd>{connection.lastSuccessAt ? f.dateTime(connection.lastSuccessAt) : t('status.nothingYet')}</dd>
						<dt className="font-semibold">{t('status.lastError')}</dt>
						<dd className="break-words">
							{connection.lastErrorAt
								? `${f.dateTime(connection.lastErrorAt)}: ${connection.lastError ?? ''}`
								: t('status.none')}
						</dd>
						<dt className="font-semibold">{t('status.statements')}</dt>
						<dd>{t('status.counts', counts)}</dd>
					</dl>
				) : (
					<p className="mt-4 text-stone-700">{t('status.notSetUp')}</p>
				)}
				{recentErrors.length ? (
					<>
						<h3 className="mt-6 text-lg font-semibold text-stone-900">{t('status.notAccepted')}</h3>
						<ul className="mt-2 max-w-3xl space-y-2 text-sm text-stone-800">
							{recentErrors.map((e) => (
								<li key={e.id} className="rounded border border-stone-200 p-3 break-words">
									<span className="font-semibold">
										{t('status.attempt', {
											verb: e.verb,
											state: e.status === 'FAILED' ? t('status.failedState') : t('status.retryingState'),
											attempts: e.attempts,
										})}
										{e.lastAttemptAt ? `, ${t('status.lastTried', { when: f.dateTime(e.lastAttemptAt) })}` : ''}
									</span>
									{`: ${e.lastError ?? ''}`}
								</li>
							))}
						</ul>
					</>
				) : null}
				{connection ? (
					<div className="mt-6 flex flex-wrap gap-3">
						<Form method="post" action={pathname}>
							<input type="hidden" name="intent" value="test" />
							<SubmitButton pending={busy && submitting === 'test'} pendingText={t('status.testing')}>
								{t('status.test')}
							</SubmitButton>
						</Form>
						{counts.failed ? (
							<Form method="post" action={pathname}>
								<input type="hidden" name="intent" value="resend-failed" />
								<SubmitButton pending={busy && submitting === 'resend-failed'} pendingText={t('status.queueing')}>
									{t('status.resend')}
								</SubmitButton>
							</Form>
						) : null}
					</div>
				) : null}
			</Section>

			<Section id="lrs-heading" title={t('form.title')}>
				<Form method="post" action={pathname} className="mt-6 max-w-xl space-y-5" noValidate>
					<input type="hidden" name="intent" value="save" />
					<Field
						labelProps={{ children: t('form.endpoint') }}
						description={t('form.endpointHint')}
						inputProps={{
							name: 'endpoint',
							type: 'url',
							defaultValue: value('endpoint', connection?.endpoint),
							spellCheck: false,
							autoComplete: 'off',
						}}
						errors={errors.endpoint}
					/>
					<Field
						labelProps={{ children: t('form.key') }}
						description={t('form.keyHint')}
						inputProps={{
							name: 'authKey',
							defaultValue: value('authKey', connection?.authKey),
							spellCheck: false,
							autoComplete: 'off',
						}}
						errors={errors.authKey}
					/>
					<Field
						labelProps={{ children: t('form.secret') }}
						description={connection?.hasSecret ? t('form.secretSaved') : t('form.secretNew')}
						inputProps={{ name: 'authSecret', type: 'password', autoComplete: 'off', defaultValue: '' }}
						errors={errors.authSecret}
					/>
					<SelectField
						labelProps={{ children: t('form.actorFormat') }}
						description={t('form.actorFormatHint')}
						selectProps={{ name: 'actorFormat', defaultValue: value('actorFormat', connection?.actorFormat ?? 'MBOX') }}
						options={actorFormats}
						errors={errors.actorFormat}
					/>
					<div className="flex items-start gap-3">
						<input
							id="lrs-enabled"
							type="checkbox"
							name="enabled"
							defaultChecked={values ? values.enabled === 'on' : (connection?.enabled ?? true)}
							className="mt-1 size-5 rounded border-stone-500 text-brand-700"
						/>
						<label htmlFor="lrs-enabled" className="text-stone-900">
							{t('form.enabled')}
						</label>
					</div>
					<SubmitButton pending={busy && submitting === 'save'} pendingText={t('form.saving')}>
						{connection ? t('form.saveChanges') : t('form.save')}
					</SubmitButton>
				</Form>
			</Section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
