import { useTranslation } from 'react-i18next'
import { Form, Link, redirect, useNavigation } from 'react-router'
import { FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { getOptionalUser, requireUser } from '#app/utils/auth.server.ts'
import { DEFAULT_SIGNED_IN_PATH } from '#app/utils/paths.ts'
import { replyWithProblem } from '#app/utils/errors.server.ts'
import { metaT, useTranslateError } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { resendVerificationEmail, verifyEmail } from '#modules/auth/email-verification.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/_auth.verify-email'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('verifyEmail.metaTitle', { ns: 'auth' }), t('verifyEmail.metaDescription', { ns: 'auth' }))
}

type LoaderResult =
	| { state: 'verified'; signedIn: boolean }
	| { state: 'failed'; message: string; signedIn: boolean; canResend: boolean }
	| { state: 'waiting'; email: string }

export async function loader({ request }: Route.LoaderArgs): Promise<LoaderResult> {
	const token = new URL(request.url).searchParams.get('token')
	const user = await getOptionalUser(request)
	if (token) {
		try {
			await verifyEmail({ token })
			return { state: 'verified', signedIn: Boolean(user) }
		} catch (error) {
			if (!isDomainError(error)) throw error
			return {
				state: 'failed',
				message: error.message,
				signedIn: Boolean(user),
				canResend: Boolean(user && !user.emailVerified),
			}
		}
	}
	if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: '/verify-email' })}`)
	if (user.emailVerified) return { state: 'verified', signedIn: true }
	return { state: 'waiting', email: user.email }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request, { redirectTo: '/verify-email' })
	try {
		const { alreadyVerified } = await resendVerificationEmail({ userId: user.id, ipAddress: context.clientIp })
		if (alreadyVerified) throw redirect(DEFAULT_SIGNED_IN_PATH)
		return { sent: true as const, email: user.email, error: null }
	} catch (error) {
		return replyWithProblem(error, (e) => ({ sent: false as const, email: user.email, error: e.message }))
	}
}

const linkClasses = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function VerifyEmailRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const pending = navigation.state === 'submitting'
	const { t } = useTranslation('auth')
	const translateError = useTranslateError()

	if (loaderData.state === 'verified') {
		return (
			<>
				<h1 className="text-3xl font-bold text-stone-900">{t('verifyEmail.confirmed')}</h1>
				<p className="mt-3 text-stone-700">{t('verifyEmail.thanks')}</p>
				<p className="mt-6">
					{loaderData.signedIn ? (
						<Link to={DEFAULT_SIGNED_IN_PATH} className={buttonClasses()}>
							{t('verifyEmail.myLearning')}
						</Link>
					) : (
						<Link to="/login" className={buttonClasses()}>
							{t('verifyEmail.logIn')}
						</Link>
					)}
				</p>
			</>
		)
	}

	const resendForm = (
		<Form method="post" className="mt-6 space-y-4">
			<FormErrors errors={[actionData?.error]} title={t('verifyEmail.sendFailed')} />
			{actionData?.sent ? (
				<Notice tone="success" role="status" title={t('verifyEmail.sentTitle')}>
					{t('verifyEmail.sent', { email: actionData.email })}
				</Notice>
			) : null}
			<SubmitButton pending={pending} pendingText={t('verifyEmail.submitting')}>
				{t('verifyEmail.submit')}
			</SubmitButton>
		</Form>
	)

	if (loaderData.state === 'failed') {
		return (
			<>
				<h1 className="text-3xl font-bold text-stone-900">{t('verifyEmail.failed')}</h1>
				<p className="mt-3 text-stone-700">{translateError(loaderData.message)}</p>
				{loaderData.canResend ? (
					resendForm
				) : loaderData.signedIn ? (
					<p className="mt-6">
						<Link to={DEFAULT_SIGNED_IN_PATH} className={buttonClasses()}>
							{t('verifyEmail.myLearning')}
						</Link>
					</p>
				) : (
					<p className="mt-6 text-stone-700">
						<Trans
							t={t}
							i18nKey="verifyEmail.logInToResend"
							components={{
								login: (
									<Link to={`/login?${new URLSearchParams({ redirectTo: '/verify-email' })}`} className={linkClasses} />
								),
							}}
						/>
					</p>
				)}
			</>
		)
	}

	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">{t('verifyEmail.checkInbox')}</h1>
			<p className="mt-3 text-stone-700">
				<Trans
					t={t}
					i18nKey="verifyEmail.sentTo"
					values={{ email: loaderData.email }}
					components={{ strong: <strong className="font-semibold break-words" /> }}
				/>
			</p>
			<p className="mt-3 text-stone-700">{t('verifyEmail.notArrived')}</p>
			{resendForm}
		</>
	)
}
