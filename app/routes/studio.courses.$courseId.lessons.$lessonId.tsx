import { useCallback, useEffect, useRef, useState } from 'react'
import { data, Form, Link, type ShouldRevalidateFunctionArgs, useBlocker, useFetcher } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList } from '#app/components/forms.tsx'
import { MarkdownContent } from '#app/components/learn/markdown-content.tsx'
import {
	CONFLICT_TEXT,
	contentFromForm,
	type FieldErrors,
	fieldErrors,
	type LessonKindName,
	type SaveReply,
} from '#app/components/studio/lesson-form.ts'
import { type KeyedQuestion, QuizQuestionsEditor, serialiseQuestions } from '#app/components/studio/quiz-editor.tsx'
import { requireTrainer } from '#app/components/studio/studio-errors.server.ts'
import { StudioCourseNav } from '#app/components/studio/studio-nav.tsx'
import { VideoUpload } from '#app/components/studio/video-upload.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { cx } from '#app/components/ui/cx.ts'
import { Notice } from '#app/components/ui/notice.tsx'
import { STATUS_FOR_KIND, withDomainErrors } from '#app/utils/errors.server.ts'
import { LESSON_KIND_LABELS } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getLessonForEditor, LessonConflictError, saveLessonContent } from '#modules/authoring/lesson-content.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { renderMarkdown } from '#modules/markdown/render-markdown.ts'
import type { Route } from './+types/studio.courses.$courseId.lessons.$lessonId'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`${data ? `${data.lesson.title} | ` : ''}Edit lesson | Studio | Circle`,
		'Edit a lesson: its text, video or quiz questions, saved as you type.',
		NOINDEX,
	)

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const lesson = await withDomainErrors(() =>
		getLessonForEditor({ courseId: params.courseId, lessonId: params.lessonId, actorId: user.id }),
	)
	return { lesson, html: lesson.kind === 'READING' ? renderMarkdown(lesson.markdown ?? '') : null }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

// An autosave must not reload the page's data: that would reset what the author is typing.
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
	if (formData?.get('intent') === 'autosave') return false
	return defaultShouldRevalidate
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const base = { courseId: params.courseId, lessonId: params.lessonId, actorId: user.id }
	// Checks access first (403/404 before anything about the content is said).
	const lesson = await withDomainErrors(() => getLessonForEditor(base))
	const form = await request.formData()
	const kind = lesson.kind as LessonKindName
	const revision = Number(form.get('revision'))
	const content = contentFromForm(kind, form)
	const errors = fieldErrors(kind, content)
	if (Object.keys(errors).length) {
		return data<SaveReply>(
			{ status: 'invalid', errors, message: 'Not saved yet: put right the problems marked below.' },
			{ status: 422 },
		)
	}
	try {
		const saved = await saveLessonContent({ ...base, revision: Number.isInteger(revision) ? revision : -1, content })
		return data<SaveReply>({ status: 'saved', revision: saved.revision, savedAt: new Date().toISOString() })
	} catch (error) {
		if (error instanceof LessonConflictError) {
			return data<SaveReply>(
				{ status: 'conflict', message: CONFLICT_TEXT, revision: error.current.revision },
				{ status: 409 },
			)
		}
		if (isDomainError(error) && error.kind === 'invalid') {
			return data<SaveReply>(
				{ status: 'invalid', errors: { [error.field ?? 'form']: [error.message] }, message: error.message },
				{ status: 422 },
			)
		}
		if (isDomainError(error)) {
			return data<SaveReply>({ status: 'error', message: error.message }, { status: STATUS_FOR_KIND[error.kind] })
		}
		throw error
	}
}

const AUTOSAVE_MS = 1200
const PREVIEW_MS = 400

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'conflict' | 'error'

const control =
	'mt-1 min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 focus-visible:border-brand-700 aria-invalid:border-red-700'

