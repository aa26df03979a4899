import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { getSignOffRequest, signOffFollowUp } from '#modules/follow-ups/manager.ts'
import { SignOffSchema } from '#modules/follow-ups/schemas.ts'
import type { Route } from './+types/sign-offs.$responseId'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('signOff.metaTitle', { ns: 'circles', name: data.request.learnerName })
			: t('signOff.metaTitleNone', { ns: 'circles' }),
		t('signOff.metaDescription', { ns: 'circles' }),
		NOINDEX,
	)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return {
		request: await withDomainErrors(() => getSignOffRequest({ managerId: user.id, responseId: params.responseId })),
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const submission = parseWithZod(await request.formData(), { schema: SignOffSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		await signOffFollowUp({
			managerId: user.id,
			responseId: params.responseId,
			comment: submission.value.comment,
			now: new Date(),
		})
	} catch (error) {
		if (!isDomainError(error) || error.kind === 'forbidden' || error.kind === 'not_found') throwAsResponse(error)
		return replyWithDomainError(submission, error)
	}
	return redirect(`/sign-offs/${encodeURIComponent(params.responseId)}?done=signed`)
}

export default function SignOffRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { request } = loaderData
	const navigation = useNavigation()
	const { t } = useTranslation('circles')
	const f = useFormat()
	const [searchParams] = useSearchParams()
	const done = searchParams.get('done') === 'signed'
	useEffect(() => {
		if (done) document.getElementById('sign-off-outcome')?.focus()
	}, [done])
	const [form, fields] = useForm({
		id: 'sign-off',
		lastResult: actionData?.result,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: SignOffSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/sign-offs" className="font-medium text-brand-700 underline underline-offset-2">
					{t('signOff.back')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">
				{t('signOff.heading', { name: request.learnerName })}
			</h1>
			<p className="mt-2 text-stone-700">
				{t('signOff.after', {
					course: request.courseTitle,
					finished: f.date(request.completedAt),
					sent: f.date(request.sentAt),
				})}
			</p>
			<div aria-live="polite">
				{done ? (
					<Notice id="sign-off-outcome" tabIndex={-1} tone="success" role="status" className="mt-6">
						{t('signOff.done', { name: request.learnerName })}
					</Notice>
				) : null}
			</div>
			{request.actionPlan ? (
				<section aria-labelledby="plan-heading" className="mt-8">
					<h2 id="plan-heading" className="text-xl font-semibold text-stone-900">
						{t('signOff.plan')}
					</h2>
					<p className="mt-2 whitespace-pre-line text-stone-800">{request.actionPlan}</p>
				</section>
			) : null}
			<section aria-labelledby="reflection-heading" className="mt-8">
				<h2 id="reflection-heading" className="text-xl font-semibold text-stone-900">
					{t('signOff.changed')}
				</h2>
				<p className="mt-2 whitespace-pre-line text-stone-800">{request.reflection}</p>
			</section>
			{request.signedOffAt ? (
				<p className="mt-8 rounded-xl bg-stone-50 p-4 text-stone-800">
					{request.comment
						? t('signOff.signedOnComment', { date: f.date(request.signedOffAt), comment: request.comment })
						: t('signOff.signedOn', { date: f.date(request.signedOffAt) })}
				</p>
			) : (
				<Form method="post" className="mt-8 space-y-4" {...getFormProps(form)}>
					<FormErrors id={form.errorId} errors={form.errors} />
					<TextareaField
						labelProps={{ children: t('signOff.comment') }}
						description={t('signOff.commentHint')}
						textareaProps={{ ...getTextareaProps(fields.comment), rows: 4 }}
						errors={fields.comment.errors}
					/>
					<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('signOff.signing')}>
						{t('signOff.signOff')}
					</SubmitButton>
				</Form>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
