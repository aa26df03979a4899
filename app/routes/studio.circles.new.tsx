import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import { CircleForm } from '#app/components/circles/circle-form.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { listCircleTargets } from '#modules/circles/queries.ts'
import { scheduleCircle } from '#modules/circles/schedule-circle.ts'
import { circleDetailsSchema } from '#modules/circles/schemas.ts'
import type { Route } from './+types/studio.circles.new'

export const meta: Route.MetaFunction = () =>
	pageMeta('Schedule a circle | Studio | Circle', 'Schedule a reflective circle in the Circle studio.', NOINDEX)

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const targets = await listCircleTargets({ actorId: user.id, everyCourse: user.role === 'ADMIN' })
	return { ...targets, facilitatorEmail: user.email }
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const now = new Date()
	const submission = parseWithZod(await request.formData(), { schema: circleDetailsSchema(now) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const { circleId } = await scheduleCircle({ actorId: user.id, input: submission.value, now })
		throw redirect(`/circles/${circleId}/register?scheduled=1`)
	} catch (error) {
		if (error instanceof Response) throw error
		return replyWithDomainError(submission, error)
	}
}

export default function NewCircleRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { courses, programmes, facilitatorEmail } = loaderData
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/studio/circles" className="font-medium text-brand-700 underline underline-offset-2">
					Reflective circles
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">Schedule a circle</h1>
			<p className="mt-3 text-lg text-stone-700">
				Everyone signed in to Circle can book it. Those who attend get its minutes as participatory CPD, with the
				facilitator’s name.
			</p>
			<CircleForm
				id="new-circle"
				lastResult={actionData?.result}
				defaultValue={{ durationMinutes: '90', capacity: '12', mode: 'ONLINE', facilitatorEmail }}
				courses={courses.map((c) => ({ value: c.id, label: c.title }))}
				programmes={programmes.map((p) => ({ value: p.id, label: p.title }))}
				submitLabel="Schedule the circle"
			/>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
