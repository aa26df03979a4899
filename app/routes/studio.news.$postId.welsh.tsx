import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton, TextareaField } from '#app/components/forms.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { getStudioPost, saveWelshPost } from '#modules/news/posts.ts'
import { NEWS_SUMMARY_MAX, NewsPostWelshSchema } from '#modules/news/schemas.ts'
import type { Route } from './+types/studio.news.$postId.welsh'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('studio.welsh.meta', { ns: 'news', title: data?.english.title ?? '' }),
		t('studio.welsh.metaDescription', { ns: 'news' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const post = await withDomainErrors(() => getStudioPost({ actorId: user.id, postId: params.postId }))
	return {
		postId: post.id,
		english: { title: post.title, summary: post.summary, body: post.body },
		welsh: post.welsh ?? { title: '', summary: '', body: '' },
		hasWelsh: post.welsh !== null,
	}
}

/** Saves (or, all fields empty, removes) the post's Welsh version. Trainers and admins only. */
export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const submission = parseWithZod(await request.formData(), { schema: NewsPostWelshSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
	try {
		const { removed } = await saveWelshPost({
			actorId: user.id,
			postId: params.postId,
			input: submission.value,
			now: new Date(),
		})
		return { result: submission.reply(), notice: removed ? ('removed' as const) : ('saved' as const) }
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

export default function WelshNewsPostRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('news')
	const navigation = useNavigation()
	const { postId, english, welsh } = loaderData
	const [form, fields] = useForm({
		id: 'welsh-post',
		lastResult: actionData?.result,
		defaultValue: welsh,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: NewsPostWelshSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	const notice = actionData && 'notice' in actionData ? actionData.notice : null
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to={`/studio/news/${postId}`} className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.welsh.back')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{t('studio.welsh.heading')}</h1>
			<p className="mt-3 max-w-prose text-stone-700">{t('studio.welsh.lead')}</p>
			<div aria-live="polite" className="mt-4">
				{notice ? <Notice tone="success" role="status" title={t(`studio.welsh.${notice}`)} /> : null}
			</div>
			<div className="mt-8 grid gap-10 lg:grid-cols-2">
				<section aria-labelledby="english-heading" className="order-2 lg:order-1">
					<h2 id="english-heading" className="text-xl font-bold text-stone-900">
						{t('studio.welsh.english')}
					</h2>
					<dl className="mt-4 space-y-4" lang="en">
						<div>
							<dt className="font-semibold text-stone-600">{t('studio.fields.title')}</dt>
							<dd className="mt-1 text-stone-900">{english.title}</dd>
						</div>
						<div>
							<dt className="font-semibold text-stone-600">{t('studio.fields.summary')}</dt>
							<dd className="mt-1 whitespace-pre-line text-stone-900">{english.summary}</dd>
						</div>
						<div>
							<dt className="font-semibold text-stone-600">{t('studio.fields.body')}</dt>
							<dd className="mt-1 rounded-lg bg-stone-50 p-3 font-mono text-sm whitespace-pre-wrap text-stone-900">
								{english.body}
							</dd>
						</div>
					</dl>
				</section>
				<Form
					method="post"
					className="order-1 space-y-6 lg:order-2"
					{...getFormProps(form)}
					aria-labelledby="welsh-heading"
				>
					<h2 id="welsh-heading" className="text-xl font-bold text-stone-900">
						{t('studio.welsh.welsh')}
					</h2>
					<FormErrors id={form.errorId} errors={form.errors} title={t('studio.problem')} />
					<Field
						labelProps={{ children: t('studio.welsh.title') }}
						inputProps={{ ...getInputProps(fields.title, { type: 'text' }), autoComplete: 'off', lang: 'cy' }}
						errors={fields.title.errors}
					/>
					<TextareaField
						labelProps={{ children: t('studio.welsh.summary') }}
						description={t('studio.fields.summaryHint', { max: NEWS_SUMMARY_MAX })}
						textareaProps={{ ...getTextareaProps(fields.summary), rows: 3, lang: 'cy' }}
						errors={fields.summary.errors}
					/>
					<TextareaField
						labelProps={{ children: t('studio.welsh.body') }}
						description={t('studio.fields.bodyHint')}
						textareaProps={{ ...getTextareaProps(fields.body), rows: 18, className: 'font-mono text-base', lang: 'cy' }}
						errors={fields.body.errors}
					/>
					<p className="text-stone-700">{t('studio.welsh.removeHint')}</p>
					<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('studio.saving')}>
						{t('studio.welsh.save')}
					</SubmitButton>
				</Form>
			</div>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
