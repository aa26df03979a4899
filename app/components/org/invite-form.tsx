import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { LANGUAGE_NAMES, LANGUAGES, languageTag } from '#modules/i18n/languages.ts'
import { InviteStaffFormSchema, MAX_INVITATION_CSV_BYTES } from '#modules/organisations/schemas.ts'
import { DataTable, tdClasses } from './org-ui.tsx'
import { Trans } from '#app/utils/trans.tsx'

type Mode = 'single' | 'list' | 'csv'

/** What the seats page's action says about an invitation request. */
export type InviteOutcome = {
	result: SubmissionResult<string[]>
	mode?: Mode
	invited?: string[]
	rejected?: Array<{ row: number; email: string; reason: string }>
	notEnoughSeats?: { free: number; requested: number } | null
}

const MODES: Mode[] = ['single', 'list', 'csv']

/**
 * Invite by one address, a pasted list or a CSV upload. Each row is checked on the server; valid
 * rows are sent and the others come back with their row number and reason, shown in a table.
 */
export function InviteForm({ action, outcome }: { action: string; outcome?: InviteOutcome }) {
	const { t } = useTranslation('org')
	const navigation = useNavigation()
	const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'invite'
	const initialMode = (outcome?.result.initialValue?.mode as Mode | undefined) ?? outcome?.mode ?? 'single'
	const [mode, setMode] = useState<Mode>(initialMode)
	const initialLanguage = outcome?.result.initialValue?.language === 'cy' ? 'cy' : 'en'
	const [form, fields] = useForm({
		id: 'invite-staff',
		lastResult: outcome?.result,
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteStaffFormSchema }),
	})
	const outcomeRef = useRef<HTMLDivElement>(null)
	// After a submission the result appears above the form: move focus to it so it is read out.
	useEffect(() => {
		if (outcome?.invited || outcome?.rejected) outcomeRef.current?.focus()
	}, [outcome])

	return (
		<div className="mt-4 space-y-6">
			{outcome && (outcome.invited || outcome.rejected) ? (
				<div ref={outcomeRef} tabIndex={-1} className="space-y-4 focus:outline-none">
					<InviteSummary outcome={outcome} />
				</div>
			) : null}
			<Form
				method="post"
				action={action}
				encType="multipart/form-data"
				{...getFormProps(form)}
				aria-describedby={form.errors?.length ? form.errorId : undefined}
				className="space-y-6 rounded-2xl border border-stone-200 bg-white p-6 shadow-xs"
			>
				<FormErrors id={form.errorId} errors={form.errors} title={t('invite.errorsTitle')} />
				<input type="hidden" name="intent" value="invite" />
				<fieldset>
					<legend className="font-semibold text-stone-900">{t('invite.who')}</legend>
					<div className="mt-2 flex flex-wrap gap-3">
						{MODES.map((m) => (
							<label
								key={m}
								className={cx(
									'flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-4',
									mode === m
										? 'border-brand-700 bg-brand-50 font-semibold text-brand-900'
										: 'border-stone-400 text-stone-800',
								)}
							>
								<input
									type="radio"
									name="mode"
									value={m}
									checked={mode === m}
									onChange={() => setMode(m)}
									className="size-4 accent-brand-700"
								/>
								{t(`invite.modes.${m}`)}
							</label>
						))}
					</div>
				</fieldset>

				{mode === 'single' ? (
					<Field
						labelProps={{ children: t('invite.email') }}
						inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off', spellCheck: false }}
						errors={fields.email.errors}
					/>
				) : mode === 'list' ? (
					<TextareaField
						labelProps={{ children: t('invite.emails') }}
						description={t('invite.emailsHint')}
						textareaProps={{ ...getTextareaProps(fields.emails), rows: 8, spellCheck: false }}
						errors={fields.emails.errors}
					/>
				) : (
					<CsvField name={fields.file.name} id={fields.file.id} errors={fields.file.errors} />
				)}
				<fieldset
					aria-describedby={`invite-language-hint${fields.language.errors ? ` ${fields.language.id}-error` : ''}`}
				>
					<legend className="font-semibold text-stone-900">{t('invite.language')}</legend>
					<p id="invite-language-hint" className="mt-1 text-sm text-stone-700">
						{t('invite.languageHint')}
					</p>
					<div className="mt-2 flex flex-wrap gap-3">
						{LANGUAGES.map((language) => (
							<label
								key={language}
								className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-400 px-4 text-stone-800"
							>
								<input
									type="radio"
									name={fields.language.name}
									value={language}
									defaultChecked={initialLanguage === language}
									className="size-4 accent-brand-700"
								/>
								<span lang={languageTag(language)}>{LANGUAGE_NAMES[language]}</span>
							</label>
						))}
					</div>
					<ErrorList id={`${fields.language.id}-error`} errors={fields.language.errors} />
				</fieldset>
				<SubmitButton pending={submitting} pendingText={t('invite.sending')}>
					{t('invite.send')}
				</SubmitButton>
			</Form>
		</div>
	)
}

