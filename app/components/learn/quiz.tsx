import { type FormEvent, useContext, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import { ErrorList, FormErrors } from '#app/components/forms.tsx'
import { Button, buttonClasses } from '#app/components/ui/button.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { CheckIcon } from '#app/components/ui/icons.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { useFormat } from '#app/utils/i18n.ts'
import type { LearnerQuestion, LearnerQuiz } from '#modules/quizzes/get-quiz-for-learner.ts'
import { ReflectionField, ReflectionPreviewContext } from './reflection-field.tsx'
import { Trans } from '#app/utils/trans.tsx'

export type QuizActionError = { message: string; field?: string }

type TFn = ReturnType<typeof useTranslation<'learn'>>['t']

/**
 * A quiz lesson: the form (before the first attempt, or when retaking), or the result of the
 * latest attempt with feedback and the attempt history. Everything shown before submitting comes
 * from a loader that never reads the right answers.
 */
export function QuizSection({
	quiz,
	retaking,
	error,
	contentLang,
}: {
	quiz: LearnerQuiz
	retaking: boolean
	error?: QuizActionError | null
	/** The questions' language when it is not the page's (a quiz with no Welsh version yet). */
	contentLang?: string
}) {
	const { t } = useTranslation('learn')
	const showForm = quiz.canAttempt && (retaking || !quiz.lastResult || Boolean(error))
	return (
		<div className="space-y-8">
			<QuizRules quiz={quiz} />
			{showForm ? (
				<QuizForm quiz={quiz} error={error} contentLang={contentLang} />
			) : quiz.lastResult ? (
				<QuizResult quiz={quiz} contentLang={contentLang} />
			) : (
				<Notice tone="warning" title={t('quiz.noAttemptsTitle')}>
					{t('quiz.noAttempts')}
				</Notice>
			)}
			{quiz.attempts.length > 0 ? <AttemptHistory quiz={quiz} /> : null}
		</div>
	)
}

function QuizRules({ quiz }: { quiz: LearnerQuiz }) {
	const { t } = useTranslation('learn')
	const marked = quiz.questions.filter((q) => q.kind === 'SINGLE' || q.kind === 'MULTIPLE').length
	return (
		<p className="text-stone-700">
			{marked > 0 ? (
				<>
					<Trans
						t={t}
						i18nKey="quiz.passMark"
						count={marked}
						values={{ passMark: quiz.passMark }}
						components={{ strong: <strong /> }}
					/>{' '}
				</>
			) : null}
			{quiz.maxAttempts == null
				? t('quiz.unlimited')
				: t('quiz.attemptsInAll', { count: quiz.maxAttempts, left: quiz.attemptsRemaining ?? 0 })}{' '}
			{t('quiz.notMarked')}
		</p>
	)
}

function questionLabel(t: TFn, index: number, total: number) {
	return t('quiz.questionOf', { number: index + 1, total })
}

function QuizForm({
	quiz,
	error,
	contentLang,
}: {
	quiz: LearnerQuiz
	error?: QuizActionError | null
	contentLang?: string
}) {
	const { t } = useTranslation('learn')
	const navigation = useNavigation()
	const submitting = navigation.state === 'submitting'
	const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
	const summaryRef = useRef<HTMLDivElement>(null)
	const total = quiz.questions.length
	const preview = useContext(ReflectionPreviewContext)

	// Checks every question is answered before sending, so all the problems show at once (the server
	// checks again and is the one that counts).
	function onSubmit(event: FormEvent<HTMLFormElement>) {
		const data = new FormData(event.currentTarget)
		const found: Record<string, string> = {}
		quiz.questions.forEach((q, i) => {
			const label = questionLabel(t, i, total)
			if (q.kind === 'SINGLE' && !data.get(`option.${q.id}`)) found[q.id] = t('quiz.chooseAnswer', { label })
			if (q.kind === 'MULTIPLE' && data.getAll(`option.${q.id}`).length === 0)
				found[q.id] = t('quiz.chooseAtLeastOne', { label })
			if (q.kind === 'REFLECTION' && !String(data.get(`text.${q.id}`) ?? '').trim())
				found[q.id] = t('quiz.writeReflection', { label })
			if (q.kind === 'SCALE' && !data.get(`scale.${q.id}`)) found[q.id] = t('quiz.choosePoint', { label })
		})
		setClientErrors(found)
		if (Object.keys(found).length > 0) {
			event.preventDefault()
			requestAnimationFrame(() => summaryRef.current?.focus())
		}
	}

	// Once a question is answered, its "please answer" message goes.
	function onChange(event: FormEvent<HTMLFormElement>) {
		const name = (event.target as HTMLInputElement).name ?? ''
		const questionId = name.slice(name.indexOf('.') + 1)
		if (questionId && clientErrors[questionId]) {
			setClientErrors(({ [questionId]: _answered, ...rest }) => rest)
		}
	}

	const errorFor = (questionId: string) =>
		[clientErrors[questionId], error?.field === questionId ? error.message : null].filter((e): e is string =>
			Boolean(e),
		)
	// The server refused the answers (the form is shown again): take focus to what it said.
	useEffect(() => {
		if (error) summaryRef.current?.focus()
	}, [error])

	const summary = [
		...Object.values(clientErrors),
		...(error && !clientErrors[error.field ?? ''] ? [error.message] : []),
	]

	return (
		<Form
			method="post"
			noValidate
			onSubmit={onSubmit}
			onChange={onChange}
			aria-describedby={summary.length ? 'quiz-errors' : undefined}
			// "Try again" goes to #quiz-form, which then takes focus: named so that is announced.
			aria-label={t('quiz.yourAnswers')}
			id="quiz-form"
		>
			<input type="hidden" name="intent" value="submit-quiz" />
			{/* What this page showed: a second submit of the same answers is refused, not counted twice. */}
			<input type="hidden" name="attemptsSeen" value={quiz.attemptsUsed} />
			<div ref={summaryRef} tabIndex={-1} className="mb-6 focus:outline-none">
				<FormErrors id="quiz-errors" errors={summary} title={t('quiz.notSubmitted')} />
			</div>
			<ol className="space-y-8">
				{quiz.questions.map((question, index) => (
					<li key={question.id} className="rounded-xl border border-stone-200 bg-white p-5 sm:p-6">
						<QuestionField
							question={question}
							number={questionLabel(t, index, total)}
							errors={errorFor(question.id)}
							saved={quiz.reflections[question.id] ?? null}
							contentLang={contentLang}
						/>
					</li>
				))}
			</ol>
			<div className="mt-8 flex flex-wrap items-center gap-4">
				<Button type="submit" size="lg" disabled={submitting}>
					{submitting ? t('quiz.submitting') : t('quiz.submit')}
				</Button>
				<p className="text-sm text-stone-700">{t('quiz.savedAsYouType')}</p>
			</div>
			{!preview && quiz.questions.some((q) => q.kind === 'REFLECTION') ? (
				<p className="mt-4 text-sm text-stone-700">
					{t('quiz.sharingBefore')}{' '}
					<Link to="/account/themes" className="font-medium text-brand-700 underline underline-offset-2">
						{t('quiz.sharingLink')}
					</Link>
					.
				</p>
			) : null}
		</Form>
	)
}

function QuestionField({
	question,
	number,
	errors,
	saved,
	contentLang,
}: {
	question: LearnerQuestion
	number: string
	errors: string[]
	saved: { text: string; updatedAt: Date | string } | null
	contentLang?: string
}) {
	const { t } = useTranslation('learn')
	const errorId = `q-${question.id}-error`
	const hintId = `q-${question.id}-hint`
	const invalid = errors.length > 0

	if (question.kind === 'REFLECTION') {
		return (
			<ReflectionField
				questionId={question.id}
				name={`text.${question.id}`}
				label={question.prompt}
				hint={question.guidance}
				saved={saved}
				errors={errors}
				number={t('quiz.reflectionNumber', { number })}
				contentLang={contentLang}
			/>
		)
	}

	const legend = (
		<legend className="font-semibold text-stone-900">
			<span className="block text-sm font-medium text-stone-600">{number}</span>
			<span lang={contentLang}>{question.prompt}</span>
		</legend>
	)
	const describedBy = [hintId, invalid ? errorId : null].filter(Boolean).join(' ')

	if (question.kind === 'SCALE') {
		const min = question.scaleMin ?? 1
		const max = question.scaleMax ?? 5
		const points = Array.from({ length: max - min + 1 }, (_, i) => min + i)
		return (
			<fieldset aria-describedby={describedBy} aria-invalid={invalid || undefined}>
				{legend}
				<p id={hintId} className="mt-1 text-sm text-stone-700">
					{t('quiz.scaleHint', {
						min,
						max,
						minLabel: question.scaleMinLabel ?? t('quiz.least'),
						maxLabel: question.scaleMaxLabel ?? t('quiz.most'),
					})}
				</p>
				<div className="mt-4 flex flex-wrap gap-2">
					{points.map((value) => (
						<label
							key={value}
							className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-2 rounded-lg border border-stone-400 bg-white px-3 has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:font-semibold has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus"
						>
							<input type="radio" name={`scale.${question.id}`} value={value} className="size-4 accent-brand-700" />
							<span>
								{value}
								{value === min && question.scaleMinLabel ? (
									<span className="sr-only"> ({question.scaleMinLabel})</span>
								) : null}
								{value === max && question.scaleMaxLabel ? (
									<span className="sr-only"> ({question.scaleMaxLabel})</span>
								) : null}
							</span>
						</label>
					))}
				</div>
				<ErrorList id={invalid ? errorId : undefined} errors={errors} />
			</fieldset>
		)
	}

	const multiple = question.kind === 'MULTIPLE'
	return (
		<fieldset aria-describedby={describedBy} aria-invalid={invalid || undefined}>
			{legend}
			<p id={hintId} className="mt-1 text-sm text-stone-700">
				{question.guidance ? <span lang={contentLang}>{`${question.guidance} `}</span> : null}
				{multiple ? t('quiz.selectAll') : t('quiz.selectOne')}
			</p>
			<div className="mt-4 space-y-2">
				{question.options.map((option) => (
					<label
						key={option.id}
						className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-stone-300 bg-white px-4 py-3 hover:border-stone-500 has-checked:border-brand-700 has-checked:bg-brand-50"
					>
						<input
							type={multiple ? 'checkbox' : 'radio'}
							name={`option.${question.id}`}
							value={option.id}
							className="mt-1 size-4 shrink-0 accent-brand-700"
						/>
						<span lang={contentLang}>{option.text}</span>
					</label>
				))}
			</div>
			<ErrorList id={invalid ? errorId : undefined} errors={errors} />
		</fieldset>
	)
}

function QuizResult({ quiz, contentLang }: { quiz: LearnerQuiz; contentLang?: string }) {
	const { t } = useTranslation('learn')
	const f = useFormat()
	const result = quiz.lastResult!
	const byId = new Map(quiz.questions.map((q) => [q.id, q]))
	const total = quiz.questions.length
	return (
		<section aria-labelledby="quiz-result" className="space-y-6">
			<div
				className={cx(
					'rounded-xl border p-5 sm:p-6',
					result.passed
						? 'border-green-200 bg-green-50 text-green-950'
						: 'border-accent-200 bg-accent-50 text-accent-950',
				)}
			>
				{/* Submitting lands on #quiz-result, and RouteFocus (root.tsx) focuses it: the result is read out first. */}
				<h2 id="quiz-result" tabIndex={-1} className="text-xl font-semibold focus:outline-none">
					{t('quiz.scored', {
						result: result.passed ? t('quiz.passed') : t('quiz.notPassedYet'),
						score: result.scorePercent,
					})}
				</h2>
				<p className="mt-1">
					{t('quiz.attemptSubmitted', {
						number: result.number,
						date: f.date(result.submittedAt),
						passMark: quiz.passMark,
					})}
				</p>
				{!result.passed && quiz.canAttempt ? (
					<p className="mt-1">
						{t('quiz.tryAgainHint')}{' '}
						{quiz.attemptsRemaining == null ? '' : t('quiz.attemptsLeft', { count: quiz.attemptsRemaining })}
					</p>
				) : null}
				{!result.passed && !quiz.canAttempt ? <p className="mt-1">{t('quiz.usedEvery')}</p> : null}
				{quiz.canAttempt ? (
					<Link to="?retake=1#quiz-form" preventScrollReset className={buttonClasses({ className: 'mt-4' })}>
						{t('quiz.tryAgain')}
					</Link>
				) : null}
			</div>

			<ol className="space-y-5">
				{result.questions.map((answer, index) => {
					const question = byId.get(answer.questionId)
					if (!question) return null
					return (
						<li key={answer.questionId} className="rounded-xl border border-stone-200 bg-white p-5 sm:p-6">
							<h3 className="font-semibold text-stone-900">
								<span className="block text-sm font-medium text-stone-600">{questionLabel(t, index, total)}</span>
								<span lang={contentLang}>{question.prompt}</span>
							</h3>
							{answer.correct === null ? null : (
								<p className={cx('mt-2 font-semibold', answer.correct ? 'text-green-800' : 'text-red-800')}>
									{answer.correct ? t('quiz.right') : t('quiz.notRight')}
								</p>
							)}
							{question.kind === 'REFLECTION' ? (
								<p className="mt-3 whitespace-pre-line text-stone-800">{answer.text}</p>
							) : null}
							{question.kind === 'SCALE' ? (
								<p className="mt-3 text-stone-800">
									{t('quiz.youChose', {
										value: answer.scaleValue,
										min: question.scaleMin ?? 1,
										max: question.scaleMax ?? 5,
									})}
								</p>
							) : null}
							{question.options.length > 0 ? (
								<ul className="mt-3 space-y-2">
									{question.options.map((option) => {
										const marking = answer.options.find((o) => o.id === option.id)
										return (
											<li
												key={option.id}
												className={cx(
													'rounded-lg border px-4 py-3',
													marking?.selected ? 'border-stone-500 bg-stone-50' : 'border-stone-200',
												)}
											>
												<p className="flex flex-wrap items-center gap-2">
													<span lang={contentLang}>{option.text}</span>
													{marking?.selected ? (
														<span className="text-sm font-semibold text-stone-700">{t('quiz.yourAnswer')}</span>
													) : null}
													{marking?.correct ? (
														<span className="inline-flex items-center gap-1 text-sm font-semibold text-green-800">
															<CheckIcon className="size-4" /> {t('quiz.rightAnswer')}
														</span>
													) : null}
												</p>
												{marking?.feedback ? (
													<p lang={contentLang} className="mt-1 text-sm text-stone-700">
														{marking.feedback}
													</p>
												) : null}
											</li>
										)
									})}
								</ul>
							) : null}
							{answer.explanation ? (
								<p className="mt-3 rounded-lg bg-brand-50 px-4 py-3 text-brand-950">
									<span className="font-semibold">{t('quiz.why')}</span>
									<span lang={contentLang}>{answer.explanation}</span>
								</p>
							) : null}
						</li>
					)
				})}
			</ol>
			{!result.revealed ? <p className="text-sm text-stone-700">{t('quiz.revealedLater')}</p> : null}
		</section>
	)
}

function AttemptHistory({ quiz }: { quiz: LearnerQuiz }) {
	const { t } = useTranslation('learn')
	const f = useFormat()
	return (
		<section aria-labelledby="attempts-heading">
			<h2 id="attempts-heading" className="text-lg font-semibold text-stone-900">
				{t('quiz.attemptsHeading')}
			</h2>
			<div className="mt-3 relative overflow-x-auto rounded-xl border border-stone-200 bg-white">
				<table className="w-full text-left text-sm">
					<thead className="bg-stone-100 text-stone-800">
						<tr>
							<th scope="col" className="px-4 py-2 font-semibold">
								{t('quiz.attempt')}
							</th>
							<th scope="col" className="px-4 py-2 font-semibold">
								{t('quiz.score')}
							</th>
							<th scope="col" className="px-4 py-2 font-semibold">
								{t('quiz.result')}
							</th>
							<th scope="col" className="px-4 py-2 font-semibold">
								{t('quiz.date')}
							</th>
						</tr>
					</thead>
					<tbody>
						{quiz.attempts.map((attempt) => (
							<tr key={attempt.number} className="border-t border-stone-200">
								<td className="px-4 py-2">{attempt.number}</td>
								<td className="px-4 py-2">{attempt.scorePercent}%</td>
								<td className={cx('px-4 py-2 font-medium', attempt.passed ? 'text-green-800' : 'text-stone-800')}>
									{attempt.passed ? t('quiz.passed') : t('quiz.notPassed')}
								</td>
								<td className="px-4 py-2">{f.date(attempt.submittedAt)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	)
}
