import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { NewsPostForm } from '#app/components/news/post-form.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { getStudioPost, setPostStatus, ukDay, updatePost } from '#modules/news/posts.ts'
import { createNewsletterIssueFromPost } from '#modules/news/to-newsletter.ts'
import { NewsPostActionSchema, NewsPostSchema } from '#modules/news/schemas.ts'
import type { Route } from './+types/studio.news.$postId._index'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('studio.meta.edit', { ns: 'news', title: data?.post.title ?? t('studio.news', { ns: 'news' }) }),
		t('studio.meta.editDescription', { ns: 'news' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const post = await withDomainErrors(() => getStudioPost({ actorId: user.id, postId: params.postId }))
	return {
		post: {
			id: post.id,
			slug: post.slug,
			title: post.title,
			status: post.status,
			coverUrl: post.coverUrl,
			hasBeenPublished: post.publishedAt !== null,
		},
		defaults: {
			title: post.title,
			slug: post.slug,
			summary: post.summary,
			body: post.body,
			sectors: post.sectors,
			coverAlt: post.coverAlt,
			publishedOn: post.publishedAt ? ukDay(post.publishedAt) : undefined,
		},
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const formData = await request.formData()
	const now = new Date()
	if (formData.get('intent') === 'newsletter') {
		const { issueId } = await withDomainErrors(() =>
			createNewsletterIssueFromPost({ actorId: user.id, postId: params.postId }),
		)
		return redirect(`/studio/newsletters/${encodeURIComponent(issueId)}`)
	}
	if (formData.get('intent') === 'save') {
		const submission = parseWithZod(formData, { schema: NewsPostSchema })
		if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
		try {
			await updatePost({ actorId: user.id, postId: params.postId, input: submission.value, now })
		} catch (error) {
			return replyWithDomainError(submission, error)
		}
		return { result: submission.reply(), notice: 'saved' as const }
	}
	const submission = parseWithZod(formData, { schema: NewsPostActionSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
	try {
		const status = submission.value.intent === 'publish' ? 'PUBLISHED' : 'DRAFT'
		await setPostStatus({ actorId: user.id, postId: params.postId, status, now })
		return { result: undefined, notice: status === 'PUBLISHED' ? ('published' as const) : ('unpublished' as const) }
	} catch (error) {
		throwAsResponse(error)
	}
}

export default function EditNewsPostRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('news')
	const navigation = useNavigation()
	const [searchParams] = useSearchParams()
	const { post, defaults } = loaderData
	const notice: 'saved' | 'published' | 'unpublished' | 'created' | null =
		(actionData && 'notice' in actionData ? actionData.notice : null) ??
		(searchParams.get('created') ? 'created' : null)
	const busy = navigation.state === 'submitting'
	const published = post.status === 'PUBLISHED'
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/studio/news" className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.news')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900" lang="en">
				{post.title}
			</h1>
			<p className="mt-3 flex flex-wrap items-center gap-2 text-stone-700">
				<Badge tone={published ? 'success' : 'neutral'}>
					{t('studio.statusLine', { status: t(`studio.status.${post.status}`) })}
				</Badge>
			</p>
			<div aria-live="polite" className="mt-4">
				{notice ? <Notice tone="success" role="status" title={t(`studio.${notice}`)} /> : null}
			</div>
			<div className="mt-4 flex flex-wrap gap-3">
				<Form method="post">
					<input type="hidden" name="intent" value={published ? 'unpublish' : 'publish'} />
					<Button type="submit" variant={published ? 'secondary' : 'primary'} aria-disabled={busy || undefined}>
						{published ? t('studio.unpublish') : t('studio.publish')}
					</Button>
				</Form>
				<ButtonLink to={`/studio/news/${post.id}/preview`} variant="secondary">
					{t('studio.preview')}
				</ButtonLink>
				<ButtonLink to={`/studio/news/${post.id}/cover`} variant="secondary">
					{t('studio.coverLink')}
				</ButtonLink>
				<ButtonLink to={`/studio/news/${post.id}/welsh`} variant="secondary">
					{t('studio.welshLink')}
				</ButtonLink>
				<Form method="post">
					<input type="hidden" name="intent" value="newsletter" />
					<Button type="submit" variant="secondary" aria-disabled={busy || undefined}>
						{t('studio.toNewsletter')}
					</Button>
				</Form>
				{published ? (
					<ButtonLink to={`/news/${post.slug}`} variant="secondary">
						{t('studio.view')}
					</ButtonLink>
				) : null}
			</div>
			<NewsPostForm
				// A new key after a save resets the form to what was stored (a slug made from the title, say).
				key={`${post.id}-${defaults.slug}`}
				id="edit-post"
				defaultValue={defaults}
				lastResult={actionData?.result}
				submitLabel={t('studio.save')}
				showCoverAlt={post.coverUrl !== null}
				showPublishedOn={post.hasBeenPublished}
			/>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
