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
import {
	getErasureKeepsCertificateNames,
	setErasureKeepsCertificateNames,
} from '#modules/data-rights/org-certificate-names.ts'
import { OrgCertificateNamesSchema } from '#modules/data-rights/schemas.ts'
import { getOrganisationMfaPolicy, setOrganisationMfaPolicy } from '#modules/mfa/org-policy.ts'
import { MFA_POLICIES, OrgMfaPolicySchema } from '#modules/mfa/schemas.ts'
import type { Route } from './+types/org.$slug.settings.security'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('security.meta.title', { ns: 'org', organisation }),
		t('security.meta.description', { ns: 'org', organisation }),
		NOINDEX,
	)
}

const NAME_CHOICES = ['remove', 'keep'] as const

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const [policy, keepsNames] = await Promise.all([
		getOrganisationMfaPolicy(access.organisation.id),
		getErasureKeepsCertificateNames(access.organisation.id),
	])
	return {
		organisation: access.organisation,
		policy,
		certificateNames: keepsNames ? ('keep' as const) : ('remove' as const),
		canChangeNames: access.role === 'OWNER',
	}
}

/**
 * Two forms: who must use two-step sign-in (owners and admins), and whether an erased person's
 * certificates from this organisation keep their name (owners only, ADR 0038). The modules check the
 * actor's role again in their transactions.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
	const formData = await request.formData()
	const origin = { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') }
	if (formData.get('intent') === 'certificate-names') {
		const access = await requireOrgAccess(request, params.slug, 'OWNER')
		const submission = parseWithZod(formData, { schema: OrgCertificateNamesSchema })
		if (submission.status !== 'success') {
			return data({ intent: 'certificate-names' as const, result: submission.reply(), saved: false }, { status: 400 })
		}
		try {
			await setErasureKeepsCertificateNames({
				organisationId: access.organisation.id,
				actorId: access.actorId,
				keep: submission.value.certificateNames === 'keep',
				...origin,
			})
			return { intent: 'certificate-names' as const, result: submission.reply(), saved: true }
		} catch (error) {
			const reply = replyWithDomainError(submission, error)
			return data(
				{ intent: 'certificate-names' as const, result: reply.data.result, saved: false },
				reply.init ?? undefined,
			)
		}
	}
	const access = await requireOrgAccess(request, params.slug)
	const submission = parseWithZod(formData, { schema: OrgMfaPolicySchema })
	if (submission.status !== 'success') {
		return data({ intent: 'mfa' as const, result: submission.reply(), saved: false }, { status: 400 })
	}
	try {
		await setOrganisationMfaPolicy({
			organisationId: access.organisation.id,
			actorId: access.actorId,
			policy: submission.value.policy,
			...origin,
		})
		return { intent: 'mfa' as const, result: submission.reply(), saved: true }
	} catch (error) {
		const reply = replyWithDomainError(submission, error)
		return data({ intent: 'mfa' as const, result: reply.data.result, saved: false }, reply.init ?? undefined)
	}
}

export default function OrganisationSecurityRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('org')
	const navigation = useNavigation()
	const submittingIntent =
		navigation.state === 'submitting' ? String(navigation.formData?.get('intent') ?? 'mfa') : null
	const reply = actionData
	const [form, fields] = useForm({
		id: 'mfa-policy',
		lastResult: reply?.intent === 'mfa' ? reply.result : undefined,
		defaultValue: { policy: loaderData.policy },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: OrgMfaPolicySchema }),
	})
	const [namesForm, namesFields] = useForm({
		id: 'certificate-names',
		lastResult: reply?.intent === 'certificate-names' ? reply.result : undefined,
		defaultValue: { certificateNames: loaderData.certificateNames },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: OrgCertificateNamesSchema }),
	})
	return (
		<Container className="py-10">
			<PageHeading title={t('security.title')} intro={t('security.intro')} />
			<Form method="post" className="mt-8 max-w-2xl space-y-5" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="mfa" />
				{reply?.intent === 'mfa' && reply.saved ? (
					<Notice tone="success" role="status" title={t('security.saved')}>
						{t('security.savedMfa')}
					</Notice>
				) : null}
				<FormErrors id={form.errorId} errors={form.errors} />
				<fieldset aria-describedby={fields.policy.errors ? `${fields.policy.id}-error` : undefined}>
					<legend className="text-lg font-semibold text-stone-900">{t('security.mfaLegend')}</legend>
					<div className="mt-3 space-y-3">
						{MFA_POLICIES.map((value) => (
							<label key={value} className="flex items-start gap-3 rounded border border-stone-200 p-3">
								<input
									type="radio"
									name={fields.policy.name}
									value={value}
									defaultChecked={loaderData.policy === value}
									className="mt-1 size-5"
									aria-describedby={`policy-${value}-hint`}
								/>
								<span>
									<span className="font-medium text-stone-900">{t(`security.choices.${value}.label`)}</span>
									<span id={`policy-${value}-hint`} className="block text-sm text-stone-700">
										{t(`security.choices.${value}.hint`)}
									</span>
								</span>
							</label>
						))}
					</div>
					<ErrorList id={`${fields.policy.id}-error`} errors={fields.policy.errors} />
				</fieldset>
				<p className="text-sm text-stone-700">{t('security.mfaYourself')}</p>
				<SubmitButton pending={submittingIntent === 'mfa'} pendingText={t('security.saving')}>
					{t('security.save')}
				</SubmitButton>
			</Form>

			<section aria-labelledby="certificate-names-heading" className="mt-12 max-w-2xl space-y-4">
				<h2 id="certificate-names-heading" className="text-xl font-semibold text-stone-900">
					{t('security.names.heading')}
				</h2>
				<p className="text-stone-700">{t('security.names.intro')}</p>
				{reply?.intent === 'certificate-names' && reply.saved ? (
					<Notice tone="success" role="status" title={t('security.saved')}>
						{loaderData.certificateNames === 'keep' ? t('security.names.savedKeep') : t('security.names.savedRemove')}
					</Notice>
				) : null}
				{loaderData.canChangeNames ? (
					<Form method="post" className="space-y-5" {...getFormProps(namesForm)}>
						<input type="hidden" name="intent" value="certificate-names" />
						<FormErrors id={namesForm.errorId} errors={namesForm.errors} />
						<fieldset
							aria-describedby={
								namesFields.certificateNames.errors ? `${namesFields.certificateNames.id}-error` : undefined
							}
						>
							<legend className="font-semibold text-stone-900">{t('security.names.legend')}</legend>
							<div className="mt-3 space-y-3">
								{NAME_CHOICES.map((value) => (
									<label key={value} className="flex items-start gap-3 rounded border border-stone-200 p-3">
										<input
											type="radio"
											name={namesFields.certificateNames.name}
											value={value}
											defaultChecked={loaderData.certificateNames === value}
											className="mt-1 size-5"
											aria-describedby={`names-${value}-hint`}
										/>
										<span>
											<span className="font-medium text-stone-900">{t(`security.names.${value}.label`)}</span>
											<span id={`names-${value}-hint`} className="block text-sm text-stone-700">
												{t(`security.names.${value}.hint`)}
											</span>
										</span>
									</label>
								))}
							</div>
							<ErrorList id={`${namesFields.certificateNames.id}-error`} errors={namesFields.certificateNames.errors} />
						</fieldset>
						<p className="text-sm text-stone-700">{t('security.names.only')}</p>
						<SubmitButton pending={submittingIntent === 'certificate-names'} pendingText={t('security.saving')}>
							{t('security.save')}
						</SubmitButton>
					</Form>
				) : (
					<>
						<p className="font-medium text-stone-900">{t(`security.names.current.${loaderData.certificateNames}`)}</p>
						<p className="text-sm text-stone-700">{t(`security.names.${loaderData.certificateNames}.hint`)}</p>
						<p className="text-sm text-stone-700">{t('security.names.only')}</p>
					</>
				)}
			</section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
