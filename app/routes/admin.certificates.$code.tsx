import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { formatCpdHours, formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getCertificateForAdmin } from '#modules/certificates/admin-certificates.ts'
import { reissueCertificate } from '#modules/certificates/reissue-certificate.ts'
import { reinstateCertificate, revokeCertificate } from '#modules/certificates/revoke-certificate.ts'
import { ReinstateCertificateSchema, RevokeCertificateSchema } from '#modules/certificates/schemas.ts'
import type { Route } from './+types/admin.certificates.$code'

export const meta: Route.MetaFunction = ({ params }) =>
	pageMeta(
		`${params.code} | Certificates | Admin | Circle`,
		'One certificate as issued: who it was for, what it says, and revoking or reissuing it.',
		NOINDEX,
	)

const ActionSchema = z.discriminatedUnion('intent', [
	RevokeCertificateSchema.extend({ intent: z.literal('revoke') }),
	ReinstateCertificateSchema.extend({ intent: z.literal('reinstate') }),
	z.object({ intent: z.literal('reissue') }),
])

const ACTION_LABELS: Record<string, string> = {
	'certificate.issued': 'Issued',
	'certificate.revoked': 'Revoked',
	'certificate.reinstated': 'Reinstated',
	'certificate.reissued': 'Re-issued',
}

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
			// Issuing has no admin behind it: it follows the learner's completing the course.
			summary:
				entry.action === 'certificate.issued'
					? 'Issued when the learner completed the course'
					: `${ACTION_LABELS[entry.action] ?? entry.action} by ${entry.actor?.name ?? 'Circle'}`,
			at: entry.createdAt.toISOString(),
			details: describeDetails(entry.details),
		})),
	}
}

function describeDetails(details: unknown) {
	if (!details || typeof details !== 'object') return null
	const d = details as Record<string, unknown>
	if (typeof d.reason === 'string') return `Reason: ${d.reason}`
	if (typeof d.note === 'string') return `Note: ${d.note}`
	if (typeof d.previousLearnerName === 'string' && d.previousLearnerName !== d.learnerName) {
		return `Name changed from “${d.previousLearnerName}” to “${String(d.learnerName)}”`
	}
	return null
}

