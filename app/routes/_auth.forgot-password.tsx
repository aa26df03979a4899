import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { requestPasswordReset } from '#modules/auth/request-password-reset.ts'
import { ForgotPasswordSchema } from '#modules/auth/schemas.ts'
import type { Route } from './+types/_auth.forgot-password'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('forgot.metaTitle', { ns: 'auth' }), t('forgot.metaDescription', { ns: 'auth' }))
}

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
	const { t } = useTranslation('auth')
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
			<h1 className="text-3xl font-bold text-stone-900">{t('forgot.heading')}</h1>
			{sentTo ? (
				<Notice tone="success" role="status" title={t('forgot.sentTitle')} className="mt-6">
					{t('forgot.sent', { email: sentTo })}
				</Notice>
			) : (
				<p className="mt-2 text-stone-700">{t('forgot.intro')}</p>
			)}
			<Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: t('forgot.email') }}
					inputProps={{
						...getInputProps(fields.email, { type: 'email' }),
						autoComplete: 'email',
						spellCheck: false,
						required: true,
					}}
					errors={fields.email.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('forgot.submitting')}>
					{sentTo ? t('forgot.sendAnother') : t('forgot.send')}
				</SubmitButton>
			</Form>
			<p className="mt-8 border-t border-stone-200 pt-6 text-stone-700">
				{t('forgot.remembered')}{' '}
				<Link to="/login" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					{t('forgot.logIn')}
				</Link>
			</p>
		</>
	)
}
