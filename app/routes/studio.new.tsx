import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Link, redirect } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CourseDetailsForm } from '#app/components/studio/course-details-form.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { createCourse } from '#modules/authoring/create-course.ts'
import { CourseDetailsSchema } from '#modules/authoring/schemas.ts'
import type { Route } from './+types/studio.new'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('newCourse.meta.title', { ns: 'studio' }),
		t('newCourse.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export async function loader({ request }: Route.LoaderArgs) {
	await requireTrainer(request)
	return null
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: CourseDetailsSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const { courseId } = await createCourse({
			actorId: user.id,
			input: { ...submission.value, outcomes: submission.value.outcomes.join('\n') },
		})
		throw redirect(`/studio/courses/${courseId}?created=1`)
	} catch (error) {
		if (error instanceof Response) throw error
		return replyWithDomainError(submission, error)
	}
}

export default function NewCourseRoute({ actionData }: Route.ComponentProps) {
	const { t } = useTranslation('studio')
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/studio" className="font-medium text-brand-700 underline underline-offset-2">
					{t('nav.studio')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{t('newCourse.heading')}</h1>
			<p className="mt-3 text-lg text-stone-700">{t('newCourse.intro')}</p>
			<CourseDetailsForm
				id="new-course"
				defaultValue={{ pricePounds: '0', cpdHours: '1' }}
				lastResult={actionData?.result}
				submitLabel={t('newCourse.submit')}
			/>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
