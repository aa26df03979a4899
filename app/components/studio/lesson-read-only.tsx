import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditorLesson } from '#modules/authoring/lesson-content.ts'
import { ReadingPreview } from './reading-fields.tsx'

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

/**
 * A lesson of a published version, shown as it stands (published versions are never edited), so
 * that the author can read it, copy from it, and check what learners are following.
 */
export function LessonReadOnly({ lesson, html }: { lesson: EditorLesson; html: string | null }) {
	const { t } = useTranslation('studio')
	const none = <span className="text-stone-600">{t('readOnly.none')}</span>
	return (
		<div className="mt-8 space-y-8">
			<section aria-labelledby="settings-heading">
				<h2 id="settings-heading" className="text-2xl font-semibold text-stone-900">
					{t('lessonEditor.settings')}
				</h2>
				<div className="mt-4">
					<Facts
						items={[
							[t('lessonEditor.title'), lesson.title],
							[t('lessonEditor.minutes'), lesson.estimatedMinutes],
							[t('lessonEditor.required'), lesson.required ? t('readOnly.yes') : t('readOnly.no')],
						]}
					/>
				</div>
			</section>

			{lesson.kind === 'READING' ? (
				<section aria-labelledby="reading-heading">
					<h2 id="reading-heading" className="text-2xl font-semibold text-stone-900">
						{t('readOnly.reading')}
					</h2>
					<ReadingPreview html={html ?? ''} headingId="reading-heading" />
				</section>
			) : null}

			{lesson.kind === 'VIDEO' ? (
				<section aria-labelledby="video-heading" className="space-y-4">
					<h2 id="video-heading" className="text-2xl font-semibold text-stone-900">
						{t('readOnly.video')}
					</h2>
					<Facts
						items={[
							[t('videoFields.playbackId'), lesson.videoPlaybackId ?? none],
							[t('videoFields.sourceUrl'), lesson.videoSourceUrl ?? none],
							[t('videoFields.duration'), lesson.videoDurationSeconds ?? none],
							[t('videoFields.captionsShort'), lesson.captionsUrl ?? none],
						]}
					/>
					<h3 className="font-semibold text-stone-900">{t('readOnly.transcript')}</h3>
					{lesson.transcript ? (
						<p className="whitespace-pre-line text-stone-800">{lesson.transcript}</p>
					) : (
						<p className="text-stone-600">{t('readOnly.noTranscript')}</p>
					)}
				</section>
			) : null}

			{lesson.kind === 'QUIZ' ? (
				<section aria-labelledby="quiz-heading" className="space-y-4">
					<h2 id="quiz-heading" className="text-2xl font-semibold text-stone-900">
						{t('readOnly.quiz')}
					</h2>
					<Facts
						items={[
							[t('readOnly.passMark'), `${lesson.passMark ?? 70}%`],
							[t('readOnly.maxAttempts'), lesson.maxAttempts ?? t('readOnly.unlimited')],
						]}
					/>
					{lesson.questions.length === 0 ? <p className="text-stone-700">{t('readOnly.noQuestions')}</p> : null}
					<ol className="space-y-4">
						{lesson.questions.map((q, i) => (
							<li key={q.id} className="rounded-xl border border-stone-200 bg-white p-4 sm:p-5">
								<h3 className="font-semibold text-stone-900">
									<span className="block text-sm font-medium text-stone-600">
										{t('readOnly.questionHeading', {
											number: i + 1,
											kind: t(`readOnly.questionKind.${q.kind}`),
										})}
									</span>
									{q.prompt}
								</h3>
								{q.guidance ? <p className="mt-2 text-stone-700">{q.guidance}</p> : null}
								{q.options.length ? (
									<ul className="mt-3 space-y-2">
										{q.options.map((o) => (
											<li key={o.id} className="text-stone-800">
												{o.text}
												{o.isCorrect ? <strong className="ml-2 text-green-800">{t('readOnly.rightAnswer')}</strong> : null}
												{o.feedback ? (
													<span className="block text-sm text-stone-600">
														{t('readOnly.feedback', { feedback: o.feedback })}
													</span>
												) : null}
											</li>
										))}
									</ul>
								) : null}
								{q.kind === 'SCALE' ? (
									<p className="mt-2 text-stone-700">
										{t('readOnly.scale', {
											min: q.scaleMin,
											max: q.scaleMax,
											minLabel: q.scaleMinLabel ?? t('readOnly.noLabel'),
											maxLabel: q.scaleMaxLabel ?? t('readOnly.noLabel'),
										})}
									</p>
								) : null}
								{q.explanation ? <p className="mt-2 text-stone-700">{t('readOnly.explanation', { explanation: q.explanation })}</p> : null}
							</li>
						))}
					</ol>
				</section>
			) : null}
		</div>
	)
}
