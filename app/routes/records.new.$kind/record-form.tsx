// The form of each regulator record, shared by /records/new/:kind and /records/:id/edit. It lives
// beside the /records/new/:kind route (flatRoutes treats only route.tsx in this folder as a route).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import type { FieldMetadata, SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ParseKeys } from 'i18next'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SelectField, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import type { ReflectiveRecordKind } from '#modules/db/generated/enums.ts'
import { useGapSentence } from '#app/components/hcpc-evidence.tsx'
import { useFormat } from '#app/utils/i18n.ts'
import type { HcpcGap } from '#modules/reflective-records/hcpc-gaps.ts'
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

/** A message of the `records` namespace: each field's label and hint are keys, shown in the page's language. */
type Text = ParseKeys<'records'>

type Spec =
	| { name: string; label: Text; kind: 'text' | 'email' | 'date'; hint?: Text; optional?: boolean }
	| {
			name: string
			label: Text
			kind: 'textarea'
			hint?: Text
			rows?: number
			optional?: boolean
			/** A word limit, counted live as the learner types (the schema enforces it). */
			maxWords?: number
	  }
	| { name: string; label: Text; kind: 'select'; options: readonly string[]; hint?: Text }
	| { name: string; label: Text; kind: 'checkboxes'; options: readonly string[]; hint?: Text; optional?: boolean }

