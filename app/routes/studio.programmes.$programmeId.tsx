import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { ProgrammeDetailsForm } from '#app/components/studio/programme-details-form.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { replyWithDomainError, replyWithProblem, withDomainErrors } from '#app/utils/errors.server.ts'
import { formatCpdHours } from '#app/utils/format.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { requireTrainer } from '#app/utils/studio-errors.server.ts'
import { updateProgrammeDetails } from '#modules/programmes/create-programme.ts'
import { getProgrammeBuilder } from '#modules/programmes/get-programme-builder.ts'
import {
	addProgrammeCourse,
	moveProgrammeCourse,
	removeProgrammeCourse,
} from '#modules/programmes/programme-courses.ts'
import { publishProgramme } from '#modules/programmes/publish-programme.ts'
import {
	AddProgrammeCourseSchema,
	MIN_PROGRAMME_COURSES,
	ProgrammeCourseActionSchema,
	ProgrammeDetailsSchema,
} from '#modules/programmes/schemas.ts'
import type { Route } from './+types/studio.programmes.$programmeId'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		loaderData
			? t('programme.meta.title', { ns: 'studio', programme: loaderData.programme.title })
			: t('programme.meta.titleFallback', { ns: 'studio' }),
		t('programme.meta.description', { ns: 'studio' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireTrainer(request)
	const programme = await withDomainErrors(() =>
		getProgrammeBuilder({ actorId: user.id, programmeId: params.programmeId }),
	)
	const saved = new URL(request.url).searchParams.get('saved')
	return { programme, saved: SAVED.find((key) => key === saved) ?? null }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireTrainer(request)
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	const here = `/studio/programmes/${params.programmeId}`
	const ids = { actorId: user.id, programmeId: params.programmeId }

	if (intent === 'details') {
		const submission = parseWithZod(formData, { schema: ProgrammeDetailsSchema })
		if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
		try {
			await updateProgrammeDetails({ ...ids, input: submission.value })
		} catch (error) {
			const reply = replyWithDomainError(submission, error)
			return data({ intent, result: reply.data.result }, reply.init ?? undefined)
		}
		return redirect(`${here}?saved=details`)
	}
	if (intent === 'add-course') {
		const submission = parseWithZod(formData, { schema: AddProgrammeCourseSchema })
		if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
		try {
			await addProgrammeCourse({ ...ids, courseSlug: submission.value.courseSlug })
		} catch (error) {
			const reply = replyWithDomainError(submission, error)
			return data({ intent, result: reply.data.result }, reply.init ?? undefined)
		}
		return redirect(`${here}?saved=course`)
	}
	try {
		if (intent === 'publish') {
			await publishProgramme({ ...ids, now: new Date() })
			return redirect(`${here}?saved=published`)
		}
		const parsed = ProgrammeCourseActionSchema.safeParse(Object.fromEntries(formData))
		if (!parsed.success) {
			return data(
				{ intent, ok: false as const, message: (await getT(request))('programme.incomplete', { ns: 'studio' }) },
				{ status: 400 },
			)
		}
		const { courseId } = parsed.data
		if (parsed.data.intent === 'remove-course') await removeProgrammeCourse({ ...ids, courseId })
		else await moveProgrammeCourse({ ...ids, courseId, direction: parsed.data.intent === 'move-up' ? 'up' : 'down' })
		return redirect(here)
	} catch (error) {
		return replyWithProblem(error, { intent })
	}
}

const SAVED = ['details', 'course', 'published'] as const

export default function ProgrammeBuilderRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { programme, saved } = loaderData
	const { t } = useTranslation('studio')
	const f = useFormat()
	const navigation = useNavigation()
	const problem = actionData && 'message' in actionData ? actionData.message : null
	const published = Boolean(programme.publishedAt)
	const totalMinutes = programme.courses.reduce((sum, course) => sum + course.cpdMinutes, 0)
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/studio/programmes" className="font-medium text-brand-700 underline underline-offset-2">
					{t('programme.back')}
				</Link>
			</p>
			<div className="mt-4 flex flex-wrap items-center gap-3">
				<h1 className="text-3xl font-bold tracking-tight text-stone-900">{programme.title}</h1>
				<Badge tone={published ? 'success' : 'neutral'}>{published ? t('programme.published') : t('programme.draft')}</Badge>
			</div>
			{published ? (
				<p className="mt-2 text-stone-700">
					<Trans
						t={t}
						i18nKey="programme.publishedOn"
						values={{
							date: f.date(programme.publishedAt!),
							learners: t('programme.learners', {
								count: programme.enrolmentCount,
								number: f.number(programme.enrolmentCount),
							}),
						}}
						components={{
							a: (
								<Link
									to={`/programmes/${programme.slug}`}
									className="font-medium text-brand-700 underline underline-offset-2"
								/>
							),
						}}
					/>
				</p>
			) : null}
			{saved && !actionData ? (
				<p role="status" className="mt-4 rounded-lg bg-green-50 px-4 py-3 font-medium text-green-900">
					{t(`programme.saved.${saved}`)}
				</p>
			) : null}
			{problem ? (
				<p role="alert" className="mt-4 rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-900">
					{problem}
				</p>
			) : null}

			<section aria-labelledby="courses-heading" className="mt-10">
				<h2 id="courses-heading" className="text-2xl font-bold text-stone-900">
					{t('programme.coursesHeading')}
				</h2>
				<p className="mt-2 text-stone-700">
					{published ? t('programme.fixed') : t('programme.inOrder', { min: MIN_PROGRAMME_COURSES })}{' '}
					{t('programme.total', { hours: formatCpdHours(totalMinutes, f.language) })}
				</p>
				{programme.courses.length ? (
					<ol className="mt-4 space-y-3">
						{programme.courses.map((course, index) => (
							<li
								key={course.courseId}
								className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-stone-200 bg-white p-4"
							>
								<div>
									<p className="font-semibold text-stone-900">
										{index + 1}. {course.title}
									</p>
									<p className="text-sm text-stone-600">
										{`/courses/${course.slug} · ${formatCpdHours(course.cpdMinutes, f.language)}`}
										{course.published ? '' : t('programme.noLongerPublished')}
									</p>
								</div>
								{published ? null : (
									<div className="flex flex-wrap gap-2">
										<CourseButton courseId={course.courseId} intent="move-up" hidden={index === 0}>
											{t('programme.moveUp')}
											<span className="sr-only"> {course.title}</span>
										</CourseButton>
										<CourseButton
											courseId={course.courseId}
											intent="move-down"
											hidden={index === programme.courses.length - 1}
										>
											{t('programme.moveDown')}
											<span className="sr-only"> {course.title}</span>
										</CourseButton>
										<CourseButton courseId={course.courseId} intent="remove-course">
											{t('programme.remove')}
											<span className="sr-only"> {course.title}</span>
										</CourseButton>
									</div>
								)}
							</li>
						))}
					</ol>
				) : (
					<p className="mt-4 text-stone-700">{t('programme.noCourses')}</p>
				)}
				{published ? null : (
					<AddCourseForm
						candidates={programme.candidates}
						lastResult={
							actionData && 'result' in actionData && actionData.intent === 'add-course' ? actionData.result : undefined
						}
					/>
				)}
			</section>

			{published ? null : (
				<section aria-labelledby="publish-heading" className="mt-10">
					<h2 id="publish-heading" className="text-2xl font-bold text-stone-900">
						{t('programme.publishHeading')}
					</h2>
					<p className="mt-2 text-stone-700">{t('programme.publishIntro')}</p>
					<Form method="post" className="mt-4">
						<input type="hidden" name="intent" value="publish" />
						<SubmitButton
							pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'publish'}
							pendingText={t('programme.publishing')}
						>
							{t('programme.publish')}
						</SubmitButton>
					</Form>
				</section>
			)}

			<section aria-labelledby="details-heading" className="mt-12">
				<h2 id="details-heading" className="text-2xl font-bold text-stone-900">
					{t('programme.detailsHeading')}
				</h2>
				<ProgrammeDetailsForm
					id="programme-details"
					intent="details"
					defaultValue={{
						title: programme.title,
						slug: programme.slug,
						summary: programme.summary,
						description: programme.description,
						sequential: programme.sequential,
						pricePounds: String(programme.pricePence / 100),
					}}
					lastResult={
						actionData && 'result' in actionData && actionData.intent === 'details' ? actionData.result : undefined
					}
					submitLabel={t('programme.saveDetails')}
					sequentialLocked={published}
				/>
			</section>
		</Container>
	)
}

