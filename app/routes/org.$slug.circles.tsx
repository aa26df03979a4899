import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, redirect, useNavigation, useSearchParams } from 'react-router'
import { z } from 'zod'
import { CircleForm } from '#app/components/circles/circle-form.tsx'
import { CircleTable } from '#app/components/circles/circle-table.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { requireCircleSchedulerAccess } from '#app/utils/circles-access.server.ts'
import { replyWithDomainError, replyWithProblem } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listCircleFacilitators, setCircleFacilitator } from '#modules/circles/facilitators.ts'
import { listCircleTargets, listCircleTeams, listOrganisationCircles } from '#modules/circles/queries.ts'
import { scheduleCircle } from '#modules/circles/schedule-circle.ts'
import { circleDetailsSchema } from '#modules/circles/schemas.ts'
import type { Route } from './+types/org.$slug.circles'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('circles.meta.title', { ns: 'org' }), t('circles.meta.description', { ns: 'org' }), NOINDEX)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireCircleSchedulerAccess(request, params.slug)
	const organisationId = access.organisation.id
	const [circles, teams, targets, facilitators] = await Promise.all([
		listOrganisationCircles({ organisationId, runBy: access.isOrgAdmin ? undefined : access.actorId }),
		listCircleTeams({ organisationId }),
		listCircleTargets({ actorId: access.actorId, everyCourse: true }),
		access.isOrgAdmin ? listCircleFacilitators({ organisationId }) : Promise.resolve(null),
	])
	const user = await requireUser(request)
	return {
		organisation: access.organisation,
		isOrgAdmin: access.isOrgAdmin,
		circles,
		teams,
		...targets,
		facilitators,
		facilitatorEmail: user.email,
		now: new Date(),
	}
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

const FacilitatorSchema = z.object({
	intent: z.enum(['add-facilitator', 'remove-facilitator']),
	userId: z.string({ error: 'Choose someone' }).min(1, 'Choose someone').max(64),
})

export async function action({ request, params }: Route.ActionArgs) {
	const access = await requireCircleSchedulerAccess(request, params.slug)
	const formData = await request.formData()
	const intent = formData.get('intent')
	if (intent === 'add-facilitator' || intent === 'remove-facilitator') {
		const parsed = FacilitatorSchema.safeParse({ intent, userId: formData.get('userId') ?? undefined })
		if (!parsed.success) {
			const t = await getT(request)
			return data({ ok: false as const, intent, message: t('circles.chooseSomeone', { ns: 'org' }) }, { status: 400 })
		}
		try {
			await setCircleFacilitator({
				organisationId: access.organisation.id,
				actorId: access.actorId,
				userId: parsed.data.userId,
				on: intent === 'add-facilitator',
			})
		} catch (error) {
			return replyWithProblem(error, { intent })
		}
		throw redirect(
			`/org/${access.organisation.slug}/circles?facilitators=${intent === 'add-facilitator' ? 'added' : 'removed'}#facilitators-heading`,
		)
	}
	const now = new Date()
	const submission = parseWithZod(formData, { schema: circleDetailsSchema(now) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const { circleId } = await scheduleCircle({
			actorId: access.actorId,
			organisationId: access.organisation.id,
			input: submission.value,
			now,
		})
		throw redirect(`/circles/${circleId}/register?scheduled=1`)
	} catch (error) {
		if (error instanceof Response) throw error
		return replyWithDomainError(submission, error)
	}
}

export default function OrganisationCirclesRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, isOrgAdmin, circles, teams, courses, programmes, facilitators, facilitatorEmail, now } =
		loaderData
	const { t } = useTranslation('org')
	return (
		<Container className="py-10 sm:py-12">
			<h1 className="text-3xl font-bold tracking-tight text-stone-900">{t('circles.title')}</h1>
			<p className="mt-2 max-w-3xl text-lg text-stone-700">
				{t('circles.intro')}
				{isOrgAdmin ? null : ` ${t('circles.introFacilitator', { organisation: organisation.name })}`}
			</p>
			{circles.length ? (
				<CircleTable
					circles={circles}
					caption={isOrgAdmin ? t('circles.captionAdmin') : t('circles.captionFacilitator')}
					now={new Date(now)}
				/>
			) : null}
			<section aria-labelledby="schedule-heading" className="mt-10 max-w-2xl">
				<h2 id="schedule-heading" className="text-2xl font-bold text-stone-900">
					{t('circles.book')}
				</h2>
				<p className="mt-2 text-stone-700">{t('circles.bookIntro')}</p>
				<CircleForm
					id="team-circle"
					lastResult={actionData && 'result' in actionData ? actionData.result : undefined}
					defaultValue={{ durationMinutes: '60', capacity: '12', mode: 'IN_PERSON', facilitatorEmail }}
					courses={courses.map((c) => ({ value: c.id, label: c.title }))}
					programmes={programmes.map((p) => ({ value: p.id, label: p.title }))}
					teams={teams.map((t) => ({ value: t.id, label: t.name }))}
					submitLabel={t('circles.bookSubmit')}
				/>
			</section>
			{facilitators ? (
				<FacilitatorsSection
					facilitators={facilitators.facilitators}
					candidates={facilitators.candidates}
					problem={actionData && 'message' in actionData ? actionData : null}
				/>
			) : null}
		</Container>
	)
}

