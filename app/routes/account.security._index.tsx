import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireAuthSession } from '#app/utils/auth.server.ts'
import { replyWithDomainError, replyWithProblem } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getLanguage } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { qrCodeDataUrl } from '#app/utils/qr-code.server.ts'
import {
	listActiveSessions,
	listSecurityEvents,
	signOutOtherSessions,
	signOutSession,
} from '#modules/auth/session-list.ts'
import type { AuthMethod } from '#modules/db/client.ts'
import { reauthenticate } from '#modules/mfa/reauth.ts'
import { regenerateRecoveryCodes } from '#modules/mfa/recovery-codes.ts'
import { ConfirmTotpSchema, ReauthSchema, SignOutSessionSchema } from '#modules/mfa/schemas.ts'
import { getSecurityOverview } from '#modules/mfa/security-overview.ts'
import {
	confirmTotpEnrolment,
	disableTotp,
	formatSecretForPeople,
	pendingTotpSecret,
	startTotpEnrolment,
} from '#modules/mfa/totp.ts'
import { translator } from '#modules/i18n/translate.ts'
import { formatUkDateTime } from '#modules/security/user-agent.ts'
import type { Route } from './+types/account.security._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('security.metaTitle', { ns: 'account' }), t('security.metaDescription', { ns: 'account' }))
}

const METHODS: readonly AuthMethod[] = ['PASSWORD', 'SSO', 'PASSKEY', 'SIGN_UP', 'PASSWORD_RESET']

/** The security events the page names, by audit action (others are shown as their action). */
const EVENT_KEYS = {
	'auth.signed_in': 'signedIn',
	'auth.session_signed_out': 'sessionSignedOut',
	'auth.other_sessions_signed_out': 'otherSessionsSignedOut',
	'user.password_changed': 'passwordChanged',
	'user.password_reset': 'passwordReset',
	'mfa.totp_enabled': 'totpEnabled',
	'mfa.totp_disabled': 'totpDisabled',
	'mfa.recovery_codes_regenerated': 'codesRegenerated',
	'mfa.recovery_code_used': 'codeUsed',
	'mfa.passkey_added': 'passkeyAdded',
	'mfa.passkey_removed': 'passkeyRemoved',
} as const

type T = ReturnType<typeof translator>

function methodWords(t: T, method: AuthMethod) {
	return t(`security.methods.${method}`, { ns: 'account' })
}

function describeEvent(t: T, action: string, details: unknown) {
	const base = Object.hasOwn(EVENT_KEYS, action)
		? t(`security.events.${EVENT_KEYS[action as keyof typeof EVENT_KEYS]}`, { ns: 'account' })
		: action
	if (action !== 'auth.signed_in' || !details || typeof details !== 'object') return base
	const { method, mfa } = details as { method?: AuthMethod; mfa?: boolean }
	const how = method && METHODS.includes(method) ? ` ${methodWords(t, method)}` : ''
	return `${base}${how}${mfa ? t('security.withTwoStep', { ns: 'account' }) : ''}`
}

