import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { PasskeySignIn } from '#app/components/passkey-sign-in.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { redirectAfterSignIn, signInOrigin } from '#app/utils/sign-in.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { logIn } from '#modules/auth/log-in.ts'
import { LogInSchema } from '#modules/auth/schemas.ts'
import { LogInOrSsoSchema, SsoStartSchema } from '#modules/sso/schemas.ts'
import { ssoRedirectFor } from '#app/utils/sso.server.ts'
import type { Route } from './+types/_auth.login'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('login.metaTitle', { ns: 'auth' }), t('login.metaDescription', { ns: 'auth' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request, context }: Route.ActionArgs) {
	await requireAnonymous(request)
	const formData = await request.formData()
	// Home-realm discovery: an address without a password goes to its organisation's provider, if any.
	if (!formData.get('password')) {
		const sso = parseWithZod(formData, { schema: SsoStartSchema })
		if (sso.status === 'success') {
			try {
				const sent = await ssoRedirectFor({ ...sso.value, ipAddress: context.clientIp })
				if (sent) return sent
			} catch (error) {
				return replyWithDomainError(sso, error)
			}
		}
	}
	const submission = parseWithZod(formData, { schema: LogInSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
	}
	const { email, password, redirectTo } = submission.value
	try {
		const { deviceCookie, ...origin } = signInOrigin(request, context)
		const result = await logIn({ email, password, redirectTo: redirectTo || null, ...origin })
		return redirectAfterSignIn(result, redirectTo || null, { deviceCookie })
	} catch (error) {
		return replyWithDomainError(submission, error, { hideFields: ['password'] })
	}
}

/** Why someone was sent back here (`?reason=`), in words. */
const REASONS = { expired: 'expired', 'second-factor': 'secondFactor' } as const

export default function LoginRoute({ actionData }: Route.ComponentProps) {
	const [searchParams] = useSearchParams()
	const redirectTo = searchParams.get('redirectTo') ?? ''
	const reasonKey = searchParams.get('reason') ?? ''
	const reason = Object.hasOwn(REASONS, reasonKey) ? REASONS[reasonKey as keyof typeof REASONS] : undefined
	const { t } = useTranslation('auth')
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'login',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: LogInOrSsoSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const linkSearch = redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ''

	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">{t('login.heading')}</h1>
			<p className="mt-2 text-stone-700">{t('login.intro')}</p>
			{reason ? (
				<Notice tone="warning" role="status" title={t(`login.reasons.${reason}.title`)} className="mt-6">
					{t(`login.reasons.${reason}.body`)}
				</Notice>
			) : null}
			<Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="redirectTo" value={redirectTo} />
				<Field
					labelProps={{ children: t('login.email') }}
					inputProps={{
						...getInputProps(fields.email, { type: 'email' }),
						autoComplete: 'email',
						spellCheck: false,
						required: true,
					}}
					errors={fields.email.errors}
				/>
				<Field
					labelProps={{ children: t('login.password') }}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'current-password',
					}}
					errors={fields.password.errors}
					description={t('login.passwordDescription')}
				/>
				<p>
					<Link
						to="/forgot-password"
						className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
					>
						{t('login.forgotten')}
					</Link>
				</p>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('login.submitting')}>
					{t('login.submit')}
				</SubmitButton>
			</Form>
			<PasskeySignIn redirectTo={redirectTo} />
			<SsoChoices linkSearch={linkSearch} />
			<p className="mt-8 border-t border-stone-200 pt-6 text-stone-700">
				{t('login.newToCircle')}{' '}
				<Link
					to={`/signup${linkSearch}`}
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					{t('login.createAccount')}
				</Link>
			</p>
		</>
	)
}

/** Sign-in with an organisation's own accounts: each asks for the work address, then goes to that organisation's provider. */
function SsoChoices({ linkSearch }: { linkSearch: string }) {
	const { t } = useTranslation('auth')
	const choices = [
		{ via: 'microsoft', label: t('login.microsoft') },
		{ via: 'google', label: t('login.google') },
		{ via: '', label: t('login.sso') },
	].map(({ via, label }) => {
		const params = new URLSearchParams(linkSearch)
		if (via) params.set('via', via)
		const query = params.toString()
		return { label, to: `/sso/start${query ? `?${query}` : ''}` }
	})
	return (
		<section aria-labelledby="work-account-heading" className="mt-8 border-t border-stone-200 pt-6">
			<h2 id="work-account-heading" className="text-lg font-semibold text-stone-900">
				{t('login.workAccount')}
			</h2>
			<ul className="mt-3 space-y-2">
				{choices.map(({ to, label }) => (
					<li key={label}>
						<Link
							to={to}
							className="flex min-h-11 items-center justify-center rounded-lg border border-stone-400 bg-white px-4 py-2 font-medium text-stone-900 hover:bg-stone-50"
						>
							{label}
						</Link>
					</li>
				))}
			</ul>
		</section>
	)
}
