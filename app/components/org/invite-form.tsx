import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef, useState } from 'react'
import { Form, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { InviteStaffFormSchema, MAX_INVITATION_CSV_BYTES } from '#modules/organisations/schemas.ts'
import { DataTable, tdClasses } from './org-ui.tsx'

type Mode = 'single' | 'list' | 'csv'

/** What the seats page's action says about an invitation request. */
export type InviteOutcome = {
	result: SubmissionResult<string[]>
	mode?: Mode
	invited?: string[]
	rejected?: Array<{ row: number; email: string; reason: string }>
	notEnoughSeats?: { free: number; requested: number } | null
}

const MODES: Array<{ value: Mode; label: string }> = [
	{ value: 'single', label: 'One person' },
	{ value: 'list', label: 'A list of addresses' },
	{ value: 'csv', label: 'A CSV file' },
]

/**
 * Invite by one address, a pasted list or a CSV upload. Each row is checked on the server; valid
 * rows are sent and the others come back with their row number and reason, shown in a table.
 */
export function InviteForm({ action, outcome }: { action: string; outcome?: InviteOutcome }) {
	const navigation = useNavigation()
	const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'invite'
	const initialMode = (outcome?.result.initialValue?.mode as Mode | undefined) ?? outcome?.mode ?? 'single'
	const [mode, setMode] = useState<Mode>(initialMode)
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
				<FormErrors id={form.errorId} errors={form.errors} title="No one has been invited" />
				<input type="hidden" name="intent" value="invite" />
				<fieldset>
					<legend className="font-semibold text-stone-900">Who are you inviting?</legend>
					<div className="mt-2 flex flex-wrap gap-3">
						{MODES.map((m) => (
							<label
								key={m.value}
								className={cx(
									'flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-4',
									mode === m.value
										? 'border-brand-700 bg-brand-50 font-semibold text-brand-900'
										: 'border-stone-400 text-stone-800',
								)}
							>
								<input
									type="radio"
									name="mode"
									value={m.value}
									checked={mode === m.value}
									onChange={() => setMode(m.value)}
									className="size-4 accent-brand-700"
								/>
								{m.label}
							</label>
						))}
					</div>
				</fieldset>

				{mode === 'single' ? (
					<Field
						labelProps={{ children: 'Email address' }}
						inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off', spellCheck: false }}
						errors={fields.email.errors}
					/>
				) : mode === 'list' ? (
					<TextareaField
						labelProps={{ children: 'Email addresses' }}
						description="One per line, or separated by commas or semicolons. Up to 1,000 at a time."
						textareaProps={{ ...getTextareaProps(fields.emails), rows: 8, spellCheck: false }}
						errors={fields.emails.errors}
					/>
				) : (
					<CsvField name={fields.file.name} id={fields.file.id} errors={fields.file.errors} />
				)}
				<SubmitButton pending={submitting} pendingText="Sending invitations…">
					Send invitations
				</SubmitButton>
			</Form>
		</div>
	)
}

function CsvField({ name, id, errors }: { name: string; id: string; errors?: string[] }) {
	return (
		<Field
			labelProps={{ children: 'CSV file' }}
			description={
				<>
					A header row with an <code>email</code> column, and optionally a <code>name</code> column, as a spreadsheet
					saves it with &ldquo;Save as CSV&rdquo;. At most {MAX_INVITATION_CSV_BYTES / 1024 / 1024} MB and 1,000 rows.
				</>
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
	const invited = outcome.invited ?? []
	const rejected = outcome.rejected ?? []
	const rowLabel = outcome.mode === 'csv' ? 'Row (not counting the header)' : 'Entry'
	return (
		<>
			{outcome.notEnoughSeats ? (
				<Notice tone="error" role="alert" title="No one has been invited: there are not enough free seats">
					You have {outcome.notEnoughSeats.free} free {outcome.notEnoughSeats.free === 1 ? 'seat' : 'seats'} (after the
					invitations already waiting) but the list has {outcome.notEnoughSeats.requested} people to invite. Buy more
					seats, withdraw invitations that are no longer needed, or shorten the list.
				</Notice>
			) : invited.length ? (
				<Notice
					tone="success"
					role="status"
					title={`Invitations sent to ${invited.length} ${invited.length === 1 ? 'person' : 'people'}`}
				>
					<ul className="mt-1 list-disc pl-5">
						{invited.slice(0, 20).map((email) => (
							<li key={email} className="break-all">
								{email}
							</li>
						))}
						{invited.length > 20 ? <li>and {invited.length - 20} more</li> : null}
					</ul>
				</Notice>
			) : rejected.length ? (
				<Notice tone="error" role="alert" title="No one has been invited">
					None of the addresses could be invited. The reasons are below.
				</Notice>
			) : null}
			{rejected.length ? (
				<div>
					<h3 className="text-lg font-semibold text-stone-900">
						{rejected.length} {rejected.length === 1 ? 'address was' : 'addresses were'} not invited
					</h3>
					<DataTable
						caption="Addresses that were not invited, with the reason"
						columns={[rowLabel, 'Address', 'Reason']}
						minWidth="32rem"
					>
						{rejected.map((r) => (
							<tr key={`${r.row}-${r.email}`}>
								<td className={tdClasses}>{r.row}</td>
								<td className={`${tdClasses} break-all`}>
									{r.email || <span className="text-stone-600">(empty)</span>}
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