export async function loader({ request }: Route.LoaderArgs) {
	const { user, session } = await requireAuthSession(request)
	const [overview, sessions, events] = await Promise.all([
		getSecurityOverview({ userId: user.id }),
		listActiveSessions({ userId: user.id, currentSessionId: session.id }),
		listSecurityEvents({ userId: user.id }),
	])
	const pending = overview.totpPending ? await pendingTotpSecret(user.id, user.email) : null
	const language = await getLanguage(request)
	const t = translator(language)
	// "6 December 2026 at 14:05", "6 Rhagfyr 2026 am 14:05".
	const when = (value: Date) => formatUkDateTime(value, language)
	return {
		mfaRequired: user.mfaRequired,
		mfaEnrolled: user.mfaEnrolled,
		overview: { ...overview, totpEnabledAt: overview.totpEnabledAt ? when(overview.totpEnabledAt) : null },
		enrolment: pending
			? {
					secret: formatSecretForPeople(pending.secret),
					qrCode: await qrCodeDataUrl(pending.keyUri),
				}
			: null,
		sessions: sessions.map((s) => ({
			id: s.id,
			current: s.current,
			device: s.device,
			network: s.network,
			how: `${methodWords(t, s.method)}${s.mfa ? t('security.withTwoStep', { ns: 'account' }) : ''}`,
			lastSeen: when(s.lastSeenAt),
			signedIn: when(s.createdAt),
		})),
		events: events.map((e) => ({
			id: e.id,
			what: describeEvent(t, e.action, e.details),
			when: when(e.createdAt),
			device: e.device,
			network: e.network,
		})),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const { user, session } = await requireAuthSession(request)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const origin = { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') }

	if (intent === 'start-totp') {
		try {
			await startTotpEnrolment({ userId: user.id, accountName: user.email })
			return { intent, ok: true as const }
		} catch (error) {
			return replyWithProblem(error, { intent })
		}
	}

	if (intent === 'confirm-totp') {
		const submission = parseWithZod(formData, { schema: ConfirmTotpSchema })
		if (submission.status !== 'success') {
			return data({ intent, result: submission.reply({ hideFields: ['code'] }) }, { status: 400 })
		}
		try {
			const { recoveryCodes } = await confirmTotpEnrolment({
				userId: user.id,
				code: submission.value.code,
				sessionId: session.id,
				...origin,
			})
			return { intent, result: submission.reply({ resetForm: true }), recoveryCodes }
		} catch (error) {
			return replyWithDomainError(submission, error, { hideFields: ['code'] })
		}
	}

	if (intent === 'disable-totp' || intent === 'regenerate-codes') {
		const submission = parseWithZod(formData, { schema: ReauthSchema })
		const hideFields = ['password', 'code']
		if (submission.status !== 'success') {
			return data({ intent, result: submission.reply({ hideFields }) }, { status: 400 })
		}
		try {
			await reauthenticate({ userId: user.id, password: submission.value.password, code: submission.value.code })
			if (intent === 'disable-totp') {
				await disableTotp({ userId: user.id, ...origin })
				return { intent, result: submission.reply({ resetForm: true }), disabled: true }
			}
			const recoveryCodes = await regenerateRecoveryCodes({ userId: user.id, ...origin })
			return { intent, result: submission.reply({ resetForm: true }), recoveryCodes }
		} catch (error) {
			return replyWithDomainError(submission, error, { hideFields })
		}
	}

	const parsed = SignOutSessionSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) {
		const t = translator(await getLanguage(request))
		return data(
			{ intent: 'unknown', ok: false as const, message: t('security.notUnderstood', { ns: 'account' }) },
			{ status: 400 },
		)
	}
	try {
		if (parsed.data.intent === 'sign-out-others') {
			const ended = await signOutOtherSessions({ userId: user.id, currentSessionId: session.id, ...origin })
			return { intent: parsed.data.intent, ok: true as const, ended }
		}
		if (parsed.data.sessionId === session.id) {
			const t = translator(await getLanguage(request))
			return data(
				{ intent: parsed.data.intent, ok: false as const, message: t('security.useLogOut', { ns: 'account' }) },
				{ status: 400 },
			)
		}
		await signOutSession({ userId: user.id, sessionId: parsed.data.sessionId, ...origin })
		return { intent: parsed.data.intent, ok: true as const, ended: 1 }
	} catch (error) {
		return replyWithProblem(error, { intent: parsed.data.intent })
	}
}

type ActionData = Route.ComponentProps['actionData']

/** The reply for the form of `intent` (each form on the page shows only its own errors). */
function resultFor(actionData: ActionData, intent: string) {
	if (!actionData || !('result' in actionData) || !actionData.result) return undefined
	const replied = 'intent' in actionData ? actionData.intent : actionData.result.initialValue?.intent
	return replied === intent ? actionData.result : undefined
}

const linkClasses = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function SecurityRoute({ loaderData, actionData }: Route.ComponentProps) {
	const [searchParams] = useSearchParams()
	const { overview, enrolment } = loaderData
	const recoveryCodes = actionData && 'recoveryCodes' in actionData ? actionData.recoveryCodes : null
	const setupRequired = loaderData.mfaRequired && !loaderData.mfaEnrolled
	const askedToSetUp = searchParams.get('setup') === 'required'
	const { t } = useTranslation('account')

	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">{t('security.heading')}</h2>
			{setupRequired ? (
				<Notice
					tone="warning"
					role={askedToSetUp ? 'alert' : undefined}
					title={t('security.setupTitle')}
					className="mt-4"
				>
					<p>
						{overview.requirementReason ?? t('security.mustUse')} {t('security.setupBody')}
					</p>
				</Notice>
			) : null}

			<section aria-labelledby="two-step-heading" className="mt-8">
				<h3 id="two-step-heading" className="text-xl font-bold text-stone-900">
					{t('security.twoStep')}
				</h3>
				{recoveryCodes ? <RecoveryCodes codes={recoveryCodes} /> : null}
				{overview.totpEnabledAt ? (
					<TotpEnabled overview={overview} actionData={actionData} mfaRequired={loaderData.mfaRequired} />
				) : enrolment ? (
					<TotpEnrolment enrolment={enrolment} actionData={actionData} />
				) : (
					<>
						<p className="mt-2 text-stone-700">{t('security.twoStepIntro')}</p>
						<Form method="post" className="mt-4">
							<input type="hidden" name="intent" value="start-totp" />
							<Button type="submit">{t('security.setUpApp')}</Button>
						</Form>
					</>
				)}
				<p className="mt-6 text-stone-700">
					{t('security.passkeysIntro')}{' '}
					<Link to="/account/security/passkeys" className={linkClasses}>
						{t('security.passkeysLink')}
					</Link>
					{overview.passkeys ? t('security.passkeysCount', { number: overview.passkeys }) : ''}
				</p>
			</section>

			<Sessions sessions={loaderData.sessions} actionData={actionData} />

			<section aria-labelledby="events-heading" className="mt-10">
				<h3 id="events-heading" className="text-xl font-bold text-stone-900">
					{t('security.events_heading')}
				</h3>
				{loaderData.events.length === 0 ? (
					<p className="mt-2 text-stone-700">{t('security.nothingYet')}</p>
				) : (
					<ul className="mt-3 divide-y divide-stone-200 border-y border-stone-200">
						{loaderData.events.map((event) => (
							<li key={event.id} className="py-3">
								<p className="font-medium text-stone-900">{event.what}</p>
								<p className="text-sm text-stone-700">
									{event.when}
									{event.device ? ` · ${event.device}` : ''}
									{event.network ? t('security.from', { network: event.network }) : ''}
								</p>
							</li>
						))}
					</ul>
				)}
			</section>
		</>
	)
}

