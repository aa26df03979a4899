import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { requestPasswordReset } from '#modules/auth/request-password-reset.ts'
import { ForgotPasswordSchema } from '#modules/auth/schemas.ts'
import type { Route } from './+types/_auth.forgot-password'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Reset your password | Circle',
		'Forgotten your Circle password? Ask for a link to choose a new one, sent to your email address.',
	)

export async function action({ request, context }: Route.ActionArgs) {
	const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), sentTo: null }, { status: 400 })
	try {
		await requestPasswordReset({ email: submission.value.email, ipAddress: context.clientIp })
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	// The same answer whether or not an account exists, so this page cannot be used to find out.
	return { result: submission.reply(), sentTo: submission.value.email }
}

export default function ForgotPasswordRoute({ actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'forgot-password',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const sentTo = actionData && 'sentTo' in actionData ? actionData.sentTo : null

	return (
		<>
			<h1 className="text-3xl font-bold text-stone-900">Reset your password</h1>
			{sentTo ? (
				<Notice tone="success" role="status" title="Check your inbox" className="mt-6">
					If an account exists for {sentTo}, we have sent a link to reset your password. The link lasts for one hour.
				</Notice>
			) : (
				<p className="mt-2 text-stone-700">
					Enter the email address you use for Circle and we will send you a link to choose a new password.
				</p>
			)}
			<Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: 'Email address' }}
					inputProps={{
						...getInputProps(fields.email, { type: 'email' }),
						autoComplete: 'email',
						spellCheck: false,
						required: true,
					}}
					errors={fields.email.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Sending…">
					{sentTo ? 'Send another link' : 'Send me a link'}
				</SubmitButton>
			</Form>
			<p className="mt-8 border-t border-stone-200 pt-6 text-stone-700">
				Remembered it?{' '}
				<Link to="/login" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					Log in
				</Link>
			</p>
		</>
	)
}
