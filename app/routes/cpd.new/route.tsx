import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Link, redirect } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { createCpdEntry } from '#modules/portfolio/create-cpd-entry.ts'
import { getPortfolioSettings } from '#modules/portfolio/get-portfolio-settings.ts'
import { CpdEntrySchema } from '#modules/portfolio/schemas.ts'
import type { Route } from './+types/route'
import { CpdEntryForm } from './cpd-entry-form.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data && 'error' in data ? t('new.metaTitleError', { ns: 'cpd' }) : t('new.metaTitle', { ns: 'cpd' }),
		t('new.metaDescription', { ns: 'cpd' }),
	)
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const { registrationBody, rjcLevel, today } = await getPortfolioSettings({ userId: user.id })
	return { registrationBody, askRjc: rjcLevel !== null, today }
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const submission = parseWithZod(await request.formData(), { schema: CpdEntrySchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		await createCpdEntry({ userId: user.id, input: submission.value })
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	throw redirect('/cpd?done=added')
}

export default function NewCpdEntryRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation('cpd')
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/cpd" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					{t('new.backLink')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{t('new.heading')}</h1>
			<p className="mt-3 text-lg text-stone-700">{t('new.intro')}</p>
			<CpdEntryForm
				id="cpd-entry"
				kind="manual"
				defaultValue={{}}
				lastResult={actionData?.result}
				registrationBody={loaderData.registrationBody}
				askRjc={loaderData.askRjc}
				today={loaderData.today}
				submitLabel={t('new.submit')}
			/>
		</Container>
	)
}
