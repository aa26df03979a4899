// The fields a course's and a programme's details forms have in common: title with its web address
// (which follows the title until the author edits it), summary and description, and the price. One
// copy, so the two forms cannot drift in wording, limits or accessibility.
import { type FieldMetadata, getInputProps, getTextareaProps } from '@conform-to/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field, TextareaField } from '#app/components/forms.tsx'
import { slugify } from '#modules/authoring/schemas.ts'

type TextField = FieldMetadata<string | undefined>

/** Title, then the web address under `pathPrefix` (e.g. /courses), kept in step until edited. */
export function TitleAndAddressFields({
	title,
	slug: slugField,
	defaultSlug,
	pathPrefix,
	placeholder,
}: {
	title: TextField
	slug: TextField
	defaultSlug: string | undefined
	pathPrefix: string
	/** Shown in the hint until there is a web address, e.g. your-course. */
	placeholder: string
}) {
	const { t } = useTranslation('studio')
	const [slugTouched, setSlugTouched] = useState(Boolean(defaultSlug))
	const [slug, setSlug] = useState(defaultSlug ?? '')
	return (
		<>
			<Field
				labelProps={{ children: t('details.title') }}
				inputProps={{
					...getInputProps(title, { type: 'text' }),
					required: true,
					onChange: (event) => {
						if (!slugTouched) setSlug(slugify(event.currentTarget.value))
					},
				}}
				errors={title.errors}
			/>
			<Field
				labelProps={{ children: t('details.slug') }}
				description={t('details.slugHint', { path: `${pathPrefix}/${slug || placeholder}` })}
				inputProps={{
					...getInputProps(slugField, { type: 'text' }),
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
				errors={slugField.errors}
			/>
		</>
	)
}

/** The catalogue summary and the optional Markdown description. */
export function SummaryAndDescriptionFields({
	summary,
	description,
	descriptionRows = 6,
}: {
	summary: TextField
	description: TextField
	descriptionRows?: number
}) {
	const { t } = useTranslation('studio')
	return (
		<>
			<TextareaField
				labelProps={{ children: t('details.summary') }}
				description={t('details.summaryHint')}
				textareaProps={{ ...getTextareaProps(summary), rows: 2, required: true }}
				errors={summary.errors}
			/>
			<TextareaField
				labelProps={{ children: t('details.description') }}
				description={t('details.descriptionHint')}
				textareaProps={{ ...getTextareaProps(description), rows: descriptionRows }}
				errors={description.errors}
			/>
		</>
	)
}

/** A price in pounds; `hint` says what 0 means here. */
export function PriceField({ field, hint }: { field: TextField; hint: string }) {
	const { t } = useTranslation('studio')
	return (
		<Field
			labelProps={{ children: t('details.price') }}
			description={hint}
			inputProps={{
				...getInputProps(field, { type: 'number' }),
				min: 0,
				step: 0.01,
				inputMode: 'decimal',
				required: true,
			}}
			errors={field.errors}
		/>
	)
}
