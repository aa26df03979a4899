import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { formatCpdHours } from '#app/utils/format.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getCertificateForAdmin } from '#modules/certificates/admin-certificates.ts'
import { reissueCertificate } from '#modules/certificates/reissue-certificate.ts'
import { reinstateCertificate, revokeCertificate } from '#modules/certificates/revoke-certificate.ts'
import { ReinstateCertificateSchema, RevokeCertificateSchema } from '#modules/certificates/schemas.ts'
import type { Route } from './+types/admin.certificates.$code'

export const meta: Route.MetaFunction = ({ params, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('certificate.meta.title', { ns: 'admin', code: params.code }),
		t('certificate.meta.description', { ns: 'admin' }),
		NOINDEX,
	)
}

const ActionSchema = z.discriminatedUnion('intent', [
	RevokeCertificateSchema.extend({ intent: z.literal('revoke') }),
	ReinstateCertificateSchema.extend({ intent: z.literal('reinstate') }),
	z.object({ intent: z.literal('reissue') }),
])

export async function loader({ request, params }: Route.LoaderArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const { certificate, history } = await withDomainErrors(() =>
		getCertificateForAdmin({ actorId: admin.id, code: params.code }),
	)
	return {
		certificate: {
			code: certificate.code,
			learnerName: certificate.learnerName,
			currentName: certificate.user.name,
			email: certificate.user.email,
			courseTitle: certificate.courseTitle,
			versionNumber: certificate.versionNumber,
			cpdMinutes: certificate.cpdMinutes,
			outcomes: certificate.outcomes,
			completedAt: certificate.completedAt.toISOString(),
			issuedAt: certificate.issuedAt.toISOString(),
			revokedAt: certificate.revokedAt?.toISOString() ?? null,
			revokedReason: certificate.revokedReason,
			revokedBy: certificate.revokedBy?.name ?? null,
		},
		history: history.map((entry) => ({
			id: entry.id,
			action: entry.action,
			actor: entry.actor?.name ?? 'Circle',
			at: entry.createdAt.toISOString(),
			details: describeDetails(entry.details),
		})),
	}
}

/** What an entry's details say, as values the page words in its language. */
function describeDetails(details: unknown) {
	if (!details || typeof details !== 'object') return null
	const d = details as Record<string, unknown>
	if (typeof d.reason === 'string') return { kind: 'reason' as const, reason: d.reason }
	if (typeof d.note === 'string') return { kind: 'note' as const, note: d.note }
	if (typeof d.previousLearnerName === 'string' && d.previousLearnerName !== d.learnerName) {
		return { kind: 'renamed' as const, from: d.previousLearnerName, to: String(d.learnerName) }
	}
	return null
}

const HISTORY_ACTIONS = ['certificate.revoked', 'certificate.reinstated', 'certificate.reissued'] as const

