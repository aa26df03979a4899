import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { CircleForm } from '#app/components/circles/circle-form.tsx'
import { CircleTable } from '#app/components/circles/circle-table.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { listCircleTargets, listCircleTeams, listOrganisationCircles } from '#modules/circles/queries.ts'
import { scheduleCircle } from '#modules/circles/schedule-circle.ts'
import { circleDetailsSchema } from '#modules/circles/schemas.ts'
import type { Route } from './+types/org.$slug.circles'

export const meta: Route.MetaFunction = () =>
	pageMeta('Team circles | Organisation | Circle', 'Private reflective circles for your organisation’s teams.', NOINDEX)

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug, 'ADMIN')
	const organisationId = access.organisation.id
	const [circles, teams, targets] = await Promise.all([
		listOrganisationCircles({ organisationId }),
		listCircleTeams({ organisationId }),
		listCircleTargets({ actorId: access.actorId, everyCourse: true }),
	])
	const user = await requireUser(request)
	return { circles, teams, ...targets, facilitatorEmail: user.email, now: new Date() }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function action({ request, params }: Route.ActionArgs) {
	const access = await requireOrgAccess(request, params.slug, 'ADMIN')
	const now = new Date()
	const submission = parseWithZod(await request.formData(), { schema: circleDetailsSchema(now) })
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
	const { circles, teams, courses, programmes, facilitatorEmail, now } = loaderData
	return (
		<Container className="py-10 sm:py-12">
			<h1 className="text-3xl font-bold tracking-tight text-stone-900">Team circles</h1>
			<p className="mt-2 max-w-3xl text-lg text-stone-700">
				Private reflective circles: only the team you choose (or your whole organisation) sees and books them. Attending
				earns participatory CPD hours.
			</p>
			{circles.length ? (
				<CircleTable circles={circles} caption="Your organisation’s circles" now={new Date(now)} />
			) : null}
			<section aria-labelledby="schedule-heading" className="mt-10 max-w-2xl">
				<h2 id="schedule-heading" className="text-2xl font-bold text-stone-900">
					Book a circle for a team
				</h2>
				<CircleForm
					id="team-circle"
					lastResult={actionData?.result}
					defaultValue={{ durationMinutes: '60', capacity: '12', mode: 'IN_PERSON', facilitatorEmail }}
					courses={courses.map((c) => ({ value: c.id, label: c.title }))}
					programmes={programmes.map((p) => ({ value: p.id, label: p.title }))}
					teams={teams.map((t) => ({ value: t.id, label: t.name }))}
					submitLabel="Book the circle"
				/>
			</section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
