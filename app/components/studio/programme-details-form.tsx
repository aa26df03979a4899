import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { ErrorList, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { ProgrammeDetailsSchema } from '#modules/programmes/schemas.ts'
import { PriceField, SummaryAndDescriptionFields, TitleAndAddressFields } from './details-fields.tsx'

/** Conform's options for a checkbox (kept out of the JSX, where the i18n lint reads strings as text). */
const CHECKBOX = { type: 'checkbox' } as const

export type ProgrammeDetailsDefaults = {
	title?: string
	slug?: string
	summary?: string
	description?: string
	sequential?: boolean
	pricePounds?: string
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
	const { t } = useTranslation('studio')
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgrammeDetailsSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
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
				pathPrefix="/programmes"
				placeholder={t('programmeDetails.slugPlaceholder')}
			/>
			<SummaryAndDescriptionFields summary={fields.summary} description={fields.description} descriptionRows={5} />
			<PriceField field={fields.pricePounds} hint={t('programmeDetails.priceHint')} />
			<div>
				<label className="flex min-h-11 items-center gap-3">
					<input
						{...getInputProps(fields.sequential, CHECKBOX)}
						aria-describedby={`${id}-sequential-hint`}
						className="size-5 accent-brand-700"
					/>
					<span className="font-semibold text-stone-900">{t('programmeDetails.sequential')}</span>
				</label>
				<p id={`${id}-sequential-hint`} className="mt-1 text-sm text-stone-600">
					{sequentialLocked ? t('programmeDetails.sequentialLocked') : t('programmeDetails.sequentialHint')}
				</p>
				<ErrorList errors={fields.sequential.errors} />
			</div>
			<SubmitButton pending={submitting} pendingText={t('details.saving')}>
				{submitLabel}
			</SubmitButton>
		</Form>
	)
}
