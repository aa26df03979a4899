import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Link, redirect } from 'react-router'
import { HcpcEvidence } from '#app/components/hcpc-evidence.tsx'
import { LessonReflectionCard } from '#app/components/records/lesson-reflection-card.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { londonToday } from '#modules/portfolio/cpd-dates.ts'
import { listLessonReflections, prefillFromReflection } from '#modules/reflective-records/lesson-reflections.ts'
import { getHcpcEvidence } from '#modules/reflective-records/hcpc.ts'
import { FollowUpReflections } from '#app/components/follow-ups/follow-up-reflections.tsx'
import { listFollowUpReflections, prefillFromFollowUp } from '#modules/follow-ups/learner.ts'
import { createRecord } from '#modules/reflective-records/records.ts'
import { kindFromSlug, RECORD_KIND_INFO, RECORD_SCHEMAS } from '#modules/reflective-records/schemas.ts'
import type { Route } from './+types/route'
import { HcpcGapNotes, HCPC_GAP_FIELD_ID, RecordForm } from './record-form.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	if (!data || !('kind' in data))
		return pageMeta(t('new.metaTitleDefault', { ns: 'records' }), t('new.metaDescriptionDefault', { ns: 'records' }))
	const label = t(`kinds.${data.kind}`, { ns: 'records' })
	return pageMeta(
		'error' in data ? t('new.metaTitleError', { ns: 'records', label }) : `${label} | Circle`,
		t('new.metaDescription', { ns: 'records', label }),
	)
}

async function kindOr404(request: Request, slug: string) {
	const kind = kindFromSlug(slug)
	if (!kind) throw data({ message: (await getT(request))('new.noSuchForm', { ns: 'records' }) }, { status: 404 })
	return kind
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const kind = await kindOr404(request, params.kind)
	const t = await getT(request)
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
		today: londonToday(),
		defaults: (prefill ??
			(kind === 'HCPC_PROFILE' ? { title: t('new.defaultHcpcTitle', { ns: 'records' }), date: londonToday() } : {})) as Record<
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
	const kind = await kindOr404(request, params.kind)
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
	const { kind, slug, today, defaults, reflections, hcpc, pulledFollowUp, followUpReflections } = loaderData
	const { t } = useTranslation('records')
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to="/records" className={LINK}>
					{t('index.heading')}
				</Link>
			</p>
			<div className="mt-4 grid gap-10 lg:grid-cols-3">
				<div className="lg:col-span-2">
					<h1 className="text-3xl font-bold tracking-tight text-stone-900">{t(`kinds.${kind}`)}</h1>
					<p className="mt-3 max-w-prose text-lg text-stone-700">
						{t(`regulatorIntro.${RECORD_KIND_INFO[kind].regulator}`)}
					</p>
					{defaults.sourceReflectionId ? (
						<p role="status" className="mt-4 rounded-lg bg-brand-50 p-3 text-brand-900">
							{t('new.pulledReflection')}
						</p>
					) : null}
					{hcpc ? <HcpcEvidence evidence={hcpc} explainHref={`#${HCPC_GAP_FIELD_ID}`} /> : null}
					{pulledFollowUp ? (
						<p role="status" className="mt-4 rounded-lg bg-brand-50 p-3 text-brand-900">
							{t('new.pulledFollowUp')}
						</p>
					) : null}
					<RecordForm
						key={String(defaults.sourceReflectionId ?? pulledFollowUp ?? 'blank')}
						notes={hcpc ? { gapExplanation: <HcpcGapNotes gaps={hcpc.gaps} /> } : undefined}
						kind={kind}
						defaultValue={defaults}
						lastResult={actionData?.result}
						today={today}
						submitLabel={t('new.save')}
						cancelTo="/records"
					/>
				</div>
				<aside aria-labelledby="reflections-heading">
					<h2 id="reflections-heading" className="text-xl font-bold text-stone-900">
						{t('new.reflectionsHeading')}
					</h2>
					{reflections.length === 0 ? (
						<p className="mt-3 text-stone-700">
							{t('new.noReflections')}
						</p>
					) : (
						<ul className="mt-3 space-y-3">
							{reflections.map((r) => (
								<LessonReflectionCard
									key={r.id}
									reflection={r}
									to={`/records/new/${slug}?reflection=${r.id}`}
									action={t('new.pull')}
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
