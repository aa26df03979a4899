import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, useNavigation } from 'react-router'
import { Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { requireUserId } from '#app/utils/auth.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { getProfile, updateProfile } from '#modules/auth/profile.ts'
import { ProfileSchema, REGISTRATION_BODIES, REGISTRATION_BODY_LABELS } from '#modules/auth/schemas.ts'
import type { Route } from './+types/account._index'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Your details | Circle',
		'Your name, profession and registration details, as they appear on your Circle certificates and CPD records.',
	)

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

const registrationOptions = REGISTRATION_BODIES.map((value) => ({ value, label: REGISTRATION_BODY_LABELS[value] }))

export default function AccountDetailsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
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
			<h2 className="text-2xl font-bold text-stone-900">Your details</h2>
			<p className="mt-2 text-stone-700">
				Your certificates and CPD record use these details, so that your regulator or appraiser can match them to you.
			</p>
			<Form method="post" className="mt-6 max-w-xl space-y-5" {...getFormProps(form)}>
				{saved ? <Notice tone="success" role="status" title="Your details have been saved" /> : null}
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: 'Full name' }}
					description="As you would like it to appear on your certificates."
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name', required: true }}
					errors={fields.name.errors}
				/>
				<Field
					labelProps={{ children: 'Profession or role (optional)' }}
					description="For example, mental health nurse, head of year or youth justice worker."
					inputProps={{ ...getInputProps(fields.profession, { type: 'text' }), autoComplete: 'organization-title' }}
					errors={fields.profession.errors}
				/>
				<SelectField
					labelProps={{ children: 'Registration body (optional)' }}
					placeholder="None"
					options={registrationOptions}
					selectProps={getSelectProps(fields.registrationBody)}
					errors={fields.registrationBody.errors}
				/>
				<Field
					labelProps={{ children: 'Registration number (optional)' }}
					description="Your PIN, registration number or teacher reference number, as your regulator shows it."
					inputProps={{
						...getInputProps(fields.registrationNumber, { type: 'text' }),
						autoComplete: 'off',
						spellCheck: false,
					}}
					errors={fields.registrationNumber.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Saving…">
					Save details
				</SubmitButton>
			</Form>
		</>
	)
}
