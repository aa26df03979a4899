import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { SECTORS } from '#app/utils/format.ts'
import { CourseDetailsSchema } from '#modules/authoring/schemas.ts'
import { PriceField, SummaryAndDescriptionFields, TitleAndAddressFields } from './details-fields.tsx'

/** Conform's options for a checkbox (kept out of the JSX, where the i18n lint reads strings as text). */
const CHECKBOX = { type: 'checkbox' } as const

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
	const { t } = useTranslation('studio')
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
				placeholder={t('courseDetails.slugPlaceholder')}
			/>
			<SummaryAndDescriptionFields summary={fields.summary} description={fields.description} />
			<fieldset aria-describedby={fields.sectors.errors?.length ? `${id}-sectors-error` : undefined}>
				<legend className="font-semibold text-stone-900">{t('courseDetails.sectors')}</legend>
				<p className="mt-1 text-sm text-stone-600">{t('courseDetails.sectorsHint')}</p>
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
							<span>{t(`courseDetails.sector.${sector}`)}</span>
						</label>
					))}
				</div>
				<ErrorList id={`${id}-sectors-error`} errors={fields.sectors.errors} />
			</fieldset>
			<div className="grid gap-6 sm:grid-cols-2">
				<Field
					labelProps={{ children: t('courseDetails.cpdHours') }}
					description={t('courseDetails.cpdHoursHint')}
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
				<PriceField field={fields.pricePounds} hint={t('courseDetails.priceHint')} />
			</div>
			<TextareaField
				labelProps={{ children: t('courseDetails.outcomes') }}
				description={t('courseDetails.outcomesHint')}
				textareaProps={{ ...getTextareaProps(fields.outcomes), rows: 5, required: true }}
				errors={fields.outcomes.errors}
			/>
			<div>
				<label className="flex min-h-11 items-center gap-3">
					<input {...getInputProps(fields.sequential, CHECKBOX)} className="size-5 accent-brand-700" />
					<span className="font-semibold text-stone-900">{t('courseDetails.sequential')}</span>
				</label>
				<ErrorList errors={fields.sequential.errors} />
			</div>
			<SubmitButton pending={submitting} pendingText={t('details.saving')}>
				{submitLabel}
			</SubmitButton>
		</Form>
	)
}