export default function LessonEditorRoute({ loaderData, actionData, params }: Route.ComponentProps) {
	const { lesson } = loaderData
	const courseId = params.courseId
	return (
		<Container className="py-10 sm:py-12">
			<p className="text-sm">
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					Studio
				</Link>
				<span aria-hidden="true"> / </span>
				<Link to={`/studio/courses/${courseId}`} className="font-medium text-brand-700 underline underline-offset-2">
					{lesson.version.title}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">
				<span className="block text-base font-medium text-stone-600">
					{LESSON_KIND_LABELS[lesson.kind]} lesson in “{lesson.module.title}”
				</span>
				{lesson.title}
			</h1>
			<StudioCourseNav courseId={courseId} />
			{lesson.editable ? (
				<LessonEditor key={lesson.id} loaderData={loaderData} courseId={courseId} noJsReply={actionData ?? null} />
			) : (
				<Notice
					tone="warning"
					title={`This lesson is part of published version ${lesson.version.number}`}
					className="mt-6"
				>
					Published versions are never changed, because learners are following them.{' '}
					<Link to={`/studio/courses/${courseId}`} className="font-semibold underline underline-offset-2">
						Start a new draft in the builder
					</Link>{' '}
					to edit it.
				</Notice>
			)}
		</Container>
	)
}

