// The studio's Welsh editor (ADR 0041): each text of a course version with its English, read-only,
// beside a field for its Welsh. Empty Welsh is removed on saving, and learners see the English.
import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { CourseTranslationsSchema } from '#modules/authoring/schemas.ts'
import type { TranslatableText } from '#modules/authoring/course-translations.ts'

/** Texts that are one line in English get a one-line field for their Welsh. */
const SINGLE_LINE = new Set(['title', 'text', 'scaleMinLabel', 'scaleMaxLabel'])
const HIDDEN = { type: 'hidden' } as const

/** What a text is, as a label: "Lesson title", "Module 2 summary", "Question 1, option 3". */
export function useTextLabel() {
	const { t } = useTranslation('studio')
	return (text: TranslatableText) => {
		const n = { number: text.number ?? 0, question: text.questionNumber ?? 0 }
		switch (`${text.kind}.${text.field}`) {
			case 'course.title':
				return t('welsh.fields.courseTitle')
			case 'course.summary':
				return t('welsh.fields.courseSummary')
			case 'course.description':
				return t('welsh.fields.courseDescription')
			case 'module.title':
				return t('welsh.fields.moduleTitle', n)
			case 'module.summary':
				return t('welsh.fields.moduleSummary', n)
			case 'lesson.title':
				return t('welsh.fields.lessonTitle')
			case 'lesson.markdown':
				return t('welsh.fields.lessonMarkdown')
			case 'lesson.transcript':
				return t('welsh.fields.lessonTranscript')
			case 'question.prompt':
				return t('welsh.fields.questionPrompt', n)
			case 'question.guidance':
				return t('welsh.fields.questionGuidance', n)
			case 'question.explanation':
				return t('welsh.fields.questionExplanation', n)
			case 'question.scaleMinLabel':
				return t('welsh.fields.questionScaleMin', n)
			case 'question.scaleMaxLabel':
				return t('welsh.fields.questionScaleMax', n)
			case 'option.text':
				return t('welsh.fields.optionText', n)
			default:
				return t('welsh.fields.optionFeedback', n)
		}
	}
}

/** The English of one text, read-only, in a box marked as English. */
function EnglishText({ label, text }: { label: string; text: string }) {
	const { t } = useTranslation('studio')
	return (
		<div>
			<p className="font-semibold text-stone-900">{t('welsh.inEnglish', { label })}</p>
			<div
				lang="en"
				className="mt-2 rounded-md border border-stone-200 bg-stone-50 px-3 py-2 leading-relaxed break-words whitespace-pre-wrap text-stone-800"
			>
				{text}
			</div>
		</div>
	)
}

/** A published version's texts: English and Welsh side by side, nothing to edit. */
export function WelshTextsReadOnly({ texts }: { texts: TranslatableText[] }) {
	const { t } = useTranslation('studio')
	const label = useTextLabel()
	return (
		<dl className="mt-6 divide-y divide-stone-200 border-y border-stone-200">
			{texts.map((text) => (
				<div key={text.key} className="grid gap-4 py-5 sm:grid-cols-2">
					<dt>
						<EnglishText label={label(text)} text={text.english} />
					</dt>
					<dd>
						<p className="font-semibold text-stone-900">{t('welsh.inWelsh', { label: label(text) })}</p>
						{text.welsh ? (
							<div
								lang="cy"
								className="mt-2 rounded-md border border-stone-200 px-3 py-2 leading-relaxed break-words whitespace-pre-wrap text-stone-800"
							>
								{text.welsh}
							</div>
						) : (
							<p className="mt-2 text-stone-600 italic">{t('welsh.noWelsh')}</p>
						)}
					</dd>
				</div>
			))}
		</dl>
	)
}

export type WelshActionData = { result?: SubmissionResult<string[]>; saved: boolean; nonce?: string } | undefined

/** The draft's texts with a field for each one's Welsh, saved together. */
export function WelshTextsForm({
	id,
	versionId,
	texts,
	actionData,
}: {
	id: string
	versionId: string
	texts: TranslatableText[]
	actionData: WelshActionData
}) {
	const { t } = useTranslation('studio')
	const label = useTextLabel()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id,
		lastResult: actionData?.result,
		defaultValue: { versionId, texts: texts.map((text) => ({ key: text.key, text: text.welsh })) },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CourseTranslationsSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const items = fields.texts.getFieldList()
	const savedRef = useRef<HTMLDivElement>(null)
	// Saving keeps the page where it is: the confirmation takes focus so that it is heard and seen.
	useEffect(() => {
		if (actionData?.saved) savedRef.current?.focus()
	}, [actionData?.saved, actionData?.nonce])
	const translated = texts.filter((text) => text.welsh.trim() !== '').length
	return (
		<>
			<div aria-live="polite">
				{actionData?.saved ? (
					<Notice tone="success" role="status" id={`${id}-saved`} className="mt-6" title={t('welsh.saved.title')}>
						<div ref={savedRef} tabIndex={-1} className="outline-none">
							{t('welsh.saved.body', { translated, total: texts.length })}
						</div>
					</Notice>
				) : null}
			</div>
			<Form method="post" className="mt-6" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input {...getInputProps(fields.versionId, HIDDEN)} />
				<div className="divide-y divide-stone-200 border-y border-stone-200">
					{items.map((item, index) => {
						const text = texts[index]
						if (!text) return null
						const { key: keyField, text: textField } = item.getFieldset()
						const name = label(text)
						const welshLabel = t('welsh.inWelsh', { label: name })
						return (
							<div key={text.key} className="grid gap-4 py-5 sm:grid-cols-2">
								<EnglishText label={name} text={text.english} />
								<div>
									<input {...getInputProps(keyField, HIDDEN)} />
									{SINGLE_LINE.has(text.field) ? (
										<Field
											labelProps={{ children: welshLabel }}
											inputProps={{ ...getInputProps(textField, { type: 'text' }), lang: 'cy', autoComplete: 'off' }}
											errors={textField.errors}
										/>
									) : (
										<TextareaField
											labelProps={{ children: welshLabel }}
											textareaProps={{
												...getTextareaProps(textField),
												lang: 'cy',
												rows: Math.min(20, Math.max(4, text.english.split('\n').length + 1)),
											}}
											errors={textField.errors}
										/>
									)}
								</div>
							</div>
						)
					})}
				</div>
				<p className="mt-4 text-sm text-stone-600">{t('welsh.emptyFallsBack')}</p>
				<SubmitButton className="mt-4" pending={navigation.state === 'submitting'} pendingText={t('welsh.saving')}>
					{t('welsh.save')}
				</SubmitButton>
			</Form>
		</>
	)
}
