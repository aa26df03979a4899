// The CPD entry form, shared by /cpd/new and /cpd/:id/edit. It lives beside the /cpd/new route
// (flatRoutes treats only route.tsx in this folder as a route).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import { Form, Link, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SelectField, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import type { RegistrationBody } from '#modules/db/generated/enums.ts'
import {
	CPD_METHODS,
	type CpdEntryInput,
	CpdEntrySchema,
	CpdReflectionSchema,
	STANDARD_SUGGESTIONS,
	STANDARDS_LABEL,
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

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'
const LONG_TEXT_HINT = 'Up to 5,000 characters.'

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
	const standardsLabel = STANDARDS_LABEL[registrationBody ?? 'OTHER']
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
						labelProps={{ children: 'How did you do this CPD?' }}
						selectProps={{ ...getSelectProps(fields.method), required: true }}
						placeholder="Choose one"
						options={CPD_METHODS.map((method) => ({ value: method, label: method }))}
						errors={fields.method.errors}
					/>
					<Field
						labelProps={{ children: 'Title' }}
						description="For example, “Trust conference on trauma-informed care” or “Group supervision”."
						inputProps={{ ...getInputProps(fields.title, { type: 'text' }), required: true }}
						errors={fields.title.errors}
					/>
					<Field
						labelProps={{ children: 'Date' }}
						description="When you did it (or finished it). Not in the future."
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
							labelProps={{ children: 'Hours' }}
							description="In quarter hours: 0.25 is 15 minutes."
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
							labelProps={{ children: 'Participatory hours (optional)' }}
							description="Time spent learning with other people, such as a workshop or discussion."
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
									{...getInputProps(fields.rjcApproved, { type: 'checkbox' })}
									aria-describedby={`${fields.rjcApproved.id}-description`}
									className="size-5 accent-brand-700"
								/>
								<span className="font-semibold text-stone-900">Approved by the Restorative Justice Council</span>
							</label>
							<p id={`${fields.rjcApproved.id}-description`} className="mt-1 text-sm text-stone-600">
								Tick this if the training or event was RJC-approved. At least half of your RJC CPD hours each year need
								to be.
							</p>
							<ErrorList errors={fields.rjcApproved.errors} />
						</div>
					) : null}
				</>
			) : null}
			<TextareaField
				labelProps={{
					children: kind === 'manual' ? 'What did you do? (optional)' : 'Notes about the course (optional)',
				}}
				description={LONG_TEXT_HINT}
				textareaProps={{ ...getTextareaProps(fields.description), rows: 3 }}
				errors={fields.description.errors}
			/>
			<TextareaField
				labelProps={{ children: 'What did you learn? (optional)' }}
				description={`Your reflection. Make sure no one can be identified from it. ${LONG_TEXT_HINT}`}
				textareaProps={{ ...getTextareaProps(fields.reflection), rows: 6 }}
				errors={fields.reflection.errors}
			/>
			<TextareaField
				labelProps={{ children: 'How has it changed your practice? (optional)' }}
				description={`The difference it made to your work and to the people you work with. ${LONG_TEXT_HINT}`}
				textareaProps={{ ...getTextareaProps(fields.impactOnPractice), rows: 4 }}
				errors={fields.impactOnPractice.errors}
			/>
			<TextareaField
				labelProps={{ children: 'Evidence (optional)' }}
				description={`Where your evidence is kept, such as notes, a certificate or a record of attendance. ${LONG_TEXT_HINT}`}
				textareaProps={{ ...getTextareaProps(fields.evidence), rows: 2 }}
				errors={fields.evidence.errors}
			/>
			<fieldset className="space-y-3">
				<legend className="font-semibold text-stone-900">{standardsLabel} (optional)</legend>
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
								<span className="text-stone-900">{suggestion}</span>
							</label>
						))}
					</div>
				) : null}
				<Field
					labelProps={{ children: suggestions.length ? 'Others' : 'Standards or themes' }}
					description="Separate them with commas."
					inputProps={{ ...getInputProps(fields.otherStandards, { type: 'text' }) }}
					errors={fields.otherStandards.errors}
				/>
				<ErrorList errors={fields.standards.errors} />
			</fieldset>
			<div className="flex flex-wrap items-center gap-4 border-t border-stone-200 pt-6">
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Saving…">
					{submitLabel}
				</SubmitButton>
				<Link to="/cpd" className={LINK}>
					Cancel
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
