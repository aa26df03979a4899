import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { getProfile, updateProfile } from '#modules/auth/profile.ts'
import { ProfileSchema, REGISTRATION_BODIES } from '#modules/auth/schemas.ts'
import type { Route } from './+types/account._index'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('details.metaTitle', { ns: 'account' }), t('details.metaDescription', { ns: 'account' }))
}

export async function loader({ request }: Route.LoaderArgs) {
	const userId = await requireUserId(request)
	const profile = await getProfile({ userId })
	return {
		name: profile.name,
		profession: profile.profession ?? '',
		registrationBody: profile.registrationBody ?? '',
		registrationNumber: profile.registrationNumber ?? '',
	}
}

export async function action({ request }: Route.ActionArgs) {
	const userId = await requireUserId(request)
	const submission = parseWithZod(await request.formData(), { schema: ProfileSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), saved: false }, { status: 400 })
	try {
		await updateProfile({ userId, ...submission.value })
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	return { result: submission.reply(), saved: true }
}

export default function AccountDetailsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const { t } = useTranslation('account')
	const registrationOptions = REGISTRATION_BODIES.map((value) => ({ value, label: t(`details.bodies.${value}`) }))
	const [form, fields] = useForm({
		id: 'profile',
		lastResult: actionData?.result,
		defaultValue: loaderData,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const saved = actionData && 'saved' in actionData && actionData.saved

	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">{t('details.heading')}</h2>
			<p className="mt-2 text-stone-700">{t('details.intro')}</p>
			<Form method="post" className="mt-6 max-w-xl space-y-5" {...getFormProps(form)}>
				{saved ? <Notice tone="success" role="status" title={t('details.saved')} /> : null}
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: t('details.name') }}
					description={t('details.nameDescription')}
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name', required: true }}
					errors={fields.name.errors}
				/>
				<Field
					labelProps={{ children: t('details.profession') }}
					description={t('details.professionDescription')}
					inputProps={{ ...getInputProps(fields.profession, { type: 'text' }), autoComplete: 'organization-title' }}
					errors={fields.profession.errors}
				/>
				<SelectField
					labelProps={{ children: t('details.registrationBody') }}
					placeholder={t('details.none')}
					options={registrationOptions}
					selectProps={getSelectProps(fields.registrationBody)}
					errors={fields.registrationBody.errors}
				/>
				<Field
					labelProps={{ children: t('details.registrationNumber') }}
					description={t('details.registrationNumberDescription')}
					inputProps={{
						...getInputProps(fields.registrationNumber, { type: 'text' }),
						autoComplete: 'off',
						spellCheck: false,
					}}
					errors={fields.registrationNumber.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('details.submitting')}>
					{t('details.submit')}
				</SubmitButton>
			</Form>
		</>
	)
}