function CsvField({ name, id, errors }: { name: string; id: string; errors?: string[] }) {
	const { t } = useTranslation('org')
	return (
		<Field
			labelProps={{ children: t('invite.csv') }}
			description={
				<Trans
					t={t}
					i18nKey="invite.csvHint"
					values={{ megabytes: MAX_INVITATION_CSV_BYTES / 1024 / 1024 }}
					components={[<code key="email" />, <code key="name" />]}
				/>
			}
			inputProps={{
				id,
				name,
				type: 'file',
				accept: '.csv,text/csv',
				className:
					'p-2 file:mr-4 file:rounded-md file:border-0 file:bg-brand-700 file:px-4 file:py-2 file:font-semibold file:text-white',
			}}
			errors={errors}
		/>
	)
}

function InviteSummary({ outcome }: { outcome: InviteOutcome }) {
	const { t } = useTranslation('org')
	const invited = outcome.invited ?? []
	const rejected = outcome.rejected ?? []
	const rowLabel = outcome.mode === 'csv' ? t('invite.rowCsv') : t('invite.rowEntry')
	return (
		<>
			{outcome.notEnoughSeats ? (
				<Notice tone="error" role="alert" title={t('invite.notEnoughTitle')}>
					{t('invite.notEnough', {
						seats: t('invite.freeSeats', { count: outcome.notEnoughSeats.free }),
						requested: outcome.notEnoughSeats.requested,
					})}
				</Notice>
			) : invited.length ? (
				<Notice tone="success" role="status" title={t('invite.sent', { count: invited.length })}>
					<ul className="mt-1 list-disc pl-5">
						{invited.slice(0, 20).map((email) => (
							<li key={email} className="break-all">
								{email}
							</li>
						))}
						{invited.length > 20 ? <li>{t('invite.andMore', { count: invited.length - 20 })}</li> : null}
					</ul>
				</Notice>
			) : rejected.length ? (
				<Notice tone="error" role="alert" title={t('invite.errorsTitle')}>
					{t('invite.noneInvited')}
				</Notice>
			) : null}
			{rejected.length ? (
				<div>
					<h3 className="text-lg font-semibold text-stone-900">{t('invite.notInvited', { count: rejected.length })}</h3>
					<DataTable
						caption={t('invite.notInvitedCaption')}
						columns={[rowLabel, t('invite.address'), t('invite.reason')]}
						minWidth="32rem"
					>
						{rejected.map((r) => (
							<tr key={`${r.row}-${r.email}`}>
								<td className={tdClasses}>{r.row}</td>
								<td className={`${tdClasses} break-all`}>
									{r.email || <span className="text-stone-600">{t('invite.empty')}</span>}
								</td>
								<td className={tdClasses}>{r.reason}</td>
							</tr>
						))}
					</DataTable>
				</div>
			) : null}
		</>
	)
}
