import { getFormProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, FormErrors, SelectField, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import {
	getFollowUpForLearner,
	saveActionPlan,
	saveFollowUpReflection,
	sendToManager,
	submitCheck,
} from '#modules/follow-ups/learner.ts'
import {
	ActionPlanSchema,
	type CheckAnswer,
	checkAnswersSchema,
	FollowUpReflectionSchema,
	SendToManagerSchema,
} from '#modules/follow-ups/schemas.ts'
import type { Route } from './+types/learn.$courseSlug.follow-up'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('followUpPage.metaTitleCourse', { ns: 'dashboard', title: data.course.title })
			: t('followUpPage.metaTitle', { ns: 'dashboard' }),
		t('followUpPage.metaDescription', { ns: 'dashboard' }),
	)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return withDomainErrors(() =>
		getFollowUpForLearner({ userId: user.id, courseSlug: params.courseSlug, now: new Date() }),
	)
}

const DONE = ['action-plan', 'check-7', 'check-30', 'reflection', 'sent'] as const
type Done = (typeof DONE)[number]

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	const here = `/learn/${encodeURIComponent(params.courseSlug)}/follow-up`
	const now = new Date()
	const base = { userId: user.id, courseSlug: params.courseSlug, now }
	const fail = (submission: Parameters<typeof replyWithDomainError>[0], error: unknown) => {
		if (!isDomainError(error) || error.kind === 'forbidden' || error.kind === 'not_found') throwAsResponse(error)
		const reply = replyWithDomainError(submission, error)
		return data({ intent, result: reply.data.result }, { status: reply.init?.status ?? 422 })
	}
	switch (intent) {
		case 'action-plan': {
			const submission = parseWithZod(formData, { schema: ActionPlanSchema })
			if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
			try {
				await saveActionPlan({ ...base, actionPlan: submission.value.actionPlan })
			} catch (error) {
				return fail(submission, error)
			}
			return redirect(`${here}?done=action-plan`)
		}
		case 'check': {
			const page = await withDomainErrors(() => getFollowUpForLearner(base))
			const submission = parseWithZod(formData, { schema: checkAnswersSchema(page.questions.length) })
			if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
			const day = submission.value.day === '7' ? 7 : 30
			const values = submission.value as Record<string, string>
			try {
				await submitCheck({ ...base, day, chosen: page.questions.map((_, i) => Number(values[`q${i}`])) })
			} catch (error) {
				return fail(submission, error)
			}
			return redirect(`${here}?done=check-${day}#check-${day}`)
		}
		case 'reflection': {
			const submission = parseWithZod(formData, { schema: FollowUpReflectionSchema })
			if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
			try {
				await saveFollowUpReflection({ ...base, reflection: submission.value.reflection })
			} catch (error) {
				return fail(submission, error)
			}
			return redirect(`${here}?done=reflection`)
		}
		case 'send': {
			const submission = parseWithZod(formData, { schema: SendToManagerSchema })
			if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
			try {
				await sendToManager({ ...base, managerId: submission.value.managerId })
			} catch (error) {
				return fail(submission, error)
			}
			return redirect(`${here}?done=sent`)
		}
		default:
			return data({ intent, result: undefined }, { status: 400 })
	}
}

type Page = Route.ComponentProps['loaderData']
type ActionData = Route.ComponentProps['actionData']

function resultFor(actionData: ActionData, intent: string) {
	return actionData?.intent === intent ? actionData.result : undefined
}

export default function FollowUpRoute({ loaderData, actionData }: Route.ComponentProps) {
	const page = loaderData
	const [searchParams] = useSearchParams()
	const doneKey = searchParams.get('done') ?? ''
	const { t } = useTranslation('dashboard')
	const f = useFormat()
	const done = (DONE as readonly string[]).includes(doneKey) ? t(`followUpPage.done.${doneKey as Done}`) : null
	// The outcome of what they just did is where keyboard and screen reader users land.
	useEffect(() => {
		if (done) document.getElementById('follow-up-outcome')?.focus()
	}, [done])
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/dashboard" className="font-medium text-brand-700 underline underline-offset-2">
					{t('followUpPage.myCourses')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">{t('followUpPage.heading')}</h1>
			<p className="mt-2 text-lg text-stone-700">
				{t('followUpPage.finishedOn', { title: page.course.title, date: f.date(page.completedAt) })}
			</p>
			<div aria-live="polite">
				{done ? (
					<Notice id="follow-up-outcome" tabIndex={-1} tone="success" role="status" className="mt-6">
						{done}
					</Notice>
				) : null}
			</div>
			<p className="mt-6 text-stone-700">{t('followUpPage.intro')}</p>

			<ActionPlanSection page={page} lastResult={resultFor(actionData, 'action-plan')} />
			<CheckSection page={page} day={7} lastResult={resultFor(actionData, 'check')} />
			<CheckSection page={page} day={30} lastResult={resultFor(actionData, 'check')} />
			<ReflectionSection page={page} lastResult={resultFor(actionData, 'reflection')} />
			<SendSection page={page} lastResult={resultFor(actionData, 'send')} />
		</Container>
	)
}

