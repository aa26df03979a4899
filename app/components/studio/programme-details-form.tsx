import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useState } from 'react'
import { Form, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { slugify } from '#modules/authoring/schemas.ts'
import { ProgrammeDetailsSchema } from '#modules/programmes/schemas.ts'

export type ProgrammeDetailsDefaults = {
	title?: string
	slug?: string
	summary?: string
	description?: string
	sequential?: boolean
}

/**
 * A programme's details, shared by "New programme" and the builder. The web address follows the
 * title until the trainer edits it. Validated in the browser and again on the server, each error
 * beside its field and every value kept.
 */
export function ProgrammeDetailsForm({
	id,
	defaultValue,
	lastResult,
	submitLabel,
	intent,
	sequentialLocked = false,
}: {
	id: string
	defaultValue: ProgrammeDetailsDefaults
	lastResult: SubmissionResult<string[]> | undefined
	submitLabel: string
	intent?: string
	/** Published: whether courses open in order can no longer change. */
	sequentialLocked?: boolean
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgrammeDetailsSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const [slugTouched, setSlugTouched] = useState(Boolean(defaultValue.slug))
	const [slug, setSlug] = useState(defaultValue.slug ?? '')
	const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') === (intent ?? null)
	return (
		<Form
			method="post"
			className="mt-8 space-y-6"
			{...getFormProps(form)}
			aria-describedby={form.errors?.length ? form.errorId : undefined}
		>
			{intent ? <input type="hidden" name="intent" value={intent} /> : null}
			<FormErrors id={form.errorId} errors={form.errors} />
			<Field
				labelProps={{ children: 'Title' }}
				inputProps={{
					...getInputProps(fields.title, { type: 'text' }),
					required: true,
					onChange: (event) => {
						if (!slugTouched) setSlug(slugify(event.currentTarget.value))
					},
				}}
				errors={fields.title.errors}
			/>
			<Field
				labelProps={{ children: 'Web address' }}
				description={`Lower-case letters, numbers and hyphens. The programme will be at /programmes/${slug || 'your-programme'}.`}
				inputProps={{
					...getInputProps(fields.slug, { type: 'text' }),
					key: undefined,
					defaultValue: undefined,
					value: slug,
					onChange: (event) => {
						setSlugTouched(true)
						setSlug(event.currentTarget.value)
					},
					required: true,
					autoCapitalize: 'none',
					spellCheck: false,
				}}
				errors={fields.slug.errors}
			/>
			<TextareaField
				labelProps={{ children: 'Summary' }}
				description="One or two sentences for the catalogue."
				textareaProps={{ ...getTextareaProps(fields.summary), rows: 2, required: true }}
				errors={fields.summary.errors}
			/>
			<TextareaField
				labelProps={{ children: 'Description (optional)' }}
				description="Markdown: **bold**, *italic*, lists and links."
				textareaProps={{ ...getTextareaProps(fields.description), rows: 5 }}
				errors={fields.description.errors}
			/>
			<div>
				<label className="flex min-h-11 items-center gap-3">
					<input
						{...getInputProps(fields.sequential, { type: 'checkbox' })}
						aria-describedby={`${id}-sequential-hint`}
						className="size-5 accent-brand-700"
					/>
					<span className="font-semibold text-stone-900">Courses open in order</span>
				</label>
				<p id={`${id}-sequential-hint`} className="mt-1 text-sm text-stone-600">
					{sequentialLocked
						? 'Fixed now the programme is published: learners on it have had their courses opened this way.'
						: 'Each course opens once the learner has finished the one before it.'}
				</p>
				<ErrorList errors={fields.sequential.errors} />
			</div>
			<SubmitButton pending={submitting} pendingText="Saving…">
				{submitLabel}
			</SubmitButton>
		</Form>
	)
}
