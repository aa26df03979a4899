import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { useCpdFormat } from '#app/components/cpd/use-cpd-format.ts'
import { metaT } from '#app/utils/i18n.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { deleteCpdEntry } from '#modules/portfolio/delete-cpd-entry.ts'
import { getCpdEntry } from '#modules/portfolio/get-cpd-entry.ts'
import { getPortfolioSettings } from '#modules/portfolio/get-portfolio-settings.ts'
import { CpdEntrySchema, CpdReflectionSchema } from '#modules/portfolio/schemas.ts'
import { updateCpdEntry } from '#modules/portfolio/update-cpd-entry.ts'
import { CpdEntryForm, entryFormDefaults } from '../cpd.new/cpd-entry-form.tsx'
import type { Route } from './+types/route'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data?.entry.title
			? t('edit.metaTitleEntry', { ns: 'cpd', title: data.entry.title })
			: t('edit.metaTitle', { ns: 'cpd' }),
		t('edit.metaDescription', { ns: 'cpd' }),
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	// Someone else's entry is a 404: the same answer as an entry that does not exist.
	const entry = await withDomainErrors(() => getCpdEntry({ userId: user.id, entryId: params.id }))
	const { registrationBody, rjcLevel, today } = await getPortfolioSettings({ userId: user.id })
	return {
		entry: {
			id: entry.id,
			source: entry.source,
			title: entry.title,
			date: entry.date,
			minutes: entry.minutes,
			certificateCode: entry.certificate?.code ?? null,
		},
		defaults: entryFormDefaults({ entry, registrationBody }),
		registrationBody,
		askRjc: rjcLevel !== null || entry.rjcApproved,
		today,
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const formData = await request.formData()
	const entry = await withDomainErrors(() => getCpdEntry({ userId: user.id, entryId: params.id }))
	if (formData.get('intent') === 'delete') {
		await withDomainErrors(() => deleteCpdEntry({ userId: user.id, entryId: entry.id }))
		throw redirect('/cpd?done=deleted')
	}
	const schema = entry.source !== 'MANUAL' ? CpdReflectionSchema : CpdEntrySchema
	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		await updateCpdEntry({ userId: user.id, entryId: entry.id, input: submission.value })
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	throw redirect('/cpd?done=saved')
}

export default function EditCpdEntryRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { entry } = loaderData
	const fromCertificate = entry.source !== 'MANUAL'
	const { t } = useTranslation('cpd')
	const f = useCpdFormat()
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/cpd" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
					{t('new.backLink')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">
				{fromCertificate ? t('edit.headingCertificate') : t('edit.heading')}
			</h1>
			{fromCertificate ? (
				<div className="mt-4 rounded-xl border border-stone-200 bg-white p-4">
					<p className="font-semibold text-stone-900">{entry.title}</p>
					<p className="mt-1 text-stone-700">
						{t('edit.completedLine', { date: f.date(entry.date), hours: f.cpdHours(entry.minutes) })}
						<span className="font-mono">{entry.certificateCode}</span>
					</p>
					<p className="mt-2 text-sm text-stone-600">{t('edit.fromCertificate')}</p>
				</div>
			) : null}
			<CpdEntryForm
				id="cpd-entry"
				kind={fromCertificate ? 'certificate' : 'manual'}
				defaultValue={loaderData.defaults}
				lastResult={actionData?.result}
				registrationBody={loaderData.registrationBody}
				askRjc={loaderData.askRjc}
				today={loaderData.today}
				submitLabel={t('edit.submit')}
			/>
			{fromCertificate ? null : (
				<section aria-labelledby="delete-heading" className="mt-12 rounded-xl border border-red-200 bg-red-50 p-5">
					<h2 id="delete-heading" className="text-lg font-bold text-red-900">
						{t('edit.deleteHeading')}
					</h2>
					<p className="mt-1 text-red-900">{t('edit.deleteText')}</p>
					<Form method="post" className="mt-4">
						<input type="hidden" name="intent" value="delete" />
						<Button type="submit" variant="danger">
							{t('edit.delete')}
						</Button>
					</Form>
				</section>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
