import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import { HcpcEvidence } from '#app/components/hcpc-evidence.tsx'
import { LessonReflectionCard } from '#app/components/records/lesson-reflection-card.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { londonToday } from '#modules/portfolio/cpd-dates.ts'
import { listLessonReflections, prefillFromReflection } from '#modules/reflective-records/lesson-reflections.ts'
import { getHcpcEvidence } from '#modules/reflective-records/hcpc.ts'
import { FollowUpReflections } from '#app/components/follow-ups/follow-up-reflections.tsx'
import { listFollowUpReflections, prefillFromFollowUp } from '#modules/follow-ups/learner.ts'
import { createRecord } from '#modules/reflective-records/records.ts'
import { kindFromSlug, RECORD_KIND_INFO, RECORD_SCHEMAS, REGULATOR_INFO } from '#modules/reflective-records/schemas.ts'
import type { Route } from './+types/route'
import { HcpcGapNotes, HCPC_GAP_FIELD_ID, RecordForm } from './record-form.tsx'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`${data && 'error' in data ? 'Error: ' : ''}${data && 'label' in data ? data.label : 'New record'} | Circle`,
		data && 'label' in data
			? `Write your ${data.label} on the regulator’s own form, ready for revalidation or renewal.`
			: 'Write a reflective record on your regulator’s own form, ready for revalidation or renewal.',
	)

function kindOr404(slug: string) {
	const kind = kindFromSlug(slug)
	if (!kind) throw data({ message: 'There is no such form' }, { status: 404 })
	return kind
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const kind = kindOr404(params.kind)
	const reflectionId = new URL(request.url).searchParams.get('reflection')
	// A course follow-up's 30-day reflection pulled in as the impact on practice (ADR 0032).
	const followUpId = new URL(request.url).searchParams.get('followUp')?.slice(0, 40) ?? null
	const [prefill, reflections, hcpc, followUpReflections] = await Promise.all([
		reflectionId
			? withDomainErrors(() =>
					prefillFromReflection({ userId: user.id, reflectionId: reflectionId.slice(0, 40), kind }),
				)
			: followUpId
				? withDomainErrors(() => prefillFromFollowUp({ userId: user.id, responseId: followUpId, kind }))
				: null,
		listLessonReflections({ userId: user.id, limit: 20 }),
		kind === 'HCPC_PROFILE' ? getHcpcEvidence({ userId: user.id }) : null,
		listFollowUpReflections({ userId: user.id }),
	])
	return {
		kind,
		slug: params.kind,
		label: RECORD_KIND_INFO[kind].label,
		today: londonToday(),
		defaults: (prefill ??
			(kind === 'HCPC_PROFILE' ? { title: 'My HCPC CPD profile', date: londonToday() } : {})) as Record<
			string,
			string | string[] | undefined
		>,
		hcpc,
		pulledFollowUp: prefill && followUpId && !reflectionId ? followUpId : null,
		followUpReflections: followUpReflections.map((r) => ({ ...r, reflectionAt: r.reflectionAt.toISOString() })),
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
	const kind = kindOr404(params.kind)
	const submission = parseWithZod(await request.formData(), { schema: RECORD_SCHEMAS[kind] })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	let id: string
	try {
		;({ id } = await createRecord({ userId: user.id, kind, input: submission.value }))
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
	throw redirect(`/records/${id}?done=created`)
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

export default function NewRecordRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { kind, slug, label, today, defaults, reflections, hcpc, pulledFollowUp, followUpReflections } = loaderData
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to="/records" className={LINK}>
					Reflective records
				</Link>
			</p>
			<div className="mt-4 grid gap-10 lg:grid-cols-3">
				<div className="lg:col-span-2">
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">{label}</h1>
					<p className="mt-3 max-w-prose text-lg text-stone-700">
						{REGULATOR_INFO[RECORD_KIND_INFO[kind].regulator].intro}
					</p>
					{defaults.sourceReflectionId ? (
						<p role="status" className="mt-4 rounded-lg bg-brand-50 p-3 text-brand-900">
							Your lesson reflection has been pulled in. Check it and add the rest.
						</p>
					) : null}
					{hcpc ? <HcpcEvidence evidence={hcpc} explainHref={`#${HCPC_GAP_FIELD_ID}`} /> : null}
					{pulledFollowUp ? (
						<p role="status" className="mt-4 rounded-lg bg-brand-50 p-3 text-brand-900">
							Your follow-up reflection has been pulled in as the impact on your practice. Check it and add the rest.
						</p>
					) : null}
					<RecordForm
						key={String(defaults.sourceReflectionId ?? pulledFollowUp ?? 'blank')}
						notes={hcpc ? { gapExplanation: <HcpcGapNotes gaps={hcpc.gaps} /> } : undefined}
						kind={kind}
						defaultValue={defaults}
						lastResult={actionData?.result}
						today={today}
						submitLabel="Save record"
						cancelTo="/records"
					/>
				</div>
				<aside aria-labelledby="reflections-heading">
					<h2 id="reflections-heading" className="text-xl font-bold text-stone-900">
						Your lesson reflections
					</h2>
					{reflections.length === 0 ? (
						<p className="mt-3 text-stone-700">
							Reflections you write inside Circle lessons appear here, ready to pull into a form.
						</p>
					) : (
						<ul className="mt-3 space-y-3">
							{reflections.map((r) => (
								<LessonReflectionCard
									key={r.id}
									reflection={r}
									to={`/records/new/${slug}?reflection=${r.id}`}
									action="Pull this into the form"
								/>
							))}
						</ul>
					)}
					<FollowUpReflections items={followUpReflections} formSlug={slug} />
				</aside>
			</div>
		</Container>
	)
}
