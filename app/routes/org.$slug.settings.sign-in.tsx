import { parseWithZod } from '@conform-to/zod/v4'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
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
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { ssoRedirectUri } from '#app/utils/sso.server.ts'
import { checkDomainDns, claimDomain, removeDomain } from '#modules/sso/domains.ts'
import { issuerForPreset } from '#modules/sso/presets.ts'
import { getSignInSettings, saveIdentityProvider, setRequireSso } from '#modules/sso/providers.ts'
import { SSO_SCOPES } from '#modules/sso/sign-in.ts'
import { ClaimDomainSchema, DomainActionSchema, ProviderSchema, RequireSsoSchema } from '#modules/sso/schemas.ts'
import type { Route } from './+types/org.$slug.settings.sign-in'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('signIn.meta.title', { ns: 'org', organisation }),
		t('signIn.meta.description', { ns: 'org' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const settings = await getSignInSettings({ organisationId: access.organisation.id })
	return {
		organisation: access.organisation,
		redirectUri: ssoRedirectUri(),
		scopes: SSO_SCOPES,
		...settings,
		provider: settings.provider ? { ...settings.provider, updatedAt: settings.provider.updatedAt.toISOString() } : null,
		domains: settings.domains.map((d) => ({
			...d,
			verifiedAt: d.verifiedAt?.toISOString() ?? null,
			expiresAt: d.expiresAt?.toISOString() ?? null,
		})),
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
	const t = await getT(request)
	const typed = Object.fromEntries(
		[...formData].filter(([k, v]) => k !== 'clientSecret' && typeof v === 'string').map(([k, v]) => [k, String(v)]),
	)
	const invalid = (fieldErrors: Record<string, string[]>, message = t('signIn.checkFields', { ns: 'org' })) =>
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
			return { intent, ok: true, message: t('signIn.connected', { ns: 'org' }) } satisfies Reply
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
					? t('signIn.claimed', { ns: 'org', domain: claim.domain })
					: t('signIn.alreadyClaimed', { ns: 'org', domain: claim.domain, organisation: access.organisation.name }),
			} satisfies Reply
		}
		if (intent === 'check-domain' || intent === 'remove-domain') {
			const submission = parseWithZod(formData, { schema: DomainActionSchema })
			if (submission.status !== 'success') return invalid({}, t('signIn.chooseDomain', { ns: 'org' }))
			const { domainId } = submission.value
			if (intent === 'check-domain') {
				const { domain } = await checkDomainDns({ organisationId, actorId: access.actorId, domainId, ...origin })
				return { intent, ok: true, message: t('signIn.verified', { ns: 'org', domain }) } satisfies Reply
			}
			const { domain } = await removeDomain({ organisationId, actorId: access.actorId, domainId, ...origin })
			return { intent, ok: true, message: t('signIn.removed', { ns: 'org', domain }) } satisfies Reply
		}
		if (intent === 'require-sso') {
			const submission = parseWithZod(formData, { schema: RequireSsoSchema })
			if (submission.status !== 'success') return invalid({}, t('signIn.wrongForm', { ns: 'org' }))
			const { requireSso } = submission.value
			await setRequireSso({ organisationId, actorId: access.actorId, requireSso, ...origin })
			return {
				intent,
				ok: true,
				message: requireSso ? t('signIn.required', { ns: 'org' }) : t('signIn.notRequired', { ns: 'org' }),
			} satisfies Reply
		}
		return invalid({}, t('signIn.wrongForm', { ns: 'org' }))
	} catch (error) {
		if (!isDomainError(error)) throw error
		return data(
			{ intent, ok: false, message: error.message, fieldErrors: fieldErrorsOf(error), values: typed } satisfies Reply,
			domainErrorInit(error),
		)
	}
}

// The providers' own names, the same in every language; "another provider" is translated where it is shown.
const ENTRA_LABEL = 'Microsoft Entra ID (Microsoft 365, NHSmail)'
const GOOGLE_LABEL = 'Google Workspace'

