import {
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { Field, FormErrors, SelectField, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { circleDetailsSchema } from '#modules/circles/schemas.ts'

export type CircleFormOption = { value: string; label: string }

/** Every field of the form, as the browser sends it. */
export type CircleFormValues = {
	title: string
	description: string
	courseId: string
	programmeId: string
	teamId: string
	startsAt: string
	durationMinutes: string
	capacity: string
	mode: string
	meetingUrl: string
	venue: string
	facilitatorEmail: string
	questions: string
}

/**
 * Scheduling a circle, shared by the studio (open circles) and an organisation (private team
 * circles). Validated in the browser and again on the server; each error beside its field, every
 * value kept. The start is typed in UK time, whatever the facilitator's own zone.
 */
export function CircleForm({
	id,
	lastResult,
	defaultValue,
	courses,
	programmes,
	teams,
	submitLabel,
}: {
	id: string
	lastResult: SubmissionResult<string[]> | undefined
	defaultValue: Partial<CircleFormValues>
	courses: CircleFormOption[]
	programmes: CircleFormOption[]
	/** Only for an organisation's circles. */
	teams?: CircleFormOption[]
	submitLabel: string
}) {
	const navigation = useNavigation()
	const { t } = useTranslation('circles')
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: circleDetailsSchema(new Date()) }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<Form
			method="post"
			className="mt-8 space-y-6"
			{...getFormProps(form)}
			aria-describedby={form.errors?.length ? form.errorId : undefined}
		>
			<FormErrors id={form.errorId} errors={form.errors} />
			<Field
				labelProps={{ children: t('form.title') }}
				inputProps={{ ...getInputProps(fields.title, { type: 'text' }), required: true }}
				errors={fields.title.errors}
			/>
			<TextareaField
				labelProps={{ children: t('form.purpose') }}
				textareaProps={{ ...getTextareaProps(fields.description), rows: 3 }}
				errors={fields.description.errors}
			/>
			{teams ? (
				<SelectField
					labelProps={{ children: t('form.team') }}
					description={t('form.teamHint')}
					selectProps={getSelectProps(fields.teamId)}
					options={teams}
					placeholder={t('form.wholeOrganisation')}
					errors={fields.teamId.errors}
				/>
			) : null}
			<SelectField
				labelProps={{ children: t('form.course') }}
				selectProps={getSelectProps(fields.courseId)}
				options={courses}
				placeholder={t('form.noCourse')}
				errors={fields.courseId.errors}
			/>
			<SelectField
				labelProps={{ children: t('form.programme') }}
				selectProps={getSelectProps(fields.programmeId)}
				options={programmes}
				placeholder={t('form.noProgramme')}
				errors={fields.programmeId.errors}
			/>
			<Field
				labelProps={{ children: t('form.starts') }}
				description={t('form.startsHint')}
				inputProps={{ ...getInputProps(fields.startsAt, { type: 'datetime-local' }), required: true }}
				errors={fields.startsAt.errors}
			/>
			<div className="grid gap-6 sm:grid-cols-2">
				<Field
					labelProps={{ children: t('form.length') }}
					inputProps={{
						...getInputProps(fields.durationMinutes, { type: 'number' }),
						min: 15,
						max: 480,
						required: true,
					}}
					errors={fields.durationMinutes.errors}
				/>
				<Field
					labelProps={{ children: t('form.places') }}
					description={t('form.placesHint')}
					inputProps={{ ...getInputProps(fields.capacity, { type: 'number' }), min: 1, max: 500, required: true }}
					errors={fields.capacity.errors}
				/>
			</div>
			<SelectField
				labelProps={{ children: t('form.where') }}
				selectProps={getSelectProps(fields.mode)}
				options={[
					{ value: 'ONLINE', label: t('form.online') },
					{ value: 'IN_PERSON', label: t('form.inPerson') },
				]}
				errors={fields.mode.errors}
			/>
			<Field
				labelProps={{ children: t('form.meetingLink') }}
				description={t('form.meetingLinkHint')}
				inputProps={{ ...getInputProps(fields.meetingUrl, { type: 'url' }) }}
				errors={fields.meetingUrl.errors}
			/>
			<Field
				labelProps={{ children: t('form.venue') }}
				inputProps={{ ...getInputProps(fields.venue, { type: 'text' }) }}
				errors={fields.venue.errors}
			/>
			<Field
				labelProps={{ children: t('form.facilitatorEmail') }}
				description={t('form.facilitatorHint')}
				inputProps={{ ...getInputProps(fields.facilitatorEmail, { type: 'email' }), required: true }}
				errors={fields.facilitatorEmail.errors}
			/>
			<TextareaField
				labelProps={{ children: t('form.questions') }}
				description={t('form.questionsHint')}
				textareaProps={{ ...getTextareaProps(fields.questions), rows: 5 }}
				errors={fields.questions.errors}
			/>
			<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('form.scheduling')}>
				{submitLabel}
			</SubmitButton>
		</Form>
	)
}
