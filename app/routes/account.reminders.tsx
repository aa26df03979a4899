import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, useNavigation } from 'react-router'
import { ErrorList, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getReminderPreferences, setReminderPreferences } from '#modules/reminders/preferences.ts'
import { ReminderPreferencesSchema } from '#modules/reminders/schemas.ts'
import type { Route } from './+types/account.reminders'

export const meta: Route.MetaFunction = () =>
	pageMeta('Reminder emails | Circle', 'Choose which reminder emails Circle sends you.', NOINDEX)

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return getReminderPreferences({ userId: user.id })
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const submission = parseWithZod(await request.formData(), { schema: ReminderPreferencesSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), saved: false }, { status: 400 })
	try {
		await setReminderPreferences({
			userId: user.id,
			...submission.value,
			ipAddress: context.clientIp,
			userAgent: request.headers.get('User-Agent'),
		})
		return { result: submission.reply(), saved: true }
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

export default function AccountRemindersRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'reminder-preferences',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ReminderPreferencesSchema }),
	})
	const saved = actionData && 'saved' in actionData && actionData.saved
	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">Reminder emails</h2>
			<p className="mt-2 text-stone-700">
				Reminders about training an organisation requires of you (due dates, overdue training and certificates about to
				expire) always reach you. You can choose the rest.
			</p>
			<Form method="post" className="mt-6 space-y-6" {...getFormProps(form)}>
				{saved ? (
					<Notice tone="success" role="status" title="Saved">
						Your reminder choices are saved.
					</Notice>
				) : null}
				<FormErrors id={form.errorId} errors={form.errors} />
				<label className="flex items-start gap-3 rounded border border-stone-200 p-3">
					<input
						type="checkbox"
						name={fields.optional.name}
						defaultChecked={loaderData.optional}
						className="mt-1 size-5"
						aria-describedby="optional-hint"
					/>
					<span>
						<span className="font-medium text-stone-900">Nudges and optional reminders</span>
						<span id="optional-hint" className="block text-sm text-stone-700">
							A friendly email when you have not been back to a course for two weeks (and a month), and reminders before
							a certificate expires for a course nobody asked you to take.
						</span>
					</span>
				</label>
				<ErrorList errors={fields.optional.errors} />
				{loaderData.digests.length > 0 ? (
					<fieldset>
						<legend className="text-lg font-semibold text-stone-900">Weekly training digest</legend>
						<p className="mt-1 text-sm text-stone-700">
							Each Monday: who is overdue, expired or due soon in the organisations you administer. (Team managers
							always get their teams’ digest.)
						</p>
						<div className="mt-3 space-y-3">
							{loaderData.digests.map((digest) => (
								<label key={digest.organisationId} className="flex items-center gap-3">
									<input
										type="checkbox"
										name={fields.digestOrganisationIds.name}
										value={digest.organisationId}
										defaultChecked={digest.on}
										className="size-5"
									/>
									<span className="text-stone-900">{digest.name}</span>
								</label>
							))}
						</div>
						<ErrorList errors={fields.digestOrganisationIds.errors} />
					</fieldset>
				) : null}
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Saving…">
					Save
				</SubmitButton>
			</Form>
		</>
	)
}
