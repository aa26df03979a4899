import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { SECTOR_LABELS, SECTORS } from '#app/utils/format.ts'
import { CourseDetailsSchema } from '#modules/authoring/schemas.ts'
import { PriceField, SummaryAndDescriptionFields, TitleAndAddressFields } from './details-fields.tsx'

export type CourseDetailsDefaults = {
	title?: string
	slug?: string
	summary?: string
	description?: string
	sectors?: string[]
	cpdHours?: string
	pricePounds?: string
	outcomes?: string
	sequential?: boolean
}

/**
 * The course details, shared by "New course" and the builder. The web address follows the title
 * until the author edits it themselves. Validated in the browser and again on the server, with each
 * error beside its field and every value kept.
 */
export function CourseDetailsForm({
	id,
	defaultValue,
	lastResult,
	submitLabel,
	intent,
	cpdProblem,
}: {
	id: string
	defaultValue: CourseDetailsDefaults
	lastResult: SubmissionResult<string[]> | undefined
	submitLabel: string
	intent?: string
	/** A saved CPD figure that the lessons have outgrown: shown beside the field until it is mended. */
	cpdProblem?: string | null
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CourseDetailsSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const chosen = new Set(defaultValue.sectors ?? [])
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
			<TitleAndAddressFields
				title={fields.title}
				slug={fields.slug}
				defaultSlug={defaultValue.slug}
				pathPrefix="/courses"
				placeholder="your-course"
			/>
			<SummaryAndDescriptionFields summary={fields.summary} description={fields.description} />
			<fieldset aria-describedby={fields.sectors.errors?.length ? `${id}-sectors-error` : undefined}>
				<legend className="font-semibold text-stone-900">Sectors</legend>
				<p className="mt-1 text-sm text-stone-600">Who the course is for. Choose at least one.</p>
				<div className="mt-2 grid gap-2 sm:grid-cols-2">
					{SECTORS.map((sector) => (
						<label
							key={sector}
							className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 bg-white px-3 py-2"
						>
							<input
								type="checkbox"
								name={fields.sectors.name}
								value={sector}
								defaultChecked={chosen.has(sector)}
								className="size-5 accent-brand-700"
							/>
							<span>{SECTOR_LABELS[sector]}</span>
						</label>
					))}
				</div>
				<ErrorList id={`${id}-sectors-error`} errors={fields.sectors.errors} />
			</fieldset>
			<div className="grid gap-6 sm:grid-cols-2">
				<Field
					labelProps={{ children: 'CPD hours' }}
					description="In quarter hours, from 0.25 to 100, and at least the lessons’ total time rounded up to the quarter hour."
					inputProps={{
						...getInputProps(fields.cpdHours, { type: 'number' }),
						min: 0.25,
						max: 100,
						step: 0.25,
						inputMode: 'decimal',
						required: true,
					}}
					errors={fields.cpdHours.errors ?? (cpdProblem ? [cpdProblem] : undefined)}
				/>
				<PriceField field={fields.pricePounds} hint="0 makes the course free." />
			</div>
			<TextareaField
				labelProps={{ children: 'Learning outcomes' }}
				description="One per line, from 1 to 12. They appear on the course page and the certificate."
				textareaProps={{ ...getTextareaProps(fields.outcomes), rows: 5, required: true }}
				errors={fields.outcomes.errors}
			/>
			<div>
				<label className="flex min-h-11 items-center gap-3">
					<input {...getInputProps(fields.sequential, { type: 'checkbox' })} className="size-5 accent-brand-700" />
					<span className="font-semibold text-stone-900">Lessons unlock in order</span>
				</label>
				<ErrorList errors={fields.sequential.errors} />
			</div>
			<SubmitButton pending={submitting} pendingText="Saving…">
				{submitLabel}
			</SubmitButton>
		</Form>
	)
}
