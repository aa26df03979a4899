import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useLocation, useNavigation } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { ConfirmPanel, DataTable, linkClasses, PageHeading, Section, tdClasses } from '#app/components/org/org-ui.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { scimBaseUrl } from '#app/utils/scim.server.ts'
import { CreateScimTokenSchema, RevokeScimTokenSchema } from '#modules/scim/token-form.ts'
import { createScimToken, listScimTokens, revokeScimToken } from '#modules/scim/tokens.ts'
import type { Route } from './+types/org.$slug.settings.provisioning'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('provisioning.meta.title', { ns: 'org', organisation }),
		t('provisioning.meta.description', { ns: 'org' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const tokens = await listScimTokens({ organisationId: access.organisation.id })
	const revokeId = new URL(request.url).searchParams.get('revoke')
	const rows = tokens.map((t) => ({
		id: t.id,
		name: t.name,
		prefix: t.prefix,
		createdAt: t.createdAt.toISOString(),
		createdBy: t.createdBy?.name ?? null,
		lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
		revokedAt: t.revokedAt?.toISOString() ?? null,
	}))
	return {
		organisation: access.organisation,
		scimUrl: `${scimBaseUrl(request)}/scim/v2`,
		tokens: rows,
		revoking: rows.find((t) => t.id === revokeId && !t.revokedAt) ?? null,
	}
}

const ActionSchema = z.discriminatedUnion('intent', [CreateScimTokenSchema, RevokeScimTokenSchema])

/** Creates a token (shown once, in this reply only) or revokes one. Owners and administrators only. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const submission = parseWithZod(await request.formData(), { schema: ActionSchema })
	if (submission.status !== 'success')
		return data({ result: submission.reply(), created: null, revoked: false }, { status: 400 })
	const origin = { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') }
	const organisationId = access.organisation.id
	try {
		if (submission.value.intent === 'create') {
			const created = await createScimToken({
				organisationId,
				actorId: access.actorId,
				name: submission.value.name,
				origin,
			})
			return {
				result: submission.reply({ resetForm: true }),
				created: { name: created.name, token: created.token },
				revoked: false,
			}
		}
		await revokeScimToken({
			organisationId,
			tokenId: submission.value.tokenId,
			actorId: access.actorId,
			now: new Date(),
			origin,
		})
		return { result: submission.reply({ resetForm: true }), created: null, revoked: true }
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

export default function ProvisioningRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, scimUrl, tokens, revoking } = loaderData
	const navigation = useNavigation()
	const { pathname } = useLocation()
	const busy = navigation.state !== 'idle'
	const { t } = useTranslation('org')
	const format = useFormat()
	const reply = actionData as
		{ created?: { name: string; token: string } | null; revoked?: boolean; result?: unknown } | undefined
	const [form, fields] = useForm({
		id: 'create-scim-token',
		lastResult: navigation.state === 'idle' ? (actionData?.result as never) : null,
		constraint: getZodConstraint(CreateScimTokenSchema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateScimTokenSchema }),
	})
	return (
		<Container className="py-10">
			<PageHeading
				title={t('provisioning.title')}
				intro={<p>{t('provisioning.intro', { organisation: organisation.name })}</p>}
			/>
			{reply?.created ? <NewToken name={reply.created.name} token={reply.created.token} /> : null}
			{reply?.revoked ? (
				<Notice tone="success" role="status" className="mt-6">
					{t('provisioning.revoked')}
				</Notice>
			) : null}

			{revoking ? (
				<ConfirmPanel title={t('provisioning.revokeTitle', { name: revoking.name })} tone="danger">
					<p>{t('provisioning.revokeBody')}</p>
					<Form method="post" action={pathname} className="flex flex-wrap items-center gap-4 pt-1">
						<input type="hidden" name="intent" value="revoke" />
						<input type="hidden" name="tokenId" value={revoking.id} />
						<Button type="submit" variant="danger" aria-disabled={busy || undefined}>
							{t('provisioning.revokeConfirm')}
						</Button>
						<Link to={pathname} className={linkClasses}>
							{t('cancel')}
						</Link>
					</Form>
				</ConfirmPanel>
			) : null}

			<Section id="connection-heading" title={t('provisioning.connection')}>
				<dl className="mt-3 grid max-w-prose gap-2 text-stone-800">
					<dt className="font-semibold">{t('provisioning.tenantUrl')}</dt>
					<dd>
						<code className="rounded bg-stone-100 px-2 py-1 break-all">{scimUrl}</code>
					</dd>
					<dt className="font-semibold">{t('provisioning.secret')}</dt>
					<dd>{t('provisioning.secretHint')}</dd>
				</dl>
				<p className="mt-3 max-w-prose text-stone-700">
					<Trans
						t={t}
						i18nKey="provisioning.entra"
						components={[
							<em key="0" />,
							<code key="1" />,
							<code key="2" />,
							<code key="3" />,
							<code key="4" />,
							<code key="5" />,
							<code key="6" />,
						]}
					/>
				</p>
				<p className="mt-3 max-w-prose text-stone-700">{t('provisioning.owned')}</p>
				<p className="mt-3 max-w-prose text-stone-700">{t('provisioning.groups')}</p>
			</Section>

			<Section id="create-heading" title={t('provisioning.create')}>
				<Form
					method="post"
					action={pathname}
					{...getFormProps(form)}
					aria-describedby={form.errors?.length ? form.errorId : undefined}
					className="mt-3 max-w-xl space-y-4 rounded-2xl border border-stone-200 bg-white p-6"
				>
					<FormErrors id={form.errorId} errors={form.errors} title={t('provisioning.notCreated')} />
					<input type="hidden" name="intent" value="create" />
					<Field
						labelProps={{ children: t('provisioning.name') }}
						description={t('provisioning.nameHint')}
						inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
						errors={fields.name.errors}
					/>
					<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('provisioning.creating')}>
						{t('provisioning.createSubmit')}
					</SubmitButton>
				</Form>
			</Section>

			<Section id="tokens-heading" title={t('provisioning.tokens')}>
				{tokens.length ? (
					<DataTable
						caption={t('provisioning.caption', { organisation: organisation.name })}
						columns={[
							t('provisioning.columns.name'),
							t('provisioning.columns.prefix'),
							t('provisioning.columns.created'),
							t('provisioning.columns.lastUsed'),
							t('provisioning.columns.status'),
						]}
						minWidth="48rem"
					>
						{tokens.map((token) => (
							<tr key={token.id}>
								<td className={tdClasses}>
									<span className="block font-semibold text-stone-900">{token.name}</span>
									{token.createdBy ? (
										<span className="block text-stone-600">{t('provisioning.by', { name: token.createdBy })}</span>
									) : null}
								</td>
								<td className={tdClasses}>
									<code>{token.prefix}…</code>
								</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{format.dateTime(token.createdAt)}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('provisioning.never')}
								</td>
								<td className={tdClasses}>
									{token.revokedAt ? (
										<Badge tone="neutral">
											{t('provisioning.revokedOn', { date: format.dateTime(token.revokedAt) })}
										</Badge>
									) : (
										<span className="flex flex-wrap items-center gap-3">
											<Badge tone="success">{t('provisioning.active')}</Badge>
											<Link to={`?${new URLSearchParams({ revoke: token.id })}`} className={linkClasses}>
												<Trans
													t={t}
													i18nKey="provisioning.revoke"
													values={{ name: token.name }}
													components={[<span key="name" className="sr-only" />]}
												/>
											</Link>
										</span>
									)}
								</td>
							</tr>
						))}
					</DataTable>
				) : (
					<p className="mt-3 text-stone-700">{t('provisioning.none')}</p>
				)}
			</Section>
		</Container>
	)
}

/** The new token, once: focused when it appears so keyboard and screen reader users land on it. */
function NewToken({ name, token }: { name: string; token: string }) {
	const ref = useRef<HTMLDivElement>(null)
	const { t } = useTranslation('org')
	useEffect(() => ref.current?.focus(), [token])
	return (
		<div
			ref={ref}
			tabIndex={-1}
			role="region"
			aria-label={t('provisioning.newLabel')}
			className="mt-6 rounded-2xl border-2 border-green-700 bg-green-50 p-5 text-green-950"
		>
			<h2 className="text-lg font-bold">{t('provisioning.newTitle', { name })}</h2>
			<p className="mt-1">{t('provisioning.newBody')}</p>
			<label htmlFor="new-scim-token" className="mt-3 block font-semibold">
				{t('provisioning.secret')}
			</label>
			<input
				id="new-scim-token"
				readOnly
				value={token}
				onFocus={(event) => event.currentTarget.select()}
				className="mt-1 block w-full rounded-lg border border-stone-500 bg-white px-3 py-2 font-mono text-sm text-stone-900"
			/>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
