import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { Field } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithProblem, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { BodyTooLargeError, limitBody } from '#app/utils/upload.server.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { getStudioPost, removePostCover, setPostCover } from '#modules/news/posts.ts'
import { COVER_MAX, COVER_MAX_BYTES, COVER_MIN } from '#modules/storage/cover-rules.ts'
import type { Route } from './+types/studio.news.$postId.cover'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('studio.meta.cover', { ns: 'news', title: data?.post.title ?? '' }),
		t('studio.meta.editDescription', { ns: 'news' }),
		NOINDEX,
	)
}

/** Room for the multipart boundaries and the other fields around a file of the maximum size. */
const MAX_BODY_BYTES = COVER_MAX_BYTES + 64 * 1024

function formError(message: string, status: number, field: string | null = 'cover') {
	return data({ ok: false as const, message, field }, { status })
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const post = await withDomainErrors(() => getStudioPost({ actorId: user.id, postId: params.postId }))
	return { post: { id: post.id, title: post.title, coverUrl: post.coverUrl, coverAlt: post.coverAlt } }
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const t = await getT(request)
	const postId = params.postId
	const now = new Date()
	const contentType = request.headers.get('Content-Type') ?? ''
	try {
		if (!contentType.startsWith('multipart/form-data')) {
			const form = await request.formData()
			if (form.get('intent') !== 'remove') return formError(t('studio.cover.choose', { ns: 'news' }), 400)
			await removePostCover({ actorId: user.id, postId, now })
			return data({ ok: true as const, message: t('studio.cover.removed', { ns: 'news' }) })
		}
		// Refuse oversized uploads before reading a byte of them.
		const declared = request.headers.get('Content-Length')
		if (declared === null) return formError(t('studio.cover.noLength', { ns: 'news' }), 411)
		if (!/^\d+$/.test(declared) || Number(declared) > MAX_BODY_BYTES) {
			return formError(t('studio.cover.tooLarge', { ns: 'news' }), 413)
		}
		let form: FormData
		try {
			form = await limitBody(request, MAX_BODY_BYTES).formData()
		} catch (error) {
			if (error instanceof BodyTooLargeError || (error as Error)?.cause instanceof BodyTooLargeError) {
				return formError(t('studio.cover.tooLarge', { ns: 'news' }), 413)
			}
			return formError(t('studio.cover.unreadable', { ns: 'news' }), 400)
		}
		const file = form.get('cover')
		if (!(file instanceof Blob) || file.size === 0) return formError(t('studio.cover.choose', { ns: 'news' }), 400)
		const coverAlt = String(form.get('coverAlt') ?? '')
		await setPostCover({ actorId: user.id, postId, file, coverAlt, now })
		return data({ ok: true as const, message: t('studio.cover.saved', { ns: 'news' }) })
	} catch (error) {
		if (isDomainError(error) && error.kind === 'invalid') return replyWithProblem(error, {})
		throwAsResponse(error)
	}
}

export default function NewsCoverRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('news')
	const { post } = loaderData
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const failure = actionData && !actionData.ok ? actionData : null
	return (
		<Container width="prose" className="py-10">
			<p>
				<Link to={`/studio/news/${post.id}`} className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.backToEdit')}
				</Link>
			</p>
			<h1 className="mt-2 text-3xl font-bold text-stone-900">{t('studio.cover.heading')}</h1>
			<p className="mt-2 text-stone-700">{t('studio.cover.lead', { title: post.title })}</p>

			<div aria-live="polite" className="mt-6">
				{actionData?.ok ? <Notice tone="success" role="status" title={actionData.message} /> : null}
			</div>
			{failure && !failure.field ? (
				<Notice tone="error" role="alert" title={t('studio.cover.notChanged')} className="mt-2">
					{failure.message}
				</Notice>
			) : null}

			<section aria-labelledby="current-cover" className="mt-6">
				<h2 id="current-cover" className="text-xl font-semibold text-stone-900">
					{t('studio.cover.current')}
				</h2>
				{post.coverUrl ? (
					<img
						src={post.coverUrl}
						alt={post.coverAlt}
						lang="en"
						className="mt-3 aspect-[1.91/1] w-full rounded-2xl border border-stone-200 object-cover"
					/>
				) : (
					<p className="mt-2 text-stone-700">{t('studio.cover.none')}</p>
				)}
			</section>

			<Form method="post" encType="multipart/form-data" className="mt-8 space-y-4" aria-labelledby="upload-cover">
				<h2 id="upload-cover" className="text-xl font-semibold text-stone-900">
					{t('studio.cover.upload')}
				</h2>
				<Field
					labelProps={{ children: t('studio.cover.file') }}
					description={t('studio.cover.fileHint', {
						minWidth: COVER_MIN.width,
						minHeight: COVER_MIN.height,
						maxWidth: COVER_MAX.width,
						maxHeight: COVER_MAX.height,
					})}
					errors={failure?.field === 'cover' ? [failure.message] : undefined}
					inputProps={{
						id: 'cover',
						name: 'cover',
						type: 'file',
						required: true,
						accept: 'image/png,image/jpeg,image/webp',
						className:
							'file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-brand-700 file:bg-white file:px-4 file:font-semibold file:text-brand-700',
					}}
				/>
				<Field
					labelProps={{ children: t('studio.cover.alt') }}
					description={t('studio.cover.altHint')}
					errors={failure?.field === 'coverAlt' ? [failure.message] : undefined}
					inputProps={{ id: 'coverAlt', name: 'coverAlt', type: 'text', required: true, defaultValue: post.coverAlt }}
				/>
				<Button type="submit" aria-disabled={busy || undefined}>
					{busy ? t('studio.cover.uploading') : t('studio.cover.submit')}
				</Button>
			</Form>

			{post.coverUrl ? (
				<Form method="post" className="mt-8">
					<input type="hidden" name="intent" value="remove" />
					<Button type="submit" variant="secondary" aria-disabled={busy || undefined}>
						{t('studio.cover.remove')}
					</Button>
				</Form>
			) : null}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
