import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList, Field, SelectField, TextareaField } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import type { EditorQuestion, FieldErrors } from './lesson-form.ts'

export type KeyedQuestion = EditorQuestion & { uid: string }

const KINDS = ['SINGLE', 'MULTIPLE', 'REFLECTION', 'SCALE'] as const satisfies readonly EditorQuestion['kind'][]

function useKindOptions() {
	const { t } = useTranslation('studio')
	return KINDS.map((value) => ({ value, label: t(`quiz.kind.${value}`) }))
}

let counter = 0
export function newUid() {
	counter += 1
	return `q${Date.now().toString(36)}${counter}`
}

export function blankQuestion(kind: EditorQuestion['kind']): KeyedQuestion {
	const choice = kind === 'SINGLE' || kind === 'MULTIPLE'
	return {
		uid: newUid(),
		kind,
		prompt: '',
		guidance: null,
		explanation: null,
		scaleMin: kind === 'SCALE' ? 1 : null,
		scaleMax: kind === 'SCALE' ? 5 : null,
		scaleMinLabel: null,
		scaleMaxLabel: null,
		options: choice
			? [
					{ text: '', isCorrect: false, feedback: null },
					{ text: '', isCorrect: false, feedback: null },
				]
			: [],
	}
}

/** Questions as the server wants them (without the editor's React keys). */
export function serialiseQuestions(questions: KeyedQuestion[]) {
	return JSON.stringify(questions.map(({ uid: _uid, ...q }) => q))
}

/**
 * The quiz's questions: every kind (single and multiple choice with right answers and per-answer
 * feedback, reflection, self-rating scale), added, removed and reordered with buttons, each
 * problem shown beside its field.
 */
export function QuizQuestionsEditor({
	questions,
	onChange,
	errors,
}: {
	questions: KeyedQuestion[]
	onChange: (next: KeyedQuestion[]) => void
	errors: FieldErrors
}) {
	const { t } = useTranslation('studio')
	const kindOptions = useKindOptions()
	const [announcement, setAnnouncement] = useState('')
	const [newKind, setNewKind] = useState<EditorQuestion['kind']>('SINGLE')
	const addId = useId()

	function update(index: number, patch: Partial<KeyedQuestion>) {
		onChange(questions.map((q, i) => (i === index ? { ...q, ...patch } : q)))
	}
	function move(index: number, by: -1 | 1) {
		const next = [...questions]
		const [item] = next.splice(index, 1)
		next.splice(index + by, 0, item!)
		onChange(next)
		setAnnouncement(t('quiz.moved', { position: index + by + 1, total: next.length }))
		requestAnimationFrame(() => {
			const target = document.getElementById(`question-${item!.uid}-${by === -1 ? 'up' : 'down'}`)
			;(target ?? document.getElementById(`question-${item!.uid}-heading`))?.focus()
		})
	}
	function remove(index: number) {
		onChange(questions.filter((_, i) => i !== index))
		setAnnouncement(t('quiz.removed', { number: index + 1, count: questions.length - 1 }))
	}
	function add() {
		const question = blankQuestion(newKind)
		onChange([...questions, question])
		setAnnouncement(t('quiz.added', { number: questions.length + 1 }))
		requestAnimationFrame(() => document.getElementById(`question-${question.uid}-prompt`)?.focus())
	}

	return (
		<section aria-labelledby="questions-heading" className="space-y-6">
			<h2 id="questions-heading" className="text-2xl font-semibold text-stone-900">
				{t('quiz.heading')}
			</h2>
			<p className="sr-only" aria-live="polite" role="status">
				{announcement}
			</p>
			<ErrorList errors={errors.questions} />
			{questions.length === 0 ? <p className="text-stone-700">{t('quiz.empty')}</p> : null}
			<ol className="space-y-6">
				{questions.map((q, index) => (
					<li key={q.uid}>
						<QuestionCard
							question={q}
							index={index}
							count={questions.length}
							errors={errors}
							onChange={(patch) => update(index, patch)}
							onMove={(by) => move(index, by)}
							onRemove={() => remove(index)}
						/>
					</li>
				))}
			</ol>
			<div className="flex flex-wrap items-end gap-3 rounded-xl border border-dashed border-stone-400 p-4">
				<SelectField
					labelProps={{ children: t('quiz.newKind') }}
					selectProps={{
						id: addId,
						value: newKind,
						onChange: (e) => setNewKind(e.currentTarget.value as EditorQuestion['kind']),
					}}
					options={kindOptions}
				/>
				<Button variant="secondary" onClick={add}>
					{t('quiz.add')}
				</Button>
			</div>
		</section>
	)
}

