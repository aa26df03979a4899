import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { data, Form, useLocation, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { PageHeading, Section } from '#app/components/org/org-ui.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { domainErrorInit } from '#app/utils/errors.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import {
	getLrsSettings,
	resendFailedStatements,
	saveLrsConnection,
	testLrsConnection,
} from '#modules/xapi/connection.ts'
import { LrsConnectionSchema, LrsIntentSchema } from '#modules/xapi/schemas.ts'
import type { Route } from './+types/org.$slug.settings.learning-records'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Learning records (xAPI) | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		'Send your people’s learning to your own Learning Record Store as xAPI statements.',
		NOINDEX,
	)

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const settings = await getLrsSettings({ organisationId: access.organisation.id })
	const iso = (d: Date | null | undefined) => d?.toISOString() ?? null
	return {
		organisation: access.organisation,
		connection: settings.connection
			? {
					...settings.connection,
					lastSuccessAt: iso(settings.connection.lastSuccessAt),
					lastErrorAt: iso(settings.connection.lastErrorAt),
					updatedAt: iso(settings.connection.updatedAt),
				}
			: null,
		counts: settings.counts,
		recentErrors: settings.recentErrors.map((e) => ({ ...e, lastAttemptAt: iso(e.lastAttemptAt) })),
	}
}

type Reply = {
	intent: string
	ok: boolean
	message: string
	fieldErrors?: Record<string, string[]>
	/** What was typed, kept (never the secret). */
	values?: Record<string, string>
}