/**
 * Revoke (with a reason), reinstate, or re-issue. Platform admins only: the role is checked here
 * and again inside each module function.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const submission = parseWithZod(await request.formData(), { schema: ActionSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), done: null }, { status: 400 })
	const t = await getT(request)
	try {
		const value = submission.value
		if (value.intent === 'revoke') {
			await revokeCertificate({ code: params.code, actorId: admin.id, reason: value.reason })
			return { result: submission.reply({ resetForm: true }), done: t('certificate.done.revoked', { ns: 'admin' }) }
		}
		if (value.intent === 'reinstate') {
			await reinstateCertificate({ code: params.code, actorId: admin.id, note: value.note })
			return { result: submission.reply({ resetForm: true }), done: t('certificate.done.reinstated', { ns: 'admin' }) }
		}
		const { nameChanged, learnerName } = await reissueCertificate({ code: params.code, actorId: admin.id })
		return {
			result: submission.reply({ resetForm: true }),
			done: nameChanged
				? t('certificate.done.reissuedRenamed', { ns: 'admin', name: learnerName })
				: t('certificate.done.reissued', { ns: 'admin' }),
		}
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

export default function AdminCertificateRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { certificate: c, history } = loaderData
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const [revokeForm, revokeFields] = useForm({
		id: 'revoke',
		lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const done = actionData && 'done' in actionData ? actionData.done : null
	const { t } = useTranslation('admin')
	const format = useFormat()
	const historySummary = (entry: (typeof history)[number]) =>
		// Issuing has no admin behind it: it follows the learner's completing the course.
		entry.action === 'certificate.issued'
			? t('certificate.history.issued')
			: t('certificate.history.by', {
					action: (HISTORY_ACTIONS as readonly string[]).includes(entry.action)
						? t(`certificate.history.actions.${entry.action as (typeof HISTORY_ACTIONS)[number]}`)
						: entry.action,
					actor: entry.actor,
				})
	const historyDetails = (details: (typeof history)[number]['details']) =>
		!details
			? null
			: details.kind === 'reason'
				? t('certificate.history.reason', { reason: details.reason })
				: details.kind === 'note'
					? t('certificate.history.note', { note: details.note })
					: t('certificate.history.renamed', { from: details.from, to: details.to })

	return (
		<Container width="prose" className="py-10">
			<p>
				<Link
					to="/admin/certificates"
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					{t('certificate.back')}
				</Link>
			</p>
			<h1 className="mt-4 font-mono text-2xl font-bold text-stone-900 sm:text-3xl">{c.code}</h1>
			<p className="mt-2">
				{c.revokedAt ? (
					<Badge tone="accent">{t('certificates.revoked', { date: format.date(c.revokedAt) })}</Badge>
				) : (
					<Badge tone="success">{t('certificates.valid')}</Badge>
				)}
			</p>
			{done ? <Notice tone="success" role="status" title={done} className="mt-6" /> : null}

			<dl className="mt-6 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
				{[
					[t('certificate.facts.name'), c.learnerName],
					[t('certificate.facts.account'), `${c.currentName} (${c.email})`],
					[
						t('certificate.facts.course'),
						t('certificate.facts.courseValue', { title: c.courseTitle, number: c.versionNumber }),
					],
					[t('certificate.facts.cpd'), formatCpdHours(c.cpdMinutes, format.language)],
					[t('certificate.facts.completed'), format.date(c.completedAt)],
					[t('certificate.facts.issued'), format.date(c.issuedAt)],
					...(c.revokedAt
						? [
								[
									t('certificate.facts.revoked'),
									c.revokedBy
										? t('certificate.facts.revokedByValue', {
												date: format.date(c.revokedAt),
												name: c.revokedBy,
												reason: c.revokedReason ?? '',
											})
										: `${format.date(c.revokedAt)}: ${c.revokedReason ?? ''}`,
								],
							]
						: []),
				].map(([term, value]) => (
					<div key={term} className="grid gap-1 px-5 py-3 sm:grid-cols-3 sm:gap-4">
						<dt className="font-semibold text-stone-600">{term}</dt>
						<dd className="break-words text-stone-900 sm:col-span-2">{value}</dd>
					</div>
				))}
			</dl>
			<p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
				<a
					href={`/certificates/${c.code}.pdf`}
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					{t('certificate.pdf')}
				</a>
				<Link
					to={`/verify/${c.code}`}
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					{t('certificate.verifyPage')}
				</Link>
			</p>

			{c.revokedAt ? (
				<section aria-labelledby="reinstate-heading" className="mt-10">
					<h2 id="reinstate-heading" className="text-xl font-bold text-stone-900">
						{t('certificate.reinstate.heading')}
					</h2>
					<p className="mt-2 text-stone-700">{t('certificate.reinstate.body')}</p>
					<Form method="post" className="mt-4 space-y-4">
						<input type="hidden" name="intent" value="reinstate" />
						<Field
							labelProps={{ children: t('certificate.reinstate.note') }}
							inputProps={{ name: 'note', type: 'text', maxLength: 500, autoComplete: 'off' }}
						/>
						<SubmitButton pending={busy}>{t('certificate.reinstate.submit')}</SubmitButton>
					</Form>
				</section>
			) : (
				<>
					<section aria-labelledby="revoke-heading" className="mt-10">
						<h2 id="revoke-heading" className="text-xl font-bold text-stone-900">
							{t('certificate.revoke.heading')}
						</h2>
						<p className="mt-2 text-stone-700">{t('certificate.revoke.body')}</p>
						<Form method="post" className="mt-4 space-y-4" {...getFormProps(revokeForm)}>
							<FormErrors id={revokeForm.errorId} errors={revokeForm.errors} />
							<input type="hidden" name="intent" value="revoke" />
							<TextareaField
								labelProps={{ children: t('certificate.revoke.reason') }}
								description={t('certificate.revoke.reasonHint')}
								textareaProps={{ ...getTextareaProps(revokeFields.reason), rows: 3 }}
								errors={revokeFields.reason.errors}
							/>
							<SubmitButton pending={busy} className="bg-red-700 hover:bg-red-800">
								{t('certificate.revoke.submit')}
							</SubmitButton>
						</Form>
					</section>
					<section aria-labelledby="reissue-heading" className="mt-10">
						<h2 id="reissue-heading" className="text-xl font-bold text-stone-900">
							{t('certificate.reissue.heading')}
						</h2>
						<p className="mt-2 text-stone-700">
							{c.currentName !== c.learnerName
								? t('certificate.reissue.bodyRenamed', { current: c.currentName, previous: c.learnerName })
								: t('certificate.reissue.body')}
						</p>
						<Form method="post" className="mt-4">
							<input type="hidden" name="intent" value="reissue" />
							<SubmitButton pending={busy}>{t('certificate.reissue.submit')}</SubmitButton>
						</Form>
					</section>
				</>
			)}

			<section aria-labelledby="history-heading" className="mt-12">
				<h2 id="history-heading" className="text-xl font-bold text-stone-900">
					{t('certificate.historyHeading')}
				</h2>
				<ol className="mt-4 space-y-3">
					{history.map((entry) => (
						<li key={entry.id} className="rounded-xl border border-stone-200 bg-white px-4 py-3">
							<p className="font-semibold text-stone-900">
								{t('certificate.history.on', { summary: historySummary(entry), date: format.date(entry.at) })}
							</p>
							{entry.details ? <p className="mt-1 text-stone-700">{historyDetails(entry.details)}</p> : null}
						</li>
					))}
				</ol>
			</section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
