import {
	type InputHTMLAttributes,
	type LabelHTMLAttributes,
	type ReactNode,
	type SelectHTMLAttributes,
	type TextareaHTMLAttributes,
	useId,
} from 'react'
import { useTranslation } from 'react-i18next'
import { useTranslateError } from '#app/utils/i18n.ts'
import { Button } from './ui/button.tsx'
import { cx } from './ui/cx.ts'

// Accessible form fields. Each control has a visible <label>; its description and errors are
// linked with aria-describedby, and aria-invalid marks it while it has errors. Error ids follow
// Conform's convention (`${id}-error`, `${id}-description`), so these fields work with
// getInputProps() or with plain props. Focus styles come from the global :focus-visible rule.
// Errors arrive in English (zod's and the domain's messages) and are shown in the page's language
// (ADR 0045).

export type ListOfErrors = Array<string | null | undefined> | null | undefined

type WithKey = { key?: string | number | null | undefined }

function hasErrors(errors: ListOfErrors) {
	return Boolean(errors?.some(Boolean))
}

function describedBy(...ids: Array<string | false | null | undefined>) {
	const value = ids.filter(Boolean).join(' ')
	return value || undefined
}

const labelClasses = 'block font-semibold text-stone-900'
const descriptionClasses = 'mt-1 text-sm text-stone-600'
const controlClasses =
	'mt-2 block w-full min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900 shadow-xs placeholder:text-stone-500 disabled:bg-stone-100 aria-invalid:border-2 aria-invalid:border-red-700'

/** The errors for one field (or for a form), each announced as an error to screen readers. */
export function ErrorList({ id, errors, className }: { id?: string; errors?: ListOfErrors; className?: string }) {
	const list = errors?.filter((error): error is string => Boolean(error))
	// Most fields have no errors: they skip the translation hooks, on every form of every page.
	return list?.length ? <ErrorItems id={id} list={list} className={className} /> : null
}

function ErrorItems({ id, list, className }: { id?: string; list: string[]; className?: string }) {
	const { t } = useTranslation('ui')
	const translateError = useTranslateError()
	return (
		<ul id={id} className={cx('mt-2 space-y-1 text-sm font-semibold text-red-700', className)}>
			{list.map((error) => (
				<li key={error}>
					<span className="sr-only">{t('forms.errorPrefix')}</span>
					{translateError(error)}
				</li>
			))}
		</ul>
	)
}

/**
 * Errors that belong to the whole form (wrong password, too many attempts), shown above the
 * fields in an alert so that they are announced when they appear. Give the form
 * `aria-describedby={id}` when there are errors.
 */
export function FormErrors({ id, errors, title }: { id?: string; errors?: ListOfErrors; title?: string }) {
	const list = errors?.filter((error): error is string => Boolean(error))
	return list?.length ? <FormErrorItems id={id} list={list} title={title} /> : null
}

function FormErrorItems({ id, list, title }: { id?: string; list: string[]; title?: string }) {
	const { t } = useTranslation('ui')
	const translateError = useTranslateError()
	return (
		<div id={id} role="alert" className="rounded-xl border-2 border-red-700 bg-red-50 p-4 text-red-900">
			<p className="font-semibold">{title ?? t('forms.problem')}</p>
			<ul className="mt-1 space-y-1">
				{list.map((error) => (
					<li key={error}>{translateError(error)}</li>
				))}
			</ul>
		</div>
	)
}

type FieldProps = {
	labelProps: LabelHTMLAttributes<HTMLLabelElement> & { children: ReactNode }
	inputProps: InputHTMLAttributes<HTMLInputElement> & WithKey
	errors?: ListOfErrors
	/** Hint text shown under the label, e.g. the password rules. */
	description?: ReactNode
	className?: string
}

