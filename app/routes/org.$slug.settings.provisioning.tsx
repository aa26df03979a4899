import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
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
import { formatDateTime } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { scimBaseUrl } from '#app/utils/scim.server.ts'
import { CreateScimTokenSchema, RevokeScimTokenSchema } from '#modules/scim/token-form.ts'
import { createScimToken, listScimTokens, revokeScimToken } from '#modules/scim/tokens.ts'
import type { Route } from './+types/org.$slug.settings.provisioning'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Provisioning (SCIM) | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		'Connect your identity provider so starters and leavers reach Circle automatically.',
		NOINDEX,
	)

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
				title="Provisioning (SCIM)"
				intro={
					<p>
						Connect {organisation.name}&rsquo;s identity provider (Microsoft Entra ID, Okta or any SCIM 2.0 client) so
						that starters get an account and a membership, and leavers lose access the moment they are deactivated.
						Deactivation ends their seats (a seat they had not started goes back to the pool) and, for addresses at a
						domain you have verified, signs them out everywhere. Their own certificates and progress stay theirs.
					</p>
				}
			/>
			{reply?.created ? <NewToken name={reply.created.name} token={reply.created.token} /> : null}
			{reply?.revoked ? (
				<Notice tone="success" role="status" className="mt-6">
					The token has been revoked. Requests that use it are refused from now on.
				</Notice>
			) : null}

			{revoking ? (
				<ConfirmPanel title={`Revoke the token “${revoking.name}”?`} tone="danger">
					<p>Your identity provider will no longer be able to provision people with it. This cannot be undone.</p>
					<Form method="post" action={pathname} className="flex flex-wrap items-center gap-4 pt-1">
						<input type="hidden" name="intent" value="revoke" />
						<input type="hidden" name="tokenId" value={revoking.id} />
						<Button type="submit" variant="danger" aria-disabled={busy || undefined}>
							Yes, revoke it
						</Button>
						<Link to={pathname} className={linkClasses}>
							Cancel
						</Link>
					</Form>
				</ConfirmPanel>
			) : null}

			<Section id="connection-heading" title="Connection details">
				<dl className="mt-3 grid max-w-prose gap-2 text-stone-800">
					<dt className="font-semibold">Tenant URL (SCIM base URL)</dt>
					<dd>
						<code className="rounded bg-stone-100 px-2 py-1 break-all">{scimUrl}</code>
					</dd>
					<dt className="font-semibold">Secret token</dt>
					<dd>Create one below; it is shown once.</dd>
				</dl>
				<p className="mt-3 max-w-prose text-stone-700">
					In Entra ID: Enterprise applications → your Circle app → Provisioning → Automatic, paste the tenant URL and
					secret token, then <em>Test connection</em>. Map <code>userPrincipalName</code> to <code>userName</code>,{' '}
					<code>mail</code> to <code>emails[type eq &quot;work&quot;].value</code>, and the switch{' '}
					<code>IsSoftDeleted</code> to <code>active</code> (Entra&rsquo;s defaults).
				</p>
				<p className="mt-3 max-w-prose text-stone-700">
					Groups you provision become teams kept by your directory: their people come from the group, and in Circle you
					can still place them in your team tree and choose their managers. A group named like one of your top-level
					teams takes that team over.
				</p>
			</Section>

			<Section id="create-heading" title="Create a token">
				<Form
					method="post"
					action={pathname}
					{...getFormProps(form)}
					aria-describedby={form.errors?.length ? form.errorId : undefined}
					className="mt-3 max-w-xl space-y-4 rounded-2xl border border-stone-200 bg-white p-6"
				>
					<FormErrors id={form.errorId} errors={form.errors} title="The token has not been created" />
					<input type="hidden" name="intent" value="create" />
					<Field
						labelProps={{ children: 'Token name' }}
						description="So you can tell tokens apart later, for example “Entra ID production”."
						inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
						errors={fields.name.errors}
					/>
					<SubmitButton pending={navigation.state === 'submitting'} pendingText="Creating…">
						Create token
					</SubmitButton>
				</Form>
			</Section>

			<Section id="tokens-heading" title="Tokens">
				{tokens.length ? (
					<DataTable
						caption={`SCIM tokens of ${organisation.name}`}
						columns={['Name', 'Starts with', 'Created', 'Last used', 'Status']}
						minWidth="48rem"
					>
						{tokens.map((t) => (
							<tr key={t.id}>
								<td className={tdClasses}>
									<span className="block font-semibold text-stone-900">{t.name}</span>
									{t.createdBy ? <span className="block text-stone-600">by {t.createdBy}</span> : null}
								</td>
								<td className={tdClasses}>
									<code>{t.prefix}…</code>
								</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{formatDateTime(t.createdAt)}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}
								</td>
								<td className={tdClasses}>
									{t.revokedAt ? (
										<Badge tone="neutral">Revoked {formatDateTime(t.revokedAt)}</Badge>
									) : (
										<span className="flex flex-wrap items-center gap-3">
											<Badge tone="success">Active</Badge>
											<Link to={`?${new URLSearchParams({ revoke: t.id })}`} className={linkClasses}>
												Revoke<span className="sr-only"> {t.name}</span>
											</Link>
										</span>
									)}
								</td>
							</tr>
						))}
					</DataTable>
				) : (
					<p className="mt-3 text-stone-700">No tokens yet.</p>
				)}
			</Section>
		</Container>
	)
}

/** The new token, once: focused when it appears so keyboard and screen reader users land on it. */
function NewToken({ name, token }: { name: string; token: string }) {
	const ref = useRef<HTMLDivElement>(null)
	useEffect(() => ref.current?.focus(), [token])
	return (
		<div
			ref={ref}
			tabIndex={-1}
			role="region"
			aria-label="Your new token"
			className="mt-6 rounded-2xl border-2 border-green-700 bg-green-50 p-5 text-green-950"
		>
			<h2 className="text-lg font-bold">Token “{name}” created</h2>
			<p className="mt-1">
				Copy it now and paste it into your identity provider: Circle keeps only a fingerprint of it and cannot show it
				again.
			</p>
			<label htmlFor="new-scim-token" className="mt-3 block font-semibold">
				Secret token
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
