import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { NewsletterIssueSchema } from '#modules/newsletter/schemas.ts'
import { SectorCheckboxes } from './sector-checkboxes.tsx'

/** Subject, Markdown and sectors of a newsletter issue (intent "save"), for the new and edit pages. */
export function NewsletterIssueForm({
	id,
	defaultValue,
	lastResult,
	submitLabel,
}: {
	id: string
	defaultValue?: { subject: string; markdown: string; sectors: string[] }
	lastResult?: SubmissionResult<string[]>
	submitLabel: string
}) {
	const { t } = useTranslation('newsletter')
	const navigation = useNavigation()
	const [form, fields] = useForm<{ subject: string; markdown: string; sectors: string[] }>({
		id,
		lastResult,
		defaultValue,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: NewsletterIssueSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const initialSectors = fields.sectors.initialValue
	return (
		<Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			<input type="hidden" name="intent" value="save" />
			<Field
				labelProps={{ children: t('studio.subjectLabel') }}
				inputProps={{ ...getInputProps(fields.subject, { type: 'text' }), required: true }}
				errors={fields.subject.errors}
			/>
			<TextareaField
				labelProps={{ children: t('studio.markdownLabel') }}
				description={t('studio.markdownHint')}
				textareaProps={{ ...getTextareaProps(fields.markdown), rows: 14, required: true }}
				errors={fields.markdown.errors}
			/>
			<SectorCheckboxes
				id={fields.sectors.id}
				legend={t('studio.sectorsLegend')}
				hint={t('studio.sectorsHint')}
				defaultValue={initialSectors ? [initialSectors as string | string[]].flat() : []}
				errors={fields.sectors.errors}
			/>
			<SubmitButton pending={navigation.formData?.get('intent') === 'save'} pendingText={t('studio.saving')}>
				{submitLabel}
			</SubmitButton>
		</Form>
	)
}