function QuestionCard({
	question: q,
	index,
	count,
	errors,
	onChange,
	onMove,
	onRemove,
}: {
	question: KeyedQuestion
	index: number
	count: number
	errors: FieldErrors
	onChange: (patch: Partial<KeyedQuestion>) => void
	onMove: (by: -1 | 1) => void
	onRemove: () => void
}) {
	const { t } = useTranslation('studio')
	const kindOptions = useKindOptions()
	const base = `questions.${index}`
	const id = `question-${q.uid}`
	const choice = q.kind === 'SINGLE' || q.kind === 'MULTIPLE'
	const err = (path: string) => errors[`${base}.${path}`]
	const problems = errors[base]
	const nullable = (value: string) => (value.trim() ? value : null)

	function setKind(kind: EditorQuestion['kind']) {
		const nowChoice = kind === 'SINGLE' || kind === 'MULTIPLE'
		onChange({
			kind,
			options: nowChoice ? (q.options.length ? q.options : blankQuestion(kind).options) : [],
			scaleMin: kind === 'SCALE' ? (q.scaleMin ?? 1) : null,
			scaleMax: kind === 'SCALE' ? (q.scaleMax ?? 5) : null,
		})
	}
	function setOption(i: number, patch: Partial<EditorQuestion['options'][number]>) {
		onChange({
			options: q.options.map((o, j) => {
				if (j === i) return { ...o, ...patch }
				// A single-choice question has one right answer: marking one unmarks the others.
				if (patch.isCorrect && q.kind === 'SINGLE') return { ...o, isCorrect: false }
				return o
			}),
		})
	}

	return (
		<fieldset
			className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5"
			aria-describedby={problems?.length ? `${id}-problems` : undefined}
		>
			<legend id={`${id}-heading`} tabIndex={-1} className="px-1 text-lg font-semibold text-stone-900">
				{t('quiz.question', { number: index + 1 })}
			</legend>
			<ErrorList id={problems?.length ? `${id}-problems` : undefined} errors={problems} />
			<div className="mt-2 grid gap-4">
				<SelectField
					labelProps={{ children: t('quiz.kindLabel') }}
					selectProps={{
						id: `${id}-kind`,
						value: q.kind,
						onChange: (e) => setKind(e.currentTarget.value as EditorQuestion['kind']),
					}}
					options={kindOptions}
				/>
				<TextArea
					id={`${id}-prompt`}
					label={t('quiz.prompt')}
					value={q.prompt}
					onChange={(v) => onChange({ prompt: v })}
					errors={err('prompt')}
					rows={2}
				/>
				<TextInput
					id={`${id}-guidance`}
					label={t('quiz.guidance')}
					value={q.guidance ?? ''}
					onChange={(v) => onChange({ guidance: nullable(v) })}
					errors={err('guidance')}
				/>

				{choice ? (
					<fieldset aria-describedby={err('options')?.length ? `${id}-options-error` : undefined}>
						<legend className="font-semibold text-stone-900">{t('quiz.answers')}</legend>
						<p className="text-sm text-stone-600">
							{q.kind === 'SINGLE' ? t('quiz.markOne') : t('quiz.markEvery')} {t('quiz.answersHint')}
						</p>
						<ErrorList id={err('options')?.length ? `${id}-options-error` : undefined} errors={err('options')} />
						<ol className="mt-3 space-y-3">
							{q.options.map((option, i) => (
								<li key={i} className="rounded-lg border border-stone-200 bg-stone-50 p-3">
									<div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
										<TextInput
											id={`${id}-option-${i}`}
											label={t('quiz.answer', { number: i + 1 })}
											value={option.text}
											onChange={(v) => setOption(i, { text: v })}
											errors={err(`options.${i}.text`)}
										/>
										<label className="flex min-h-11 items-center gap-2 font-medium text-stone-900">
											<input
												type="checkbox"
												checked={option.isCorrect}
												onChange={(e) => setOption(i, { isCorrect: e.currentTarget.checked })}
												className="size-5 accent-brand-700"
											/>
											{t('quiz.rightAnswer')}
											<span className="sr-only"> {t('quiz.rightAnswerOf', { number: i + 1 })}</span>
										</label>
									</div>
									<TextInput
										id={`${id}-option-${i}-feedback`}
										label={t('quiz.answerFeedback', { number: i + 1 })}
										value={option.feedback ?? ''}
										onChange={(v) => setOption(i, { feedback: nullable(v) })}
										errors={err(`options.${i}.feedback`)}
										className="mt-3"
									/>
									{q.options.length > 2 ? (
										<Button
											variant="ghost"
											size="sm"
											className="mt-2 text-red-800"
											onClick={() => onChange({ options: q.options.filter((_, j) => j !== i) })}
										>
											{t('quiz.removeAnswer', { number: i + 1 })}
										</Button>
									) : null}
								</li>
							))}
						</ol>
						{q.options.length < 8 ? (
							<Button
								variant="secondary"
								size="sm"
								className="mt-3"
								onClick={() => onChange({ options: [...q.options, { text: '', isCorrect: false, feedback: null }] })}
							>
								{t('quiz.addAnswer')}
							</Button>
						) : null}
					</fieldset>
				) : null}

				{q.kind === 'SCALE' ? (
					<div className="grid gap-4 sm:grid-cols-2">
						<NumberInput
							id={`${id}-scale-min`}
							label={t('quiz.lowest')}
							value={q.scaleMin}
							onChange={(v) => onChange({ scaleMin: v })}
							errors={err('scaleMin')}
							min={0}
							max={10}
						/>
						<NumberInput
							id={`${id}-scale-max`}
							label={t('quiz.highest')}
							value={q.scaleMax}
							onChange={(v) => onChange({ scaleMax: v })}
							errors={err('scaleMax')}
							min={1}
							max={10}
						/>
						<TextInput
							id={`${id}-scale-min-label`}
							label={t('quiz.lowestLabel')}
							value={q.scaleMinLabel ?? ''}
							onChange={(v) => onChange({ scaleMinLabel: nullable(v) })}
							errors={err('scaleMinLabel')}
						/>
						<TextInput
							id={`${id}-scale-max-label`}
							label={t('quiz.highestLabel')}
							value={q.scaleMaxLabel ?? ''}
							onChange={(v) => onChange({ scaleMaxLabel: nullable(v) })}
							errors={err('scaleMaxLabel')}
						/>
					</div>
				) : null}

				{choice ? (
					<TextArea
						id={`${id}-explanation`}
						label={t('quiz.explanation')}
						value={q.explanation ?? ''}
						onChange={(v) => onChange({ explanation: nullable(v) })}
						errors={err('explanation')}
						rows={2}
					/>
				) : null}
			</div>
			<div className="mt-4 flex flex-wrap gap-2 border-t border-stone-200 pt-3">
				{index > 0 ? (
					<Button variant="ghost" size="sm" id={`${id}-up`} onClick={() => onMove(-1)}>
						{t('quiz.moveUp')}
						<span className="sr-only"> {t('quiz.ofQuestion', { number: index + 1 })}</span>
					</Button>
				) : null}
				{index < count - 1 ? (
					<Button variant="ghost" size="sm" id={`${id}-down`} onClick={() => onMove(1)}>
						{t('quiz.moveDown')}
						<span className="sr-only"> {t('quiz.ofQuestion', { number: index + 1 })}</span>
					</Button>
				) : null}
				<Button variant="ghost" size="sm" className="text-red-800" onClick={onRemove}>
					{t('quiz.remove', { number: index + 1 })}
				</Button>
			</div>
		</fieldset>
	)
}

