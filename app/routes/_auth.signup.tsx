import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { redirectAfterSignIn, signInOrigin } from '#app/utils/sign-in.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { PASSWORD_MIN_LENGTH, SignUpSchema } from '#modules/auth/schemas.ts'
import { signUp } from '#modules/auth/sign-up.ts'
import type { Route } from './+types/_auth.signup'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Create an account | Circle',
		'Create a free Circle account to take CPD courses in relational and restorative practice and keep your CPD portfolio.',
	)

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
			<h1 className="text-3xl font-bold text-stone-900">Create an account</h1>
			<p className="mt-2 text-stone-700">
				Take courses at your own pace, earn CPD certificates and keep your reflections in one place.
			</p>
			<Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="redirectTo" value={redirectTo} />
				<Field
					labelProps={{ children: 'Full name' }}
					description="As you would like it to appear on your certificates."
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name', required: true }}
					errors={fields.name.errors}
				/>
				<Field
					labelProps={{ children: 'Email address' }}
					description="We will send a link to confirm it."
					inputProps={{
						...getInputProps(fields.email, { type: 'email' }),
						autoComplete: 'email',
						spellCheck: false,
						required: true,
					}}
					errors={fields.email.errors}
				/>
				<Field
					labelProps={{ children: 'Password' }}
					description={`At least ${PASSWORD_MIN_LENGTH} characters. Three or four random words make a strong password that is easy to remember.`}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.password.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Creating your account…">
					Create account
				</SubmitButton>
			</Form>
			<p className="mt-8 border-t border-stone-200 pt-6 text-stone-700">
				Already have an account?{' '}
				<Link
					to={`/login${linkSearch}`}
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					Log in
				</Link>
			</p>
		</>
	)
}
