import { useTranslation } from 'react-i18next'
import { Field, TextareaField } from '#app/components/forms.tsx'
import type { EditorLesson } from '#modules/authoring/lesson-content.ts'
import type { FieldErrors } from './lesson-form.ts'
import { VideoUpload } from './video-upload.tsx'

/** A video lesson's source: a Mux upload, or a video hosted elsewhere with its duration and captions. */
export function VideoFields({
	lesson,
	errors,
	unsaved,
}: {
	lesson: EditorLesson
	errors: FieldErrors
	unsaved: boolean
}) {
	const { t } = useTranslation('studio')
	return (
		<section aria-labelledby="video-heading" className="space-y-6">
			<h2 id="video-heading" className="text-2xl font-semibold text-stone-900">
				{t('videoFields.heading')}
			</h2>
			<div className="rounded-xl border border-stone-200 bg-white p-5">
				<VideoUpload
					lessonId={lesson.id}
					onReady={() => {
						// The webhook filled in the video; show it unless the author has unsaved edits.
						if (!unsaved) window.location.reload()
					}}
				/>
			</div>
			<p className="text-stone-700">{t('videoFields.orHosted')}</p>
			<div className="grid gap-6 sm:grid-cols-2">
				<Field
					labelProps={{ children: t('videoFields.playbackId') }}
					description={t('videoFields.playbackIdHint')}
					inputProps={{
						id: 'field-videoPlaybackId',
						name: 'videoPlaybackId',
						defaultValue: lesson.videoPlaybackId ?? '',
					}}
					errors={errors.videoPlaybackId}
				/>
				<Field
					labelProps={{ children: t('videoFields.sourceUrl') }}
					description={t('videoFields.sourceUrlHint')}
					inputProps={{ id: 'field-videoSourceUrl', name: 'videoSourceUrl', defaultValue: lesson.videoSourceUrl ?? '' }}
					errors={errors.videoSourceUrl}
				/>
				<Field
					labelProps={{ children: t('videoFields.duration') }}
					description={t('videoFields.durationHint')}
					inputProps={{
						id: 'field-videoDurationSeconds',
						name: 'videoDurationSeconds',
						type: 'number',
						inputMode: 'numeric',
						defaultValue: lesson.videoDurationSeconds == null ? '' : String(lesson.videoDurationSeconds),
					}}
					errors={errors.videoDurationSeconds}
				/>
				<Field
					labelProps={{ children: t('videoFields.captions') }}
					description={t('videoFields.captionsHint')}
					inputProps={{ id: 'field-captionsUrl', name: 'captionsUrl', defaultValue: lesson.captionsUrl ?? '' }}
					errors={errors.captionsUrl}
				/>
			</div>
			<TextareaField
				labelProps={{ children: t('videoFields.transcript') }}
				textareaProps={{ id: 'field-transcript', name: 'transcript', rows: 8, defaultValue: lesson.transcript ?? '' }}
				errors={errors.transcript}
			/>
		</section>
	)
}