/** Each form's questions, in the regulator's order, worded for Circle (keys of the `records` namespace). */
export const FORM_FIELDS: Record<ReflectiveRecordKind, Spec[]> = {
	NMC_REFLECTIVE_ACCOUNT: [
		{ name: 'title', label: 'form.nmcAccount.title', kind: 'text' },
		{ name: 'date', label: 'form.nmcAccount.date', kind: 'date' },
		{
			name: 'activity',
			label: 'form.nmcAccount.activity',
			kind: 'textarea',
			hint: 'form.privacy',
			rows: 4,
		},
		{ name: 'learnt', label: 'form.nmcAccount.learnt', kind: 'textarea', rows: 5 },
		{
			name: 'changedPractice',
			label: 'form.nmcAccount.changedPractice',
			kind: 'textarea',
			rows: 5,
		},
		{
			name: 'codeThemes',
			label: 'form.nmcAccount.codeThemes',
			kind: 'checkboxes',
			options: NMC_CODE_THEMES,
			hint: 'form.chooseOneOrMore',
		},
		{ name: 'codeRelevance', label: 'form.nmcAccount.codeRelevance', kind: 'textarea', rows: 4 },
	],
	NMC_FEEDBACK: [
		{ name: 'title', label: 'form.nmcFeedback.title', kind: 'text' },
		{ name: 'date', label: 'form.nmcFeedback.date', kind: 'date' },
		{ name: 'source', label: 'form.nmcFeedback.source', kind: 'select', options: FEEDBACK_SOURCES },
		{ name: 'summary', label: 'form.nmcFeedback.summary', kind: 'textarea', hint: 'form.privacy', rows: 4 },
		{ name: 'response', label: 'form.nmcFeedback.response', kind: 'textarea', rows: 4 },
	],
	NMC_DISCUSSION: [
		{ name: 'title', label: 'form.nmcDiscussion.title', kind: 'text' },
		{ name: 'date', label: 'form.nmcDiscussion.date', kind: 'date' },
		{
			name: 'partnerName',
			label: 'form.nmcDiscussion.partnerName',
			kind: 'text',
			hint: 'form.nmcDiscussion.partnerNameHint',
		},
		{
			name: 'partnerEmail',
			label: 'form.nmcDiscussion.partnerEmail',
			kind: 'email',
			hint: 'form.nmcDiscussion.partnerEmailHint',
		},
		{
			name: 'notes',
			label: 'form.nmcDiscussion.notes',
			kind: 'textarea',
			hint: 'form.privacy',
			rows: 4,
			optional: true,
		},
	],
	SWE_CPD: [
		{ name: 'title', label: 'form.sweCpd.title', kind: 'text' },
		{ name: 'date', label: 'form.sweCpd.date', kind: 'date' },
		{ name: 'cpdType', label: 'form.sweCpd.cpdType', kind: 'select', options: SWE_CPD_TYPES },
		{
			name: 'description',
			label: 'form.sweCpd.description',
			kind: 'textarea',
			hint: 'form.privacy',
			rows: 4,
		},
		{ name: 'learnt', label: 'form.sweCpd.learnt', kind: 'textarea', rows: 5 },
		{
			name: 'impact',
			label: 'form.sweCpd.impact',
			kind: 'textarea',
			rows: 5,
		},
		{
			name: 'standards',
			label: 'form.sweCpd.standards',
			kind: 'checkboxes',
			options: SWE_STANDARDS,
			optional: true,
		},
		{
			name: 'peerReflection',
			label: 'form.sweCpd.peerReflection',
			kind: 'textarea',
			hint: 'form.sweCpd.peerReflectionHint',
			rows: 4,
			optional: true,
		},
		{ name: 'peerName', label: 'form.sweCpd.peerName', kind: 'text', optional: true },
		{
			name: 'peerEmail',
			label: 'form.sweCpd.peerEmail',
			kind: 'email',
			hint: 'form.sweCpd.peerEmailHint',
			optional: true,
		},
	],
	HCPC_PROFILE: [
		{ name: 'title', label: 'form.hcpc.title', kind: 'text' },
		{ name: 'date', label: 'form.hcpc.date', kind: 'date', hint: 'form.hcpc.dateHint' },
		{
			name: 'summary',
			label: 'form.hcpc.summary',
			kind: 'textarea',
			hint: 'form.hcpc.summaryHint',
			rows: 8,
			optional: true,
			maxWords: HCPC_WORD_LIMITS.summary,
		},
		{
			name: 'statement',
			label: 'form.hcpc.statement',
			kind: 'textarea',
			hint: 'form.hcpc.statementHint',
			rows: 16,
			optional: true,
			maxWords: HCPC_WORD_LIMITS.statement,
		},
		{
			name: 'gapExplanation',
			label: 'form.hcpc.gapExplanation',
			kind: 'textarea',
			hint: 'form.hcpc.gapExplanationHint',
			rows: 4,
			optional: true,
		},
	],
	RJC_SUPERVISION: [
		{ name: 'title', label: 'form.rjcSupervision.title', kind: 'text' },
		{ name: 'date', label: 'form.rjcSupervision.date', kind: 'date' },
		{ name: 'supervisor', label: 'form.rjcSupervision.supervisor', kind: 'text' },
		{ name: 'supervisionType', label: 'form.rjcSupervision.supervisionType', kind: 'select', options: RJC_SUPERVISION_TYPES },
		{ name: 'casesDiscussed', label: 'form.rjcSupervision.casesDiscussed', kind: 'textarea', hint: 'form.rjcPrivacy', rows: 4 },
		{ name: 'learning', label: 'form.rjcSupervision.learning', kind: 'textarea', rows: 4 },
		{ name: 'actions', label: 'form.rjcSupervision.actions', kind: 'textarea', rows: 3 },
	],
	RJC_OBSERVED_PRACTICE: [
		{ name: 'title', label: 'form.rjcObserved.title', kind: 'text' },
		{ name: 'date', label: 'form.rjcObserved.date', kind: 'date' },
		{ name: 'process', label: 'form.rjcObserved.process', kind: 'select', options: RJC_PROCESSES },
		{ name: 'observer', label: 'form.rjcObserved.observer', kind: 'text' },
		{
			name: 'observerRole',
			label: 'form.rjcObserved.observerRole',
			kind: 'text',
			hint: 'form.rjcObserved.observerRoleHint',
			optional: true,
		},
		{ name: 'feedback', label: 'form.rjcObserved.feedback', kind: 'textarea', hint: 'form.rjcPrivacy', rows: 4 },
		{ name: 'learning', label: 'form.rjcObserved.learning', kind: 'textarea', rows: 4 },
		{
			name: 'actions',
			label: 'form.rjcObserved.actions',
			kind: 'textarea',
			rows: 3,
			optional: true,
		},
	],
	TEACHER_SIGN_OFF: [
		{ name: 'title', label: 'form.teacher.title', kind: 'text' },
		{ name: 'date', label: 'form.teacher.date', kind: 'date' },
		{
			name: 'activity',
			label: 'form.teacher.activity',
			kind: 'textarea',
			hint: 'form.teacher.activityHint',
			rows: 4,
		},
		{
			name: 'standards',
			label: 'form.teacher.standards',
			kind: 'checkboxes',
			options: TEACHERS_STANDARD_TAGS,
			hint: 'form.teacher.standardsHint',
		},
		{
			name: 'pupilImpact',
			label: 'form.teacher.pupilImpact',
			kind: 'textarea',
			hint: 'form.teacher.pupilImpactHint',
			rows: 5,
		},
		{
			name: 'evidence',
			label: 'form.teacher.evidence',
			kind: 'textarea',
			hint: 'form.teacher.evidenceHint',
			rows: 3,
			optional: true,
		},
		{ name: 'nextSteps', label: 'form.teacher.nextSteps', kind: 'textarea', rows: 3, optional: true },
		{ name: 'signerName', label: 'form.teacher.signerName', kind: 'text' },
		{ name: 'signerRole', label: 'form.teacher.signerRole', kind: 'select', options: TEACHER_SIGNER_ROLES },
		{
			name: 'signerEmail',
			label: 'form.teacher.signerEmail',
			kind: 'email',
			hint: 'form.teacher.signerEmailHint',
		},
	],
}

