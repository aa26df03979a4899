import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { londonToday } from '#modules/portfolio/cpd-dates.ts'
import { getRecord, updateRecord } from '#modules/reflective-records/records.ts'
import { RECORD_KIND_INFO, RECORD_SCHEMAS } from '#modules/reflective-records/schemas.ts'
import { RecordForm } from './records.new.$kind/record-form.tsx'
import type { Route } from './+types/records.$id_.edit'

export const meta: Route.MetaFunction = () => pageMeta('Edit record | Circle', 'Change one of your reflective records.')

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const record = await withDomainErrors(() => getRecord({ userId: user.id, recordId: params.id }))
	return {
		id: record.id,
		kind: record.kind,
		today: londonToday(),
		defaults: {
			...record.fields,
			title: record.title,
			date: record.date,
			...(record.sourceReflectionId ? { sourceReflectionId: record.sourceReflectionId } : {}),
		},
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const { kind } = await withDomainErrors(() => getRecord({ userId: user.id, recordId: params.id }))
	const submission = parseWithZod(await request.formData(), { schema: RECORD_SCHEMAS[kind] })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		await updateRecord({ userId: user.id, recordId: params.id, input: submission.value })
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	throw redirect(`/records/${params.id}`)
}

export default function EditRecordRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { id, kind, today, defaults } = loaderData
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link
					to={`/records/${id}`}
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					Back to the record
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">
				Edit{' '}
				{RECORD_KIND_INFO[kind].label
					.toLowerCase()
					.replace(/^nmc/, 'NMC')
					.replace(/^social work england/, 'Social Work England')}
			</h1>
			<p className="mt-3 text-stone-700">
				If you change your partner’s email address, the old link stops working and we email a new one.
			</p>
			<RecordForm
				kind={kind}
				defaultValue={defaults}
				lastResult={actionData?.result}
				today={today}
				submitLabel="Save changes"
				cancelTo={`/records/${id}`}
			/>
		</Container>
	)
}