/** Every change checks the actor again inside its own write (assertOrganisationActor) and is audited. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const origin = { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') }
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	const typed = Object.fromEntries(
		[...formData].filter(([k, v]) => k !== 'authSecret' && typeof v === 'string').map(([k, v]) => [k, String(v)]),
	)
	const invalid = (fieldErrors: Record<string, string[]>, message = 'Check the highlighted fields.') =>
		data({ intent, ok: false, message, fieldErrors, values: typed } satisfies Reply, { status: 400 })
	try {
		if (intent === 'save') {
			const submission = parseWithZod(formData, { schema: LrsConnectionSchema })
			if (submission.status !== 'success') return invalid((submission.reply().error ?? {}) as Record<string, string[]>)
			const v = submission.value
			const saved = await saveLrsConnection({
				organisationId,
				actorId: access.actorId,
				endpoint: v.endpoint,
				authKey: v.authKey,
				authSecret: v.authSecret,
				actorFormat: v.actorFormat,
				enabled: v.enabled,
				...origin,
			})
			return {
				intent,
				ok: true,
				message: v.enabled
					? `Saved: statements go to ${saved.endpoint}.${saved.requeued ? ` ${saved.requeued} waiting statements are on their way.` : ''} Choose “Test connection” to check it.`
					: 'Saved: sending is switched off. Statements are not made while it is off.',
			} satisfies Reply
		}
		const submission = parseWithZod(formData, { schema: LrsIntentSchema })
		if (submission.status !== 'success') return invalid({}, 'Something was wrong with that form: please try again.')
		if (submission.value.intent === 'test') {
			const result = await testLrsConnection({ organisationId, actorId: access.actorId })
			return data({ intent, ok: result.ok, message: result.message } satisfies Reply, {
				status: result.ok ? 200 : 502,
			})
		}
		const { requeued } = await resendFailedStatements({ organisationId, actorId: access.actorId, ...origin })
		return {
			intent,
			ok: true,
			message: requeued ? `${requeued} failed statements are being sent again.` : 'No statements had failed.',
		} satisfies Reply
	} catch (error) {
		if (!isDomainError(error)) throw error
		return data(
			{
				intent,
				ok: false,
				message: error.message,
				fieldErrors: error.field ? { [error.field]: [error.message] } : undefined,
				values: typed,
			} satisfies Reply,
			domainErrorInit(error),
		)
	}
}

const ACTOR_FORMATS = [
	{ value: 'MBOX', label: 'Email address (mbox: mailto:…)' },
	{ value: 'ACCOUNT', label: 'Circle account (account: Circle’s address and the person’s Circle id)' },
] as const

export default function LearningRecordsSettingsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, connection, counts, recentErrors } = loaderData
	const reply = actionData as Reply | undefined
	const navigation = useNavigation()
	const { pathname } = useLocation()
	const busy = navigation.state !== 'idle'
	const submitting = navigation.formData?.get('intent')
	const values = reply && !reply.ok && reply.intent === 'save' ? (reply.values ?? {}) : null
	const errors = reply && !reply.ok ? (reply.fieldErrors ?? {}) : {}
	const value = (name: string, saved: string | null | undefined) => values?.[name] ?? saved ?? ''
	// Focus moves to the outcome, so screen reader and keyboard users hear what happened.
	const noticeRef = useRef<HTMLDivElement>(null)
	useEffect(() => {
		if (reply) noticeRef.current?.focus()
	}, [reply])

	return (
		<Container className="py-10">
			<PageHeading
				title="Learning records (xAPI)"
				intro={
					<p>
						Send {organisation.name}’s learning on Circle to your own Learning Record Store (LRS), such as the one
						behind your LMS, as xAPI 1.0.3 statements: when someone starts a course, progresses, passes or fails a
						quiz, completes a course and attends a reflective circle. Only active members of {organisation.name} are
						reported, and never what they write in reflections.
					</p>
				}
			/>
			{reply ? (
				<div ref={noticeRef} tabIndex={-1} className="mt-6 outline-none">
					<Notice tone={reply.ok ? 'success' : 'error'} role={reply.ok ? 'status' : 'alert'}>
						{reply.message}
					</Notice>
				</div>
			) : null}

			<Section id="status-heading" title="How sending is going">
				{connection ? (
					<dl className="mt-4 grid max-w-2xl grid-cols-1 gap-x-6 gap-y-2 text-stone-800 sm:grid-cols-[auto_1fr]">
						<dt className="font-semibold">Sending</dt>
						<dd>{connection.enabled ? 'Switched on' : 'Switched off'}</dd>
						<dt className="font-semibold">Last accepted</dt>
						<dd>{connection.lastSuccessAt ? formatDateTime(connection.lastSuccessAt) : 'Nothing yet'}</dd>
						<dt className="font-semibold">Last error</dt>
						<dd className="break-words">
							{connection.lastErrorAt
								? `${formatDateTime(connection.lastErrorAt)}: ${connection.lastError ?? ''}`
								: 'None'}
						</dd>
						<dt className="font-semibold">Statements</dt>
						<dd>
							{counts.sent} accepted, {counts.pending} waiting, {counts.failed} failed
						</dd>
					</dl>
				) : (
					<p className="mt-4 text-stone-700">No LRS is set up yet.</p>
				)}
				{recentErrors.length ? (
					<>
						<h3 className="mt-6 text-lg font-semibold text-stone-900">Statements not yet accepted</h3>
						<ul className="mt-2 max-w-3xl space-y-2 text-sm text-stone-800">
							{recentErrors.map((e) => (
								<li key={e.id} className="rounded border border-stone-200 p-3 break-words">
									<span className="font-semibold">
										{e.verb} ({e.status === 'FAILED' ? 'failed' : 'retrying'}, {e.attempts} attempts
										{e.lastAttemptAt ? `, last ${formatDateTime(e.lastAttemptAt)}` : ''})
									</span>
									: {e.lastError}
								</li>
							))}
						</ul>
					</>
				) : null}
				{connection ? (
					<div className="mt-6 flex flex-wrap gap-3">
						<Form method="post" action={pathname}>
							<input type="hidden" name="intent" value="test" />
							<SubmitButton pending={busy && submitting === 'test'} pendingText="Testing…">
								Test connection
							</SubmitButton>
						</Form>
						{counts.failed ? (
							<Form method="post" action={pathname}>
								<input type="hidden" name="intent" value="resend-failed" />
								<SubmitButton pending={busy && submitting === 'resend-failed'} pendingText="Queueing…">
									Send failed statements again
								</SubmitButton>
							</Form>
						) : null}
					</div>
				) : null}
			</Section>

			<Section id="lrs-heading" title="Your LRS">
				<Form method="post" action={pathname} className="mt-6 max-w-xl space-y-5" noValidate>
					<input type="hidden" name="intent" value="save" />
					<Field
						labelProps={{ children: 'LRS address (xAPI endpoint)' }}
						description="Starts with https://, e.g. https://lrs.example.org/xapi/. Circle adds “statements” itself."
						inputProps={{
							name: 'endpoint',
							type: 'url',
							defaultValue: value('endpoint', connection?.endpoint),
							spellCheck: false,
							autoComplete: 'off',
						}}
						errors={errors.endpoint}
					/>
					<Field
						labelProps={{ children: 'Key' }}
						description="The username of the Basic authentication credentials your LRS issued to Circle."
						inputProps={{
							name: 'authKey',
							defaultValue: value('authKey', connection?.authKey),
							spellCheck: false,
							autoComplete: 'off',
						}}
						errors={errors.authKey}
					/>
					<Field
						labelProps={{ children: 'Secret' }}
						description={
							connection?.hasSecret
								? 'A secret is saved. Type a new one to replace it, or leave this empty to keep it.'
								: 'Circle stores it encrypted and never shows it again.'
						}
						inputProps={{ name: 'authSecret', type: 'password', autoComplete: 'off', defaultValue: '' }}
						errors={errors.authSecret}
					/>
					<SelectField
						labelProps={{ children: 'Identify people by' }}
						description="What your LRS matches people on. Choose the email address unless your LMS knows people by Circle account."
						selectProps={{ name: 'actorFormat', defaultValue: value('actorFormat', connection?.actorFormat ?? 'MBOX') }}
						options={ACTOR_FORMATS}
						errors={errors.actorFormat}
					/>
					<div className="flex items-start gap-3">
						<input
							id="lrs-enabled"
							type="checkbox"
							name="enabled"
							defaultChecked={values ? values.enabled === 'on' : (connection?.enabled ?? true)}
							className="mt-1 size-5 rounded border-stone-500 text-brand-700"
						/>
						<label htmlFor="lrs-enabled" className="text-stone-900">
							Send statements to this LRS
						</label>
					</div>
					<SubmitButton pending={busy && submitting === 'save'} pendingText="Saving…">
						{connection ? 'Save changes' : 'Save LRS'}
					</SubmitButton>
				</Form>
			</Section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
