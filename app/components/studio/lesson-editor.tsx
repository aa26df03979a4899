import { useState } from 'react'
import { Form, Link } from 'react-router'
import { ErrorList, Field } from '#app/components/forms.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { Notice } from '#app/components/ui/notice.tsx'
import type { EditorLesson } from '#modules/authoring/lesson-content.ts'
import type { AutosaveState, AutosaveStatus } from './autosave.ts'
import { CONFLICT_TEXT, type LessonKindName, type SaveReply } from './lesson-form.ts'
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
				<Notice tone="error" role="alert" title="Your latest changes are not saved">
					<p>{CONFLICT_TEXT}</p>
					<div className="mt-3 flex flex-wrap gap-3">
						<a
							href={`/studio/courses/${courseId}/lessons/${lesson.id}`}
							className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white no-underline hover:bg-brand-800"
						>
							Reload to see their changes
						</a>
						<Button variant="secondary" onClick={autosave.keepMine}>
							Keep mine and save over theirs
						</Button>
					</div>
				</Notice>
			) : null}
			<ErrorList errors={errors.form} />

			<section aria-labelledby="settings-heading" className="grid gap-6 sm:grid-cols-[2fr_1fr]">
				<h2 id="settings-heading" className="sr-only">
					Lesson settings
				</h2>
				<Field
					labelProps={{ children: 'Title' }}
					inputProps={{ id: 'field-title', name: 'title', defaultValue: lesson.title, required: true }}
					errors={errors.title}
				/>
				<Field
					labelProps={{ children: 'Minutes to complete' }}
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
					<span className="font-semibold text-stone-900">Required to complete the course</span>
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
							Quiz settings
						</h2>
						<Field
							labelProps={{ children: 'Pass mark (%)' }}
							description="From 0 to 100: the share of marked questions a learner must get right."
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
							labelProps={{ children: 'Maximum attempts (optional)' }}
							description="From 1 to 20. Leave blank for unlimited attempts."
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
				<Button type="submit">Save now</Button>
				<Link to={`/studio/courses/${courseId}`} className="font-semibold text-brand-700 underline underline-offset-2">
					Back to the builder
				</Link>
				<Link
					to={`/studio/courses/${courseId}/preview/${lesson.version.number}/${lesson.id}`}
					className="font-semibold text-brand-700 underline underline-offset-2"
				>
					Preview this lesson
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
	if (leave === 'waiting' || leave === 'go') {
		return <p className="text-sm font-medium text-stone-800">Saving your changes before you leave…</p>
	}
	if (leave !== 'ask') return null
	return (
		<Notice tone="warning" role="alert" title="Your latest changes are not saved yet">
			<p>Leave this lesson anyway? Stay to let them save, or put right any problems marked below.</p>
			<div className="mt-3 flex flex-wrap gap-3">
				<Button onClick={onStay}>Stay on this lesson</Button>
				<Button variant="secondary" onClick={onLeave}>
					Leave without saving
				</Button>
			</div>
		</Notice>
	)
}

const STATUS_TEXT: Record<AutosaveStatus, string> = {
	idle: 'Changes save automatically as you type.',
	dirty: 'Unsaved changes…',
	saving: 'Saving…',
	saved: 'All changes saved.',
	invalid: 'Not saved yet: put right the problems marked below.',
	conflict: 'Not saved: someone else saved this lesson.',
	error: 'Not saved: something went wrong. Try “Save now”.',
}

/** Where the autosave stands, announced politely as it changes. */
function SaveStatus({ state }: { state: AutosaveState }) {
	const { status, savedAt } = state
	const time =
		status === 'saved' && savedAt
			? ` (${new Date(savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })})`
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
			{STATUS_TEXT[status]}
			{time}
		</p>
	)
}