type LastResult = ReturnType<typeof resultFor>

type Status = { kind: 'done' | 'due' | 'signedOff' | 'waiting' | 'optional' } | { kind: 'opens'; date: Date | string }

function StepHeading({ id, step, children, status }: { id: string; step: string; children: string; status: Status }) {
	const { t } = useTranslation('dashboard')
	const f = useFormat()
	return (
		<div className="flex flex-wrap items-center justify-between gap-2">
			<h2 id={id} className="text-xl font-semibold text-stone-900">
				<span className="block text-sm font-medium tracking-wide text-brand-800 uppercase">{step}</span>
				{children}
			</h2>
			<Badge
				tone={
					status.kind === 'done' || status.kind === 'signedOff'
						? 'success'
						: status.kind === 'due'
							? 'accent'
							: 'neutral'
				}
			>
				{status.kind === 'opens'
					? t('followUpPage.status.opens', { date: f.date(status.date) })
					: t(`followUpPage.status.${status.kind}`)}
			</Badge>
		</div>
	)
}

function ActionPlanSection({ page, lastResult }: { page: Page; lastResult: LastResult }) {
	const navigation = useNavigation()
	const { t } = useTranslation('dashboard')
	const [form, fields] = useForm({
		id: 'action-plan',
		lastResult,
		defaultValue: { actionPlan: page.actionPlan ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionPlanSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<section aria-labelledby="action-plan-heading" className="mt-10 rounded-2xl border border-stone-200 bg-white p-6">
			<StepHeading
				id="action-plan-heading"
				step={t('followUpPage.nowWhat')}
				status={{ kind: page.actionPlan ? 'done' : 'due' }}
			>
				{t('followUpPage.actionPlan')}
			</StepHeading>
			<Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="action-plan" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<TextareaField
					labelProps={{ children: page.actionPlanPrompt }}
					description={t('followUpPage.actionPlanHint')}
					textareaProps={{ ...getTextareaProps(fields.actionPlan), rows: 6 }}
					errors={fields.actionPlan.errors}
				/>
				<SubmitButton
					pending={navigation.formData?.get('intent') === 'action-plan'}
					pendingText={t('followUpPage.saving')}
				>
					{page.actionPlan ? t('followUpPage.savePlanChanges') : t('followUpPage.savePlan')}
				</SubmitButton>
			</Form>
		</section>
	)
}

function CheckSection({ page, day, lastResult }: { page: Page; day: 7 | 30; lastResult: LastResult }) {
	const answers = page.answers[day] as CheckAnswer[] | null
	const open = day === 7 ? page.due.day7Open : page.due.day30Open
	const { t } = useTranslation('dashboard')
	const f = useFormat()
	const status: Status = answers ? { kind: 'done' } : open ? { kind: 'due' } : { kind: 'opens', date: page.opens[day] }
	return (
		<section
			id={`check-${day}`}
			aria-labelledby={`check-${day}-heading`}
			className="mt-8 rounded-2xl border border-stone-200 bg-white p-6"
		>
			<StepHeading id={`check-${day}-heading`} step={t('followUpPage.remember')} status={status}>
				{t('followUpPage.checkHeading', { day })}
			</StepHeading>
			{answers ? (
				<MarkedAnswers answers={answers} explanations={page.explanations} />
			) : open ? (
				<CheckForm page={page} day={day} lastResult={lastResult} />
			) : (
				<p className="mt-3 text-stone-700">
					{t('followUpPage.questionsOn', { count: page.questions.length, date: f.date(page.opens[day]) })}
				</p>
			)}
		</section>
	)
}

function MarkedAnswers({ answers, explanations }: { answers: CheckAnswer[]; explanations: (string | null)[] }) {
	const { t } = useTranslation('dashboard')
	const right = answers.filter((a) => a.isCorrect).length
	return (
		<div className="mt-3">
			<p className="font-medium text-stone-900">{t('followUpPage.remembered', { right, total: answers.length })}</p>
			<ol className="mt-3 space-y-3">
				{answers.map((answer, i) => (
					<li key={i} className="rounded-lg bg-stone-50 p-3">
						<p className="font-medium text-stone-900">{answer.prompt}</p>
						<p className="mt-1 text-sm text-stone-700">
							{answer.isCorrect ? t('followUpPage.right') : t('followUpPage.youChose')}
							{answer.chosen || t('followUpPage.noAnswer')}
							{answer.isCorrect ? null : t('followUpPage.theAnswer', { answer: answer.correct })}
						</p>
						{explanations[i] ? <p className="mt-1 text-sm text-stone-700">{explanations[i]}</p> : null}
					</li>
				))}
			</ol>
		</div>
	)
}

function CheckForm({ page, day, lastResult }: { page: Page; day: 7 | 30; lastResult: LastResult }) {
	const navigation = useNavigation()
	const { t } = useTranslation('dashboard')
	const schema = checkAnswersSchema(page.questions.length)
	const [form, fields] = useForm({
		id: `check-${day}-form`,
		lastResult:
			lastResult && (lastResult.initialValue?.day as string | undefined) === String(day) ? lastResult : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
	})
	const named = fields as unknown as Record<
		string,
		{ name: string; errors?: string[]; errorId: string; initialValue?: unknown }
	>
	return (
		<Form method="post" className="mt-4 space-y-5" {...getFormProps(form)}>
			<input type="hidden" name="intent" value="check" />
			<input type="hidden" name="day" value={String(day)} />
			<FormErrors id={form.errorId} errors={form.errors} />
			{page.questions.map((question, i) => {
				const field = named[`q${i}`]!
				return (
					<fieldset key={i} aria-describedby={field.errors?.length ? field.errorId : undefined}>
						<legend className="font-semibold text-stone-900">
							{i + 1}. {question.prompt}
						</legend>
						<div className="mt-2 space-y-1">
							{question.options.map((option, j) => (
								<label key={j} className="flex min-h-11 items-center gap-3 text-stone-800">
									<input
										type="radio"
										name={field.name}
										value={String(j)}
										defaultChecked={field.initialValue === String(j)}
										aria-invalid={field.errors?.length ? true : undefined}
										className="size-5 accent-brand-700"
									/>
									{option}
								</label>
							))}
						</div>
						<ErrorList id={field.errorId} errors={field.errors} />
					</fieldset>
				)
			})}
			<SubmitButton pending={navigation.formData?.get('intent') === 'check'} pendingText={t('followUpPage.checking')}>
				{t('followUpPage.checkAnswers')}
			</SubmitButton>
		</Form>
	)
}

function ReflectionSection({ page, lastResult }: { page: Page; lastResult: LastResult }) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'reflection',
		lastResult,
		defaultValue: { reflection: page.reflection ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: FollowUpReflectionSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const { t } = useTranslation('dashboard')
	const f = useFormat()
	const status: Status = page.reflection
		? { kind: 'done' }
		: page.due.day30Open
			? { kind: 'due' }
			: { kind: 'opens', date: page.opens[30] }
	return (
		<section aria-labelledby="reflection-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-6">
			<StepHeading id="reflection-heading" step={t('followUpPage.soWhat')} status={status}>
				{t('followUpPage.changedHeading')}
			</StepHeading>
			{page.due.day30Open ? (
				<Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="reflection" />
					<FormErrors id={form.errorId} errors={form.errors} />
					<TextareaField
						labelProps={{ children: page.reflectionPrompt }}
						description={t('followUpPage.reflectionHint')}
						textareaProps={{ ...getTextareaProps(fields.reflection), rows: 8 }}
						errors={fields.reflection.errors}
					/>
					<SubmitButton
						pending={navigation.formData?.get('intent') === 'reflection'}
						pendingText={t('followUpPage.saving')}
					>
						{page.reflection ? t('followUpPage.saveReflectionChanges') : t('followUpPage.saveReflection')}
					</SubmitButton>
				</Form>
			) : (
				<p className="mt-3 text-stone-700">
					{t('followUpPage.reflectionLater', { date: f.date(page.opens[30]), prompt: page.reflectionPrompt })}
				</p>
			)}
		</section>
	)
}

function SendSection({ page, lastResult }: { page: Page; lastResult: LastResult }) {
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'send',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: SendToManagerSchema }),
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
	})
	const { t } = useTranslation('dashboard')
	const f = useFormat()
	if (!page.reflection) return null
	const status: Status = { kind: page.signedOffAt ? 'signedOff' : page.sentAt ? 'waiting' : 'optional' }
	return (
		<section aria-labelledby="send-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-6">
			<StepHeading id="send-heading" step={t('followUpPage.status.optional')} status={status}>
				{t('followUpPage.askManager')}
			</StepHeading>
			{page.signedOffAt ? (
				<p className="mt-3 text-stone-700">
					{t(page.managerComment ? 'followUpPage.signedOffOnComment' : 'followUpPage.signedOffOn', {
						name: page.managerName ?? t('followUpPage.yourManager'),
						date: f.date(page.signedOffAt),
						comment: page.managerComment,
					})}
				</p>
			) : page.sentAt ? (
				<p className="mt-3 text-stone-700">
					{t('followUpPage.sentTo', {
						name: page.managerName ?? t('followUpPage.yourManagerLower'),
						date: f.date(page.sentAt),
					})}
				</p>
			) : null}
			{page.managers.length === 0 ? (
				<p className="mt-3 text-stone-700">{t('followUpPage.noManager')}</p>
			) : (
				<Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="send" />
					<FormErrors id={form.errorId} errors={form.errors} />
					<SelectField
						labelProps={{ children: t('followUpPage.yourManager') }}
						description={t('followUpPage.managerHint')}
						selectProps={getSelectProps(fields.managerId)}
						placeholder={t('followUpPage.chooseManager')}
						options={page.managers.map((m) => ({ value: m.id, label: `${m.name} (${m.organisationName})` }))}
						errors={fields.managerId.errors}
					/>
					<SubmitButton pending={navigation.formData?.get('intent') === 'send'} pendingText={t('followUpPage.sending')}>
						{page.sentAt ? t('followUpPage.sendAgain') : t('followUpPage.send')}
					</SubmitButton>
				</Form>
			)}
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