function TotpEnrolment({
	enrolment,
	actionData,
}: {
	enrolment: { secret: string; qrCode: string }
	actionData: ActionData
}) {
	const navigation = useNavigation()
	const { t } = useTranslation('account')
	const [form, fields] = useForm({
		id: 'confirm-totp',
		lastResult: resultFor(actionData, 'confirm-totp'),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmTotpSchema }),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
	})
	return (
		<div className="mt-4 space-y-4">
			<ol className="list-decimal space-y-4 pl-6 text-stone-700">
				<li>
					<p>{t('security.scan')}</p>
					<img
						src={enrolment.qrCode}
						alt={t('security.qrAlt')}
						width={200}
						height={200}
						className="mt-3 rounded border border-stone-200 bg-white"
					/>
					<p className="mt-3">{t('security.orKey')}</p>
					<p className="mt-2">
						<code
							aria-label={t('security.keyLabel', { key: enrolment.secret.split('').join(' ') })}
							className="inline-block rounded bg-stone-100 px-3 py-2 font-mono text-lg tracking-wider break-all text-stone-900"
							data-testid="totp-secret"
						>
							{enrolment.secret}
						</code>
					</p>
					<p className="mt-1 text-sm">{t('security.keySettings')}</p>
				</li>
				<li>
					<p>{t('security.enterCode')}</p>
				</li>
			</ol>
			<Form method="post" className="max-w-xl space-y-4" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="confirm-totp" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: t('security.appCode') }}
					inputProps={{
						...getInputProps(fields.code, { type: 'text' }),
						autoComplete: 'one-time-code',
						inputMode: 'numeric',
						maxLength: 7,
						required: true,
						className: 'max-w-40 font-mono text-lg tracking-widest',
					}}
					errors={fields.code.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('security.checking')}>
					{t('security.turnOn')}
				</SubmitButton>
			</Form>
		</div>
	)
}

function RecoveryCodes({ codes }: { codes: string[] }) {
	const ref = useRef<HTMLDivElement>(null)
	const { t } = useTranslation('account')
	useEffect(() => ref.current?.focus(), [codes])
	return (
		<div ref={ref} tabIndex={-1} className="mt-4 outline-none">
			<Notice tone="success" role="status" title={t('security.saveCodes')}>
				<p>{t('security.codesIntro')}</p>
				<ul className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-lg" data-testid="recovery-codes">
					{codes.map((code) => (
						<li key={code}>{code}</li>
					))}
				</ul>
			</Notice>
		</div>
	)
}

function TotpEnabled({
	overview,
	actionData,
	mfaRequired,
}: {
	overview: { totpEnabledAt: string | null; unusedRecoveryCodes: number; reauthWithPassword: boolean }
	actionData: ActionData
	mfaRequired: boolean
}) {
	const { t } = useTranslation('account')
	return (
		<>
			<p className="mt-2 text-stone-700">
				<strong className="font-semibold text-stone-900">{t('security.on')}</strong>{' '}
				{t('security.enabled', { date: overview.totpEnabledAt, count: overview.unusedRecoveryCodes })}
			</p>
			<div className="mt-4 grid gap-6 sm:grid-cols-2">
				<ReauthForm
					intent="regenerate-codes"
					title={t('security.newCodesTitle')}
					explain={t('security.newCodesExplain')}
					button={t('security.newCodesButton')}
					withPassword={overview.reauthWithPassword}
					actionData={actionData}
				/>
				<ReauthForm
					intent="disable-totp"
					title={t('security.turnOffTitle')}
					explain={mfaRequired ? t('security.turnOffRequired') : t('security.turnOffExplain')}
					button={t('security.turnOffButton')}
					danger
					withPassword={overview.reauthWithPassword}
					actionData={actionData}
				/>
			</div>
		</>
	)
}

