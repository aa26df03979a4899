import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { ErrorList, Field } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { Notice } from '#app/components/ui/notice.tsx'
import { useLanguage } from '#app/utils/i18n.ts'
import type { EditorLesson } from '#modules/authoring/lesson-content.ts'
import { languageTag } from '#modules/i18n/languages.ts'
import type { AutosaveState, AutosaveStatus } from './autosave.ts'
import type { LessonKindName, SaveReply } from './lesson-form.ts'
import { type KeyedQuestion, QuizQuestionsEditor, serialiseQuestions } from './quiz-editor.tsx'
import { ReadingFields } from './reading-fields.tsx'
import { useAutosave } from './use-autosave.ts'
import { VideoFields } from './video-fields.tsx'

/**
 * The form of a draft lesson: its settings and its reading, video or quiz content. Saves as the
 * author types (see useAutosave); without JavaScript, "Save now" posts the form.
 */
export function LessonEditor({
	lesson,
	html,
	courseId,
	noJsReply,
}: {
	lesson: EditorLesson
	html: string | null
	courseId: string
	noJsReply: SaveReply | null
}) {
	const { t } = useTranslation('studio')
	const kind = lesson.kind as LessonKindName
	const autosave = useAutosave({ kind, revision: lesson.revision, noJsReply })
	const { state, edit } = autosave
	const errors = state.errors
	const [questions, setQuestions] = useState<KeyedQuestion[]>(() =>
		// Keys from the position, so the server's and the browser's first render agree (ids derive from them).
		lesson.questions.map((q, i) => ({
			uid: `saved-${i}`,
			kind: q.kind,
			prompt: q.prompt,
			guidance: q.guidance,
			explanation: q.explanation,
			scaleMin: q.scaleMin,
			scaleMax: q.scaleMax,
			scaleMinLabel: q.scaleMinLabel,
			scaleMaxLabel: q.scaleMaxLabel,
			options: q.options.map((o) => ({ text: o.text, isCorrect: o.isCorrect, feedback: o.feedback })),
		})),
	)

	return (
		<Form
			method="post"
			ref={autosave.formRef}
			className="mt-8 space-y-8"
			onChange={edit}
			onSubmit={(event) => {
				event.preventDefault()
				autosave.flush()
			}}
			noValidate
		>
			<input type="hidden" name="revision" value={lesson.revision} />
			<SaveStatus state={state} />
			{autosave.blocked ? (
				<LeaveNotice leave={state.leave} onStay={autosave.stay} onLeave={autosave.leaveAnyway} />
			) : null}
			{state.status === 'conflict' ? (
				<Notice tone="error" role="alert" title={t('lessonEditor.conflictTitle')}>
					<p>{t('lessonEditor.conflict')}</p>
					<div className="mt-3 flex flex-wrap gap-3">
						<a
							href={`/studio/courses/${courseId}/lessons/${lesson.id}`}
							className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white no-underline hover:bg-brand-800"
						>
							{t('lessonEditor.reload')}
						</a>
						<Button variant="secondary" onClick={autosave.keepMine}>
							{t('lessonEditor.keepMine')}
						</Button>
					</div>
				</Notice>
			) : null}
			<ErrorList errors={errors.form} />

			<section aria-labelledby="settings-heading" className="grid gap-6 sm:grid-cols-[2fr_1fr]">
				<h2 id="settings-heading" className="sr-only">
					{t('lessonEditor.settings')}
				</h2>
				<Field
					labelProps={{ children: t('lessonEditor.title') }}
					inputProps={{ id: 'field-title', name: 'title', defaultValue: lesson.title, required: true }}
					errors={errors.title}
				/>
				<Field
					labelProps={{ children: t('lessonEditor.minutes') }}
					inputProps={{
						id: 'field-estimatedMinutes',
						name: 'estimatedMinutes',
						type: 'number',
						inputMode: 'numeric',
						defaultValue: String(lesson.estimatedMinutes),
						required: true,
					}}
					errors={errors.estimatedMinutes}
				/>
				<label className="flex min-h-11 items-center gap-3 sm:col-span-2">
					<input type="checkbox" name="required" defaultChecked={lesson.required} className="size-5 accent-brand-700" />
					<span className="font-semibold text-stone-900">{t('lessonEditor.required')}</span>
				</label>
			</section>

			{kind === 'READING' ? (
				<ReadingFields courseId={courseId} markdown={lesson.markdown ?? ''} html={html ?? ''} errors={errors} />
			) : null}
			{kind === 'VIDEO' ? <VideoFields lesson={lesson} errors={errors} unsaved={autosave.unsaved} /> : null}
			{kind === 'QUIZ' ? (
				<>
					<section aria-labelledby="quiz-settings-heading" className="grid gap-6 sm:grid-cols-2">
						<h2 id="quiz-settings-heading" className="text-2xl font-semibold text-stone-900 sm:col-span-2">
							{t('lessonEditor.quizSettings')}
						</h2>
						<Field
							labelProps={{ children: t('lessonEditor.passMark') }}
							description={t('lessonEditor.passMarkHint')}
							inputProps={{
								id: 'field-passMark',
								name: 'passMark',
								type: 'number',
								inputMode: 'numeric',
								defaultValue: String(lesson.passMark ?? 70),
								required: true,
							}}
							errors={errors.passMark}
						/>
						<Field
							labelProps={{ children: t('lessonEditor.maxAttempts') }}
							description={t('lessonEditor.maxAttemptsHint')}
							inputProps={{
								id: 'field-maxAttempts',
								name: 'maxAttempts',
								type: 'number',
								inputMode: 'numeric',
								defaultValue: lesson.maxAttempts == null ? '' : String(lesson.maxAttempts),
							}}
							errors={errors.maxAttempts}
						/>
					</section>
					<input type="hidden" name="questions" value={serialiseQuestions(questions)} />
					<QuizQuestionsEditor
						questions={questions}
						onChange={(next) => {
							setQuestions(next)
							edit()
						}}
						errors={errors}
					/>
				</>
			) : null}

			<div className="flex flex-wrap items-center gap-4 border-t border-stone-200 pt-6">
				<Button type="submit">{t('lessonEditor.saveNow')}</Button>
				<Link to={`/studio/courses/${courseId}`} className="font-semibold text-brand-700 underline underline-offset-2">
					{t('lessonEditor.backToBuilder')}
				</Link>
				<Link
					to={`/studio/courses/${courseId}/preview/${lesson.version.number}/${lesson.id}`}
					className="font-semibold text-brand-700 underline underline-offset-2"
				>
					{t('lessonEditor.previewLesson')}
				</Link>
			</div>
		</Form>
	)
}

