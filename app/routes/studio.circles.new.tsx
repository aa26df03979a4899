import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Link, redirect } from 'react-router'
import { CircleForm } from '#app/components/circles/circle-form.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { listCircleTargets } from '#modules/circles/queries.ts'
import { scheduleCircle } from '#modules/circles/schedule-circle.ts'
import { circleDetailsSchema } from '#modules/circles/schemas.ts'
import type { Route } from './+types/studio.circles.new'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('studio.newMetaTitle', { ns: 'circles' }),
		t('studio.newMetaDescription', { ns: 'circles' }),
		NOINDEX,
	)
}

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
	const { t } = useTranslation('circles')
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/studio/circles" className="font-medium text-brand-700 underline underline-offset-2">
					{t('studio.heading')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{t('studio.schedule')}</h1>
			<p className="mt-3 text-lg text-stone-700">{t('studio.newIntro')}</p>
			<CircleForm
				id="new-circle"
				lastResult={actionData?.result}
				defaultValue={{ durationMinutes: '90', capacity: '12', mode: 'ONLINE', facilitatorEmail }}
				courses={courses.map((c) => ({ value: c.id, label: c.title }))}
				programmes={programmes.map((p) => ({ value: p.id, label: p.title }))}
				submitLabel={t('studio.scheduleSubmit')}
			/>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