export default function SignInSettingsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, provider, domains, pools, redirectUri, scopes } = loaderData
	const reply = actionData as Reply | undefined
	const navigation = useNavigation()
	const { pathname } = useLocation()
	const busy = navigation.state !== 'idle'
	const { t } = useTranslation('org')
	const format = useFormat()
	const kinds = [
		{ value: 'ENTRA', label: ENTRA_LABEL },
		{ value: 'GOOGLE', label: GOOGLE_LABEL },
		{ value: 'OIDC', label: t('signIn.kinds.OIDC') },
	]
	const submittingIntent = navigation.formData?.get('intent')
	const values = reply && !reply.ok && reply.intent === 'save-provider' ? (reply.values ?? {}) : null
	const errors = reply && !reply.ok ? (reply.fieldErrors ?? {}) : {}
	const [kind, setKind] = useState<string>(values?.kind ?? provider?.kind ?? 'ENTRA')
	const value = (name: string, saved: string | null | undefined) => values?.[name] ?? saved ?? ''
	const checked = (name: string, saved: boolean) => (values ? values[name] === 'on' : saved)
	const verifiedDomains = domains.filter((d) => d.verifiedAt)

	return (
		<Container className="py-10">
			<PageHeading title={t('signIn.title')} intro={<p>{t('signIn.intro', { organisation: organisation.name })}</p>} />
			{reply ? (
				<Notice tone={reply.ok ? 'success' : 'error'} role={reply.ok ? 'status' : 'alert'} className="mt-6">
					{reply.message}
				</Notice>
			) : null}

			<Section
				id="provider-heading"
				title={t('signIn.provider')}
				intro={
					<p>
						<Trans
							t={t}
							i18nKey="signIn.providerIntro"
							values={{ redirectUri, scopes }}
							components={[
								<code key="uri" className="rounded bg-stone-100 px-1 break-all" />,
								<code key="scopes" className="rounded bg-stone-100 px-1" />,
							]}
						/>
					</p>
				}
			>
				<Form method="post" action={pathname} className="mt-6 max-w-xl space-y-5" noValidate>
					<input type="hidden" name="intent" value="save-provider" />
					<SelectField
						labelProps={{ children: t('signIn.providerLabel') }}
						selectProps={{
							name: 'kind',
							value: kind,
							onChange: (event) => setKind(event.currentTarget.value),
						}}
						options={kinds}
						errors={errors.kind}
					/>
					{kind === 'ENTRA' ? (
						<Field
							labelProps={{ children: t('signIn.tenantId') }}
							description={t('signIn.tenantIdHint')}
							inputProps={{ name: 'tenantId', defaultValue: value('tenantId', provider?.tenantId), spellCheck: false }}
							errors={errors.tenantId}
						/>
					) : null}
					{kind === 'GOOGLE' ? (
						<Field
							labelProps={{ children: t('signIn.hostedDomain') }}
							description={t('signIn.hostedDomainHint')}
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
							labelProps={{ children: t('signIn.issuer') }}
							description={t('signIn.issuerHint')}
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
						labelProps={{ children: t('signIn.clientId') }}
						inputProps={{ name: 'clientId', defaultValue: value('clientId', provider?.clientId), spellCheck: false }}
						errors={errors.clientId}
					/>
					<Field
						labelProps={{ children: t('signIn.clientSecret') }}
						description={provider?.hasSecret ? t('signIn.secretSaved') : t('signIn.secretOnce')}
						inputProps={{ name: 'clientSecret', type: 'password', autoComplete: 'off', defaultValue: '' }}
						errors={errors.clientSecret}
					/>
					<Checkbox
						name="enabled"
						label={t('signIn.enabled')}
						defaultChecked={checked('enabled', provider?.enabled ?? true)}
					/>
					<Checkbox
						name="jitMembership"
						label={t('signIn.jit', { organisation: organisation.name })}
						defaultChecked={checked('jitMembership', provider?.jitMembership ?? true)}
					/>
					<SelectField
						labelProps={{ children: t('signIn.jitSeat') }}
						description={t('signIn.jitSeatHint')}
						selectProps={{ name: 'jitSeatPoolId', defaultValue: value('jitSeatPoolId', provider?.jitSeatPoolId) }}
						options={pools.map((p) => ({ value: p.id, label: p.label }))}
						placeholder={t('signIn.noSeat')}
						errors={errors.jitSeatPoolId}
					/>
					<SubmitButton pending={busy && submittingIntent === 'save-provider'} pendingText={t('signIn.checking')}>
						{provider ? t('signIn.saveChanges') : t('signIn.connect')}
					</SubmitButton>
				</Form>
			</Section>

			<Section id="domains-heading" title={t('signIn.domains')} intro={<p>{t('signIn.domainsIntro')}</p>}>
				{domains.length > 0 ? (
					<DataTable
						caption={t('signIn.domainsCaption', { organisation: organisation.name })}
						columns={[t('signIn.columns.domain'), t('signIn.columns.status'), t('signIn.columns.actions')]}
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
												{d.verifiedBy === 'ADMIN'
													? t('signIn.verifiedByCircle', { date: format.date(d.verifiedAt) })
													: t('signIn.verifiedByDns', { date: format.date(d.verifiedAt) })}
											</Badge>
										) : d.status === 'verified-elsewhere' ? (
											<>
												<Badge tone="neutral">{t('signIn.verifiedElsewhere')}</Badge>
												<p className="mt-2 text-sm text-stone-700">{t('signIn.verifiedElsewhereHint')}</p>
											</>
										) : d.status === 'expired' ? (
											<>
												<Badge tone="neutral">{t('signIn.expired')}</Badge>
												<p className="mt-2 text-sm text-stone-700">{t('signIn.expiredHint')}</p>
											</>
										) : (
											<>
												<Badge tone="neutral">{t('signIn.waiting')}</Badge>
												{d.expiresAt ? (
													<p className="mt-2 text-sm text-stone-700">
														{t('signIn.verifyBy', { date: format.date(d.expiresAt) })}
													</p>
												) : null}
												<dl className="mt-2 text-sm text-stone-700">
													<dt className="font-semibold">{t('signIn.txtName')}</dt>
													<dd className="break-all">
														<Trans
															t={t}
															i18nKey="signIn.txtNames"
															values={{ domain: d.domain, txtName: d.txtName }}
															components={[<code key="domain" />, <code key="name" />]}
														/>
													</dd>
													<dt className="mt-1 font-semibold">{t('signIn.value')}</dt>
													<dd className="break-all">
														<code>{d.txtValue}</code>
													</dd>
												</dl>
											</>
										)}
										{error ? (
											<p id={errorId} role="alert" className="mt-2 text-sm font-semibold text-red-700">
												<span className="sr-only">{t('signIn.error')}</span>
												{error}
											</p>
										) : null}
									</td>
									<td className={tdClasses}>
										<div className="flex flex-wrap gap-2">
											{d.status !== 'pending' ? null : (
												<Form method="post" action={pathname}>
													<input type="hidden" name="intent" value="check-domain" />
													<input type="hidden" name="domainId" value={d.id} />
													<Button type="submit" variant="secondary" size="sm" aria-disabled={busy || undefined}>
														<Trans
															t={t}
															i18nKey="signIn.checkNow"
															values={{ domain: d.domain }}
															components={[<span key="for" className="sr-only" />]}
														/>
													</Button>
												</Form>
											)}
											<Form method="post" action={pathname}>
												<input type="hidden" name="intent" value="remove-domain" />
												<input type="hidden" name="domainId" value={d.id} />
												<Button type="submit" variant="ghost" size="sm" aria-disabled={busy || undefined}>
													<Trans
														t={t}
														i18nKey="signIn.remove"
														values={{ domain: d.domain }}
														components={[<span key="which" className="sr-only" />]}
													/>
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
						labelProps={{ children: t('signIn.addDomain') }}
						inputProps={{
							name: 'domain',
							placeholder: 'riverside.sch.uk',
							defaultValue: reply?.intent === 'claim-domain' && !reply.ok ? (reply.values?.domain ?? '') : '',
							spellCheck: false,
						}}
						errors={errors.domain}
					/>
					<SubmitButton pending={busy && submittingIntent === 'claim-domain'} pendingText={t('signIn.adding')}>
						{t('signIn.addDomainSubmit')}
					</SubmitButton>
				</Form>
			</Section>

			<Section
				id="require-heading"
				title={t('signIn.require')}
				intro={
					<p>
						{t('signIn.requireIntro', {
							domains: verifiedDomains.length ? ` (${verifiedDomains.map((d) => d.domain).join(', ')})` : '',
						})}
					</p>
				}
			>
				<Form method="post" action={pathname} className="mt-4 space-y-4">
					<input type="hidden" name="intent" value="require-sso" />
					<Checkbox
						name="requireSso"
						label={t('signIn.requireLabel')}
						defaultChecked={provider?.requireSso ?? false}
						key={String(provider?.requireSso)}
					/>
					{errors.requireSso ? (
						<p role="alert" className="text-sm font-semibold text-red-700">
							{errors.requireSso[0]}
						</p>
					) : null}
					<SubmitButton pending={busy && submittingIntent === 'require-sso'} pendingText={t('signIn.saving')}>
						{t('signIn.save')}
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
