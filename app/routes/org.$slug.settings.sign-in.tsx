import { parseWithZod } from '@conform-to/zod/v4'
import { useState } from 'react'
import { data, Form, useLocation, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { DataTable, PageHeading, Section, tdClasses } from '#app/components/org/org-ui.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { domainErrorInit } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { ssoRedirectUri } from '#app/utils/sso.server.ts'
import { checkDomainDns, claimDomain, removeDomain } from '#modules/sso/domains.ts'
import { issuerForPreset } from '#modules/sso/presets.ts'
import { getSignInSettings, saveIdentityProvider, setRequireSso } from '#modules/sso/providers.ts'
import { SSO_SCOPES } from '#modules/sso/sign-in.ts'
import { ClaimDomainSchema, DomainActionSchema, ProviderSchema, RequireSsoSchema } from '#modules/sso/schemas.ts'
import type { Route } from './+types/org.$slug.settings.sign-in'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Sign-in | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		'Single sign-on for your organisation: your identity provider, your email domains and whether passwords are allowed.',
		NOINDEX,
	)

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const settings = await getSignInSettings({ organisationId: access.organisation.id })
	return {
		organisation: access.organisation,
		redirectUri: ssoRedirectUri(),
		scopes: SSO_SCOPES,
		...settings,
		provider: settings.provider ? { ...settings.provider, updatedAt: settings.provider.updatedAt.toISOString() } : null,
		domains: settings.domains.map((d) => ({ ...d, verifiedAt: d.verifiedAt?.toISOString() ?? null })),
	}
}

type Reply = {
	intent: string
	ok: boolean
	message: string
	/** Errors beside fields, by field name (for a domain row: `domain-<id>`). */
	fieldErrors?: Record<string, string[]>
	/** What was typed, kept (never the secret). */
	values?: Record<string, string>
}

function fieldErrorsOf(error: { field?: string; message: string }) {
	return error.field ? { [error.field]: [error.message] } : undefined
}

