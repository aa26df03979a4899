import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { removePersonalEmail, setPersonalEmail, verifyPersonalEmail } from '#modules/auth/personal-email.ts'
import { PersonalEmailSchema } from '#modules/auth/schemas.ts'
import { prisma } from '#modules/db/client.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/account.personal-email'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('personalEmail.metaTitle', { ns: 'account' }),
		t('personalEmail.metaDescription', { ns: 'account' }),
	)
}

/** The person's personal address and whether it is confirmed; `?token=` (the emailed link) confirms it. */
export async function loader({ request }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const user = await requireUser(request, { redirectTo: `${url.pathname}${url.search}` })
	let linkProblem: string | null = null
	let confirmed = false
	const token = url.searchParams.get('token')
	if (token) {
		try {
			await verifyPersonalEmail({ userId: user.id, token })
			confirmed = true
		} catch (error) {
			if (!isDomainError(error)) throw error
			linkProblem = error.message
		}
	}
	const account = await prisma.user.findUniqueOrThrow({
		where: { id: user.id },
		select: { email: true, personalEmail: true, personalEmailVerifiedAt: true },
	})
	return {
		email: account.email,
		personalEmail: account.personalEmail,
		verified: account.personalEmailVerifiedAt !== null,
		confirmed,
		linkProblem,
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const formData = await request.formData()
	if (formData.get('intent') === 'remove') {
		await removePersonalEmail({ userId: user.id })
		return { result: null, sent: false, removed: true }
	}
	const submission = parseWithZod(formData, { schema: PersonalEmailSchema })
	if (submission.status !== 'success')
		return data({ result: submission.reply(), sent: false, removed: false }, { status: 400 })
	try {
		const { sent } = await setPersonalEmail({
			userId: user.id,
			email: submission.value.personalEmail,
			ipAddress: context.clientIp,
		})
		return { result: submission.reply(), sent, removed: false }
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

export default function PersonalEmailRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const { t } = useTranslation('account')
	const reply = actionData && 'sent' in actionData ? actionData : null
	const [form, fields] = useForm({
		id: 'personal-email',
		lastResult: actionData?.result ?? undefined,
		defaultValue: { personalEmail: loaderData.personalEmail ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: PersonalEmailSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">{t('personalEmail.heading')}</h2>
			<p className="mt-2 max-w-prose text-stone-700">{t('personalEmail.intro')}</p>
			<div className="mt-6 max-w-xl space-y-4">
				{loaderData.confirmed ? (
					<Notice tone="success" role="status" title={t('personalEmail.confirmedTitle')}>
						{t('personalEmail.confirmed', { email: loaderData.personalEmail })}
					</Notice>
				) : null}
				{loaderData.linkProblem ? (
					<Notice tone="error" role="alert" title={t('personalEmail.linkFailed')}>
						{loaderData.linkProblem}
					</Notice>
				) : null}
				{reply?.sent ? (
					<Notice tone="success" role="status" title={t('personalEmail.sentTitle')}>
						{t('personalEmail.sent')}
					</Notice>
				) : null}
				{reply?.removed ? (
					<Notice tone="success" role="status" title={t('personalEmail.removedTitle')}>
						{t('personalEmail.removed', { email: loaderData.email })}
					</Notice>
				) : null}
				{loaderData.personalEmail && !reply?.removed ? (
					<p className="text-stone-700">
						{loaderData.personalEmail}:{' '}
						<strong className="font-semibold">
							{loaderData.verified ? t('personalEmail.statusConfirmed') : t('personalEmail.statusWaiting')}
						</strong>
					</p>
				) : null}
			</div>
			<Form method="post" className="mt-6 max-w-xl space-y-5" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: loaderData.personalEmail ? t('personalEmail.change') : t('personalEmail.address') }}
					description={t('personalEmail.notWork', { email: loaderData.email })}
					inputProps={{
						...getInputProps(fields.personalEmail, { type: 'email' }),
						autoComplete: 'email',
						required: true,
					}}
					errors={fields.personalEmail.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('personalEmail.submitting')}>
					{t('personalEmail.submit')}
				</SubmitButton>
			</Form>
			{loaderData.personalEmail ? (
				<Form method="post" className="mt-6">
					<input type="hidden" name="intent" value="remove" />
					<Button type="submit" variant="secondary">
						{t('personalEmail.remove')}
					</Button>
				</Form>
			) : null}
		</>
	)
}
