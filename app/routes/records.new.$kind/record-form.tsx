// The form of each regulator record, shared by /records/new/:kind and /records/:id/edit. It lives
// beside the /records/new/:kind route (flatRoutes treats only route.tsx in this folder as a route).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import type { FieldMetadata, SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ReactNode, useState } from 'react'
import { Form, Link, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SelectField, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import type { ReflectiveRecordKind } from '#modules/db/generated/enums.ts'
import { gapSentence, type HcpcGap } from '#modules/reflective-records/hcpc-gaps.ts'
import {
	countWords,
	FEEDBACK_SOURCES,
	HCPC_WORD_LIMITS,
	NMC_CODE_THEMES,
	RECORD_SCHEMAS,
	RJC_PROCESSES,
	RJC_SUPERVISION_TYPES,
	SWE_CPD_TYPES,
	SWE_STANDARDS,
	TEACHER_SIGNER_ROLES,
} from '#modules/reflective-records/schemas.ts'
import { TEACHERS_STANDARD_TAGS } from '#modules/portfolio/schemas.ts'

type Spec =
	| { name: string; label: string; kind: 'text' | 'email' | 'date'; hint?: string; optional?: boolean }
	| {
			name: string
			label: string
			kind: 'textarea'
			hint?: string
			rows?: number
			optional?: boolean
			/** A word limit, counted live as the learner types (the schema enforces it). */
			maxWords?: number
	  }
	| { name: string; label: string; kind: 'select'; options: readonly string[]; hint?: string }
	| { name: string; label: string; kind: 'checkboxes'; options: readonly string[]; hint?: string; optional?: boolean }

const PRIVACY = 'Make sure no one (patients, people you support or colleagues) can be identified from what you write.'
const RJC_PRIVACY =
	'Describe each case so that no one (the people harmed, the people responsible, their families or colleagues) can be identified: no names, places or dates of the incident.'
const PUPIL_PRIVACY = 'Make sure no pupil, parent or colleague can be identified from what you write.'

/** Each form's questions, in the regulator's order, worded for Circle. */
export const FORM_FIELDS: Record<ReflectiveRecordKind, Spec[]> = {
	NMC_REFLECTIVE_ACCOUNT: [
		{ name: 'title', label: 'A short title for this account', kind: 'text' },
		{ name: 'date', label: 'Date of the activity, feedback or event', kind: 'date' },
		{
			name: 'activity',
			label: 'What was the nature of the CPD activity, practice-related feedback or event?',
			kind: 'textarea',
			hint: PRIVACY,
			rows: 4,
		},
		{ name: 'learnt', label: 'What did you learn from it?', kind: 'textarea', rows: 5 },
		{
			name: 'changedPractice',
			label: 'How did you change or improve your practice as a result?',
			kind: 'textarea',
			rows: 5,
		},
		{
			name: 'codeThemes',
			label: 'Which themes of the Code does it relate to?',
			kind: 'checkboxes',
			options: NMC_CODE_THEMES,
			hint: 'Choose one or more.',
		},
		{ name: 'codeRelevance', label: 'How is this relevant to the Code?', kind: 'textarea', rows: 4 },
	],
	NMC_FEEDBACK: [
		{ name: 'title', label: 'A short title for this feedback', kind: 'text' },
		{ name: 'date', label: 'Date you received it', kind: 'date' },
		{ name: 'source', label: 'Who was it from?', kind: 'select', options: FEEDBACK_SOURCES },
		{ name: 'summary', label: 'What did the feedback say?', kind: 'textarea', hint: PRIVACY, rows: 4 },
		{ name: 'response', label: 'How did you use it to improve your practice?', kind: 'textarea', rows: 4 },
	],
	NMC_DISCUSSION: [
		{ name: 'title', label: 'A short title for the discussion', kind: 'text' },
		{ name: 'date', label: 'Date of the discussion', kind: 'date' },
		{
			name: 'partnerName',
			label: 'Your discussion partner’s name',
			kind: 'text',
			hint: 'Another NMC registrant you talked your five reflective accounts through with, face to face or by video.',
		},
		{
			name: 'partnerEmail',
			label: 'Your discussion partner’s email address',
			kind: 'email',
			hint: 'We email them a link to confirm the discussion with their NMC PIN. They do not need an account.',
		},
		{
			name: 'notes',
			label: 'Notes on what you discussed (optional)',
			kind: 'textarea',
			hint: PRIVACY,
			rows: 4,
			optional: true,
		},
	],
	SWE_CPD: [
		{ name: 'title', label: 'A short title for this CPD', kind: 'text' },
		{ name: 'date', label: 'Date of the activity', kind: 'date' },
		{ name: 'cpdType', label: 'Type of CPD', kind: 'select', options: SWE_CPD_TYPES },
		{
			name: 'description',
			label: 'Describe the activity briefly, and why it is relevant to your practice',
			kind: 'textarea',
			hint: PRIVACY,
			rows: 4,
		},
		{ name: 'learnt', label: 'What did you learn?', kind: 'textarea', rows: 5 },
		{
			name: 'impact',
			label: 'What impact has it had on your practice and on the people you work with?',
			kind: 'textarea',
			rows: 5,
		},
		{
			name: 'standards',
			label: 'Professional standard 4 (optional)',
			kind: 'checkboxes',
			options: SWE_STANDARDS,
			optional: true,
		},
		{
			name: 'peerReflection',
			label: 'Peer reflection: what did you learn from discussing this with a peer? (optional)',
			kind: 'textarea',
			hint: 'At least one of your records each year needs a peer reflection.',
			rows: 4,
			optional: true,
		},
		{ name: 'peerName', label: 'Your peer’s name (optional)', kind: 'text', optional: true },
		{
			name: 'peerEmail',
			label: 'Your peer’s email address (optional)',
			kind: 'email',
			hint: 'We email them a link to confirm the peer reflection. They do not need an account.',
			optional: true,
		},
	],
	HCPC_PROFILE: [
		{ name: 'title', label: 'A name for this profile', kind: 'text' },
		{ name: 'date', label: 'Date of the profile', kind: 'date', hint: 'The day you last worked on it.' },
		{
			name: 'summary',
			label: 'Summary of your practice',
			kind: 'textarea',
			hint: 'Your role, where and with whom you work, and what a typical week involves, so the assessors can see your CPD in context. Up to 500 words.',
			rows: 8,
			optional: true,
			maxWords: HCPC_WORD_LIMITS.summary,
		},
		{
			name: 'statement',
			label: 'Your statement: how your CPD has met the HCPC’s standards',
			kind: 'textarea',
			hint:
				'Usually four to six activities from your list. For each: what it was, what you learnt, how it improved your work, and how it benefited the people who use your service. Up to 1,500 words. ' +
				PRIVACY,
			rows: 16,
			optional: true,
			maxWords: HCPC_WORD_LIMITS.statement,
		},
		{
			name: 'gapExplanation',
			label: 'Explain any gap of three months or more in your list',
			kind: 'textarea',
			hint: 'For example a career break, parental leave or illness. A sentence or two is enough.',
			rows: 4,
			optional: true,
		},
	],
	RJC_SUPERVISION: [
		{ name: 'title', label: 'A short title for this supervision', kind: 'text' },
		{ name: 'date', label: 'Date of the supervision', kind: 'date' },
		{ name: 'supervisor', label: 'Your supervisor’s name', kind: 'text' },
		{ name: 'supervisionType', label: 'Case or group supervision?', kind: 'select', options: RJC_SUPERVISION_TYPES },
		{ name: 'casesDiscussed', label: 'Which cases did you discuss?', kind: 'textarea', hint: RJC_PRIVACY, rows: 4 },
		{ name: 'learning', label: 'What did you learn?', kind: 'textarea', rows: 4 },
		{ name: 'actions', label: 'What actions did you agree?', kind: 'textarea', rows: 3 },
	],
	RJC_OBSERVED_PRACTICE: [
		{ name: 'title', label: 'A short title for this observation', kind: 'text' },
		{ name: 'date', label: 'Date of the process', kind: 'date' },
		{ name: 'process', label: 'What kind of process was it?', kind: 'select', options: RJC_PROCESSES },
		{ name: 'observer', label: 'Who observed you?', kind: 'text' },
		{
			name: 'observerRole',
			label: 'Their role (optional)',
			kind: 'text',
			hint: 'For example, “RJC accredited practitioner” or “Case supervisor”.',
			optional: true,
		},
		{ name: 'feedback', label: 'What feedback did they give you?', kind: 'textarea', hint: RJC_PRIVACY, rows: 4 },
		{ name: 'learning', label: 'What did you learn?', kind: 'textarea', rows: 4 },
		{
			name: 'actions',
			label: 'What will you do differently? (optional)',
			kind: 'textarea',
			rows: 3,
			optional: true,
		},
	],
	TEACHER_SIGN_OFF: [
		{ name: 'title', label: 'A short title for this development', kind: 'text' },
		{ name: 'date', label: 'Date (or the date it finished)', kind: 'date' },
		{
			name: 'activity',
			label: 'What did you do?',
			kind: 'textarea',
			hint: `For example, a course, a coaching cycle, lesson study or an observation. ${PUPIL_PRIVACY}`,
			rows: 4,
		},
		{
			name: 'standards',
			label: 'Which of the Teachers’ Standards does it relate to?',
			kind: 'checkboxes',
			options: TEACHERS_STANDARD_TAGS,
			hint: 'Choose one or more: Part One’s eight standards for teaching, or Part Two on conduct.',
		},
		{
			name: 'pupilImpact',
			label: 'What difference did it make to your pupils?',
			kind: 'textarea',
			hint: 'What you saw change in their learning, behaviour or wellbeing, and how you know.',
			rows: 5,
		},
		{
			name: 'evidence',
			label: 'Evidence (optional)',
			kind: 'textarea',
			hint: 'Where your evidence is, such as planning, pupils’ work or an observation note.',
			rows: 3,
			optional: true,
		},
		{ name: 'nextSteps', label: 'Next steps (optional)', kind: 'textarea', rows: 3, optional: true },
		{ name: 'signerName', label: 'Your mentor’s or line manager’s name', kind: 'text' },
		{ name: 'signerRole', label: 'Their role', kind: 'select', options: TEACHER_SIGNER_ROLES },
		{
			name: 'signerEmail',
			label: 'Their email address',
			kind: 'email',
			hint: 'We email them a link to read this record and sign it off. They do not need an account, and the link works once.',
		},
	],
}

/** The id of the HCPC gap explanation's text area (Conform's `<form id>-<field name>`), for links to it. */
export const HCPC_GAP_FIELD_ID = 'record-HCPC_PROFILE-gapExplanation'

/** The gaps, said where they are, as the hint of the field that explains them. */
export function HcpcGapNotes({ gaps }: { gaps: HcpcGap[] }) {
	if (gaps.length === 0)
		return <>You have no gap of three months or more in the last two years: you can leave this empty.</>
	return (
		<>
			Say why there was no CPD in {gaps.length === 1 ? 'this stretch' : 'these stretches'} (a career break, parental
			leave, illness…). A sentence or two is enough.
			<span className="mt-1 block">
				{gaps.map((gap) => (
					<span key={`${gap.from}-${gap.to}`} className="block">
						{gapSentence(gap)}
					</span>
				))}
			</span>
		</>
	)
}

/** "312 of 1,500 words", announced politely as the learner types; over the limit it says by how much. */
export function WordCount({ text, max, id }: { text: string; max: number; id: string }) {
	const words = countWords(text)
	const over = words - max
	return (
		<p
			id={id}
			aria-live="polite"
			data-over={over > 0 || undefined}
			className={over > 0 ? 'mt-1 text-sm font-semibold text-red-800' : 'mt-1 text-sm text-stone-600'}
		>
			{over > 0
				? `${words.toLocaleString('en-GB')} words: ${over.toLocaleString('en-GB')} over the limit of ${max.toLocaleString('en-GB')}`
				: `${words.toLocaleString('en-GB')} of ${max.toLocaleString('en-GB')} words`}
		</p>
	)
}

function CountedTextarea({
	spec,
	meta,
	description,
}: {
	spec: Extract<Spec, { kind: 'textarea' }> & { maxWords: number }
	meta: FieldMetadata<string>
	description: ReactNode
}) {
	const [text, setText] = useState(typeof meta.initialValue === 'string' ? meta.initialValue : '')
	const countId = `${meta.id}-count`
	return (
		<TextareaField
			labelProps={{ children: spec.label }}
			description={description}
			textareaProps={{
				...getTextareaProps(meta),
				rows: spec.rows ?? 4,
				required: !spec.optional,
				onInput: (event) => setText(event.currentTarget.value),
			}}
			footer={<WordCount text={text} max={spec.maxWords} id={countId} />}
			errors={meta.errors}
		/>
	)
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

export type RecordFormDefaults = Record<string, string | string[] | undefined>

/** A regulator record's form: the fields of `kind`, errors beside each, typed values kept. */
export function RecordForm({
	kind,
	defaultValue,
	lastResult,
	today,
	submitLabel,
	cancelTo,
	notes,
}: {
	kind: ReflectiveRecordKind
	defaultValue: RecordFormDefaults
	lastResult: SubmissionResult<string[]> | undefined
	today: string
	submitLabel: string
	cancelTo: string
	/** Something to show beside a field, by name, in place of its usual hint (the HCPC gaps beside their explanation). */
	notes?: Record<string, ReactNode>
}) {
	const navigation = useNavigation()
	const [form, fields] = useForm<Record<string, string | string[] | undefined>>({
		id: `record-${kind}`,
		lastResult,
		defaultValue,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RECORD_SCHEMAS[kind] }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const ticked = (name: string) => new Set([defaultValue[name] ?? []].flat())
	return (
		<Form
			method="post"
			className="mt-8 space-y-6"
			{...getFormProps(form)}
			aria-describedby={form.errors?.length ? form.errorId : undefined}
		>
			<FormErrors id={form.errorId} errors={form.errors} />
			{typeof defaultValue.sourceReflectionId === 'string' && defaultValue.sourceReflectionId ? (
				<input type="hidden" name="sourceReflectionId" value={defaultValue.sourceReflectionId} />
			) : null}
			{FORM_FIELDS[kind].map((spec) => {
				const meta = fields[spec.name] as FieldMetadata<string | string[] | undefined> | undefined
				if (!meta) return null
				switch (spec.kind) {
					case 'text':
					case 'email':
					case 'date':
						return (
							<Field
								key={spec.name}
								labelProps={{ children: spec.label }}
								description={spec.hint}
								inputProps={{
									...getInputProps(meta as FieldMetadata<string>, { type: spec.kind }),
									required: !spec.optional,
									...(spec.kind === 'date' ? { max: today, min: '1990-01-01', className: 'sm:max-w-xs' } : {}),
									...(spec.kind === 'email' ? { autoComplete: 'off' } : {}),
								}}
								errors={meta.errors}
							/>
						)
					case 'textarea':
						if (spec.maxWords) {
							return (
								<CountedTextarea
									key={`${spec.name}-${meta.key ?? ''}`}
									spec={{ ...spec, maxWords: spec.maxWords }}
									meta={meta as FieldMetadata<string>}
									description={notes?.[spec.name] ?? spec.hint}
								/>
							)
						}
						return (
							<TextareaField
								key={spec.name}
								labelProps={{ children: spec.label }}
								description={notes?.[spec.name] ?? spec.hint ?? 'Up to 5,000 characters.'}
								textareaProps={{
									...getTextareaProps(meta as FieldMetadata<string>),
									rows: spec.rows ?? 4,
									required: !spec.optional,
								}}
								errors={meta.errors}
							/>
						)
					case 'select':
						return (
							<SelectField
								key={spec.name}
								labelProps={{ children: spec.label }}
								description={spec.hint}
								selectProps={{ ...getSelectProps(meta as FieldMetadata<string>), required: true }}
								placeholder="Choose one"
								options={spec.options.map((option) => ({ value: option, label: option }))}
								errors={meta.errors}
							/>
						)
					case 'checkboxes': {
						const checked = ticked(spec.name)
						const errorId = `${form.id}-${spec.name}-error`
						return (
							<fieldset
								key={spec.name}
								className="space-y-3"
								aria-describedby={meta.errors?.length ? errorId : undefined}
							>
								<legend className="font-semibold text-stone-900">{spec.label}</legend>
								{spec.hint ? <p className="text-sm text-stone-600">{spec.hint}</p> : null}
								<div className="grid gap-2 sm:grid-cols-2">
									{spec.options.map((option, i) => (
										<label
											key={option}
											htmlFor={`${form.id}-${spec.name}-${i}`}
											className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 bg-white px-3 py-2"
										>
											<input
												id={`${form.id}-${spec.name}-${i}`}
												type="checkbox"
												name={meta.name}
												value={option}
												defaultChecked={checked.has(option)}
												aria-invalid={meta.errors?.length ? true : undefined}
												className="size-5 accent-brand-700"
											/>
											<span className="text-stone-900">{option}</span>
										</label>
									))}
								</div>
								<ErrorList id={meta.errors?.length ? errorId : undefined} errors={meta.errors} />
							</fieldset>
						)
					}
				}
			})}
			<div className="flex flex-wrap items-center gap-4 border-t border-stone-200 pt-6">
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Saving…">
					{submitLabel}
				</SubmitButton>
				<Link to={cancelTo} className={LINK}>
					Cancel
				</Link>
			</div>
		</Form>
	)
}
