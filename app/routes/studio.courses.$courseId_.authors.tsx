import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, throwAsResponse, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { addCoAuthor, listCourseAuthors, removeCoAuthor } from '#modules/authoring/co-authors.ts'
import { CoAuthorSchema } from '#modules/authoring/schemas.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/studio.courses.$courseId_.authors'
import { singleLineText } from '#modules/validation/text.ts'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		data
			? t('authors.meta.title', { ns: 'studio', course: data.course.title })
			: t('authors.meta.titleFallback', { ns: 'studio' }),
		t('authors.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

const RemoveSchema = z.object({ userId: singleLineText({ error: 'Choose a co-author to remove' }).min(1).max(64) })

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	return withDomainErrors(() => listCourseAuthors({ courseId: params.courseId, actorId: user.id }))
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const t = await getT(request)
	if (intent === 'remove') {
		const parsed = RemoveSchema.safeParse({ userId: formData.get('userId') })
		if (!parsed.success) throw data({ message: t('authors.chooseToRemove', { ns: 'studio' }) }, { status: 400 })
		await withDomainErrors(() =>
			removeCoAuthor({ courseId: params.courseId, actorId: user.id, userId: parsed.data.userId }),
		)
		return data({ intent: 'remove' as const, result: undefined, message: t('authors.removed', { ns: 'studio' }) })
	}
	const submission = parseWithZod(formData, { schema: CoAuthorSchema })
	if (submission.status !== 'success') {
		return data({ intent: 'add' as const, result: submission.reply(), message: null }, { status: 400 })
	}
	try {
		const added = await addCoAuthor({ courseId: params.courseId, actorId: user.id, email: submission.value.email })
		return data({
			intent: 'add' as const,
			result: submission.reply({ resetForm: true }),
			message: t('authors.added', { ns: 'studio', name: added.name }),
		})
	} catch (error) {
		// Permission refusals are pages (403/404), not form errors: nobody should see this form.
		if (!isDomainError(error) || error.kind === 'forbidden' || error.kind === 'not_found') throwAsResponse(error)
		const reply = replyWithDomainError(submission, error)
		return data(
			{ intent: 'add' as const, result: reply.data.result, message: null },
			{ status: reply.init?.status ?? 422 },
		)
	}
}

export default function CourseAuthorsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { course, authors, canManage, actorId } = loaderData
	const { t } = useTranslation('studio')
	const f = useFormat()
	const navigation = useNavigation()
	const pendingIntent = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null
	const [form, fields] = useForm({
		id: 'add-co-author',
		lastResult: actionData?.intent === 'add' ? actionData.result : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CoAuthorSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<nav aria-label={t('analytics.breadcrumb')} className="text-sm">
				<ol className="flex flex-wrap gap-2 text-stone-700">
					<li>
						<Link to="/studio" className="text-brand-700 underline underline-offset-2">
							{t('nav.studio')}
						</Link>
						<span aria-hidden="true"> /</span>
					</li>
					<li>
						<Link to={`/studio/courses/${course.id}`} className="text-brand-700 underline underline-offset-2">
							{course.title}
						</Link>
						<span aria-hidden="true"> /</span>
					</li>
					<li aria-current="page">{t('authors.heading')}</li>
				</ol>
			</nav>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{t('authors.heading')}</h1>
			<p className="mt-3 text-lg text-stone-700">
				{t('authors.intro')} {canManage ? t('authors.introOwner') : t('authors.introOther')}
			</p>

			<div aria-live="polite" className="mt-6">
				{actionData?.message ? <Notice tone="success" role="status" title={actionData.message} /> : null}
			</div>

			<section aria-labelledby="authors-heading" className="mt-6">
				<h2 id="authors-heading" className="text-xl font-semibold text-stone-900">
					{t('authors.listHeading')}
				</h2>
				<ul className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
					{authors.map((author) => (
						<li key={author.user.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
							<div>
								<p className="font-semibold text-stone-900">
									{author.user.name}
									{author.user.id === actorId ? <span className="font-normal text-stone-600"> {t('authors.you')}</span> : null}{' '}
									<Badge tone={author.role === 'OWNER' ? 'brand' : 'neutral'}>
										{author.role === 'OWNER' ? t('authors.owner') : t('authors.coAuthor')}
									</Badge>
								</p>
								<p className="text-sm text-stone-700">
									{t('authors.since', { email: author.user.email, date: f.date(author.createdAt) })}
								</p>
							</div>
							{canManage && author.role === 'CO_AUTHOR' ? (
								<Form method="post">
									<input type="hidden" name="intent" value="remove" />
									<input type="hidden" name="userId" value={author.user.id} />
									<Button
										type="submit"
										variant="secondary"
										size="sm"
										aria-disabled={pendingIntent === 'remove' || undefined}
									>
										{t('authors.remove')}
										<span className="sr-only"> {t('authors.removeWho', { name: author.user.name })}</span>
									</Button>
								</Form>
							) : null}
						</li>
					))}
				</ul>
			</section>

			{canManage ? (
				<section aria-labelledby="add-heading" className="mt-10">
					<h2 id="add-heading" className="text-xl font-semibold text-stone-900">
						{t('authors.addHeading')}
					</h2>
					<Form
						method="post"
						className="mt-4 space-y-4"
						{...getFormProps(form)}
						aria-describedby={form.errors?.length ? form.errorId : undefined}
					>
						<input type="hidden" name="intent" value="add" />
						<FormErrors id={form.errorId} errors={form.errors} />
						<Field
							labelProps={{ children: t('authors.email') }}
							description={t('authors.emailHint')}
							inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off' }}
							errors={fields.email.errors}
						/>
						<SubmitButton pending={pendingIntent === 'add'} pendingText={t('authors.adding')}>
							{t('authors.add')}
						</SubmitButton>
					</Form>
				</section>
			) : null}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
