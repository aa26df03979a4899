import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { data, Form, Link, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { getCertificateValidity, setCertificateValidity } from '#modules/authoring/certificate-validity.ts'
import { setCourseRjcApproval } from '#modules/authoring/rjc-approval.ts'
import { CertificateValiditySchema } from '#modules/authoring/schemas.ts'
import { RENEWAL_LEAD_DAYS } from '#modules/certificates/validity.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/studio.courses.$courseId_.certificate'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Certificate validity${data ? ` | ${data.course.title}` : ''} | Studio | Circle`,
		'How long a course’s certificates stay valid, and the refresher course that renews them.',
		NOINDEX,
	)

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return withDomainErrors(() => getCertificateValidity({ courseId: params.courseId, actorId: user.id }))
}

const RjcApprovalSchema = z.object({ intent: z.literal('rjc-approval'), rjcApproved: z.boolean().optional() })

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const formData = await request.formData()
	if (formData.get('intent') === 'rjc-approval') {
		const submission = parseWithZod(formData, { schema: RjcApprovalSchema })
		if (submission.status !== 'success')
			return data({ result: submission.reply(), saved: false, rjcSaved: false }, { status: 400 })
		// Permission refusals are pages (403/404), as for the validity form.
		await withDomainErrors(() =>
			setCourseRjcApproval({
				courseId: params.courseId,
				actorId: user.id,
				approved: submission.value.rjcApproved ?? false,
			}),
		)
		return data({ result: undefined, saved: false, rjcSaved: true })
	}
	const submission = parseWithZod(formData, { schema: CertificateValiditySchema })
	if (submission.status !== 'success')
		return data({ result: submission.reply(), saved: false, rjcSaved: false }, { status: 400 })
	try {
		await setCertificateValidity({ courseId: params.courseId, actorId: user.id, input: submission.value })
		return data({ result: submission.reply(), saved: true, rjcSaved: false })
	} catch (error) {
		// Permission refusals are pages (403/404), not form errors.
		if (!isDomainError(error) || error.kind === 'forbidden' || error.kind === 'not_found') throwAsResponse(error)
		const reply = replyWithDomainError(submission, error)
		return data({ result: reply.data.result, saved: false, rjcSaved: false }, { status: reply.init?.status ?? 422 })
	}
}

function monthsLabel(months: number) {
	return months % 12 === 0 ? `${months / 12} ${months === 12 ? 'year' : 'years'}` : `${months} months`
}

export default function CertificateValidityRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { course, refresherChoices } = loaderData
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'certificate-validity',
		lastResult: actionData?.result,
		defaultValue: {
			validityMonths: course.validityMonths === null ? '' : String(course.validityMonths),
			refresherCourseId: course.refresherCourseId ?? '',
			requiresCircle: course.requiresCircle ? 'on' : '',
		},
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CertificateValiditySchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					Studio
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">Certificate validity</h1>
			<p className="mt-2 text-stone-700">{course.title}</p>
			<StudioCourseNav courseId={course.id} />

			<div aria-live="polite" className="mt-6">
				{actionData?.saved ? (
					<Notice tone="success" role="status" title="Certificate validity saved">
						{course.validityMonths === null
							? 'Certificates for this course do not expire.'
							: `Certificates issued from now on are valid for ${monthsLabel(course.validityMonths)}.`}{' '}
						Certificates already issued keep the dates printed on them.
					</Notice>
				) : null}
			</div>

			<div className="prose-circle mt-4 space-y-3 text-stone-700">
				<p>
					Some training has to be refreshed: safeguarding every year, first aid every three. Set how long a certificate
					for this course stays valid, and it will show “valid until” on the certificate and its verification page.
				</p>
				<p>
					When an organisation requires this course, its people are assigned it again {RENEWAL_LEAD_DAYS} days before
					their certificate expires, due on its last valid day. They retake this course, or the shorter refresher course
					you name below.
				</p>
				<p>
					A refresher course left without a validity of its own lasts as long as the course it refreshes (the shortest,
					if it refreshes several), so a renewal always comes round again.
				</p>
			</div>

			<Form method="post" className="mt-8 space-y-6" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: 'Months a certificate stays valid (optional)' }}
					description="From 1 to 120 months, e.g. 12 for a year. Leave it blank if certificates never expire."
					inputProps={{
						...getInputProps(fields.validityMonths, { type: 'text' }),
						inputMode: 'numeric',
						autoComplete: 'off',
						className: 'max-w-32',
					}}
					errors={fields.validityMonths.errors}
				/>
				<SelectField
					labelProps={{ children: 'Refresher course (optional)' }}
					description={
						refresherChoices.length
							? 'A shorter course that renews this one’s certificate. It must be published and one you author. Its own certificate uses its own validity.'
							: 'You have no other published course to use as a refresher: renewals retake this course.'
					}
					selectProps={getSelectProps(fields.refresherCourseId)}
					placeholder="None: retake this course"
					options={refresherChoices.map((c) => ({
						value: c.id,
						label: `${c.title}${c.validityMonths ? ` (valid ${monthsLabel(c.validityMonths)})` : ' (does not expire)'}`,
					}))}
					errors={fields.refresherCourseId.errors}
				/>
				<div>
					<label className="flex min-h-11 items-center gap-3">
						<input
							{...getInputProps(fields.requiresCircle, { type: 'checkbox' })}
							aria-describedby={`${fields.requiresCircle.id}-description`}
							className="size-5 accent-brand-700"
						/>
						<span className="font-semibold text-stone-900">A reflective circle before the certificate</span>
					</label>
					<p id={`${fields.requiresCircle.id}-description`} className="mt-1 text-sm text-stone-600">
						Learners who finish the course get their certificate once they have attended one of its{' '}
						<Link to="/studio/circles" className="font-medium text-brand-700 underline underline-offset-2">
							reflective circles
						</Link>
						; until then it waits, and attending issues it.
					</p>
					<ErrorList errors={fields.requiresCircle.errors} />
				</div>
				<SubmitButton
					pending={navigation.state === 'submitting' && navigation.formData?.get('intent') !== 'rjc-approval'}
					pendingText="Saving…"
				>
					Save certificate validity
				</SubmitButton>
			</Form>

			<section aria-labelledby="rjc-heading" className="mt-12 border-t border-stone-200 pt-8">
				<h2 id="rjc-heading" className="text-xl font-bold text-stone-900">
					Restorative Justice Council approval
				</h2>
				<p className="mt-2 text-stone-700">
					Restorative practitioners on the RJC’s register need at least half of their CPD hours to be RJC-approved. If
					the RJC has approved this course, say so here: learners’ hours from its certificates, including ones already
					issued, then count as approved on their dashboards.
				</p>
				<div aria-live="polite">
					{actionData?.rjcSaved ? (
						<Notice tone="success" role="status" className="mt-4" title="Saved">
							{course.rjcApproved
								? 'This course is marked as RJC-approved.'
								: 'This course is no longer marked as RJC-approved.'}
						</Notice>
					) : null}
				</div>
				<Form method="post" className="mt-4 space-y-4">
					<input type="hidden" name="intent" value="rjc-approval" />
					<div>
						<label className="flex min-h-11 items-center gap-3">
							<input
								type="checkbox"
								id="rjc-approved"
								name="rjcApproved"
								value="on"
								defaultChecked={course.rjcApproved}
								key={String(course.rjcApproved)}
								aria-describedby="rjc-approved-description"
								className="size-5 accent-brand-700"
							/>
							<span className="font-semibold text-stone-900">The RJC has approved this course</span>
						</label>
						<p id="rjc-approved-description" className="mt-1 text-sm text-stone-600">
							Tick this only if the RJC has approved the course. Circle shows your word to learners and cannot check it
							with the RJC.
						</p>
					</div>
					<SubmitButton
						pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'rjc-approval'}
						pendingText="Saving…"
					>
						Save RJC approval
					</SubmitButton>
				</Form>
			</section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
