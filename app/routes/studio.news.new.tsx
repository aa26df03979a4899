import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Link, redirect } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { NewsPostForm } from '#app/components/news/post-form.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { createPost } from '#modules/news/posts.ts'
import { NewsPostSchema } from '#modules/news/schemas.ts'
import type { Route } from './+types/studio.news.new'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('studio.meta.new', { ns: 'news' }), t('studio.meta.newDescription', { ns: 'news' }), NOINDEX)
}

export async function loader({ request }: Route.LoaderArgs) {
	await requireTrainer(request)
	return null
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const submission = parseWithZod(await request.formData(), { schema: NewsPostSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	let postId: string
	try {
		;({ postId } = await createPost({ actorId: user.id, input: submission.value, now: new Date() }))
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	return redirect(`/studio/news/${postId}?created=1`)
}

export default function NewNewsPostRoute({ actionData }: Route.ComponentProps) {
	const { t } = useTranslation('news')
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/studio/news" className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.news')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{t('studio.newHeading')}</h1>
			<p className="mt-3 text-lg text-stone-700">{t('studio.newLead')}</p>
			<NewsPostForm id="new-post" defaultValue={{}} lastResult={actionData?.result} submitLabel={t('studio.create')} />
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