/** Every change checks the actor again inside its own write (assertOrganisationActor) and is audited. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const origin = { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') }
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	const typed = Object.fromEntries(
		[...formData].filter(([k, v]) => k !== 'clientSecret' && typeof v === 'string').map(([k, v]) => [k, String(v)]),
	)
	const invalid = (fieldErrors: Record<string, string[]>, message = 'Check the highlighted fields.') =>
		data({ intent, ok: false, message, fieldErrors, values: typed } satisfies Reply, { status: 400 })
	try {
		if (intent === 'save-provider') {
			const submission = parseWithZod(formData, { schema: ProviderSchema })
			if (submission.status !== 'success') {
				return invalid((submission.reply().error ?? {}) as Record<string, string[]>)
			}
			const v = submission.value
			const issuer =
				v.kind === 'ENTRA'
					? issuerForPreset({ kind: 'ENTRA', tenantId: v.tenantId ?? '' })
					: v.kind === 'GOOGLE'
						? issuerForPreset({ kind: 'GOOGLE' })
						: issuerForPreset({ kind: 'OIDC', issuer: v.issuer ?? '' })
			await saveIdentityProvider({
				organisationId,
				actorId: access.actorId,
				kind: v.kind,
				issuer,
				tenantId: v.tenantId,
				hostedDomain: v.hostedDomain,
				clientId: v.clientId,
				clientSecret: v.clientSecret,
				enabled: v.enabled,
				jitMembership: v.jitMembership,
				jitSeatPoolId: v.jitSeatPoolId,
				redirectUri: ssoRedirectUri(),
				...origin,
			})
			return { intent, ok: true, message: 'Your identity provider is connected and saved.' } satisfies Reply
		}
		if (intent === 'claim-domain') {
			const submission = parseWithZod(formData, { schema: ClaimDomainSchema })
			if (submission.status !== 'success') return invalid((submission.reply().error ?? {}) as Record<string, string[]>)
			const claim = await claimDomain({
				organisationId,
				actorId: access.actorId,
				domain: submission.value.domain,
				...origin,
			})
			return {
				intent,
				ok: true,
				message: claim.created
					? `${claim.domain} is claimed. Add the TXT record shown below, then choose "Check now".`
					: `${claim.domain} was already claimed by ${access.organisation.name}.`,
			} satisfies Reply
		}
		if (intent === 'check-domain' || intent === 'remove-domain') {
			const submission = parseWithZod(formData, { schema: DomainActionSchema })
			if (submission.status !== 'success') return invalid({}, 'Choose a domain from the list.')
			const { domainId } = submission.value
			if (intent === 'check-domain') {
				const { domain } = await checkDomainDns({ organisationId, actorId: access.actorId, domainId, ...origin })
				return { intent, ok: true, message: `${domain} is verified.` } satisfies Reply
			}
			const { domain } = await removeDomain({ organisationId, actorId: access.actorId, domainId, ...origin })
			return { intent, ok: true, message: `${domain} is no longer claimed.` } satisfies Reply
		}
		if (intent === 'require-sso') {
			const submission = parseWithZod(formData, { schema: RequireSsoSchema })
			if (submission.status !== 'success') return invalid({}, 'Something was wrong with that form: please try again.')
			const { requireSso } = submission.value
			await setRequireSso({ organisationId, actorId: access.actorId, requireSso, ...origin })
			return {
				intent,
				ok: true,
				message: requireSso
					? 'Single sign-on is now required: passwords no longer work for addresses at your verified domains.'
					: 'Single sign-on is no longer required: people at your domains may use passwords again.',
			} satisfies Reply
		}
		return invalid({}, 'Something was wrong with that form: please try again.')
	} catch (error) {
		if (!isDomainError(error)) throw error
		return data(
			{ intent, ok: false, message: error.message, fieldErrors: fieldErrorsOf(error), values: typed } satisfies Reply,
			domainErrorInit(error),
		)
	}
}

const KINDS = [
	{ value: 'ENTRA', label: 'Microsoft Entra ID (Microsoft 365, NHSmail)' },
	{ value: 'GOOGLE', label: 'Google Workspace' },
	{ value: 'OIDC', label: 'Another OpenID Connect provider' },
] as const

export default function SignInSettingsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, provider, domains, pools, redirectUri, scopes } = loaderData
	const reply = actionData as Reply | undefined
	const navigation = useNavigation()
	const { pathname } = useLocation()
	const busy = navigation.state !== 'idle'
	const submittingIntent = navigation.formData?.get('intent')
	const values = reply && !reply.ok && reply.intent === 'save-provider' ? (reply.values ?? {}) : null
	const errors = reply && !reply.ok ? (reply.fieldErrors ?? {}) : {}
	const [kind, setKind] = useState<string>(values?.kind ?? provider?.kind ?? 'ENTRA')
	const value = (name: string, saved: string | null | undefined) => values?.[name] ?? saved ?? ''
	const checked = (name: string, saved: boolean) => (values ? values[name] === 'on' : saved)
	const verifiedDomains = domains.filter((d) => d.verifiedAt)

	return (
		<Container className="py-10">
			<PageHeading
				title="Sign-in"
				intro={
					<p>
						Let staff at {organisation.name} sign in with the accounts they already have (single sign-on), decide which
						email domains are yours, and whether passwords may still be used for them.
					</p>
				}
			/>
			{reply ? (
				<Notice tone={reply.ok ? 'success' : 'error'} role={reply.ok ? 'status' : 'alert'} className="mt-6">
					{reply.message}
				</Notice>
			) : null}

			<Section
				id="provider-heading"
				title="Identity provider"
				intro={
					<p>
						Register Circle with your provider as a web application with the redirect URI{' '}
						<code className="rounded bg-stone-100 px-1 break-all">{redirectUri}</code> and the scopes{' '}
						<code className="rounded bg-stone-100 px-1">{scopes}</code>, then enter what it gives you. Circle checks the
						provider and the credentials before saving.
					</p>
				}
			>
				<Form method="post" action={pathname} className="mt-6 max-w-xl space-y-5" noValidate>
					<input type="hidden" name="intent" value="save-provider" />
					<SelectField
						labelProps={{ children: 'Provider' }}
						selectProps={{
							name: 'kind',
							value: kind,
							onChange: (event) => setKind(event.currentTarget.value),
						}}
						options={KINDS}
						errors={errors.kind}
					/>
					{kind === 'ENTRA' ? (
						<Field
							labelProps={{ children: 'Directory (tenant) ID' }}
							description="In the Entra admin centre: Identity › Overview › Tenant ID."
							inputProps={{ name: 'tenantId', defaultValue: value('tenantId', provider?.tenantId), spellCheck: false }}
							errors={errors.tenantId}
						/>
					) : null}
					{kind === 'GOOGLE' ? (
						<Field
							labelProps={{ children: 'Google Workspace domain' }}
							description="Only accounts in this Workspace (the hd claim) may sign in."
							inputProps={{
								name: 'hostedDomain',
								defaultValue: value('hostedDomain', provider?.hostedDomain),
								spellCheck: false,
							}}
							errors={errors.hostedDomain}
						/>
					) : null}
					{kind === 'OIDC' ? (
						<Field
							labelProps={{ children: 'Issuer address' }}
							description="Circle reads its /.well-known/openid-configuration."
							inputProps={{
								name: 'issuer',
								type: 'url',
								defaultValue: value('issuer', provider?.kind === 'OIDC' ? provider.issuer : null),
								spellCheck: false,
							}}
							errors={errors.issuer}
						/>
					) : null}
					<Field
						labelProps={{ children: 'Client ID' }}
						inputProps={{ name: 'clientId', defaultValue: value('clientId', provider?.clientId), spellCheck: false }}
						errors={errors.clientId}
					/>
					<Field
						labelProps={{ children: 'Client secret' }}
						description={
							provider?.hasSecret
								? 'A secret is saved. Type a new one to replace it, or leave this empty to keep it.'
								: 'Shown once by your provider. Circle stores it encrypted and never shows it again.'
						}
						inputProps={{ name: 'clientSecret', type: 'password', autoComplete: 'off', defaultValue: '' }}
						errors={errors.clientSecret}
					/>
					<Checkbox
						name="enabled"
						label="Let people sign in with this provider"
						defaultChecked={checked('enabled', provider?.enabled ?? true)}
					/>
					<Checkbox
						name="jitMembership"
						label={`Make people who sign in this way members of ${organisation.name}`}
						defaultChecked={checked('jitMembership', provider?.jitMembership ?? true)}
					/>
					<SelectField
						labelProps={{ children: 'Give new members a seat from' }}
						description="Taken while seats are left; people still join when the licence is full."
						selectProps={{ name: 'jitSeatPoolId', defaultValue: value('jitSeatPoolId', provider?.jitSeatPoolId) }}
						options={pools.map((p) => ({ value: p.id, label: p.label }))}
						placeholder="No seat"
						errors={errors.jitSeatPoolId}
					/>
					<SubmitButton pending={busy && submittingIntent === 'save-provider'} pendingText="Checking the provider…">
						{provider ? 'Save changes' : 'Connect provider'}
					</SubmitButton>
				</Form>
			</Section>

			<Section
				id="domains-heading"
				title="Email domains"
				intro={
					<p>
						Sign-ins are sent to your provider only for addresses at domains you have verified, and only those let it
						open existing Circle accounts. To verify a domain, add the TXT record shown at the domain itself or at the
						name shown, then choose “Check now”. No DNS access? Ask Circle’s support to verify it for you.
					</p>
				}
			>
				{domains.length > 0 ? (
					<DataTable
						caption={`Email domains of ${organisation.name}`}
						columns={['Domain', 'Status', 'Actions']}
						minWidth="40rem"
					>
						{domains.map((d) => {
							const errorId = `domain-${d.id}-error`
							const error = errors[`domain-${d.id}`]?.[0]
							return (
								<tr key={d.id}>
									<td className={`${tdClasses} font-semibold break-all text-stone-900`}>{d.domain}</td>
									<td className={tdClasses}>
										{d.verifiedAt ? (
											<Badge tone="success">
												Verified {d.verifiedBy === 'ADMIN' ? 'by Circle' : 'by DNS'} on {formatDate(d.verifiedAt)}
											</Badge>
										) : (
											<>
												<Badge tone="neutral">Waiting for DNS record</Badge>
												<dl className="mt-2 text-sm text-stone-700">
													<dt className="font-semibold">TXT record name</dt>
													<dd className="break-all">
														<code>{d.domain}</code> or <code>{d.txtName}</code>
													</dd>
													<dt className="mt-1 font-semibold">Value</dt>
													<dd className="break-all">
														<code>{d.txtValue}</code>
													</dd>
												</dl>
											</>
										)}
										{error ? (
											<p id={errorId} role="alert" className="mt-2 text-sm font-semibold text-red-700">
												<span className="sr-only">Error: </span>
												{error}
											</p>
										) : null}
									</td>
									<td className={tdClasses}>
										<div className="flex flex-wrap gap-2">
											{d.verifiedAt ? null : (
												<Form method="post" action={pathname}>
													<input type="hidden" name="intent" value="check-domain" />
													<input type="hidden" name="domainId" value={d.id} />
													<Button type="submit" variant="secondary" size="sm" aria-disabled={busy || undefined}>
														Check now<span className="sr-only"> for {d.domain}</span>
													</Button>
												</Form>
											)}
											<Form method="post" action={pathname}>
												<input type="hidden" name="intent" value="remove-domain" />
												<input type="hidden" name="domainId" value={d.id} />
												<Button type="submit" variant="ghost" size="sm" aria-disabled={busy || undefined}>
													Remove<span className="sr-only"> {d.domain}</span>
												</Button>
											</Form>
										</div>
									</td>
								</tr>
							)
						})}
					</DataTable>
				) : null}
				{/* Keyed by the list, so the field empties once a domain is added. */}
				<Form
					key={domains.length}
					method="post"
					action={pathname}
					className="mt-6 flex max-w-xl flex-wrap items-end gap-3"
					noValidate
				>
					<input type="hidden" name="intent" value="claim-domain" />
					<Field
						className="min-w-64 flex-1"
						labelProps={{ children: 'Add a domain' }}
						inputProps={{
							name: 'domain',
							placeholder: 'riverside.sch.uk',
							defaultValue: reply?.intent === 'claim-domain' && !reply.ok ? (reply.values?.domain ?? '') : '',
							spellCheck: false,
						}}
						errors={errors.domain}
					/>
					<SubmitButton pending={busy && submittingIntent === 'claim-domain'} pendingText="Adding…">
						Add domain
					</SubmitButton>
				</Form>
			</Section>

			<Section
				id="require-heading"
				title="Require single sign-on"
				intro={
					<p>
						When required, people with addresses at your verified domains
						{verifiedDomains.length ? ` (${verifiedDomains.map((d) => d.domain).join(', ')})` : ''} can no longer log
						in, reset a password or sign up with a password: Circle sends them to your provider. Circle’s own platform
						administrators keep a password for emergencies.
					</p>
				}
			>
				<Form method="post" action={pathname} className="mt-4 space-y-4">
					<input type="hidden" name="intent" value="require-sso" />
					<Checkbox
						name="requireSso"
						label="Require single sign-on for our verified domains"
						defaultChecked={provider?.requireSso ?? false}
						key={String(provider?.requireSso)}
					/>
					{errors.requireSso ? (
						<p role="alert" className="text-sm font-semibold text-red-700">
							{errors.requireSso[0]}
						</p>
					) : null}
					<SubmitButton pending={busy && submittingIntent === 'require-sso'} pendingText="Saving…">
						Save
					</SubmitButton>
				</Form>
			</Section>
		</Container>
	)
}

function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) {
	const id = `checkbox-${name}`
	return (
		<div className="flex items-start gap-3">
			<input
				id={id}
				type="checkbox"
				name={name}
				defaultChecked={defaultChecked}
				className="mt-1 size-5 rounded border-stone-500 text-brand-700"
			/>
			<label htmlFor={id} className="text-stone-900">
				{label}
			</label>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
