import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, redirect, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { destroySessionCookie, requireAuthSession } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { confirmErasureIdentity, erasureReauthMethod } from '#modules/data-rights/confirm-identity.ts'
import { eraseAccount, soleOwnedOrganisations } from '#modules/data-rights/erasure.ts'
import { EraseOwnAccountSchema } from '#modules/data-rights/schemas.ts'
import { prisma } from '#modules/db/client.ts'
import type { Route } from './+types/account.erase'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('meta.title', { ns: 'erasure' }), t('meta.description', { ns: 'erasure' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	const { user } = await requireAuthSession(request)
	return {
		email: user.email,
		reauth: await erasureReauthMethod(user.id),
		soleOwnerOf: await soleOwnedOrganisations(prisma, user.id),
		isPlatformAdmin: user.role === 'ADMIN',
	}
}

const hideFields = ['password']

/** Erases the signed-in person's own account once they have proved it is them; then signs them out. */
export async function action({ request }: Route.ActionArgs) {
	const { session, user } = await requireAuthSession(request)
	const submission = parseWithZod(await request.formData(), { schema: EraseOwnAccountSchema })
	if (submission.status !== 'success') return data({ result: submission.reply({ hideFields }) }, { status: 400 })
	const now = new Date()
	try {
		await confirmErasureIdentity({
			userId: user.id,
			password: submission.value.password,
			confirmEmail: submission.value.confirmEmail,
			sessionCreatedAt: session.createdAt,
			now,
		})
		await eraseAccount({
			actor: { kind: 'self', userId: user.id },
			userId: user.id,
			reason: 'Erased by the account holder from their account page',
			now,
		})
	} catch (error) {
		return replyWithDomainError(submission, error, { hideFields })
	}
	return redirect('/account-erased', { headers: { 'Set-Cookie': destroySessionCookie() } })
}

export default function EraseAccountRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const { t } = useTranslation('erasure')
	const [form, fields] = useForm({
		id: 'erase-account',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: EraseOwnAccountSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const blocked = loaderData.soleOwnerOf.length > 0 || loaderData.isPlatformAdmin

	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">{t('heading')}</h2>
			<p className="mt-2 text-stone-700">{t('intro')}</p>
			<h3 className="mt-6 text-lg font-semibold text-stone-900">{t('whatHappens')}</h3>
			<ul className="mt-2 list-disc space-y-1 pl-6 text-stone-700">
				<li>{t('happens.profile')}</li>
				<li>{t('happens.words')}</li>
				<li>{t('happens.signIn')}</li>
				<li>{t('happens.mail')}</li>
				<li>{t('happens.certificates')}</li>
				<li>{t('happens.organisations')}</li>
			</ul>
			<Notice tone="warning" title={t('downloadFirstTitle')} className="mt-6">
				{t('downloadFirst')}
			</Notice>

			{loaderData.isPlatformAdmin ? (
				<Notice tone="warning" title={t('adminTitle')} className="mt-6" role="status">
					{t('admin')}
				</Notice>
			) : null}
			{loaderData.soleOwnerOf.length > 0 ? (
				<Notice tone="warning" title={t('soleOwnerTitle')} className="mt-6" role="status">
					{t('soleOwner', { organisations: loaderData.soleOwnerOf.join(', ') })}
				</Notice>
			) : null}

			{blocked ? null : (
				<Form method="post" className="mt-8 max-w-xl space-y-5" {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					<Field
						labelProps={{ children: t('emailLabel') }}
						description={t('emailDescription', { email: loaderData.email })}
						inputProps={{
							...getInputProps(fields.confirmEmail, { type: 'email' }),
							autoComplete: 'off',
							spellCheck: false,
							required: true,
						}}
						errors={fields.confirmEmail.errors}
					/>
					{loaderData.reauth === 'password' ? (
						<Field
							labelProps={{ children: t('passwordLabel') }}
							description={t('passwordDescription')}
							inputProps={{
								...getInputProps(fields.password, { type: 'password' }),
								autoComplete: 'current-password',
								required: true,
							}}
							errors={fields.password.errors}
						/>
					) : (
						<p className="text-stone-700">{t('noPassword')}</p>
					)}
					<div>
						<label className="flex min-h-11 items-start gap-3">
							<input
								type="checkbox"
								id={fields.understand.id}
								name={fields.understand.name}
								value="on"
								aria-invalid={fields.understand.errors?.length ? true : undefined}
								aria-describedby={fields.understand.errors?.length ? fields.understand.errorId : undefined}
								className="mt-1 size-5 accent-brand-700"
							/>
							<span className="text-stone-900">{t('understand')}</span>
						</label>
						<ErrorList
							id={fields.understand.errors?.length ? fields.understand.errorId : undefined}
							errors={fields.understand.errors}
						/>
					</div>
					<SubmitButton
						pending={navigation.state === 'submitting'}
						pendingText={t('submitting')}
						className="bg-red-700 hover:bg-red-800"
					>
						{t('submit')}
					</SubmitButton>
				</Form>
			)}
		</>
	)
}
