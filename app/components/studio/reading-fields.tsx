import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFetcher } from 'react-router'
import { TextareaField } from '#app/components/forms.tsx'
import { MarkdownContent } from '#app/components/learn/markdown-content.tsx'
import { useTranslateError } from '#app/utils/i18n.ts'
import type { FieldErrors } from './lesson-form.ts'
import { Trans } from '#app/utils/trans.tsx'

const PREVIEW_MS = 400

/**
 * The reading as learners will see it, in a box that scrolls. The box takes keyboard focus so that
 * people who do not use a mouse can scroll it too.
 */
export function ReadingPreview({ html, headingId }: { html: string; headingId: string }) {
	const { t } = useTranslation('studio')
	return (
		<div
			role="region"
			aria-labelledby={headingId}
			tabIndex={0}
			className="mt-1 max-h-[40rem] overflow-y-auto rounded-lg border border-stone-200 bg-white p-5"
		>
			{html.trim() ? (
				<MarkdownContent html={html} />
			) : (
				<p className="text-stone-600">{t('reading.nothingToPreview')}</p>
			)}
		</div>
	)
}

/** The Markdown of a reading lesson beside a live preview, rendered by the server as learners get it. */
export function ReadingFields({
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
	const { t } = useTranslation('studio')
	const translateError = useTranslateError()
	const { submit, data } = useFetcher<{ html?: string; message?: string }>()
	// null until the author types, so opening the editor asks for no preview.
	const [typed, setTyped] = useState<string | null>(null)
	useEffect(() => {
		if (typed === null) return
		const timer = window.setTimeout(() => {
			void submit({ markdown: typed }, { method: 'post', action: `/studio/courses/${courseId}/markdown-preview` })
		}, PREVIEW_MS)
		return () => window.clearTimeout(timer)
	}, [typed, submit, courseId])

	return (
		<section aria-labelledby="reading-heading" className="grid gap-6 lg:grid-cols-2">
			<h2 id="reading-heading" className="text-2xl font-semibold text-stone-900 lg:col-span-2">
				{t('reading.heading')}
			</h2>
			<TextareaField
				labelProps={{ children: t('reading.markdown') }}
				description={t('reading.markdownHint')}
				textareaProps={{
					id: 'field-markdown',
					name: 'markdown',
					rows: 22,
					defaultValue: markdown,
					onChange: (event) => setTyped(event.currentTarget.value),
					className: 'font-mono text-[0.95rem]',
				}}
				errors={errors.markdown}
			/>
			<div>
				<h3 id="reading-preview-heading" className="font-semibold text-stone-900">
					<Trans
						t={t}
						i18nKey="reading.preview"
						components={{ muted: <span className="font-normal text-stone-600" /> }}
					/>
				</h3>
				<ReadingPreview html={data?.html ?? html} headingId="reading-preview-heading" />
				{data?.message ? <p className="mt-2 text-sm text-red-800">{translateError(data.message)}</p> : null}
			</div>
		</section>
	)
}
