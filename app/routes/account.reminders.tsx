import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { ErrorList, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getReminderPreferences, setReminderPreferences } from '#modules/reminders/preferences.ts'
import { ReminderPreferencesSchema } from '#modules/reminders/schemas.ts'
import type { Route } from './+types/account.reminders'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('reminders.metaTitle', { ns: 'account' }),
		t('reminders.metaDescription', { ns: 'account' }),
		NOINDEX,
	)
}

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
	const { t } = useTranslation('account')
	const [form, fields] = useForm({
		id: 'reminder-preferences',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ReminderPreferencesSchema }),
	})
	const saved = actionData && 'saved' in actionData && actionData.saved
	return (
		<>
			<h2 className="text-2xl font-bold text-stone-900">{t('reminders.heading')}</h2>
			<p className="mt-2 text-stone-700">{t('reminders.intro')}</p>
			<Form method="post" className="mt-6 space-y-6" {...getFormProps(form)}>
				{saved ? (
					<Notice tone="success" role="status" title={t('reminders.savedTitle')}>
						{t('reminders.saved')}
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
						<span className="font-medium text-stone-900">{t('reminders.optional')}</span>
						<span id="optional-hint" className="block text-sm text-stone-700">
							{t('reminders.optionalHint')}
						</span>
					</span>
				</label>
				<ErrorList errors={fields.optional.errors} />
				{loaderData.digests.length > 0 ? (
					<fieldset>
						<legend className="text-lg font-semibold text-stone-900">{t('reminders.digest')}</legend>
						<p className="mt-1 text-sm text-stone-700">{t('reminders.digestHint')}</p>
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
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('reminders.submitting')}>
					{t('reminders.submit')}
				</SubmitButton>
			</Form>
		</>
	)
}
