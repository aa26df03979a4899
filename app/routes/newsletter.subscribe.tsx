import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import type { FooterHandle } from '#app/components/layout/site-footer.tsx'
import { NewsletterSignupForm } from '#app/components/newsletter/signup-form.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getLanguage, getT } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { NewsletterSignupSchema } from '#modules/newsletter/schemas.ts'
import { subscribeToNewsletter } from '#modules/newsletter/subscribe.ts'
import type { Route } from './+types/newsletter.subscribe'

// Where every "join the inner circle" form posts. With JavaScript the footer's or home page's form
// stays in place (a fetcher); without, the browser lands here and sees the same form and answer.

// The page is the form: the footer's copy of it would be a second "Join the inner circle".
export const handle: FooterHandle = { footerSignup: false }

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('subscribePage.title', { ns: 'newsletter' }), t('subscribePage.description', { ns: 'newsletter' }))
}

export async function action({ request, context }: Route.ActionArgs) {
	const submission = parseWithZod(await request.formData(), { schema: NewsletterSignupSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const t = await getT(request)
	try {
		// The answer is the same whatever happened (new, pending, already confirmed): the form must not
		// tell anyone whether an address is on the list.
		await subscribeToNewsletter({
			input: submission.value,
			wording: t('signup.consent', { ns: 'newsletter-signup' }),
			ipAddress: context.clientIp,
			language: await getLanguage(request),
			now: new Date(),
		})
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	return { result: submission.reply({ resetForm: true }), done: true }
}

export default function NewsletterSubscribeRoute({ actionData }: Route.ComponentProps) {
	return (
		<Container width="prose" className="py-12 sm:py-16">
			<NewsletterSignupForm
				source="footer"
				instance="page"
				headingLevel={1}
				lastResult={actionData ?? null}
				className="border border-stone-200"
			/>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
