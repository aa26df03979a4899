import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { assertCanEditCourse } from '#modules/authoring/access.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { FollowUpSettingsSchema, MAX_FOLLOW_UP_QUESTIONS, MAX_OPTIONS } from '#modules/follow-ups/schemas.ts'
import { getFollowUpSettings, setFollowUp } from '#modules/follow-ups/settings.ts'
import type { Route } from './+types/studio.courses.$courseId_.follow-up'
import { Trans } from '#app/utils/trans.tsx'

// Conform's input type, not words a person reads.
const CHECKBOX = { type: 'checkbox' } as const

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('followUp.meta.title', { ns: 'studio', course: data.course.title })
			: t('followUp.meta.titleFallback', { ns: 'studio' }),
		t('followUp.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return withDomainErrors(() => getFollowUpSettings({ courseId: params.courseId, actorId: user.id }))
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	// Someone who may not edit the course is refused before their input is looked at.
	await withDomainErrors(() => assertCanEditCourse({ courseId: params.courseId, actorId: user.id }))
	const submission = parseWithZod(await request.formData(), { schema: FollowUpSettingsSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), saved: null }, { status: 400 })
	try {
		const { enabled } = await setFollowUp({
			courseId: params.courseId,
			actorId: user.id,
			input: submission.value,
			now: new Date(),
		})
		return data({ result: submission.reply(), saved: enabled ? ('on' as const) : ('off' as const) })
	} catch (error) {
		// Permission refusals are pages (403/404), not form errors.
		if (!isDomainError(error) || error.kind === 'forbidden' || error.kind === 'not_found') throwAsResponse(error)
		const reply = replyWithDomainError(submission, error)
		return data({ result: reply.data.result, saved: null }, { status: reply.init?.status ?? 422 })
	}
}

// The form always shows five question blocks of four option slots: the stored ones, then blanks.
function questionBlocks(
	questions: { prompt: string; options: { text: string; isCorrect: boolean }[]; explanation?: string }[],
) {
	return Array.from({ length: MAX_FOLLOW_UP_QUESTIONS }, (_, i) => {
		const q = questions[i]
		const options = Array.from({ length: MAX_OPTIONS }, (_, j) => q?.options[j]?.text ?? '')
		const correct = q ? q.options.findIndex((o) => o.isCorrect) : -1
		return {
			prompt: q?.prompt ?? '',
			options,
			correct: correct >= 0 ? String(correct) : '',
			explanation: q?.explanation ?? '',
		}
	})
}

export default function FollowUpSettingsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { course, followUp } = loaderData
	const { t } = useTranslation('studio')
	const f = useFormat()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'follow-up-settings',
		lastResult: actionData?.result,
		defaultValue: {
			enabled: followUp ? 'on' : '',
			actionPlanPrompt: followUp?.actionPlanPrompt ?? t('followUp.defaultActionPlan'),
			reflectionPrompt: followUp?.reflectionPrompt ?? t('followUp.defaultReflection'),
			questions: questionBlocks(followUp?.questions ?? []),
		},
		onValidate: ({ formData }) => parseWithZod(formData, { schema: FollowUpSettingsSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const questions = fields.questions.getFieldList()
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('nav.studio')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">{t('followUp.heading')}</h1>
			<p className="mt-2 text-stone-700">{course.title}</p>
			<StudioCourseNav courseId={course.id} />

			<div aria-live="polite" className="mt-6">
				{actionData?.saved === 'on' ? (
					<Notice tone="success" role="status" title={t('followUp.savedTitle')}>
						{t('followUp.savedBody')}
					</Notice>
				) : actionData?.saved === 'off' ? (
					<Notice tone="success" role="status" title={t('followUp.offTitle')}>
						{t('followUp.offBody')}
					</Notice>
				) : null}
			</div>

			<div className="prose-circle mt-4 space-y-3 text-stone-700">
				<p>
					<Trans t={t} i18nKey="followUp.explain1" components={{ strong: <strong /> }} />
				</p>
				<p>
					{t('followUp.explain2')}
					{followUp ? ` ${t('followUp.startsFrom', { date: f.date(followUp.startsFrom) })}` : null}
				</p>
			</div>

			<Form method="post" className="mt-8 space-y-6" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<div>
					<label className="flex min-h-11 items-center gap-3">
						<input {...getInputProps(fields.enabled, CHECKBOX)} className="size-5 accent-brand-700" />
						<span className="font-semibold text-stone-900">{t('followUp.enabled')}</span>
					</label>
					<ErrorList id={fields.enabled.errorId} errors={fields.enabled.errors} />
				</div>
				<TextareaField
					labelProps={{ children: t('followUp.actionPlan') }}
					textareaProps={{ ...getTextareaProps(fields.actionPlanPrompt), rows: 2 }}
					errors={fields.actionPlanPrompt.errors}
				/>
				<TextareaField
					labelProps={{ children: t('followUp.reflection') }}
					textareaProps={{ ...getTextareaProps(fields.reflectionPrompt), rows: 2 }}
					errors={fields.reflectionPrompt.errors}
				/>
				<fieldset className="space-y-6" aria-describedby={`${fields.questions.id}-description`}>
					<legend className="text-xl font-semibold text-stone-900">{t('followUp.questions')}</legend>
					<p id={`${fields.questions.id}-description`} className="text-sm text-stone-600">
						{t('followUp.questionsHint', { max: MAX_FOLLOW_UP_QUESTIONS })}
					</p>
					<ErrorList id={fields.questions.errorId} errors={fields.questions.errors} />
					{questions.map((question, i) => {
						const q = question.getFieldset()
						const options = q.options.getFieldList()
						return (
							<div key={question.key} className="rounded-xl border border-stone-300 bg-white p-4">
								<Field
									labelProps={{ children: t('followUp.question', { number: i + 1 }) }}
									inputProps={{ ...getInputProps(q.prompt, { type: 'text' }), autoComplete: 'off' }}
									errors={q.prompt.errors}
								/>
								<fieldset className="mt-4">
									<legend className="font-semibold text-stone-900">{t('followUp.options')}</legend>
									<div className="mt-2 space-y-2">
										{options.map((option, j) => (
											<div key={option.key} className="flex items-end gap-3">
												<label className="flex min-h-11 items-center gap-2 text-sm text-stone-700">
													<input
														type="radio"
														name={q.correct.name}
														value={String(j)}
														defaultChecked={q.correct.initialValue === String(j)}
														className="size-5 accent-brand-700"
														aria-label={t('followUp.isRight', { option: j + 1, question: i + 1 })}
													/>
													{t('followUp.right')}
												</label>
												<Field
													className="grow"
													labelProps={{ children: t('followUp.option', { number: j + 1 }), className: 'sr-only' }}
													inputProps={{
														...getInputProps(option, { type: 'text' }),
														autoComplete: 'off',
														placeholder: t('followUp.option', { number: j + 1 }),
													}}
													errors={option.errors}
												/>
											</div>
										))}
									</div>
									<ErrorList id={q.options.errorId} errors={q.options.errors} />
									<ErrorList id={q.correct.errorId} errors={q.correct.errors} />
								</fieldset>
								<Field
									className="mt-4"
									labelProps={{ children: t('followUp.explanation') }}
									inputProps={{ ...getInputProps(q.explanation, { type: 'text' }), autoComplete: 'off' }}
									errors={q.explanation.errors}
								/>
							</div>
						)
					})}
				</fieldset>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('followUp.saving')}>
					{t('followUp.save')}
				</SubmitButton>
			</Form>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
