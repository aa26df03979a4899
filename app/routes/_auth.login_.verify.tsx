import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { PasskeySecondFactor } from '#app/components/passkey-second-factor.tsx'
import { redirectWithSession, requireAnonymous, safeRedirectTo } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { clearSignInChallengeCookie, readSignInChallengeToken, signInOrigin } from '#app/utils/sign-in.server.ts'
import { completeSignIn } from '#modules/auth/sign-in.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { findSignInChallenge } from '#modules/mfa/challenge.ts'
import { hasPasskeys } from '#modules/mfa/passkeys.ts'
import { countUnusedRecoveryCodes, redeemRecoveryCode } from '#modules/mfa/recovery-codes.ts'
import { SecondFactorSchema } from '#modules/mfa/schemas.ts'
import { hasConfirmedTotp, verifyTotp } from '#modules/mfa/totp.ts'
import type { Route } from './+types/_auth.login_.verify'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('twoStep.metaTitle', { ns: 'auth' }), t('twoStep.metaDescription', { ns: 'auth' }))
}

/** Back to the login page, without the challenge cookie, when the sign-in has expired or is missing. */
function startAgain() {
	return redirect('/login?reason=expired', { headers: { 'Set-Cookie': clearSignInChallengeCookie() } })
}

async function requireChallenge(request: Request) {
	const token = readSignInChallengeToken(request)
	const challenge = await findSignInChallenge(token)
	if (!token || !challenge) throw startAgain()
	return { token, challenge }
}

export async function loader({ request }: Route.LoaderArgs) {
	await requireAnonymous(request)
	const { challenge } = await requireChallenge(request)
	const [hasTotp, hasPasskey, recoveryCodes] = await Promise.all([
		hasConfirmedTotp(challenge.userId),
		hasPasskeys({ userId: challenge.userId }),
		countUnusedRecoveryCodes(challenge.userId),
	])
	// A passkey-only account has no codes to type, so the code form is shown only when it can work.
	return { email: challenge.user.email, hasTotp, hasPasskey, showCodeForm: hasTotp || recoveryCodes > 0 }
}

export async function action({ request, context }: Route.ActionArgs) {
	await requireAnonymous(request)
	const { token, challenge } = await requireChallenge(request)
	const submission = parseWithZod(await request.formData(), { schema: SecondFactorSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply() }, { status: 400 })
	}
	const { deviceCookie, ...origin } = signInOrigin(request, context)
	try {
		if (submission.value.method === 'totp') {
			await verifyTotp({ userId: challenge.userId, code: submission.value.code })
		} else {
			await redeemRecoveryCode({
				userId: challenge.userId,
				code: submission.value.recoveryCode,
				ipAddress: origin.ipAddress,
				userAgent: origin.userAgent,
			})
		}
		const signedIn = await completeSignIn({
			challengeToken: token,
			factor: submission.value.method === 'totp' ? 'TOTP' : 'RECOVERY_CODE',
			...origin,
		})
		const response = redirectWithSession(safeRedirectTo(signedIn.redirectTo ?? undefined), signedIn.session)
		response.headers.append('Set-Cookie', clearSignInChallengeCookie())
		response.headers.append('Set-Cookie', deviceCookie)
		return response
	} catch (error) {
		if (isDomainError(error) && error.code === 'CHALLENGE_EXPIRED') return startAgain()
		return replyWithDomainError(submission, error, { hideFields: ['code', 'recoveryCode'] })
	}
}

export default function VerifyRoute({ loaderData, actionData }: Route.ComponentProps) {
	const [searchParams] = useSearchParams()
	const useRecovery = searchParams.get('method') === 'recovery'
	const navigation = useNavigation()
	const { t } = useTranslation('auth')
	const [form, fields] = useForm({
		id: useRecovery ? 'verify-recovery' : 'verify-totp',
		lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: SecondFactorSchema }),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
	})
	const pending = navigation.state === 'submitting'

	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">{t('twoStep.heading')}</h1>
			<p className="mt-2 text-stone-700">
				<Trans
					t={t}
					i18nKey="twoStep.signingInAs"
					values={{ email: loaderData.email }}
					components={{ strong: <strong className="font-semibold break-words" /> }}
				/>{' '}
				{!loaderData.showCodeForm
					? t('twoStep.usePasskey')
					: useRecovery
						? t('twoStep.useRecovery')
						: t('twoStep.useApp')}
			</p>
			{loaderData.hasPasskey ? (
				<div className="mt-6">
					<PasskeySecondFactor />
				</div>
			) : null}
			{loaderData.showCodeForm ? (
				<Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					{useRecovery ? (
						<>
							<input type="hidden" name="method" value="recovery" />
							<Field
								labelProps={{ children: t('twoStep.recoveryCode') }}
								description={t('twoStep.recoveryDescription')}
								inputProps={{
									...getInputProps(fields.recoveryCode, { type: 'text' }),
									autoComplete: 'off',
									autoCapitalize: 'none',
									spellCheck: false,
									autoFocus: true,
									required: true,
								}}
								errors={fields.recoveryCode.errors}
							/>
						</>
					) : (
						<>
							<input type="hidden" name="method" value="totp" />
							<Field
								labelProps={{ children: t('twoStep.appCode') }}
								inputProps={{
									...getInputProps(fields.code, { type: 'text' }),
									autoComplete: 'one-time-code',
									inputMode: 'numeric',
									pattern: '[0-9 ]*',
									maxLength: 7,
									autoFocus: true,
									required: true,
									className: 'max-w-40 font-mono text-lg tracking-widest',
								}}
								errors={fields.code.errors}
							/>
						</>
					)}
					<SubmitButton pending={pending} pendingText={t('twoStep.submitting')}>
						{t('twoStep.submit')}
					</SubmitButton>
				</Form>
			) : null}
			<div className="mt-6 space-y-3 border-t border-stone-200 pt-6 text-stone-700">
				{loaderData.hasTotp ? (
					<p>
						{useRecovery ? (
							<Link
								to="/login/verify"
								className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
							>
								{t('twoStep.appInstead')}
							</Link>
						) : (
							<Link
								to="/login/verify?method=recovery"
								className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
							>
								{t('twoStep.recoveryInstead')}
							</Link>
						)}
					</p>
				) : null}
				<p>
					<Trans
						t={t}
						i18nKey="twoStep.lost"
						components={{
							again: (
								<Link
									to="/login"
									className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
								/>
							),
							contact: (
								<Link
									to="/contact"
									className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
								/>
							),
						}}
					/>
				</p>
			</div>
		</>
	)
}
