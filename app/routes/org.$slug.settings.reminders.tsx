import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { PageHeading } from '#app/components/org/org-ui.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { getOrganisationReminderSettings, setOrganisationReminderSettings } from '#modules/reminders/preferences.ts'
import { DUE_DAY_CHOICES, EXPIRY_DAY_CHOICES } from '#modules/reminders/schedule.ts'
import { OrganisationReminderSettingsSchema } from '#modules/reminders/schemas.ts'
import type { Route } from './+types/org.$slug.settings.reminders'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('reminders.meta.title', { ns: 'org', organisation }),
		t('reminders.meta.description', { ns: 'org' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	return {
		organisation: access.organisation,
		settings: await getOrganisationReminderSettings({ organisationId: access.organisation.id }),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const submission = parseWithZod(await request.formData(), { schema: OrganisationReminderSettingsSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), saved: false }, { status: 400 })
	try {
		await setOrganisationReminderSettings({
			organisationId: access.organisation.id,
			actorId: access.actorId,
			...submission.value,
			ipAddress: context.clientIp,
			userAgent: request.headers.get('User-Agent'),
		})
		return { result: submission.reply(), saved: true }
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

function DayChoices({
	legend,
	hint,
	name,
	id,
	choices,
	checked,
	errors,
}: {
	legend: string
	hint: string
	name: string
	id: string
	choices: readonly number[]
	checked: number[]
	errors?: string[]
}) {
	const { t } = useTranslation('org')
	return (
		<fieldset aria-describedby={`${id}-hint${errors ? ` ${id}-error` : ''}`}>
			<legend className="text-lg font-semibold text-stone-900">{legend}</legend>
			<p id={`${id}-hint`} className="mt-1 text-sm text-stone-700">
				{hint}
			</p>
			<div className="mt-3 flex flex-wrap gap-3">
				{choices.map((n) => (
					<label key={n} className="flex min-h-11 items-center gap-2 rounded border border-stone-200 px-3">
						<input type="checkbox" name={name} value={n} defaultChecked={checked.includes(n)} className="size-5" />
						<span className="text-stone-900">{t('reminders.daysBefore', { count: n })}</span>
					</label>
				))}
			</div>
			<ErrorList id={`${id}-error`} errors={errors} />
		</fieldset>
	)
}

export default function OrganisationRemindersRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const { t } = useTranslation('org')
	const [form, fields] = useForm({
		id: 'reminder-settings',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationReminderSettingsSchema }),
	})
	const { settings } = loaderData
	return (
		<Container className="py-10">
			<PageHeading title={t('reminders.title')} intro={t('reminders.intro')} />
			<Form method="post" className="mt-8 max-w-2xl space-y-8" {...getFormProps(form)}>
				{actionData && 'saved' in actionData && actionData.saved ? (
					<Notice tone="success" role="status" title={t('reminders.saved')}>
						{t('reminders.savedBody')}
					</Notice>
				) : null}
				<FormErrors id={form.errorId} errors={form.errors} />
				<DayChoices
					legend={t('reminders.due')}
					hint={t('reminders.dueHint')}
					name={fields.dueDays.name}
					id={fields.dueDays.id}
					choices={DUE_DAY_CHOICES}
					checked={settings.dueDays}
					errors={fields.dueDays.errors}
				/>
				<DayChoices
					legend={t('reminders.expiry')}
					hint={t('reminders.expiryHint')}
					name={fields.expiryDays.name}
					id={fields.expiryDays.id}
					choices={EXPIRY_DAY_CHOICES}
					checked={settings.expiryDays}
					errors={fields.expiryDays.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('security.saving')}>
					{t('security.save')}
				</SubmitButton>
			</Form>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