/** The id of the HCPC gap explanation's text area (Conform's `<form id>-<field name>`), for links to it. */
export const HCPC_GAP_FIELD_ID = 'record-HCPC_PROFILE-gapExplanation'

/** The gaps, said where they are, as the hint of the field that explains them. */
export function HcpcGapNotes({ gaps }: { gaps: HcpcGap[] }) {
	const { t } = useTranslation('records')
	const gapSentence = useGapSentence()
	if (gaps.length === 0) return <>{t('form.noGaps')}</>
	return (
		<>
			{t('form.explainGaps', { count: gaps.length })}
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
	const { t } = useTranslation('records')
	const f = useFormat()
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
				? t('form.wordsOver', { words: f.number(words), over: f.number(over), max: f.number(max) })
				: t('form.words', { words: f.number(words), max: f.number(max) })}
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
	const { t } = useTranslation('records')
	const [text, setText] = useState(typeof meta.initialValue === 'string' ? meta.initialValue : '')
	const countId = `${meta.id}-count`
	return (
		<TextareaField
			labelProps={{ children: t(spec.label) }}
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
	const { t } = useTranslation('records')
	const navigation = useNavigation()
	const hint = (spec: Spec) => (spec.hint ? t(spec.hint) : undefined)
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
								labelProps={{ children: t(spec.label) }}
								description={hint(spec)}
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
									description={notes?.[spec.name] ?? hint(spec)}
								/>
							)
						}
						return (
							<TextareaField
								key={spec.name}
								labelProps={{ children: t(spec.label) }}
								description={notes?.[spec.name] ?? hint(spec) ?? t('form.upTo5000')}
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
								labelProps={{ children: t(spec.label) }}
								description={hint(spec)}
								selectProps={{ ...getSelectProps(meta as FieldMetadata<string>), required: true }}
								placeholder={t('form.chooseOne')}
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
								<legend className="font-semibold text-stone-900">{t(spec.label)}</legend>
								{spec.hint ? <p className="text-sm text-stone-600">{t(spec.hint)}</p> : null}
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
											{/* The regulator's own English terms, stored as they are (the PDF prints them). */}
											<span lang="en" className="text-stone-900">
												{option}
											</span>
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
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('form.saving')}>
					{submitLabel}
				</SubmitButton>
				<Link to={cancelTo} className={LINK}>
					{t('form.cancel')}
				</Link>
			</div>
		</Form>
	)
}
