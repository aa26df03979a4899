import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { PageHeading } from '#app/components/org/org-ui.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { getOrganisationMfaPolicy, setOrganisationMfaPolicy } from '#modules/mfa/org-policy.ts'
import { MFA_POLICIES, OrgMfaPolicySchema } from '#modules/mfa/schemas.ts'
import type { Route } from './+types/org.$slug.settings.security'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Security | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		`Who in ${data?.organisation.name ?? 'your organisation'} must use two-step sign-in on Circle.`,
		NOINDEX,
	)

const CHOICES: Record<(typeof MFA_POLICIES)[number], { label: string; hint: string }> = {
	NONE: {
		label: 'Only where Circle requires it',
		hint: 'Members choose for themselves. (Circle always requires it of trainers and platform admins.)',
	},
	ADMINS: {
		label: 'Owners and administrators',
		hint: 'Everyone who can invite people, manage seats or read the team report.',
	},
	ALL: { label: 'Everyone in the organisation', hint: 'Every member, on their next visit.' },
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	return { organisation: access.organisation, policy: await getOrganisationMfaPolicy(access.organisation.id) }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const submission = parseWithZod(await request.formData(), { schema: OrgMfaPolicySchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), saved: false }, { status: 400 })
	try {
		await setOrganisationMfaPolicy({
			organisationId: access.organisation.id,
			actorId: access.actorId,
			policy: submission.value.policy,
			ipAddress: context.clientIp,
			userAgent: request.headers.get('User-Agent'),
		})
		return { result: submission.reply(), saved: true }
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

export default function OrganisationSecurityRoute({ loaderData, actionData }: Route.ComponentProps) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'mfa-policy',
		lastResult: actionData?.result,
		defaultValue: { policy: loaderData.policy },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: OrgMfaPolicySchema }),
	})
	return (
		<Container className="py-10">
			<PageHeading
				title="Security"
				intro="Two-step sign-in asks for a code from an app on the person’s phone (or a passkey) as well as their password, so a leaked password alone cannot open their account."
			/>
			<Form method="post" className="mt-8 max-w-2xl space-y-5" {...getFormProps(form)}>
				{actionData && 'saved' in actionData && actionData.saved ? (
					<Notice tone="success" role="status" title="Saved">
						Anyone this now applies to is asked to set up two-step sign-in on their next page.
					</Notice>
				) : null}
				<FormErrors id={form.errorId} errors={form.errors} />
				<fieldset aria-describedby={fields.policy.errors ? `${fields.policy.id}-error` : undefined}>
					<legend className="text-lg font-semibold text-stone-900">Who must use two-step sign-in?</legend>
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
									<span className="font-medium text-stone-900">{CHOICES[value].label}</span>
									<span id={`policy-${value}-hint`} className="block text-sm text-stone-700">
										{CHOICES[value].hint}
									</span>
								</span>
							</label>
						))}
					</div>
					<ErrorList id={`${fields.policy.id}-error`} errors={fields.policy.errors} />
				</fieldset>
				<p className="text-sm text-stone-700">
					If you choose owners and administrators or everyone, you need two-step sign-in yourself: you will be asked to
					set it up if you have not.
				</p>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Saving…">
					Save
				</SubmitButton>
			</Form>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
