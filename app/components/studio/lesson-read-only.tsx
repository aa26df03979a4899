import type { ReactNode } from 'react'
import type { EditorLesson } from '#modules/authoring/lesson-content.ts'
import { ReadingPreview } from './reading-fields.tsx'

const QUESTION_KIND_LABELS: Record<EditorLesson['questions'][number]['kind'], string> = {
	SINGLE: 'Single choice',
	MULTIPLE: 'Multiple choice',
	REFLECTION: 'Reflection (not marked)',
	SCALE: 'Self-rating scale (not marked)',
}

function Facts({ items }: { items: Array<[string, ReactNode]> }) {
	return (
		<dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
			{items.map(([term, value]) => (
				<div key={term} className="contents">
					<dt className="font-semibold text-stone-900">{term}</dt>
					<dd className="break-words text-stone-800">{value}</dd>
				</div>
			))}
		</dl>
	)
}

const none = <span className="text-stone-600">None</span>

/**
 * A lesson of a published version, shown as it stands (published versions are never edited), so
 * that the author can read it, copy from it, and check what learners are following.
 */
export function LessonReadOnly({ lesson, html }: { lesson: EditorLesson; html: string | null }) {
	return (
		<div className="mt-8 space-y-8">
			<section aria-labelledby="settings-heading">
				<h2 id="settings-heading" className="text-2xl font-semibold text-stone-900">
					Lesson settings
				</h2>
				<div className="mt-4">
					<Facts
						items={[
							['Title', lesson.title],
							['Minutes to complete', lesson.estimatedMinutes],
							['Required to complete the course', lesson.required ? 'Yes' : 'No'],
						]}
					/>
				</div>
			</section>

			{lesson.kind === 'READING' ? (
				<section aria-labelledby="reading-heading">
					<h2 id="reading-heading" className="text-2xl font-semibold text-stone-900">
						Reading
					</h2>
					<ReadingPreview html={html ?? ''} headingId="reading-heading" />
				</section>
			) : null}

			{lesson.kind === 'VIDEO' ? (
				<section aria-labelledby="video-heading" className="space-y-4">
					<h2 id="video-heading" className="text-2xl font-semibold text-stone-900">
						Video
					</h2>
					<Facts
						items={[
							['Mux playback id', lesson.videoPlaybackId ?? none],
							['Video address', lesson.videoSourceUrl ?? none],
							['Duration (seconds)', lesson.videoDurationSeconds ?? none],
							['Captions', lesson.captionsUrl ?? none],
						]}
					/>
					<h3 className="font-semibold text-stone-900">Transcript</h3>
					{lesson.transcript ? (
						<p className="whitespace-pre-line text-stone-800">{lesson.transcript}</p>
					) : (
						<p className="text-stone-600">No transcript.</p>
					)}
				</section>
			) : null}

			{lesson.kind === 'QUIZ' ? (
				<section aria-labelledby="quiz-heading" className="space-y-4">
					<h2 id="quiz-heading" className="text-2xl font-semibold text-stone-900">
						Quiz
					</h2>
					<Facts
						items={[
							['Pass mark', `${lesson.passMark ?? 70}%`],
							['Maximum attempts', lesson.maxAttempts ?? 'Unlimited'],
						]}
					/>
					{lesson.questions.length === 0 ? <p className="text-stone-700">No questions.</p> : null}
					<ol className="space-y-4">
						{lesson.questions.map((q, i) => (
							<li key={q.id} className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
								<h3 className="font-semibold text-stone-900">
									<span className="block text-sm font-medium text-stone-600">
										Question {i + 1} · {QUESTION_KIND_LABELS[q.kind]}
									</span>
									{q.prompt}
								</h3>
								{q.guidance ? <p className="mt-2 text-stone-700">{q.guidance}</p> : null}
								{q.options.length ? (
									<ul className="mt-3 space-y-2">
										{q.options.map((o) => (
											<li key={o.id} className="text-stone-800">
												{o.text}
												{o.isCorrect ? <strong className="ml-2 text-green-800">(right answer)</strong> : null}
												{o.feedback ? (
													<span className="block text-sm text-stone-600">Feedback: {o.feedback}</span>
												) : null}
											</li>
										))}
									</ul>
								) : null}
								{q.kind === 'SCALE' ? (
									<p className="mt-2 text-stone-700">
										From {q.scaleMin} ({q.scaleMinLabel ?? 'no label'}) to {q.scaleMax} ({q.scaleMaxLabel ?? 'no label'}
										)
									</p>
								) : null}
								{q.explanation ? <p className="mt-2 text-stone-700">Explanation: {q.explanation}</p> : null}
							</li>
						))}
					</ol>
				</section>
			) : null}
		</div>
	)
}
