import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Link, redirect } from 'react-router'
import { CircleForm } from '#app/components/circles/circle-form.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getCircleForEdit } from '#modules/circles/queries.ts'
import { updateCircle } from '#modules/circles/schedule-circle.ts'
import { circleDetailsSchema } from '#modules/circles/schemas.ts'
import type { Route } from './+types/circles.$circleId_.edit'

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		loaderData
			? t('edit.metaTitleCircle', { ns: 'circles', title: loaderData.circle.title })
			: t('edit.metaTitle', { ns: 'circles' }),
		t('edit.metaDescription', { ns: 'circles' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return { circle: await withDomainErrors(() => getCircleForEdit({ circleId: params.circleId, actorId: user.id })) }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const now = new Date()
	const submission = parseWithZod(await request.formData(), { schema: circleDetailsSchema(now) })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const { moved } = await updateCircle({ actorId: user.id, circleId: params.circleId, input: submission.value, now })
		throw redirect(`/circles/${params.circleId}/register?updated=${moved ? 'moved' : 'details'}`)
	} catch (error) {
		if (error instanceof Response) throw error
		return replyWithDomainError(submission, error)
	}
}

export default function EditCircleRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { circle } = loaderData
	const { t } = useTranslation('circles')
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to={`/circles/${circle.id}/register`} className="font-medium text-brand-700 underline underline-offset-2">
					{t('edit.back', { title: circle.title })}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{t('edit.heading')}</h1>
			{circle.cancelled ? (
				<Notice tone="warning" title={t('edit.cancelled')} className="mt-6" />
			) : (
				<>
					<p className="mt-3 text-lg text-stone-700">{t('edit.intro')}</p>
					<CircleForm
						id="edit-circle"
						lastResult={actionData?.result}
						defaultValue={circle.defaultValue}
						courses={circle.courses.map((c) => ({ value: c.id, label: c.title }))}
						programmes={circle.programmes.map((p) => ({ value: p.id, label: p.title }))}
						teams={circle.teams?.map((team) => ({ value: team.id, label: team.name }))}
						submitLabel={t('edit.save')}
					/>
				</>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