function CourseButton({
	courseId,
	intent,
	hidden,
	children,
}: {
	courseId: string
	intent: string
	hidden?: boolean
	children: React.ReactNode
}) {
	if (hidden) return null
	return (
		<Form method="post">
			<input type="hidden" name="courseId" value={courseId} />
			<Button type="submit" name="intent" value={intent} variant="secondary" size="sm">
				{children}
			</Button>
		</Form>
	)
}

function AddCourseForm({
	candidates,
	lastResult,
}: {
	candidates: Array<{ slug: string; title: string; draft: boolean }>
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const { t } = useTranslation('studio')
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'add-course',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: AddProgrammeCourseSchema }),
		shouldValidate: 'onSubmit',
	})
	return (
		<Form
			method="post"
			className="mt-6 space-y-4 rounded-xl border border-stone-200 bg-stone-50 p-5"
			{...getFormProps(form)}
		>
			<input type="hidden" name="intent" value="add-course" />
			<FormErrors id={form.errorId} errors={form.errors} />
			<Field
				labelProps={{ children: t('programme.addCourse') }}
				description={t('programme.addCourseHint')}
				inputProps={{
					...getInputProps(fields.courseSlug, { type: 'text' }),
					list: 'programme-course-candidates',
					autoCapitalize: 'none',
					spellCheck: false,
					required: true,
				}}
				errors={fields.courseSlug.errors}
			/>
			<datalist id="programme-course-candidates">
				{candidates.map((course) => (
					<option key={course.slug} value={course.slug}>
						{course.draft ? t('programme.draftCourse', { title: course.title }) : course.title}
					</option>
				))}
			</datalist>
			<SubmitButton
				pending={navigation.state === 'submitting' && navigation.formData?.get('intent') === 'add-course'}
				pendingText={t('programme.adding')}
			>
				{t('programme.add')}
			</SubmitButton>
		</Form>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
