import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { assertCanEditCourse } from '#modules/authoring/access.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { FollowUpSettingsSchema, MAX_FOLLOW_UP_QUESTIONS, MAX_OPTIONS } from '#modules/follow-ups/schemas.ts'
import { getFollowUpSettings, setFollowUp } from '#modules/follow-ups/settings.ts'
import type { Route } from './+types/studio.courses.$courseId_.follow-up'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Follow-up${data ? ` | ${data.course.title}` : ''} | Studio | Circle`,
		'Retrieval questions at 7 and 30 days, an action plan and a 30-day reflection for the people who finish a course.',
		NOINDEX,
	)

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
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'follow-up-settings',
		lastResult: actionData?.result,
		defaultValue: {
			enabled: followUp ? 'on' : '',
			actionPlanPrompt:
				followUp?.actionPlanPrompt ??
				'What will you do differently in the next month, and how will you know it is working?',
			reflectionPrompt:
				followUp?.reflectionPrompt ??
				'A month on: what has changed in your practice, what difference has it made to the people you work with, and what next?',
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
					Studio
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">Follow-up</h1>
			<p className="mt-2 text-stone-700">{course.title}</p>
			<StudioCourseNav courseId={course.id} />

			<div aria-live="polite" className="mt-6">
				{actionData?.saved === 'on' ? (
					<Notice tone="success" role="status" title="Follow-up saved">
						People who finish the course from now on get it; anyone part-way through sees your changes.
					</Notice>
				) : actionData?.saved === 'off' ? (
					<Notice tone="success" role="status" title="Follow-up switched off">
						This course no longer has a follow-up.
					</Notice>
				) : null}
			</div>

			<div className="prose-circle mt-4 space-y-3 text-stone-700">
				<p>
					Learning sticks when people come back to it. A follow-up asks the people who finish this course three things:
					<strong> now what?</strong> (an action plan, written as they finish), a few{' '}
					<strong>retrieval questions</strong> 7 and 30 days later (the same questions each time: recalling after a gap
					is what makes it stay), and at 30 days <strong>so what?</strong>, a short reflection on what has changed in
					their practice, which they may send to their manager to sign off.
				</p>
				<p>
					Circle emails them when each check opens. Their action plan and reflection go into their CPD portfolio. You
					never see what they write.
					{followUp ? ` Learners who finished on or after ${formatDate(followUp.startsFrom)} are followed up.` : null}
				</p>
			</div>

			<Form method="post" className="mt-8 space-y-6" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<div>
					<label className="flex min-h-11 items-center gap-3">
						<input {...getInputProps(fields.enabled, { type: 'checkbox' })} className="size-5 accent-brand-700" />
						<span className="font-semibold text-stone-900">Follow up the people who finish this course</span>
					</label>
					<ErrorList id={fields.enabled.errorId} errors={fields.enabled.errors} />
				</div>
				<TextareaField
					labelProps={{ children: 'Action plan: what to ask at the end of the course' }}
					textareaProps={{ ...getTextareaProps(fields.actionPlanPrompt), rows: 2 }}
					errors={fields.actionPlanPrompt.errors}
				/>
				<TextareaField
					labelProps={{ children: '30-day reflection: what to ask' }}
					textareaProps={{ ...getTextareaProps(fields.reflectionPrompt), rows: 2 }}
					errors={fields.reflectionPrompt.errors}
				/>
				<fieldset className="space-y-6" aria-describedby={`${fields.questions.id}-description`}>
					<legend className="text-xl font-semibold text-stone-900">Retrieval questions</legend>
					<p id={`${fields.questions.id}-description`} className="text-sm text-stone-600">
						Up to {MAX_FOLLOW_UP_QUESTIONS} single-choice questions about what matters most in the course, asked at 7
						and 30 days. Fill in two to four options and choose the right one. Leave a block empty to leave it out.
					</p>
					<ErrorList id={fields.questions.errorId} errors={fields.questions.errors} />
					{questions.map((question, i) => {
						const q = question.getFieldset()
						const options = q.options.getFieldList()
						return (
							<div key={question.key} className="rounded-xl border border-stone-300 bg-white p-4">
								<Field
									labelProps={{ children: `Question ${i + 1}` }}
									inputProps={{ ...getInputProps(q.prompt, { type: 'text' }), autoComplete: 'off' }}
									errors={q.prompt.errors}
								/>
								<fieldset className="mt-4">
									<legend className="font-semibold text-stone-900">Options, and which one is right</legend>
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
														aria-label={`Option ${j + 1} of question ${i + 1} is right`}
													/>
													Right
												</label>
												<Field
													className="grow"
													labelProps={{ children: `Option ${j + 1}`, className: 'sr-only' }}
													inputProps={{
														...getInputProps(option, { type: 'text' }),
														autoComplete: 'off',
														placeholder: `Option ${j + 1}`,
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
									labelProps={{ children: 'Explanation shown after answering (optional)' }}
									inputProps={{ ...getInputProps(q.explanation, { type: 'text' }), autoComplete: 'off' }}
									errors={q.explanation.errors}
								/>
							</div>
						)
					})}
				</fieldset>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Saving…">
					Save follow-up
				</SubmitButton>
			</Form>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
