import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { type TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { getCertificateValidity, setCertificateValidity } from '#modules/authoring/certificate-validity.ts'
import { setCourseRjcApproval } from '#modules/authoring/rjc-approval.ts'
import { CertificateValiditySchema } from '#modules/authoring/schemas.ts'
import { RENEWAL_LEAD_DAYS } from '#modules/certificates/validity.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/studio.courses.$courseId_.certificate'
import { Trans } from '#app/utils/trans.tsx'

// Conform's input type, not words a person reads.
const CHECKBOX = { type: 'checkbox' } as const

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('certificate.meta.title', { ns: 'studio', course: data.course.title })
			: t('certificate.meta.titleFallback', { ns: 'studio' }),
		t('certificate.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

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

function monthsLabel(t: TFunction<'studio'>, months: number) {
	return months % 12 === 0 ? t('certificate.years', { count: months / 12 }) : t('certificate.months', { count: months })
}

export default function CertificateValidityRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { course, refresherChoices } = loaderData
	const { t } = useTranslation('studio')
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
					{t('nav.studio')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">{t('certificate.heading')}</h1>
			<p className="mt-2 text-stone-700">{course.title}</p>
			<StudioCourseNav courseId={course.id} />

			<div aria-live="polite" className="mt-6">
				{actionData?.saved ? (
					<Notice tone="success" role="status" title={t('certificate.savedTitle')}>
						{course.validityMonths === null
							? t('certificate.neverExpire')
							: t('certificate.validFor', { period: monthsLabel(t, course.validityMonths) })}{' '}
						{t('certificate.alreadyIssued')}
					</Notice>
				) : null}
			</div>

			<div className="prose-circle mt-4 space-y-3 text-stone-700">
				<p>{t('certificate.explain1')}</p>
				<p>{t('certificate.explain2', { days: RENEWAL_LEAD_DAYS })}</p>
				<p>{t('certificate.explain3')}</p>
			</div>

			<Form method="post" className="mt-8 space-y-6" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: t('certificate.months') }}
					description={t('certificate.monthsHint')}
					inputProps={{
						...getInputProps(fields.validityMonths, { type: 'text' }),
						inputMode: 'numeric',
						autoComplete: 'off',
						className: 'max-w-32',
					}}
					errors={fields.validityMonths.errors}
				/>
				<SelectField
					labelProps={{ children: t('certificate.refresher') }}
					description={refresherChoices.length ? t('certificate.refresherHint') : t('certificate.noRefresher')}
					selectProps={getSelectProps(fields.refresherCourseId)}
					placeholder={t('certificate.refresherNone')}
					options={refresherChoices.map((c) => ({
						value: c.id,
						label: c.validityMonths
							? t('certificate.refresherValid', { title: c.title, period: monthsLabel(t, c.validityMonths) })
							: t('certificate.refresherNoExpiry', { title: c.title }),
					}))}
					errors={fields.refresherCourseId.errors}
				/>
				<div>
					<label className="flex min-h-11 items-center gap-3">
						<input
							{...getInputProps(fields.requiresCircle, CHECKBOX)}
							aria-describedby={`${fields.requiresCircle.id}-description`}
							className="size-5 accent-brand-700"
						/>
						<span className="font-semibold text-stone-900">{t('certificate.circle')}</span>
					</label>
					<p id={`${fields.requiresCircle.id}-description`} className="mt-1 text-sm text-stone-600">
						<Trans
							t={t}
							i18nKey="certificate.circleHint"
							components={{
								a: <Link to="/studio/circles" className="font-medium text-brand-700 underline underline-offset-2" />,
							}}
						/>
					</p>
					<ErrorList errors={fields.requiresCircle.errors} />
				</div>
				<SubmitButton
					pending={navigation.state === 'submitting' && navigation.formData?.get('intent') !== 'rjc-approval'}
					pendingText={t('certificate.saving')}
				>
					{t('certificate.save')}
				</SubmitButton>
			</Form>

			<section aria-labelledby="rjc-heading" className="mt-12 border-t border-stone-200 pt-8">
				<h2 id="rjc-heading" className="text-xl font-bold text-stone-900">
					{t('certificate.rjcHeading')}
				</h2>
				<p className="mt-2 text-stone-700">{t('certificate.rjcIntro')}</p>
				<div aria-live="polite">
					{actionData?.rjcSaved ? (
						<Notice tone="success" role="status" className="mt-4" title={t('certificate.rjcSaved')}>
							{course.rjcApproved ? t('certificate.rjcOn') : t('certificate.rjcOff')}
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
							<span className="font-semibold text-stone-900">{t('certificate.rjcApproved')}</span>
						</label>
						<p id="rjc-approved-description" className="mt-1 text-sm text-stone-600">
							{t('certificate.rjcHint')}
						</p>
					</div>
					<SubmitButton
						pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'rjc-approval'}
						pendingText={t('certificate.saving')}
					>
						{t('certificate.rjcSave')}
					</SubmitButton>
				</Form>
			</section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