function LeaveNotice({
	leave,
	onStay,
	onLeave,
}: {
	leave: AutosaveState['leave']
	onStay: () => void
	onLeave: () => void
}) {
	const { t } = useTranslation('studio')
	if (leave === 'waiting' || leave === 'go') {
		return <p className="text-sm font-medium text-stone-800">{t('lessonEditor.savingBeforeLeave')}</p>
	}
	if (leave !== 'ask') return null
	return (
		<Notice tone="warning" role="alert" title={t('lessonEditor.leaveTitle')}>
			<p>{t('lessonEditor.leaveBody')}</p>
			<div className="mt-3 flex flex-wrap gap-3">
				<Button onClick={onStay}>{t('lessonEditor.stay')}</Button>
				<Button variant="secondary" onClick={onLeave}>
					{t('lessonEditor.leave')}
				</Button>
			</div>
		</Notice>
	)
}

const STATUS_TEXT = {
	idle: 'lessonEditor.status.idle',
	dirty: 'lessonEditor.status.dirty',
	saving: 'lessonEditor.status.saving',
	saved: 'lessonEditor.status.saved',
	invalid: 'lessonEditor.status.invalid',
	conflict: 'lessonEditor.status.conflict',
	error: 'lessonEditor.status.error',
} as const satisfies Record<AutosaveStatus, string>

/** Where the autosave stands, announced politely as it changes. */
function SaveStatus({ state }: { state: AutosaveState }) {
	const { t } = useTranslation('studio')
	const language = useLanguage()
	const { status, savedAt } = state
	const time =
		status === 'saved' && savedAt
			? ` ${t('lessonEditor.savedAt', {
					time: new Date(savedAt).toLocaleTimeString(languageTag(language), {
						hour: '2-digit',
						minute: '2-digit',
						timeZone: 'Europe/London',
					}),
				})}`
			: ''
	return (
		<p
			role="status"
			aria-live="polite"
			className={cx(
				'sticky top-0 z-10 rounded-lg border px-4 py-2 text-sm font-medium',
				status === 'invalid' || status === 'conflict' || status === 'error'
					? 'border-red-200 bg-red-50 text-red-900'
					: 'border-stone-200 bg-white text-stone-800',
			)}
		>
			{t(STATUS_TEXT[status])}
			{time}
		</p>
	)
}
