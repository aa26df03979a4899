import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireAuthSession } from '#app/utils/auth.server.ts'
import { replyWithDomainError, replyWithProblem } from '#app/utils/errors.server.ts'
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
import { formatUkDateTime } from '#modules/security/user-agent.ts'
import type { Route } from './+types/account.security._index'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Sign-in and security | Circle',
		'Two-step sign-in with an authenticator app, recovery codes, the devices signed in to your account and recent security events.',
	)

const METHOD_WORDS: Record<AuthMethod, string> = {
	PASSWORD: 'by password',
	SSO: 'by single sign-on',
	PASSKEY: 'by passkey',
	SIGN_UP: 'when the account was created',
	PASSWORD_RESET: 'by a password reset link',
}

const EVENT_WORDS: Record<string, string> = {
	'auth.signed_in': 'Signed in',
	'auth.session_signed_out': 'Signed out of another session',
	'auth.other_sessions_signed_out': 'Signed out everywhere else',
	'user.password_changed': 'Password changed',
	'user.password_reset': 'Password reset by email link',
	'mfa.totp_enabled': 'Authenticator app set up',
	'mfa.totp_disabled': 'Authenticator app turned off',
	'mfa.recovery_codes_regenerated': 'New recovery codes made',
	'mfa.recovery_code_used': 'Recovery code used to sign in',
	'mfa.passkey_added': 'Passkey added',
	'mfa.passkey_removed': 'Passkey removed',
}

function describeEvent(action: string, details: unknown) {
	const base = EVENT_WORDS[action] ?? action
	if (action !== 'auth.signed_in' || !details || typeof details !== 'object') return base
	const { method, mfa } = details as { method?: AuthMethod; mfa?: boolean }
	const how = method && METHOD_WORDS[method] ? ` ${METHOD_WORDS[method]}` : ''
	return `${base}${how}${mfa ? ', with two-step sign-in' : ''}`
}

