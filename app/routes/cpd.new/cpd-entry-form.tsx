// The CPD entry form, shared by /cpd/new and /cpd/:id/edit. It lives beside the /cpd/new route
// (flatRoutes treats only route.tsx in this folder as a route).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SelectField, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import type { RegistrationBody } from '#modules/db/generated/enums.ts'
import {
	CPD_METHODS,
	type CpdEntryInput,
	CpdEntrySchema,
	CpdReflectionSchema,
	STANDARD_SUGGESTIONS,
} from '#modules/portfolio/schemas.ts'

export type CpdEntryFormDefaults = {
	method?: string
	title?: string
	date?: string
	hours?: string
	participatoryHours?: string
	description?: string
	reflection?: string
	impactOnPractice?: string
	evidence?: string
	standards?: string[]
	otherStandards?: string
	rjcApproved?: string
}

const CHECKBOX = 'checkbox'
const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

/**
 * The fields of a CPD entry. `kind: 'certificate'` shows only what a learner may change on an entry
 * that came from a Circle certificate (their reflection, impact, evidence and standards).
 */
export function CpdEntryForm({
	id,
	kind,
	defaultValue,
	lastResult,
	registrationBody,
	askRjc = false,
	today,
	submitLabel,
}: {
	id: string
	kind: 'manual' | 'certificate'
	defaultValue: CpdEntryFormDefaults
	lastResult: SubmissionResult<string[]> | undefined
	registrationBody: RegistrationBody | null
	/** Ask whether the entry is RJC-approved (the learner has an RJC practitioner level). */
	askRjc?: boolean
	/** The UK date today, as the latest date the date field accepts. */
	today: string
	submitLabel: string
}) {
	const navigation = useNavigation()
	const { t } = useTranslation('cpd')
	const [form, fields] = useForm<CpdEntryInput>({
		id,
		lastResult,
		defaultValue,
		// A certificate entry's form has only the reflective fields, which both schemas share: typing it
		// as the full schema keeps one set of field names for both kinds.
		onValidate: ({ formData }) =>
			parseWithZod(formData, {
				schema: (kind === 'manual' ? CpdEntrySchema : CpdReflectionSchema) as typeof CpdEntrySchema,
			}),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const suggestions = STANDARD_SUGGESTIONS[registrationBody ?? 'OTHER']
	const standardsLabel = t(`form.standardsLabel.${registrationBody ?? 'OTHER'}`)
	// Ticked values not among the suggestions go back into the free-text box.
	const ticked = new Set(defaultValue.standards ?? [])

	return (
		<Form
			method="post"
			className="mt-8 space-y-6"
			{...getFormProps(form)}
			aria-describedby={form.errors?.length ? form.errorId : undefined}
		>
			<FormErrors id={form.errorId} errors={form.errors} />
			{kind === 'manual' ? (
				<>
					<SelectField
						labelProps={{ children: t('form.method') }}
						selectProps={{ ...getSelectProps(fields.method), required: true }}
						placeholder={t('form.chooseOne')}
						options={CPD_METHODS.map((method) => ({ value: method, label: t(`methods.${method}`) }))}
						errors={fields.method.errors}
					/>
					<Field
						labelProps={{ children: t('form.title') }}
						description={t('form.titleHint')}
						inputProps={{ ...getInputProps(fields.title, { type: 'text' }), required: true }}
						errors={fields.title.errors}
					/>
					<Field
						labelProps={{ children: t('form.date') }}
						description={t('form.dateHint')}
						inputProps={{
							...getInputProps(fields.date, { type: 'date' }),
							min: '1900-01-01',
							max: today,
							required: true,
							className: 'sm:max-w-xs',
						}}
						errors={fields.date.errors}
					/>
					<div className="grid gap-6 sm:grid-cols-2">
						<Field
							labelProps={{ children: t('form.hours') }}
							description={t('form.hoursHint')}
							inputProps={{
								...getInputProps(fields.hours, { type: 'number' }),
								min: 0.25,
								max: 100,
								step: 0.25,
								inputMode: 'decimal',
								required: true,
							}}
							errors={fields.hours.errors}
						/>
						<Field
							labelProps={{ children: t('form.participatoryHours') }}
							description={t('form.participatoryHint')}
							inputProps={{
								...getInputProps(fields.participatoryHours, { type: 'number' }),
								min: 0,
								max: 100,
								step: 0.25,
								inputMode: 'decimal',
							}}
							errors={fields.participatoryHours.errors}
						/>
					</div>
					{askRjc ? (
						<div>
							<label className="flex min-h-11 items-center gap-3">
								<input
									{...getInputProps(fields.rjcApproved, { type: CHECKBOX })}
									aria-describedby={`${fields.rjcApproved.id}-description`}
									className="size-5 accent-brand-700"
								/>
								<span className="font-semibold text-stone-900">{t('form.rjcApproved')}</span>
							</label>
							<p id={`${fields.rjcApproved.id}-description`} className="mt-1 text-sm text-stone-600">
								{t('form.rjcHint')}
							</p>
							<ErrorList errors={fields.rjcApproved.errors} />
						</div>
					) : null}
				</>
			) : null}
			<TextareaField
				labelProps={{
					children: kind === 'manual' ? t('form.whatDidYouDo') : t('form.courseNotes'),
				}}
				description={t('form.longText')}
				textareaProps={{ ...getTextareaProps(fields.description), rows: 3 }}
				errors={fields.description.errors}
			/>
			<TextareaField
				labelProps={{ children: t('form.whatLearned') }}
				description={t('form.whatLearnedHint')}
				textareaProps={{ ...getTextareaProps(fields.reflection), rows: 6 }}
				errors={fields.reflection.errors}
			/>
			<TextareaField
				labelProps={{ children: t('form.practice') }}
				description={t('form.practiceHint')}
				textareaProps={{ ...getTextareaProps(fields.impactOnPractice), rows: 4 }}
				errors={fields.impactOnPractice.errors}
			/>
			<TextareaField
				labelProps={{ children: t('form.evidence') }}
				description={t('form.evidenceHint')}
				textareaProps={{ ...getTextareaProps(fields.evidence), rows: 2 }}
				errors={fields.evidence.errors}
			/>
			<fieldset className="space-y-3">
				<legend className="font-semibold text-stone-900">
					{t('form.standardsOptional', { label: standardsLabel })}
				</legend>
				{suggestions.length ? (
					<div className="grid gap-2 sm:grid-cols-2">
						{suggestions.map((suggestion, i) => (
							<label
								key={suggestion}
								htmlFor={`${id}-standard-${i}`}
								className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 bg-white px-3 py-2"
							>
								<input
									id={`${id}-standard-${i}`}
									type="checkbox"
									name={fields.standards.name}
									value={suggestion}
									defaultChecked={ticked.has(suggestion)}
									className="size-5 accent-brand-700"
								/>
								{/* The regulator's own words for its standards, kept in English. */}
								<span className="text-stone-900" lang="en">
									{suggestion}
								</span>
							</label>
						))}
					</div>
				) : null}
				<Field
					labelProps={{ children: suggestions.length ? t('form.others') : t('form.standardsOrThemes') }}
					description={t('form.commas')}
					inputProps={{ ...getInputProps(fields.otherStandards, { type: 'text' }) }}
					errors={fields.otherStandards.errors}
				/>
				<ErrorList errors={fields.standards.errors} />
			</fieldset>
			<div className="flex flex-wrap items-center gap-4 border-t border-stone-200 pt-6">
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('form.saving')}>
					{submitLabel}
				</SubmitButton>
				<Link to="/cpd" className={LINK}>
					{t('form.cancel')}
				</Link>
			</div>
		</Form>
	)
}

/** Form defaults for an entry: hours as text, and ticked standards split from the free-text ones. */
export function entryFormDefaults({
	entry,
	registrationBody,
}: {
	entry: {
		method: string
		title: string
		date: string
		minutes: number
		participatoryMinutes: number
		description: string | null
		reflection: string | null
		impactOnPractice: string | null
		evidence: string | null
		standards: string[]
		rjcApproved?: boolean
	}
	registrationBody: RegistrationBody | null
}): CpdEntryFormDefaults {
	const suggestions = new Set(STANDARD_SUGGESTIONS[registrationBody ?? 'OTHER'])
	return {
		method: entry.method,
		title: entry.title,
		date: entry.date,
		hours: String(entry.minutes / 60),
		participatoryHours: entry.participatoryMinutes ? String(entry.participatoryMinutes / 60) : '',
		description: entry.description ?? '',
		reflection: entry.reflection ?? '',
		impactOnPractice: entry.impactOnPractice ?? '',
		evidence: entry.evidence ?? '',
		standards: entry.standards.filter((s) => suggestions.has(s)),
		otherStandards: entry.standards.filter((s) => !suggestions.has(s)).join(', '),
		rjcApproved: entry.rjcApproved ? 'on' : '',
	}
}