function LessonEditor({
	loaderData,
	courseId,
	noJsReply,
}: {
	loaderData: Route.ComponentProps['loaderData']
	courseId: string
	noJsReply: SaveReply | null
}) {
	const { lesson } = loaderData
	const kind = lesson.kind as LessonKindName
	const formRef = useRef<HTMLFormElement>(null)
	const fetcher = useFetcher<SaveReply>()
	const revision = useRef(lesson.revision)
	const timer = useRef<number | undefined>(undefined)
	const queued = useRef(false)
	const [state, setState] = useState<SaveState>(noJsReply?.status === 'saved' ? 'saved' : 'idle')
	const [errors, setErrors] = useState<FieldErrors>(noJsReply?.status === 'invalid' ? noJsReply.errors : {})
	const [conflict, setConflictState] = useState<{ revision: number } | null>(null)
	const conflictRef = useRef<{ revision: number } | null>(null)
	const setConflict = (value: { revision: number } | null) => {
		conflictRef.current = value
		setConflictState(value)
	}
	const [savedAt, setSavedAt] = useState<string | null>(null)
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

	const save = useCallback(() => {
		window.clearTimeout(timer.current)
		const form = formRef.current
		if (!form || conflictRef.current) return
		const formData = new FormData(form)
		const found = fieldErrors(kind, contentFromForm(kind, formData))
		setErrors(found)
		if (Object.keys(found).length) {
			setState('invalid')
			return
		}
		if (fetcher.state !== 'idle') {
			queued.current = true
			return
		}
		formData.set('intent', 'autosave')
		formData.set('revision', String(revision.current))
		setState('saving')
		void fetcher.submit(formData, { method: 'post' })
	}, [fetcher, kind])

	const schedule = useCallback(() => {
		window.clearTimeout(timer.current)
		setState((s) => (s === 'conflict' ? s : 'pending'))
		timer.current = window.setTimeout(save, AUTOSAVE_MS)
	}, [save])

	useEffect(() => () => window.clearTimeout(timer.current), [])

	// The answer to the latest autosave.
	useEffect(() => {
		const reply = fetcher.data
		if (fetcher.state !== 'idle' || !reply) return
		if (reply.status === 'saved') {
			revision.current = reply.revision
			setSavedAt(reply.savedAt)
			setErrors({})
			if (queued.current) {
				queued.current = false
				save()
			} else setState((s) => (s === 'saving' ? 'saved' : s))
		} else if (reply.status === 'conflict') {
			queued.current = false
			setConflict({ revision: reply.revision })
			setState('conflict')
		} else if (reply.status === 'invalid') {
			setErrors(reply.errors)
			setState('invalid')
		} else {
			setState('error')
		}
		// Only when a reply arrives.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [fetcher.data, fetcher.state])

	// Leaving with unsaved changes asks first.
	useEffect(() => {
		if (state === 'idle' || state === 'saved') return
		const warn = (event: BeforeUnloadEvent) => event.preventDefault()
		window.addEventListener('beforeunload', warn)
		return () => window.removeEventListener('beforeunload', warn)
	}, [state])

	// Following a link inside the app with unsaved changes asks first, too.
	const unsaved = state !== 'idle' && state !== 'saved'
	const blocker = useBlocker(
		({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
	)

	// Changes waiting for the autosave timer are saved at once, and then the author goes on their way.
	useEffect(() => {
		if (blocker.state !== 'blocked') return
		if (state === 'pending') save()
		else if (state === 'saved') blocker.proceed()
	}, [blocker, state, save])

	function onQuestionsChange(next: KeyedQuestion[]) {
		setQuestions(next)
		schedule()
	}

	function saveMineAnyway() {
		if (!conflict) return
		revision.current = conflict.revision
		setConflict(null)
		setState('pending')
		save()
	}

	const err = (name: string) => errors[name]

	return (
		<Form
			method="post"
			ref={formRef}
			className="mt-8 space-y-8"
			onChange={schedule}
			onSubmit={(event) => {
				event.preventDefault()
				save()
			}}
			noValidate
		>
			<input type="hidden" name="revision" value={lesson.revision} />
			<SaveStatus state={state} savedAt={savedAt} noJsReply={noJsReply} />
			{blocker.state === 'blocked' && (state === 'pending' || state === 'saving') ? (
				<p className="text-sm font-medium text-stone-800">Saving your changes before you leave…</p>
			) : blocker.state === 'blocked' ? (
				<Notice tone="warning" role="alert" title="Your latest changes are not saved yet">
					<p>Leave this lesson anyway? Stay to let them save, or put right any problems marked below.</p>
					<div className="mt-3 flex flex-wrap gap-3">
						<Button onClick={() => blocker.reset()}>Stay on this lesson</Button>
						<Button variant="secondary" onClick={() => blocker.proceed()}>
							Leave without saving
						</Button>
					</div>
				</Notice>
			) : null}
			{conflict ? (
				<Notice tone="error" role="alert" title="Your latest changes are not saved">
					<p>{CONFLICT_TEXT}</p>
					<div className="mt-3 flex flex-wrap gap-3">
						<a
							href={`/studio/courses/${courseId}/lessons/${lesson.id}`}
							className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white no-underline hover:bg-brand-800"
						>
							Reload to see their changes
						</a>
						<Button variant="secondary" onClick={saveMineAnyway}>
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
				<TextField name="title" label="Title" defaultValue={lesson.title} errors={err('title')} required />
				<TextField
					name="estimatedMinutes"
					label="Minutes to complete"
					type="number"
					defaultValue={String(lesson.estimatedMinutes)}
					errors={err('estimatedMinutes')}
					required
				/>
				<label className="flex min-h-11 items-center gap-3 sm:col-span-2">
					<input type="checkbox" name="required" defaultChecked={lesson.required} className="size-5 accent-brand-700" />
					<span className="font-semibold text-stone-900">Required to complete the course</span>
				</label>
			</section>

			{kind === 'READING' ? (
				<ReadingFields
					courseId={courseId}
					markdown={lesson.markdown ?? ''}
					html={loaderData.html ?? ''}
					errors={errors}
				/>
			) : null}
			{kind === 'VIDEO' ? (
				<VideoFields lesson={lesson} errors={errors} dirty={state !== 'idle' && state !== 'saved'} />
			) : null}
			{kind === 'QUIZ' ? (
				<>
					<section aria-labelledby="quiz-settings-heading" className="grid gap-6 sm:grid-cols-2">
						<h2 id="quiz-settings-heading" className="text-2xl font-semibold text-stone-900 sm:col-span-2">
							Quiz settings
						</h2>
						<TextField
							name="passMark"
							label="Pass mark (%)"
							type="number"
							description="From 0 to 100: the share of marked questions a learner must get right."
							defaultValue={String(lesson.passMark ?? 70)}
							errors={err('passMark')}
							required
						/>
						<TextField
							name="maxAttempts"
							label="Maximum attempts (optional)"
							type="number"
							description="From 1 to 20. Leave blank for unlimited attempts."
							defaultValue={lesson.maxAttempts == null ? '' : String(lesson.maxAttempts)}
							errors={err('maxAttempts')}
						/>
					</section>
					<input type="hidden" name="questions" value={serialiseQuestions(questions)} />
					<QuizQuestionsEditor questions={questions} onChange={onQuestionsChange} errors={errors} />
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

const STATE_TEXT: Record<SaveState, string> = {
	idle: 'Changes save automatically as you type.',
	pending: 'Unsaved changes…',
	saving: 'Saving…',
	saved: 'All changes saved.',
	invalid: 'Not saved yet: put right the problems marked below.',
	conflict: 'Not saved: someone else saved this lesson.',
	error: 'Not saved: something went wrong. Try “Save now”.',
}

function SaveStatus({
	state,
	savedAt,
	noJsReply,
}: {
	state: SaveState
	savedAt: string | null
	noJsReply: SaveReply | null
}) {
	const text = noJsReply && state === 'idle' && noJsReply.status !== 'saved' ? noJsReply.message : STATE_TEXT[state]
	const time =
		state === 'saved' && savedAt
			? ` (${new Date(savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })})`
			: ''
	return (
		<p
			role="status"
			aria-live="polite"
			className={cx(
				'sticky top-0 z-10 rounded-lg border px-4 py-2 text-sm font-medium',
				state === 'invalid' || state === 'conflict' || state === 'error'
					? 'border-red-200 bg-red-50 text-red-900'
					: 'border-stone-200 bg-white text-stone-800',
			)}
		>
			{text}
			{time}
		</p>
	)
}

function TextField({
	name,
	label,
	defaultValue,
	errors,
	type = 'text',
	description,
	required,
}: {
	name: string
	label: string
	defaultValue: string
	errors?: string[]
	type?: string
	description?: string
	required?: boolean
}) {
	const id = `field-${name}`
	const invalid = Boolean(errors?.length)
	const describedBy = [description ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ')
	return (
		<div>
			<label htmlFor={id} className="block font-semibold text-stone-900">
				{label}
			</label>
			{description ? (
				<p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
					{description}
				</p>
			) : null}
			<input
				id={id}
				name={name}
				type={type}
				inputMode={type === 'number' ? 'numeric' : undefined}
				defaultValue={defaultValue}
				required={required}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy || undefined}
				className={control}
			/>
			<ErrorList id={invalid ? `${id}-error` : undefined} errors={errors} />
		</div>
	)
}

function TextAreaField({
	name,
	label,
	defaultValue,
	errors,
	description,
	rows,
	onChange,
	className,
}: {
	name: string
	label: string
	defaultValue: string
	errors?: string[]
	description?: string
	rows: number
	onChange?: (value: string) => void
	className?: string
}) {
	const id = `field-${name}`
	const invalid = Boolean(errors?.length)
	const describedBy = [description ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ')
	return (
		<div className={className}>
			<label htmlFor={id} className="block font-semibold text-stone-900">
				{label}
			</label>
			{description ? (
				<p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
					{description}
				</p>
			) : null}
			<textarea
				id={id}
				name={name}
				rows={rows}
				defaultValue={defaultValue}
				onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}
				aria-invalid={invalid || undefined}
				aria-describedby={describedBy || undefined}
				className={cx(control, 'font-mono text-[0.95rem] leading-relaxed')}
			/>
			<ErrorList id={invalid ? `${id}-error` : undefined} errors={errors} />
		</div>
	)
}

function ReadingFields({
	courseId,
	markdown,
	html,
	errors,
}: {
	courseId: string
	markdown: string
	html: string
	errors: FieldErrors
}) {
	const preview = useFetcher<{ html?: string; message?: string }>()
	const timer = useRef<number | undefined>(undefined)
	useEffect(() => () => window.clearTimeout(timer.current), [])
	function onChange(value: string) {
		window.clearTimeout(timer.current)
		timer.current = window.setTimeout(() => {
			void preview.submit(
				{ markdown: value },
				{ method: 'post', action: `/studio/courses/${courseId}/markdown-preview` },
			)
		}, PREVIEW_MS)
	}
	const shown = preview.data?.html ?? html
	return (
		<section aria-labelledby="reading-heading" className="grid gap-6 lg:grid-cols-2">
			<h2 id="reading-heading" className="text-2xl font-semibold text-stone-900 lg:col-span-2">
				Reading
			</h2>
			<TextAreaField
				name="markdown"
				label="Text (Markdown)"
				description="Use ## for headings, **bold**, *italic*, - for lists, > for quotes and [text](https://…) for links."
				defaultValue={markdown}
				rows={22}
				errors={errors.markdown}
				onChange={onChange}
			/>
			<div>
				<h3 id="reading-preview-heading" className="font-semibold text-stone-900">
					Preview <span className="font-normal text-stone-600">(as learners will see it)</span>
				</h3>
				<div
					aria-labelledby="reading-preview-heading"
					role="region"
					className="mt-1 max-h-[40rem] overflow-y-auto rounded-lg border border-stone-200 bg-white p-5"
				>
					{shown.trim() ? <MarkdownContent html={shown} /> : <p className="text-stone-600">Nothing to preview yet.</p>}
				</div>
				{preview.data?.message ? <p className="mt-2 text-sm text-red-800">{preview.data.message}</p> : null}
			</div>
		</section>
	)
}

function VideoFields({
	lesson,
	errors,
	dirty,
}: {
	lesson: Route.ComponentProps['loaderData']['lesson']
	errors: FieldErrors
	dirty: boolean
}) {
	return (
		<section aria-labelledby="video-heading" className="space-y-6">
			<h2 id="video-heading" className="text-2xl font-semibold text-stone-900">
				Video
			</h2>
			<div className="rounded-xl border border-stone-200 bg-white p-5">
				<VideoUpload
					lessonId={lesson.id}
					onReady={() => {
						// The webhook filled in the video; show it unless the author has unsaved edits.
						if (!dirty) window.location.reload()
					}}
				/>
			</div>
			<p className="text-stone-700">Or give a video that is already hosted:</p>
			<div className="grid gap-6 sm:grid-cols-2">
				<TextField
					name="videoPlaybackId"
					label="Mux playback id"
					description="Letters and numbers, from your Mux dashboard."
					defaultValue={lesson.videoPlaybackId ?? ''}
					errors={errors.videoPlaybackId}
				/>
				<TextField
					name="videoSourceUrl"
					label="Video address"
					description="An https:// address of an MP4 file, or a /media/ path on this site."
					defaultValue={lesson.videoSourceUrl ?? ''}
					errors={errors.videoSourceUrl}
				/>
				<TextField
					name="videoDurationSeconds"
					label="Duration (seconds)"
					type="number"
					description="Needed for a video address; Mux uploads fill it in."
					defaultValue={lesson.videoDurationSeconds == null ? '' : String(lesson.videoDurationSeconds)}
					errors={errors.videoDurationSeconds}
				/>
				<TextField
					name="captionsUrl"
					label="Captions (WebVTT .vtt address)"
					description="Captions make the video accessible to deaf and hard-of-hearing learners."
					defaultValue={lesson.captionsUrl ?? ''}
					errors={errors.captionsUrl}
				/>
			</div>
			<TextAreaField
				name="transcript"
				label="Transcript (optional)"
				defaultValue={lesson.transcript ?? ''}
				rows={8}
				errors={errors.transcript}
			/>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
