import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { DEFAULT_SIGNED_IN_PATH } from '#app/utils/auth.server.ts'
import { redirectAfterSignIn, signInOrigin } from '#app/utils/sign-in.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { checkPasswordResetToken, resetPassword } from '#modules/auth/reset-password.ts'
import { PASSWORD_MIN_LENGTH, ResetPasswordSchema } from '#modules/auth/schemas.ts'
import type { Route } from './+types/_auth.reset-password'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Choose a new password | Circle',
		'Choose a new password for your Circle account, from the link in your email.',
	)

const PROBLEMS = {
	invalid: 'This link is not valid. Please check you copied all of it from the email.',
	used: 'This link has already been used. Each link works once.',
	expired: 'This link has expired. Links last for one hour.',
} as const

export async function loader({ request }: Route.LoaderArgs) {
	const token = new URL(request.url).searchParams.get('token') ?? ''
	const status = token ? await checkPasswordResetToken({ token }) : 'invalid'
	return { token: status === 'valid' ? token : null, problem: status === 'valid' ? null : PROBLEMS[status] }
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
				<h1 className="text-3xl font-bold text-stone-900">This link cannot be used</h1>
				<p className="mt-3 text-stone-700">{loaderData.problem}</p>
				<p className="mt-6">
					<Link to="/forgot-password" className={buttonClasses()}>
						Get a new link
					</Link>
				</p>
			</>
		)
	}

	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">Choose a new password</h1>
			<p className="mt-2 text-stone-700">
				When you save it, you will be signed out everywhere else and signed in here.
			</p>
			<Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="token" value={loaderData.token} />
				<Field
					labelProps={{ children: 'New password' }}
					description={`At least ${PASSWORD_MIN_LENGTH} characters. Three or four random words make a strong password that is easy to remember.`}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.password.errors}
				/>
				<Field
					labelProps={{ children: 'Confirm new password' }}
					inputProps={{
						...getInputProps(fields.confirmPassword, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.confirmPassword.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Saving…">
					Save new password
				</SubmitButton>
			</Form>
		</>
	)
}
