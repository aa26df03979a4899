import {
	getFormProps,
	getInputProps,
	getSelectProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
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
				labelProps={{ children: 'Title' }}
				inputProps={{ ...getInputProps(fields.title, { type: 'text' }), required: true }}
				errors={fields.title.errors}
			/>
			<TextareaField
				labelProps={{ children: 'What the circle is for (optional)' }}
				textareaProps={{ ...getTextareaProps(fields.description), rows: 3 }}
				errors={fields.description.errors}
			/>
			{teams ? (
				<SelectField
					labelProps={{ children: 'Team' }}
					description="Only this team’s members see and book the circle. Leave it as the whole organisation to open it to everyone in it."
					selectProps={getSelectProps(fields.teamId)}
					options={teams}
					placeholder="The whole organisation"
					errors={fields.teamId.errors}
				/>
			) : null}
			<SelectField
				labelProps={{ children: 'Course it belongs to (optional)' }}
				selectProps={getSelectProps(fields.courseId)}
				options={courses}
				placeholder="No course"
				errors={fields.courseId.errors}
			/>
			<SelectField
				labelProps={{ children: 'Programme it belongs to (optional)' }}
				selectProps={getSelectProps(fields.programmeId)}
				options={programmes}
				placeholder="No programme"
				errors={fields.programmeId.errors}
			/>
			<Field
				labelProps={{ children: 'Starts (UK time)' }}
				description="The date and time in the UK, e.g. 14/12/2026 18:30. People elsewhere also see it in their own time zone."
				inputProps={{ ...getInputProps(fields.startsAt, { type: 'datetime-local' }), required: true }}
				errors={fields.startsAt.errors}
			/>
			<div className="grid gap-6 sm:grid-cols-2">
				<Field
					labelProps={{ children: 'Length (minutes)' }}
					inputProps={{
						...getInputProps(fields.durationMinutes, { type: 'number' }),
						min: 15,
						max: 480,
						required: true,
					}}
					errors={fields.durationMinutes.errors}
				/>
				<Field
					labelProps={{ children: 'Places' }}
					description="When it is full, people join a waiting list."
					inputProps={{ ...getInputProps(fields.capacity, { type: 'number' }), min: 1, max: 500, required: true }}
					errors={fields.capacity.errors}
				/>
			</div>
			<SelectField
				labelProps={{ children: 'Where' }}
				selectProps={getSelectProps(fields.mode)}
				options={[
					{ value: 'ONLINE', label: 'Online (Teams, Zoom or Meet)' },
					{ value: 'IN_PERSON', label: 'In person' },
				]}
				errors={fields.mode.errors}
			/>
			<Field
				labelProps={{ children: 'Meeting link (online circles)' }}
				description="An https link. Only people with a place see it."
				inputProps={{ ...getInputProps(fields.meetingUrl, { type: 'url' }) }}
				errors={fields.meetingUrl.errors}
			/>
			<Field
				labelProps={{ children: 'Venue (in-person circles)' }}
				inputProps={{ ...getInputProps(fields.venue, { type: 'text' }) }}
				errors={fields.venue.errors}
			/>
			<Field
				labelProps={{ children: 'Facilitator’s email address' }}
				description="The person who leads the circle and keeps its register. They need a Circle account."
				inputProps={{ ...getInputProps(fields.facilitatorEmail, { type: 'email' }), required: true }}
				errors={fields.facilitatorEmail.errors}
			/>
			<TextareaField
				labelProps={{ children: 'The circle’s questions' }}
				description="One a line, in the order you will ask them. People with a place see them beforehand."
				textareaProps={{ ...getTextareaProps(fields.questions), rows: 5 }}
				errors={fields.questions.errors}
			/>
			<SubmitButton pending={navigation.state === 'submitting'} pendingText="Scheduling…">
				{submitLabel}
			</SubmitButton>
		</Form>
	)
}