/** A label, an input, an optional hint and the input's errors. */
export function Field({ labelProps, inputProps, errors, description, className }: FieldProps) {
	const fallbackId = useId()
	const { key, ...props } = inputProps
	const id = props.id ?? fallbackId
	const errorId = `${id}-error`
	const descriptionId = `${id}-description`
	const invalid = hasErrors(errors)
	return (
		<div className={className}>
			<label {...labelProps} htmlFor={id} className={cx(labelClasses, labelProps.className)} />
			{description ? (
				<p id={descriptionId} className={descriptionClasses}>
					{description}
				</p>
			) : null}
			<input
				key={key}
				{...props}
				id={id}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy(description ? descriptionId : null, invalid && errorId)}
				className={cx(controlClasses, props.className)}
			/>
			<ErrorList id={invalid ? errorId : undefined} errors={errors} />
		</div>
	)
}

type TextareaFieldProps = {
	labelProps: LabelHTMLAttributes<HTMLLabelElement> & { children: ReactNode }
	textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & WithKey
	errors?: ListOfErrors
	description?: ReactNode
	className?: string
	/** Shown under the textarea, above its errors (a live word count, say). */
	footer?: ReactNode
}

/** A label, a textarea, an optional hint and the textarea's errors. */
export function TextareaField({
	labelProps,
	textareaProps,
	errors,
	description,
	className,
	footer,
}: TextareaFieldProps) {
	const fallbackId = useId()
	const { key, ...props } = textareaProps
	const id = props.id ?? fallbackId
	const errorId = `${id}-error`
	const descriptionId = `${id}-description`
	const invalid = hasErrors(errors)
	return (
		<div className={className}>
			<label {...labelProps} htmlFor={id} className={cx(labelClasses, labelProps.className)} />
			{description ? (
				<p id={descriptionId} className={descriptionClasses}>
					{description}
				</p>
			) : null}
			<textarea
				key={key}
				rows={5}
				{...props}
				id={id}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy(description ? descriptionId : null, invalid && errorId)}
				className={cx(controlClasses, 'min-h-32 leading-relaxed', props.className)}
			/>
			{footer}
			<ErrorList id={invalid ? errorId : undefined} errors={errors} />
		</div>
	)
}

type SelectFieldProps = {
	labelProps: LabelHTMLAttributes<HTMLLabelElement> & { children: ReactNode }
	selectProps: SelectHTMLAttributes<HTMLSelectElement> & WithKey
	options: ReadonlyArray<{ value: string; label: string }>
	/** Text of a first, empty option (e.g. "Choose one"); omit to require a choice. */
	placeholder?: string
	errors?: ListOfErrors
	description?: ReactNode
	className?: string
}

/** A label, a native select (the most accessible picker there is), a hint and its errors. */
export function SelectField({
	labelProps,
	selectProps,
	options,
	placeholder,
	errors,
	description,
	className,
}: SelectFieldProps) {
	const fallbackId = useId()
	const { key, ...props } = selectProps
	const id = props.id ?? fallbackId
	const errorId = `${id}-error`
	const descriptionId = `${id}-description`
	const invalid = hasErrors(errors)
	return (
		<div className={className}>
			<label {...labelProps} htmlFor={id} className={cx(labelClasses, labelProps.className)} />
			{description ? (
				<p id={descriptionId} className={descriptionClasses}>
					{description}
				</p>
			) : null}
			<select
				key={key}
				{...props}
				id={id}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy(description ? descriptionId : null, invalid && errorId)}
				className={cx(controlClasses, props.className)}
			>
				{placeholder !== undefined ? <option value="">{placeholder}</option> : null}
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
			<ErrorList id={invalid ? errorId : undefined} errors={errors} />
		</div>
	)
}

/**
 * The form's submit button. While `pending` it says so (`pendingText`) and ignores further
 * clicks, without using `disabled`, which would take it out of the tab order and hide it from
 * some screen readers mid-announcement.
 */
export function SubmitButton({
	children,
	pending = false,
	pendingText,
	className,
	name,
	value,
}: {
	children: ReactNode
	pending?: boolean
	pendingText?: ReactNode
	className?: string
	name?: string
	value?: string
}) {
	return (
		<Button
			type="submit"
			name={name}
			value={value}
			aria-disabled={pending || undefined}
			onClick={pending ? (event) => event.preventDefault() : undefined}
			className={cx('w-full sm:w-auto', className)}
		>
			{pending && pendingText ? pendingText : children}
		</Button>
	)
}
