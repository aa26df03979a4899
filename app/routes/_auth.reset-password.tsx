import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { DEFAULT_SIGNED_IN_PATH } from '#app/utils/auth.server.ts'
import { redirectAfterSignIn, signInOrigin } from '#app/utils/sign-in.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { checkPasswordResetToken, resetPassword } from '#modules/auth/reset-password.ts'
import { PASSWORD_MIN_LENGTH, ResetPasswordSchema } from '#modules/auth/schemas.ts'
import type { Route } from './+types/_auth.reset-password'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('reset.metaTitle', { ns: 'auth' }), t('reset.metaDescription', { ns: 'auth' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	const token = new URL(request.url).searchParams.get('token') ?? ''
	const status = token ? await checkPasswordResetToken({ token }) : 'invalid'
	const t = await getT(request)
	return {
		token: status === 'valid' ? token : null,
		problem: status === 'valid' ? null : t(`reset.problems.${status}`, { ns: 'auth' }),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const hideFields = ['password', 'confirmPassword']
	const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema })
	if (submission.status !== 'success') {
		// The token is a hidden field, so a problem with it is shown above the form.
		return data(
			{ result: submission.reply({ hideFields, formErrors: submission.error?.token ?? undefined }) },
			{ status: 400 },
		)
	}
	try {
		const { deviceCookie, ...origin } = signInOrigin(request, context)
		const result = await resetPassword({
			token: submission.value.token,
			password: submission.value.password,
			...origin,
		})
		return redirectAfterSignIn(result, DEFAULT_SIGNED_IN_PATH, { deviceCookie })
	} catch (error) {
		return replyWithDomainError(submission, error, { hideFields })
	}
}

export default function ResetPasswordRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const { t } = useTranslation('auth')
	const [form, fields] = useForm({
		id: 'reset-password',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})

	if (!loaderData.token) {
		return (
			<>
				<h1 className="text-3xl font-bold text-stone-900">{t('reset.cannotUse')}</h1>
				<p className="mt-3 text-stone-700">{loaderData.problem}</p>
				<p className="mt-6">
					<Link to="/forgot-password" className={buttonClasses()}>
						{t('reset.newLink')}
					</Link>
				</p>
			</>
		)
	}

	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">{t('reset.heading')}</h1>
			<p className="mt-2 text-stone-700">{t('reset.intro')}</p>
			<Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="token" value={loaderData.token} />
				<Field
					labelProps={{ children: t('reset.password') }}
					description={t('passwordRules', { min: PASSWORD_MIN_LENGTH })}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.password.errors}
				/>
				<Field
					labelProps={{ children: t('reset.confirm') }}
					inputProps={{
						...getInputProps(fields.confirmPassword, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.confirmPassword.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('reset.submitting')}>
					{t('reset.submit')}
				</SubmitButton>
			</Form>
		</>
	)
}
