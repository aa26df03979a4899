import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { requireAuthSession, requireUser } from '#app/utils/auth.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { changePassword } from '#modules/auth/change-password.ts'
import { ChangePasswordSchema, PASSWORD_MIN_LENGTH } from '#modules/auth/schemas.ts'
import type { Route } from './+types/account.password'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('password.metaTitle', { ns: 'account' }), t('password.metaDescription', { ns: 'account' }))
}

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
	const { t } = useTranslation('account')
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
			<h2 className="text-2xl font-bold text-stone-900">{t('password.heading')}</h2>
			<p className="mt-2 text-stone-700">{t('password.intro')}</p>
			<Form method="post" className="mt-6 max-w-xl space-y-5" {...getFormProps(form)}>
				{endedSessions !== null ? (
					<Notice tone="success" role="status" title={t('password.changed')}>
						{endedSessions === 0 ? t('password.emailed') : t('password.signedOut', { count: endedSessions })}
					</Notice>
				) : null}
				<FormErrors id={form.errorId} errors={form.errors} />
				{/* Lets password managers file the new password under the right account. */}
				<input type="email" name="username" autoComplete="username" value={loaderData.email} readOnly hidden />
				<Field
					labelProps={{ children: t('password.current') }}
					inputProps={{
						...getInputProps(fields.currentPassword, { type: 'password' }),
						autoComplete: 'current-password',
						required: true,
					}}
					errors={fields.currentPassword.errors}
				/>
				<Field
					labelProps={{ children: t('password.new') }}
					description={t('password.rules', { min: PASSWORD_MIN_LENGTH })}
					inputProps={{
						...getInputProps(fields.newPassword, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.newPassword.errors}
				/>
				<Field
					labelProps={{ children: t('password.confirm') }}
					inputProps={{
						...getInputProps(fields.confirmPassword, { type: 'password' }),
						autoComplete: 'new-password',
						required: true,
					}}
					errors={fields.confirmPassword.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('password.submitting')}>
					{t('password.submit')}
				</SubmitButton>
			</Form>
		</>
	)
}