/**
 * Revoke (with a reason), reinstate, or re-issue. Platform admins only: the role is checked here
 * and again inside each module function.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const admin = await requireRole(request, 'ADMIN')
	const submission = parseWithZod(await request.formData(), { schema: ActionSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), done: null }, { status: 400 })
	try {
		const value = submission.value
		if (value.intent === 'revoke') {
			await revokeCertificate({ code: params.code, actorId: admin.id, reason: value.reason })
			return { result: submission.reply({ resetForm: true }), done: 'The certificate has been revoked.' }
		}
		if (value.intent === 'reinstate') {
			await reinstateCertificate({ code: params.code, actorId: admin.id, note: value.note })
			return { result: submission.reply({ resetForm: true }), done: 'The certificate has been reinstated.' }
		}
		const { nameChanged, learnerName } = await reissueCertificate({ code: params.code, actorId: admin.id })
		return {
			result: submission.reply({ resetForm: true }),
			done: nameChanged
				? `Re-issued in the name “${learnerName}”, and emailed to the learner.`
				: 'Re-issued: a fresh copy has been emailed to the learner.',
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

	return (
		<Container width="prose" className="py-10">
			<p>
				<Link
					to="/admin/certificates"
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					All certificates
				</Link>
			</p>
			<h1 className="mt-4 font-mono text-2xl font-bold text-stone-900 sm:text-3xl">{c.code}</h1>
			<p className="mt-2">
				{c.revokedAt ? (
					<Badge tone="accent">Revoked {formatDate(c.revokedAt)}</Badge>
				) : (
					<Badge tone="success">Valid</Badge>
				)}
			</p>
			{done ? <Notice tone="success" role="status" title={done} className="mt-6" /> : null}

			<dl className="mt-6 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
				{[
					['Name on the certificate', c.learnerName],
					['Learner’s account', `${c.currentName} (${c.email})`],
					['Course', `${c.courseTitle}, version ${c.versionNumber}`],
					['CPD hours', formatCpdHours(c.cpdMinutes)],
					['Completed', formatDate(c.completedAt)],
					['Issued', formatDate(c.issuedAt)],
					...(c.revokedAt
						? [
								[
									'Revoked',
									`${formatDate(c.revokedAt)}${c.revokedBy ? ` by ${c.revokedBy}` : ''}: ${c.revokedReason ?? ''}`,
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
					Download the PDF
				</a>
				<Link
					to={`/verify/${c.code}`}
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					See the public verification page
				</Link>
			</p>

			{c.revokedAt ? (
				<section aria-labelledby="reinstate-heading" className="mt-10">
					<h2 id="reinstate-heading" className="text-xl font-bold text-stone-900">
						Reinstate
					</h2>
					<p className="mt-2 text-stone-700">
						The certificate keeps its number, so printed copies and QR codes are valid again straight away, and its PDF
						is drawn without the revocation from now on.
					</p>
					<Form method="post" className="mt-4 space-y-4">
						<input type="hidden" name="intent" value="reinstate" />
						<Field
							labelProps={{ children: 'Note for the audit log (optional)' }}
							inputProps={{ name: 'note', type: 'text', maxLength: 500, autoComplete: 'off' }}
						/>
						<SubmitButton pending={busy}>Reinstate certificate</SubmitButton>
					</Form>
				</section>
			) : (
				<>
					<section aria-labelledby="revoke-heading" className="mt-10">
						<h2 id="revoke-heading" className="text-xl font-bold text-stone-900">
							Revoke
						</h2>
						<p className="mt-2 text-stone-700">
							The verification page will say at once that the certificate has been revoked, with the date and your
							reason, so write the reason for an employer to read.
						</p>
						<Form method="post" className="mt-4 space-y-4" {...getFormProps(revokeForm)}>
							<FormErrors id={revokeForm.errorId} errors={revokeForm.errors} />
							<input type="hidden" name="intent" value="revoke" />
							<TextareaField
								labelProps={{ children: 'Reason' }}
								description="Between 5 and 500 characters. It is shown publicly."
								textareaProps={{ ...getTextareaProps(revokeFields.reason), rows: 3 }}
								errors={revokeFields.reason.errors}
							/>
							<SubmitButton pending={busy} className="bg-red-700 hover:bg-red-800">
								Revoke certificate
							</SubmitButton>
						</Form>
					</section>
					<section aria-labelledby="reissue-heading" className="mt-10">
						<h2 id="reissue-heading" className="text-xl font-bold text-stone-900">
							Re-issue
						</h2>
						<p className="mt-2 text-stone-700">
							Takes the learner’s name from their account now
							{c.currentName !== c.learnerName ? ` (“${c.currentName}”, not “${c.learnerName}”)` : ''} and emails them a
							fresh PDF. The number stays the same: each enrolment has one certificate, and copies already shared keep
							verifying.
						</p>
						<Form method="post" className="mt-4">
							<input type="hidden" name="intent" value="reissue" />
							<SubmitButton pending={busy}>Re-issue certificate</SubmitButton>
						</Form>
					</section>
				</>
			)}

			<section aria-labelledby="history-heading" className="mt-12">
				<h2 id="history-heading" className="text-xl font-bold text-stone-900">
					History
				</h2>
				<ol className="mt-4 space-y-3">
					{history.map((entry) => (
						<li key={entry.id} className="rounded-xl border border-stone-200 bg-white px-4 py-3">
							<p className="font-semibold text-stone-900">
								{entry.summary} on {formatDate(entry.at)}
							</p>
							{entry.details ? <p className="mt-1 text-stone-700">{entry.details}</p> : null}
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