export async function loader({ request }: Route.LoaderArgs) {
	const { user, session } = await requireAuthSession(request)
	const [overview, sessions, events] = await Promise.all([
		getSecurityOverview({ userId: user.id }),
		listActiveSessions({ userId: user.id, currentSessionId: session.id }),
		listSecurityEvents({ userId: user.id }),
	])
	const pending = overview.totpPending ? await pendingTotpSecret(user.id, user.email) : null
	return {
		mfaRequired: user.mfaRequired,
		mfaEnrolled: user.mfaEnrolled,
		overview: { ...overview, totpEnabledAt: overview.totpEnabledAt ? formatUkDateTime(overview.totpEnabledAt) : null },
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
			how: `${METHOD_WORDS[s.method]}${s.mfa ? ', with two-step sign-in' : ''}`,
			lastSeen: formatUkDateTime(s.lastSeenAt),
			signedIn: formatUkDateTime(s.createdAt),
		})),
		events: events.map((e) => ({
			id: e.id,
			what: describeEvent(e.action, e.details),
			when: formatUkDateTime(e.createdAt),
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
		return data({ intent: 'unknown', ok: false as const, message: 'That request was not understood.' }, { status: 400 })
	}
	try {
		if (parsed.data.intent === 'sign-out-others') {
			const ended = await signOutOtherSessions({ userId: user.id, currentSessionId: session.id, ...origin })
			return { intent: parsed.data.intent, ok: true as const, ended }
		}
		if (parsed.data.sessionId === session.id) {
			return data(
				{ intent: parsed.data.intent, ok: false as const, message: 'To sign out here, use Log out.' },
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

	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">Sign-in and security</h2>
			{setupRequired ? (
				<Notice
					tone="warning"
					role={askedToSetUp ? 'alert' : undefined}
					title="Set up two-step sign-in to carry on"
					className="mt-4"
				>
					<p>
						{overview.requirementReason ?? 'Your account must use two-step sign-in.'} Until you set it up, this is the
						only page of Circle you can use. It takes a minute: you need an authenticator app on your phone, such as
						Microsoft Authenticator, Google Authenticator or 1Password.
					</p>
				</Notice>
			) : null}

			<section aria-labelledby="two-step-heading" className="mt-8">
				<h3 id="two-step-heading" className="text-xl font-bold text-stone-900">
					Two-step sign-in
				</h3>
				{recoveryCodes ? <RecoveryCodes codes={recoveryCodes} /> : null}
				{overview.totpEnabledAt ? (
					<TotpEnabled overview={overview} actionData={actionData} mfaRequired={loaderData.mfaRequired} />
				) : enrolment ? (
					<TotpEnrolment enrolment={enrolment} actionData={actionData} />
				) : (
					<>
						<p className="mt-2 text-stone-700">
							Two-step sign-in asks for a code from an app on your phone as well as your password, so nobody else can
							sign in as you even if they learn your password.
						</p>
						<Form method="post" className="mt-4">
							<input type="hidden" name="intent" value="start-totp" />
							<Button type="submit">Set up an authenticator app</Button>
						</Form>
					</>
				)}
				<p className="mt-6 text-stone-700">
					You can also sign in with a passkey (your fingerprint, face or device PIN).{' '}
					<Link to="/account/security/passkeys" className={linkClasses}>
						Passkeys
					</Link>
					{overview.passkeys ? ` (${overview.passkeys} set up)` : ''}
				</p>
			</section>

			<Sessions sessions={loaderData.sessions} actionData={actionData} />

			<section aria-labelledby="events-heading" className="mt-10">
				<h3 id="events-heading" className="text-xl font-bold text-stone-900">
					Recent security events
				</h3>
				{loaderData.events.length === 0 ? (
					<p className="mt-2 text-stone-700">Nothing yet.</p>
				) : (
					<ul className="mt-3 divide-y divide-stone-200 border-y border-stone-200">
						{loaderData.events.map((event) => (
							<li key={event.id} className="py-3">
								<p className="font-medium text-stone-900">{event.what}</p>
								<p className="text-sm text-stone-700">
									{event.when}
									{event.device ? ` · ${event.device}` : ''}
									{event.network ? ` · from ${event.network}` : ''}
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
					<p>Open your authenticator app and add an account. Scan this QR code with it:</p>
					<img
						src={enrolment.qrCode}
						alt="QR code for setting up Circle in your authenticator app. If you cannot scan it, type in the key below."
						width={200}
						height={200}
						className="mt-3 rounded border border-stone-200 bg-white"
					/>
					<p className="mt-3">Or, if you cannot scan it, choose to enter a key and type this one:</p>
					<p className="mt-2">
						<code
							aria-label={`Setup key: ${enrolment.secret.split('').join(' ')}`}
							className="inline-block rounded bg-stone-100 px-3 py-2 font-mono text-lg tracking-wider break-all text-stone-900"
							data-testid="totp-secret"
						>
							{enrolment.secret}
						</code>
					</p>
					<p className="mt-1 text-sm">Time-based, 6 digits, every 30 seconds (the usual settings).</p>
				</li>
				<li>
					<p>Enter the 6-digit code your app now shows for Circle.</p>
				</li>
			</ol>
			<Form method="post" className="max-w-xl space-y-4" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="confirm-totp" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: 'Code from your authenticator app' }}
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
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Checking…">
					Turn on two-step sign-in
				</SubmitButton>
			</Form>
		</div>
	)
}

function RecoveryCodes({ codes }: { codes: string[] }) {
	const ref = useRef<HTMLDivElement>(null)
	useEffect(() => ref.current?.focus(), [codes])
	return (
		<div ref={ref} tabIndex={-1} className="mt-4 outline-none">
			<Notice tone="success" role="status" title="Save your recovery codes now">
				<p>
					If you lose your phone, each of these codes lets you sign in once instead of a code from the app. Print them
					or keep them in your password manager: this is the only time they are shown.
				</p>
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
	return (
		<>
			<p className="mt-2 text-stone-700">
				<strong className="font-semibold text-stone-900">On.</strong> An authenticator app has been asking for a code
				since {overview.totpEnabledAt}. You have {overview.unusedRecoveryCodes} unused recovery code
				{overview.unusedRecoveryCodes === 1 ? '' : 's'}.
			</p>
			<div className="mt-4 grid gap-6 sm:grid-cols-2">
				<ReauthForm
					intent="regenerate-codes"
					title="Make new recovery codes"
					explain="The old codes stop working."
					button="Make new codes"
					withPassword={overview.reauthWithPassword}
					actionData={actionData}
				/>
				<ReauthForm
					intent="disable-totp"
					title="Turn off two-step sign-in"
					explain={
						mfaRequired
							? 'Your account must use two-step sign-in, so you will be asked to set it up again straight away.'
							: 'Signing in will ask for your password only.'
					}
					button="Turn off"
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
	return (
		<Form method="post" className="space-y-3 rounded border border-stone-200 p-4" {...getFormProps(form)}>
			<h4 className="font-semibold text-stone-900">{title}</h4>
			<p className="text-sm text-stone-700">{explain}</p>
			<input type="hidden" name="intent" value={intent} />
			<FormErrors id={form.errorId} errors={form.errors} />
			{withPassword ? (
				<Field
					labelProps={{ children: 'Your password' }}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'current-password',
						required: true,
					}}
					errors={fields.password.errors}
				/>
			) : (
				<Field
					labelProps={{ children: 'A current code from your app' }}
					inputProps={{
						...getInputProps(fields.code, { type: 'text' }),
						autoComplete: 'one-time-code',
						inputMode: 'numeric',
						required: true,
					}}
					errors={fields.code.errors}
				/>
			)}
			<SubmitButton pending={pending} pendingText="Checking…" className={danger ? 'bg-red-700 hover:bg-red-800' : ''}>
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
				Where you are signed in
			</h3>
			{ended !== null ? (
				<Notice tone="success" role="status" className="mt-3">
					{ended === 0
						? 'There were no other sessions to sign out.'
						: `Signed out of ${ended === 1 ? '1 session' : `${ended} sessions`}.`}
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
										This device
									</span>
								) : null}
							</p>
							<p className="text-sm text-stone-700">
								Last seen {s.lastSeen}
								{s.network ? ` · from ${s.network}` : ''}
							</p>
							<p className="text-sm text-stone-700">
								Signed in {s.signedIn} {s.how}
							</p>
						</div>
						{s.current ? null : (
							<Form method="post">
								<input type="hidden" name="intent" value="sign-out-session" />
								<input type="hidden" name="sessionId" value={s.id} />
								<Button type="submit" variant="secondary" size="sm">
									Sign out of this one
									<span className="sr-only">
										: {s.device}, last seen {s.lastSeen}
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
						Sign out everywhere else
					</Button>
				</Form>
			) : null}
		</section>
	)
}