function ReauthForm({
	intent,
	title,
	explain,
	button,
	danger = false,
	withPassword,
	actionData,
}: {
	intent: 'disable-totp' | 'regenerate-codes'
	title: string
	explain: string
	button: string
	danger?: boolean
	withPassword: boolean
	actionData: ActionData
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: intent,
		lastResult: resultFor(actionData, intent),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ReauthSchema }),
		shouldValidate: 'onSubmit',
	})
	const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
	const { t } = useTranslation('account')
	return (
		<Form method="post" className="space-y-3 rounded border border-stone-200 p-4" {...getFormProps(form)}>
			<h4 className="font-semibold text-stone-900">{title}</h4>
			<p className="text-sm text-stone-700">{explain}</p>
			<input type="hidden" name="intent" value={intent} />
			<FormErrors id={form.errorId} errors={form.errors} />
			{withPassword ? (
				<Field
					labelProps={{ children: t('security.password') }}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'current-password',
						required: true,
					}}
					errors={fields.password.errors}
				/>
			) : (
				<Field
					labelProps={{ children: t('security.currentCode') }}
					inputProps={{
						...getInputProps(fields.code, { type: 'text' }),
						autoComplete: 'one-time-code',
						inputMode: 'numeric',
						required: true,
					}}
					errors={fields.code.errors}
				/>
			)}
			<SubmitButton
				pending={pending}
				pendingText={t('security.checking')}
				className={danger ? 'bg-red-700 hover:bg-red-800' : ''}
			>
				{button}
			</SubmitButton>
		</Form>
	)
}

function Sessions({
	sessions,
	actionData,
}: {
	sessions: {
		id: string
		current: boolean
		device: string
		network: string | null
		how: string
		lastSeen: string
		signedIn: string
	}[]
	actionData: ActionData
}) {
	const others = sessions.filter((s) => !s.current).length
	const { t } = useTranslation('account')
	const ended =
		actionData &&
		'ended' in actionData &&
		(actionData.intent === 'sign-out-others' || actionData.intent === 'sign-out-session')
			? actionData.ended
			: null
	const problem = actionData && 'message' in actionData ? actionData.message : null
	return (
		<section aria-labelledby="sessions-heading" className="mt-10">
			<h3 id="sessions-heading" className="text-xl font-bold text-stone-900">
				{t('security.sessions')}
			</h3>
			{ended !== null ? (
				<Notice tone="success" role="status" className="mt-3">
					{ended === 0 ? t('security.noOthers') : t('security.signedOut', { count: ended })}
				</Notice>
			) : null}
			{problem ? (
				<Notice tone="error" role="alert" className="mt-3">
					{problem}
				</Notice>
			) : null}
			<ul className="mt-3 divide-y divide-stone-200 border-y border-stone-200">
				{sessions.map((s) => (
					<li key={s.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
						<div>
							<p className="font-medium text-stone-900">
								{s.device}
								{s.current ? (
									<span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-sm font-semibold text-green-900">
										{t('security.thisDevice')}
									</span>
								) : null}
							</p>
							<p className="text-sm text-stone-700">
								{t('security.lastSeen', { date: s.lastSeen })}
								{s.network ? t('security.from', { network: s.network }) : ''}
							</p>
							<p className="text-sm text-stone-700">{t('security.signedInWhen', { date: s.signedIn, how: s.how })}</p>
						</div>
						{s.current ? null : (
							<Form method="post">
								<input type="hidden" name="intent" value="sign-out-session" />
								<input type="hidden" name="sessionId" value={s.id} />
								<Button type="submit" variant="secondary" size="sm">
									{t('security.signOutThis')}
									<span className="sr-only">
										{t('security.signOutThisDetail', { device: s.device, date: s.lastSeen })}
									</span>
								</Button>
							</Form>
						)}
					</li>
				))}
			</ul>
			{others > 0 ? (
				<Form method="post" className="mt-4">
					<input type="hidden" name="intent" value="sign-out-others" />
					<Button type="submit" variant="secondary">
						{t('security.signOutOthers')}
					</Button>
				</Form>
			) : null}
		</section>
	)
}
