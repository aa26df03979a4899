import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { NewsletterIssueForm } from '#app/components/newsletter/issue-form.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import {
	getNewsletterIssue,
	scheduleNewsletterIssue,
	sendNewsletterIssueNow,
	sendTestNewsletter,
	updateNewsletterIssue,
} from '#modules/newsletter/issues.ts'
import { NewsletterIssueSchema, newsletterScheduleSchema } from '#modules/newsletter/schemas.ts'
import type { Route } from './+types/studio.newsletters.$issueId'

export const meta: Route.MetaFunction = ({ matches, data: loaderData }) => {
	const t = metaT(matches)
	return pageMeta(
		t('studio.editTitle', { ns: 'newsletter', subject: loaderData?.issue.subject ?? '' }),
		t('studio.editDescription', { ns: 'newsletter', subject: loaderData?.issue.subject ?? '' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const issue = await withDomainErrors(() => getNewsletterIssue({ actorId: user.id, issueId: params.issueId }))
	return { issue, email: user.email }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

type Done = 'saved' | 'test' | 'started' | 'scheduled'

const PROGRESS_KEYS = ['sent', 'toSend', 'failed', 'bounced', 'complained'] as const

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const issueId = params.issueId
	const now = new Date()
	if (intent === 'save') {
		const submission = parseWithZod(formData, { schema: NewsletterIssueSchema })
		if (submission.status !== 'success')
			return data({ intent, result: submission.reply(), done: null }, { status: 400 })
		try {
			await updateNewsletterIssue({ actorId: user.id, issueId, input: submission.value })
		} catch (error) {
			return { intent, ...(await replyWithDomainError(submission, error)).data, done: null }
		}
		return { intent, result: submission.reply(), done: 'saved' as Done }
	}
	if (intent === 'schedule') {
		const submission = parseWithZod(formData, { schema: newsletterScheduleSchema(now) })
		if (submission.status !== 'success')
			return data({ intent, result: submission.reply(), done: null }, { status: 400 })
		try {
			await scheduleNewsletterIssue({ actorId: user.id, issueId, sendAt: submission.value.sendAt, now })
		} catch (error) {
			return { intent, ...(await replyWithDomainError(submission, error)).data, done: null }
		}
		return { intent, result: submission.reply({ resetForm: true }), done: 'scheduled' as Done }
	}
	if (intent === 'test') {
		await withDomainErrors(() => sendTestNewsletter({ actorId: user.id, issueId }))
		return { intent, result: undefined, done: 'test' as Done }
	}
	if (intent === 'send') {
		await withDomainErrors(() => sendNewsletterIssueNow({ actorId: user.id, issueId, now }))
		return { intent, result: undefined, done: 'started' as Done }
	}
	throw data({ message: 'Unknown action' }, { status: 400 })
}

export default function StudioNewsletterIssueRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('newsletter')
	const format = useFormat()
	const navigation = useNavigation()
	const pendingIntent = navigation.formData?.get('intent')
	const { issue, email } = loaderData
	const editable = issue.status === 'DRAFT' || issue.status === 'SCHEDULED'
	const doneRef = useRef<HTMLDivElement>(null)
	const done = actionData?.done
	useEffect(() => {
		if (done) doneRef.current?.focus()
	}, [actionData, done])
	const [scheduleForm, scheduleFields] = useForm<{ sendAt: string }>({
		id: 'schedule-newsletter',
		lastResult: actionData?.intent === 'schedule' ? actionData.result : undefined,
		shouldValidate: 'onBlur',
	})
	const doneText: Record<Done, string> = {
		saved: t('studio.saved'),
		test: t('studio.testSent', { email }),
		started: t('studio.started'),
		scheduled: t('studio.scheduled'),
	}
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to="/studio/newsletters" className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.back')}
				</Link>
			</p>
			<div className="mt-4 flex flex-wrap items-center gap-3">
				<h1 className="text-3xl font-bold tracking-tight text-stone-900">{issue.subject}</h1>
				<Badge tone={issue.status === 'SENT' ? 'success' : 'neutral'}>{t(`studio.status_${issue.status}`)}</Badge>
			</div>
			{issue.scheduledFor && issue.status === 'SCHEDULED' ? (
				<p className="mt-2 text-stone-700">{t('studio.scheduledFor', { when: format.dateTime(issue.scheduledFor) })}</p>
			) : null}
			{issue.sentAt ? (
				<p className="mt-2 text-stone-700">{t('studio.sentAt', { when: format.dateTime(issue.sentAt) })}</p>
			) : null}
			{done ? (
				<div ref={doneRef} tabIndex={-1} className="mt-6 outline-none">
					<Notice tone="success" role="status">
						{doneText[done]}
					</Notice>
				</div>
			) : null}

			<section aria-labelledby="progress-heading" className="mt-8">
				<h2 id="progress-heading" className="text-xl font-bold text-stone-900">
					{t('studio.progressHeading')}
				</h2>
				<dl className="mt-3 grid max-w-3xl grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
					{PROGRESS_KEYS.map((key) => (
						<div key={key} className="rounded-xl border border-stone-200 bg-white p-4">
							<dt className="text-sm text-stone-700">{t(`studio.${key}`)}</dt>
							<dd className="text-2xl font-bold text-stone-900 tabular-nums" data-testid={`progress-${key}`}>
								{format.number(issue.progress[key])}
							</dd>
						</div>
					))}
				</dl>
			</section>

			<div className="mt-10 grid gap-10 lg:grid-cols-2">
				<div>
					{editable ? (
						<NewsletterIssueForm
							id="edit-newsletter-issue"
							defaultValue={{ subject: issue.subject, markdown: issue.markdown, sectors: issue.sectors }}
							lastResult={actionData?.intent === 'save' ? actionData.result : undefined}
							submitLabel={t('studio.save')}
						/>
					) : (
						<Notice className="mt-6">{t('studio.locked')}</Notice>
					)}
				</div>
				<section aria-labelledby="preview-heading">
					<h2 id="preview-heading" className="text-xl font-bold text-stone-900">
						{t('studio.preview')}
					</h2>
					<div
						className="prose-circle mt-3 rounded-xl border border-stone-200 bg-white p-6"
						// Sanitised by renderMarkdown (modules/markdown), the lessons' sanitiser.
						dangerouslySetInnerHTML={{ __html: issue.html }}
					/>
				</section>
			</div>

			<section aria-labelledby="test-heading" className="mt-10">
				<h2 id="test-heading" className="text-xl font-bold text-stone-900">
					{t('studio.testHeading')}
				</h2>
				<p className="mt-2 text-stone-700">{t('studio.testText', { email })}</p>
				<Form method="post" className="mt-3">
					<input type="hidden" name="intent" value="test" />
					<SubmitButton pending={pendingIntent === 'test'}>{t('studio.testButton')}</SubmitButton>
				</Form>
			</section>

			{editable ? (
				<section aria-labelledby="send-heading" className="mt-10">
					<h2 id="send-heading" className="text-xl font-bold text-stone-900">
						{t('studio.sendHeading')}
					</h2>
					<p className="mt-2 text-stone-700">{t('studio.sendNowText')}</p>
					<Form method="post" className="mt-3">
						<input type="hidden" name="intent" value="send" />
						<SubmitButton pending={pendingIntent === 'send'}>{t('studio.sendNow')}</SubmitButton>
					</Form>
					<Form method="post" className="mt-6 max-w-md space-y-4" {...getFormProps(scheduleForm)}>
						<FormErrors id={scheduleForm.errorId} errors={scheduleForm.errors} />
						<input type="hidden" name="intent" value="schedule" />
						<Field
							labelProps={{ children: t('studio.sendAtLabel') }}
							inputProps={{ ...getInputProps(scheduleFields.sendAt, { type: 'datetime-local' }), required: true }}
							errors={scheduleFields.sendAt.errors}
						/>
						<SubmitButton pending={pendingIntent === 'schedule'}>{t('studio.schedule')}</SubmitButton>
					</Form>
				</section>
			) : null}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
