import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Link, redirect } from 'react-router'
import { HcpcEvidence } from '#app/components/hcpc-evidence.tsx'
import { LessonReflectionCard } from '#app/components/records/lesson-reflection-card.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { londonToday } from '#modules/portfolio/cpd-dates.ts'
import { getHcpcEvidence } from '#modules/reflective-records/hcpc.ts'
import { listLessonReflections, prefillFromReflection } from '#modules/reflective-records/lesson-reflections.ts'
import { getRecord, updateRecord } from '#modules/reflective-records/records.ts'
import { RECORD_SCHEMAS } from '#modules/reflective-records/schemas.ts'
import { HCPC_GAP_FIELD_ID, HcpcGapNotes, RecordForm } from './records.new.$kind/record-form.tsx'
import type { Route } from './+types/records.$id_.edit'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('edit.metaTitle', { ns: 'records' }), t('edit.metaDescription', { ns: 'records' }))
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const record = await withDomainErrors(() => getRecord({ userId: user.id, recordId: params.id }))
	const isHcpc = record.kind === 'HCPC_PROFILE'
	// An HCPC statement is built from several activities: pulling in a lesson reflection adds one
	// more activity at the end of what is already written.
	const reflectionId = isHcpc ? new URL(request.url).searchParams.get('reflection') : null
	const [pulled, hcpc, reflections] = await Promise.all([
		reflectionId
			? withDomainErrors(() =>
					prefillFromReflection({ userId: user.id, reflectionId: reflectionId.slice(0, 40), kind: record.kind }),
				)
			: null,
		isHcpc ? getHcpcEvidence({ userId: user.id }) : null,
		isHcpc ? listLessonReflections({ userId: user.id, limit: 20 }) : [],
	])
	const statement = [record.fields.statement, pulled?.statement].filter((part) => typeof part === 'string' && part)
	return {
		id: record.id,
		kind: record.kind,
		today: londonToday(),
		defaults: {
			...record.fields,
			...(isHcpc && statement.length ? { statement: statement.join('\n\n') } : {}),
			title: record.title,
			date: record.date,
			...(pulled
				? { sourceReflectionId: pulled.sourceReflectionId }
				: record.sourceReflectionId
					? { sourceReflectionId: record.sourceReflectionId }
					: {}),
		},
		pulled: Boolean(pulled),
		hcpc,
		reflections: reflections.map((r) => ({
			id: r.id,
			prompt: r.prompt,
			text: r.text.length > 240 ? `${r.text.slice(0, 240)}…` : r.text,
			courseTitle: r.courseTitle,
			updatedAt: r.updatedAt.toISOString(),
		})),
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
	const { id, kind, today, defaults, pulled, hcpc, reflections } = loaderData
	const { t } = useTranslation('records')
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link
					to={`/records/${id}`}
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					{t('edit.back')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">
				{t('edit.heading', { label: t(`kinds.${kind}`) })}
			</h1>
			{hcpc ? (
				<p className="mt-3 text-stone-700">
					{t('edit.hcpcNote')}
				</p>
			) : (
				<p className="mt-3 text-stone-700">
					{t('edit.partnerNote')}
				</p>
			)}
			{pulled ? (
				<p role="status" className="mt-4 rounded-lg bg-brand-50 p-3 text-brand-900">
					{t('edit.pulled')}
				</p>
			) : null}
			{hcpc ? <HcpcEvidence evidence={hcpc} explainHref={`#${HCPC_GAP_FIELD_ID}`} /> : null}
			<RecordForm
				key={String(defaults.sourceReflectionId ?? 'saved')}
				notes={hcpc ? { gapExplanation: <HcpcGapNotes gaps={hcpc.gaps} /> } : undefined}
				kind={kind}
				defaultValue={defaults}
				lastResult={actionData?.result}
				today={today}
				submitLabel={t('edit.save')}
				cancelTo={`/records/${id}`}
			/>
			{hcpc && reflections.length ? (
				<section aria-labelledby="reflections-heading" className="mt-10 border-t border-stone-200 pt-6">
					<h2 id="reflections-heading" className="text-xl font-bold text-stone-900">
						{t('edit.addHeading')}
					</h2>
					<p className="mt-2 text-stone-700">
						{t('edit.addNote')}
					</p>
					<ul className="mt-3 space-y-3">
						{reflections.map((r) => (
							<LessonReflectionCard
								key={r.id}
								reflection={r}
								to={`/records/${id}/edit?reflection=${r.id}`}
								action={t('edit.add')}
							/>
						))}
					</ul>
				</section>
			) : null}
		</Container>
	)
}
