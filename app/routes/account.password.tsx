import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { requireAuthSession, requireUser } from '#app/utils/auth.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { changePassword } from '#modules/auth/change-password.ts'
import { ChangePasswordSchema, PASSWORD_MIN_LENGTH } from '#modules/auth/schemas.ts'
import type { Route } from './+types/account.password'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Change your password | Circle',
		'Change the password of your Circle account. Your other sessions are signed out.',
	)

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return { email: user.email }
}

const hideFields = ['currentPassword', 'newPassword', 'confirmPassword']

export async function action({ request }: Route.ActionArgs) {
	const { session, user } = await requireAuthSession(request)
	const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields }), endedSessions: null }, { status: 400 })
	}
	try {
		const { endedSessions } = await changePassword({
			userId: user.id,
			currentSessionId: session.id,
			currentPassword: submission.value.currentPassword,
			newPassword: submission.value.newPassword,
		})
		return { result: submission.reply({ resetForm: true }), endedSessions }
	} catch (error) {
		return replyWithDomainError(submission, error, { hideFields })
	}
}

export default function ChangePasswordRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'change-password',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const endedSessions = actionData && 'endedSessions' in actionData ? actionData.endedSessions : null

	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">Change your password</h2>
			<p className="mt-2 text-stone-700">
				When you change your password, you stay signed in here and are signed out on every other device.
			</p>
			<Form method="post" className="mt-6 max-w-xl space-y-5" {...getFormProps(form)}>
				{endedSessions !== null ? (
					<Notice tone="success" role="status" title="Your password has been changed">
						{endedSessions === 0
							? 'We have emailed you to confirm the change.'
							: `We have signed you out on ${endedSessions === 1 ? '1 other device' : `${endedSessions} other devices`} and emailed you to confirm the change.`}
					</Notice>
				) : null}
				<FormErrors id={form.errorId} errors={form.errors} />
				{/* Lets password managers file the new password under the right account. */}
				<input type="email" name="username" autoComplete="username" value={loaderData.email} readOnly hidden />
				<Field
					labelProps={{ children: 'Current password' }}
					inputProps={{
						...getInputProps(fields.currentPassword, { type: 'password' }),
						autoComplete: 'current-password',
						required: true,
					}}
					errors={fields.currentPassword.errors}
				/>
				<Field
					labelProps={{ children: 'New password' }}
					description={`At least ${PASSWORD_MIN_LENGTH} characters. Three or four random words make a strong password that is easy to remember.`}
					inputProps={{
						...getInputProps(fields.newPassword, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.newPassword.errors}
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
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Changing your password…">
					Change password
				</SubmitButton>
			</Form>
		</>
	)
}
