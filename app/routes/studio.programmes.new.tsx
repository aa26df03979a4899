import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Link, redirect } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ProgrammeDetailsForm } from '#app/components/studio/programme-details-form.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { createProgramme } from '#modules/programmes/create-programme.ts'
import { ProgrammeDetailsSchema } from '#modules/programmes/schemas.ts'
import type { Route } from './+types/studio.programmes.new'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('newProgramme.meta.title', { ns: 'studio' }),
		t('newProgramme.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export async function loader({ request }: Route.LoaderArgs) {
	await requireTrainer(request)
	return null
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const submission = parseWithZod(await request.formData(), { schema: ProgrammeDetailsSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const { programmeId } = await createProgramme({ actorId: user.id, input: submission.value, now: new Date() })
		throw redirect(`/studio/programmes/${programmeId}`)
	} catch (error) {
		if (error instanceof Response) throw error
		return replyWithDomainError(submission, error)
	}
}

export default function NewProgrammeRoute({ actionData }: Route.ComponentProps) {
	const { t } = useTranslation('studio')
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/studio/programmes" className="font-medium text-brand-700 underline underline-offset-2">
					{t('newProgramme.back')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{t('newProgramme.heading')}</h1>
			<p className="mt-3 text-lg text-stone-700">{t('newProgramme.intro')}</p>
			<ProgrammeDetailsForm
				id="new-programme"
				defaultValue={{ pricePounds: '0' }}
				lastResult={actionData?.result}
				submitLabel={t('newProgramme.submit')}
			/>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