// Controlled-value adapters over forms.tsx's fields: the questions live in React state, not in the form.

function TextInput({
	id,
	label,
	value,
	onChange,
	errors,
	className,
}: {
	id: string
	label: string
	value: string
	onChange: (v: string) => void
	errors?: string[]
	className?: string
}) {
	return (
		<Field
			className={className}
			labelProps={{ children: label }}
			inputProps={{ id, value, onChange: (e) => onChange(e.currentTarget.value) }}
			errors={errors}
		/>
	)
}

function TextArea({
	id,
	label,
	value,
	onChange,
	errors,
	rows,
}: {
	id: string
	label: string
	value: string
	onChange: (v: string) => void
	errors?: string[]
	rows: number
}) {
	return (
		<TextareaField
			labelProps={{ children: label }}
			textareaProps={{ id, rows, value, onChange: (e) => onChange(e.currentTarget.value) }}
			errors={errors}
		/>
	)
}

function NumberInput({
	id,
	label,
	value,
	onChange,
	errors,
	min,
	max,
}: {
	id: string
	label: string
	value: number | null
	onChange: (v: number | null) => void
	errors?: string[]
	min: number
	max: number
}) {
	return (
		<Field
			labelProps={{ children: label }}
			inputProps={{
				id,
				type: 'number',
				inputMode: 'numeric',
				min,
				max,
				value: value ?? '',
				onChange: (e) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value)),
			}}
			errors={errors}
		/>
	)
}
