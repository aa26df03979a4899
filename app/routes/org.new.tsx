import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, redirect, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { SECTORS } from '#app/utils/format.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { createOrganisation } from '#modules/organisations/create-organisation.ts'
import { CreateOrganisationSchema, slugify } from '#modules/organisations/schemas.ts'
import type { Route } from './+types/org.new'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('new.meta.title', { ns: 'org' }), t('new.meta.description', { ns: 'org' }), NOINDEX)
}

export async function loader({ request }: Route.LoaderArgs) {
	await requireUser(request)
	return null
}

/** Creates the organisation with the signed-in user as its owner, then opens its overview. */
export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const submission = parseWithZod(await request.formData(), { schema: CreateOrganisationSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const organisation = await createOrganisation({ ownerId: user.id, ...submission.value })
		return redirect(`/org/${organisation.slug}?created=1`)
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

export default function NewOrganisationRoute({ actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const { t } = useTranslation('org')
	const slugEdited = useRef(false)
	const [form, fields] = useForm({
		id: 'new-organisation',
		lastResult: actionData?.result,
		constraint: getZodConstraint(CreateOrganisationSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateOrganisationSchema }),
	})
	return (
		<Container width="prose" className="py-10">
			<h1 className="text-3xl font-bold text-stone-900">{t('new.title')}</h1>
			<p className="mt-2 text-stone-700">{t('new.intro')}</p>
			<Form
				method="post"
				{...getFormProps(form)}
				aria-describedby={form.errors?.length ? form.errorId : undefined}
				className="mt-8 space-y-6 rounded-2xl border border-stone-200 bg-white p-6 shadow-xs sm:p-8"
			>
				<FormErrors id={form.errorId} errors={form.errors} title={t('new.errorsTitle')} />
				<Field
					labelProps={{ children: t('new.name') }}
					description={t('new.nameHint')}
					inputProps={{
						...getInputProps(fields.name, { type: 'text' }),
						autoComplete: 'organization',
						onInput: (event) => {
							// Suggest a web address from the name until the person writes their own.
							const slugInput = document.getElementById(fields.slug.id)
							if (!slugEdited.current && slugInput instanceof HTMLInputElement) {
								slugInput.value = slugify(event.currentTarget.value)
							}
						},
					}}
					errors={fields.name.errors}
				/>
				<Field
					labelProps={{ children: t('new.slug') }}
					description={t('new.slugHint')}
					inputProps={{
						...getInputProps(fields.slug, { type: 'text' }),
						spellCheck: false,
						autoCapitalize: 'none',
						onInput: () => (slugEdited.current = true),
					}}
					errors={fields.slug.errors}
				/>
				<SelectField
					labelProps={{ children: t('new.sector') }}
					selectProps={getSelectProps(fields.sector)}
					placeholder={t('new.chooseSector')}
					options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
					errors={fields.sector.errors}
				/>
				<Field
					labelProps={{ children: t('new.billingEmail') }}
					description={t('new.billingEmailHint')}
					inputProps={{
						...getInputProps(fields.billingEmail, { type: 'email' }),
						autoComplete: 'email',
						spellCheck: false,
					}}
					errors={fields.billingEmail.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('new.submitting')}>
					{t('new.submit')}
				</SubmitButton>
			</Form>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
