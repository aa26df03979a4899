import {
	getCollectionProps,
	getFormProps,
	getInputProps,
	getTextareaProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { SECTORS } from '#app/utils/format.ts'
import { NEWS_SUMMARY_MAX, NewsPostSchema } from '#modules/news/schemas.ts'

const SECTOR_CHECKBOXES = { type: 'checkbox' as const, options: [...SECTORS] as string[] }

export type NewsPostDefaults = {
	title?: string
	slug?: string
	summary?: string
	body?: string
	sectors?: string[]
	coverAlt?: string
	publishedOn?: string
}

/**
 * A post's words, shared by "New post" and the edit page. Validated in the browser and again on the
 * server, each error beside its field and every value kept. The web address may be left empty on a
 * new post: the server makes it from the title.
 */
export function NewsPostForm({
	id,
	defaultValue,
	lastResult,
	submitLabel,
	showCoverAlt = false,
	showPublishedOn = false,
}: {
	id: string
	defaultValue: NewsPostDefaults
	lastResult: SubmissionResult<string[]> | undefined
	submitLabel: string
	showCoverAlt?: boolean
	showPublishedOn?: boolean
}) {
	const { t } = useTranslation('news')
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id,
		lastResult,
		defaultValue,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: NewsPostSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'save'
	const sectorsHintId = `${id}-sectors-hint`
	return (
		<Form
			method="post"
			className="mt-8 space-y-6"
			{...getFormProps(form)}
			aria-describedby={form.errors?.length ? form.errorId : undefined}
		>
			<input type="hidden" name="intent" value="save" />
			<FormErrors id={form.errorId} errors={form.errors} title={t('studio.problem')} />
			<Field
				labelProps={{ children: t('studio.fields.title') }}
				inputProps={{ ...getInputProps(fields.title, { type: 'text' }), autoComplete: 'off' }}
				errors={fields.title.errors}
			/>
			<Field
				labelProps={{ children: t('studio.fields.slug') }}
				description={t('studio.fields.slugHint')}
				inputProps={{ ...getInputProps(fields.slug, { type: 'text' }), autoComplete: 'off', spellCheck: false }}
				errors={fields.slug.errors}
			/>
			<TextareaField
				labelProps={{ children: t('studio.fields.summary') }}
				description={t('studio.fields.summaryHint', { max: NEWS_SUMMARY_MAX })}
				textareaProps={{ ...getTextareaProps(fields.summary), rows: 3 }}
				errors={fields.summary.errors}
			/>
			<TextareaField
				labelProps={{ children: t('studio.fields.body') }}
				description={t('studio.fields.bodyHint')}
				textareaProps={{ ...getTextareaProps(fields.body), rows: 18, className: 'font-mono text-base' }}
				errors={fields.body.errors}
			/>
			<fieldset aria-describedby={sectorsHintId}>
				<legend className="font-semibold text-stone-900">{t('studio.fields.sectors')}</legend>
				<p id={sectorsHintId} className="mt-1 text-sm text-stone-600">
					{t('studio.fields.sectorsHint')}
				</p>
				<ul className="mt-2 grid gap-1 sm:grid-cols-2">
					{getCollectionProps(fields.sectors, SECTOR_CHECKBOXES).map((props) => {
						const { key, ...rest } = props
						return (
							<li key={key}>
								<label className="flex min-h-11 items-center gap-3">
									<input {...rest} className="size-5 accent-brand-700" />
									<span>{t(`sectors.${props.value as (typeof SECTORS)[number]}`)}</span>
								</label>
							</li>
						)
					})}
				</ul>
				<ErrorList errors={fields.sectors.errors} />
			</fieldset>
			{showCoverAlt ? (
				<Field
					labelProps={{ children: t('studio.fields.coverAlt') }}
					description={t('studio.fields.coverAltHint')}
					inputProps={getInputProps(fields.coverAlt, { type: 'text' })}
					errors={fields.coverAlt.errors}
				/>
			) : null}
			{showPublishedOn ? (
				<Field
					labelProps={{ children: t('studio.fields.publishedOn') }}
					description={t('studio.fields.publishedOnHint')}
					inputProps={getInputProps(fields.publishedOn, { type: 'date' })}
					errors={fields.publishedOn.errors}
				/>
			) : null}
			<SubmitButton pending={submitting} pendingText={t('studio.saving')}>
				{submitLabel}
			</SubmitButton>
		</Form>
	)
}
