import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { redirectAfterSignIn, signInOrigin } from '#app/utils/sign-in.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { PASSWORD_MIN_LENGTH, SignUpSchema } from '#modules/auth/schemas.ts'
import { signUp } from '#modules/auth/sign-up.ts'
import type { Route } from './+types/_auth.signup'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('signup.metaTitle', { ns: 'auth' }), t('signup.metaDescription', { ns: 'auth' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request, context }: Route.ActionArgs) {
	await requireAnonymous(request)
	const submission = parseWithZod(await request.formData(), { schema: SignUpSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
	}
	const { name, email, password, redirectTo } = submission.value
	try {
		const { deviceCookie, ...origin } = signInOrigin(request, context)
		const result = await signUp({ name, email, password, redirectTo: redirectTo || null, ...origin })
		return redirectAfterSignIn(result, redirectTo || null, { deviceCookie })
	} catch (error) {
		return replyWithDomainError(submission, error, { hideFields: ['password'] })
	}
}

export default function SignupRoute({ actionData }: Route.ComponentProps) {
	const [searchParams] = useSearchParams()
	const redirectTo = searchParams.get('redirectTo') ?? ''
	const navigation = useNavigation()
	const { t } = useTranslation('auth')
	const [form, fields] = useForm({
		id: 'signup',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: SignUpSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const linkSearch = redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ''

	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">{t('signup.heading')}</h1>
			<p className="mt-2 text-stone-700">{t('signup.intro')}</p>
			<Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="redirectTo" value={redirectTo} />
				<Field
					labelProps={{ children: t('signup.name') }}
					description={t('signup.nameDescription')}
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name', required: true }}
					errors={fields.name.errors}
				/>
				<Field
					labelProps={{ children: t('signup.email') }}
					description={t('signup.emailDescription')}
					inputProps={{
						...getInputProps(fields.email, { type: 'email' }),
						autoComplete: 'email',
						spellCheck: false,
						required: true,
					}}
					errors={fields.email.errors}
				/>
				<Field
					labelProps={{ children: t('signup.password') }}
					description={t('passwordRules', { min: PASSWORD_MIN_LENGTH })}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.password.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('signup.submitting')}>
					{t('signup.submit')}
				</SubmitButton>
			</Form>
			<p className="mt-8 border-t border-stone-200 pt-6 text-stone-700">
				{t('signup.haveAccount')}{' '}
				<Link
					to={`/login${linkSearch}`}
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					{t('signup.logIn')}
				</Link>
			</p>
		</>
	)
}
