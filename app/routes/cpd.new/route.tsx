import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { createCpdEntry } from '#modules/portfolio/create-cpd-entry.ts'
import { getPortfolioSettings } from '#modules/portfolio/get-portfolio-settings.ts'
import { CpdEntrySchema } from '#modules/portfolio/schemas.ts'
import type { Route } from './+types/route'
import { CpdEntryForm } from './cpd-entry-form.tsx'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`${data && 'error' in data ? 'Error: ' : ''}Add CPD activity | Circle`,
		'Add a CPD activity to your portfolio: what you did, when, for how long and what you learned.',
	)

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
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/cpd" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					CPD portfolio
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">Add CPD activity</h1>
			<p className="mt-3 text-lg text-stone-700">
				Record learning you did outside Circle, such as a conference, supervision or reading, so that your portfolio has
				everything in one place.
			</p>
			<CpdEntryForm
				id="cpd-entry"
				kind="manual"
				defaultValue={{}}
				lastResult={actionData?.result}
				registrationBody={loaderData.registrationBody}
				askRjc={loaderData.askRjc}
				today={loaderData.today}
				submitLabel="Add to portfolio"
			/>
		</Container>
	)
}
