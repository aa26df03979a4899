import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
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
import { formatDate } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { addCoAuthor, listCourseAuthors, removeCoAuthor } from '#modules/authoring/co-authors.ts'
import { CoAuthorSchema } from '#modules/authoring/schemas.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import type { Route } from './+types/studio.courses.$courseId_.authors'
import { singleLineText } from '#modules/validation/text.ts'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Authors${data ? ` | ${data.course.title}` : ''} | Studio | Circle`,
		'Who can edit a course: its owner and co-authors.',
		NOINDEX,
	)

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
	if (intent === 'remove') {
		const parsed = RemoveSchema.safeParse({ userId: formData.get('userId') })
		if (!parsed.success) throw data({ message: 'Choose a co-author to remove.' }, { status: 400 })
		await withDomainErrors(() =>
			removeCoAuthor({ courseId: params.courseId, actorId: user.id, userId: parsed.data.userId }),
		)
		return data({ intent: 'remove' as const, result: undefined, message: 'The co-author was removed.' })
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
			message: `${added.name} is now a co-author of this course.`,
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
			<nav aria-label="Breadcrumb" className="text-sm">
				<ol className="flex flex-wrap gap-2 text-stone-700">
					<li>
						<Link to="/studio" className="text-brand-700 underline underline-offset-2">
							Studio
						</Link>
						<span aria-hidden="true"> /</span>
					</li>
					<li>
						<Link to={`/studio/courses/${course.id}`} className="text-brand-700 underline underline-offset-2">
							{course.title}
						</Link>
						<span aria-hidden="true"> /</span>
					</li>
					<li aria-current="page">Authors</li>
				</ol>
			</nav>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">Authors</h1>
			<p className="mt-3 text-lg text-stone-700">
				Co-authors can edit the course’s modules and lessons, publish new versions and see its analytics.
				{canManage ? ' Only you, as the owner, can add or remove them.' : ' Only the owner can add or remove them.'}
			</p>

			<div aria-live="polite" className="mt-6">
				{actionData?.message ? <Notice tone="success" role="status" title={actionData.message} /> : null}
			</div>

			<section aria-labelledby="authors-heading" className="mt-6">
				<h2 id="authors-heading" className="text-xl font-semibold text-stone-900">
					Who can edit this course
				</h2>
				<ul className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
					{authors.map((author) => (
						<li key={author.user.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
							<div>
								<p className="font-semibold text-stone-900">
									{author.user.name}
									{author.user.id === actorId ? <span className="font-normal text-stone-600"> (you)</span> : null}{' '}
									<Badge tone={author.role === 'OWNER' ? 'brand' : 'neutral'}>
										{author.role === 'OWNER' ? 'Owner' : 'Co-author'}
									</Badge>
								</p>
								<p className="text-sm text-stone-700">
									{author.user.email} · since {formatDate(author.createdAt)}
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
										Remove<span className="sr-only"> {author.user.name} as a co-author</span>
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
						Add a co-author
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
							labelProps={{ children: 'Email address' }}
							description="They must already have a trainer account on Circle."
							inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off' }}
							errors={fields.email.errors}
						/>
						<SubmitButton pending={pendingIntent === 'add'} pendingText="Adding…">
							Add co-author
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