type Person = { id: string; name: string; email: string }

const FACILITATORS_PARAM = 'facilitators'
const ADDED = 'added'

function FacilitatorsSection({
	facilitators,
	candidates,
	problem,
}: {
	facilitators: Person[]
	candidates: Person[]
	problem: { intent: unknown; message: string } | null
}) {
	const navigation = useNavigation()
	const { t } = useTranslation('org')
	const [searchParams] = useSearchParams()
	const done = searchParams.get(FACILITATORS_PARAM)
	const busy = navigation.state === 'submitting'
	const addError = problem?.intent === 'add-facilitator' ? problem.message : null
	return (
		<section aria-labelledby="facilitators-heading" className="mt-12 max-w-2xl">
			<h2 id="facilitators-heading" className="text-2xl font-bold text-stone-900">
				{t('circles.facilitators')}
			</h2>
			<p className="mt-2 text-stone-700">{t('circles.facilitatorsIntro')}</p>
			{done ? (
				<Notice
					tone="success"
					role="status"
					title={done === ADDED ? t('circles.added') : t('circles.removed')}
					className="mt-4"
				/>
			) : null}
			{problem && problem.intent === 'remove-facilitator' ? (
				<Notice tone="error" role="alert" title={problem.message} className="mt-4" />
			) : null}
			{facilitators.length ? (
				<ul className="mt-4 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
					{facilitators.map((person) => (
						<li key={person.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
							<span className="text-stone-900">
								{person.name} <span className="text-stone-700">({person.email})</span>
							</span>
							<Form method="post">
								<input type="hidden" name="userId" value={person.id} />
								<Button
									type="submit"
									name="intent"
									value="remove-facilitator"
									variant="secondary"
									aria-disabled={busy || undefined}
								>
									<Trans
										t={t}
										i18nKey="circles.stop"
										values={{ name: person.name }}
										components={[<span key="name" className="sr-only" />]}
									/>
								</Button>
							</Form>
						</li>
					))}
				</ul>
			) : (
				<p className="mt-4 text-stone-800">{t('circles.none')}</p>
			)}
			{candidates.length ? (
				<Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
					<div>
						<label htmlFor="new-facilitator" className="block font-semibold text-stone-900">
							{t('circles.make')}
						</label>
						<select
							id="new-facilitator"
							name="userId"
							defaultValue=""
							aria-invalid={addError ? true : undefined}
							aria-describedby={addError ? 'new-facilitator-error' : undefined}
							className="mt-1 block rounded-lg border border-stone-400 bg-white px-3 py-2 text-stone-900"
						>
							<option value="">{t('circles.choose')}</option>
							{candidates.map((person) => (
								<option key={person.id} value={person.id}>
									{person.name} ({person.email})
								</option>
							))}
						</select>
						{addError ? (
							<p id="new-facilitator-error" className="mt-2 text-sm font-semibold text-red-700">
								<span className="sr-only">{t('members.error')}</span>
								{addError}
							</p>
						) : null}
					</div>
					<Button type="submit" name="intent" value="add-facilitator" aria-disabled={busy || undefined}>
						{t('circles.add')}
					</Button>
				</Form>
			) : null}
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
