import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Link, redirect } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { NewsletterIssueForm } from '#app/components/newsletter/issue-form.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { createNewsletterIssue } from '#modules/newsletter/issues.ts'
import { NewsletterIssueSchema } from '#modules/newsletter/schemas.ts'
import type { Route } from './+types/studio.newsletters.new'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('studio.newTitle', { ns: 'newsletter' }),
		t('studio.newDescription', { ns: 'newsletter' }),
		NOINDEX,
	)
}

export async function loader({ request }: Route.LoaderArgs) {
	await requireTrainer(request)
	return null
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const submission = parseWithZod(await request.formData(), { schema: NewsletterIssueSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	let issueId: string
	try {
		;({ issueId } = await createNewsletterIssue({ actorId: user.id, ...submission.value }))
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	return redirect(`/studio/newsletters/${issueId}`)
}

export default function NewNewsletterIssueRoute({ actionData }: Route.ComponentProps) {
	const { t } = useTranslation('newsletter')
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/studio/newsletters" className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.back')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{t('studio.newHeading')}</h1>
			<NewsletterIssueForm id="new-newsletter-issue" lastResult={actionData?.result} submitLabel={t('studio.create')} />
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
