import { useTranslation } from 'react-i18next'
import { data, Form, isRouteErrorResponse, Link, redirect } from 'react-router'
import { parseWithZod } from '@conform-to/zod/v4'
import { errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { getOptionalUser, requireUser } from '#app/utils/auth.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { createCheckout } from '#modules/billing/create-checkout.ts'
import { isDomainError } from '#modules/errors/domain-error.ts'
import { formatCpdHours, markdownToTextBlocks } from '#app/utils/format.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { enrolInProgramme } from '#modules/programmes/enrol-in-programme.ts'
import { getProgrammePage } from '#modules/programmes/get-programme-page.ts'
import { ProgrammeJoinSchema } from '#modules/programmes/schemas.ts'
import type { Route } from './+types/programmes.$slug'

export async function loader({ params, request }: Route.LoaderArgs) {
	const user = await getOptionalUser(request)
	// Unknown and unpublished programmes are the same 404.
	const programme = await withDomainErrors(() => getProgrammePage({ slug: params.slug, userId: user?.id ?? null }))
	// Sent here from a course the programme has not opened yet (requireCourseOpenInProgrammes).
	const lockedSlug = new URL(request.url).searchParams.get('locked')
	const lockedIndex = programme.courses.findIndex((c) => c.slug === lockedSlug && c.state === 'locked')
	const waitingFor = programme.courses.slice(0, Math.max(lockedIndex, 0)).findLast((c) => c.state !== 'completed')
	const locked =
		lockedIndex >= 0 && waitingFor
			? { title: programme.courses[lockedIndex]!.title, waitingFor: waitingFor.title }
			: null
	return { programme, signedIn: Boolean(user), locked }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

/**
 * POST intent=join: enrols the signed-in learner on a free programme and opens its courses (twice
 * changes nothing). intent=buy: starts a checkout for a priced programme (the price comes from the
 * database) and answers 303 to it. Visitors are sent to log in and back here. A refusal (already on
 * it, not free, no longer for sale) is shown on the page, never a 500.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const here = `/programmes/${encodeURIComponent(params.slug)}`
	const user = await requireUser(request, { redirectTo: here })
	const submission = parseWithZod(await request.formData(), { schema: ProgrammeJoinSchema })
	if (submission.status !== 'success') {
		return data({ error: (await getT(request))('programme.chooseIntent', { ns: 'catalogue' }) }, { status: 400 })
	}
	try {
		if (submission.value.intent === 'buy') {
			const { id } = await getProgrammePage({ slug: params.slug, userId: user.id })
			const checkout = await createCheckout({ buyerUserId: user.id, programmeId: id, method: 'CARD' })
			return redirect(checkout.url, 303)
		}
		await enrolInProgramme({ userId: user.id, slug: params.slug, now: new Date() })
	} catch (error) {
		if (!isDomainError(error)) throw error
		if (error.kind === 'not_found') throw data({ message: error.message }, { status: 404 })
		return data({ error: error.message }, { status: error.kind === 'conflict' ? 409 : 400 })
	}
	return redirect(`${here}?enrolled=1`)
}

export const meta: Route.MetaFunction = ({ loaderData, error, matches }) => {
	const t = metaT(matches)
	if (!loaderData || error) {
		return pageMeta(
			isRouteErrorResponse(error) && error.status === 404
				? t('programme.meta.notFound', { ns: 'catalogue' })
				: errorTitle(error),
			t('programme.meta.errorDescription', { ns: 'catalogue' }),
		)
	}
	return pageMeta(
		t('programme.meta.title', { ns: 'catalogue', title: loaderData.programme.title }),
		loaderData.programme.summary,
	)
}

export default function ProgrammeRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { programme, signedIn, locked } = loaderData
	const priced = programme.pricePence > 0
	const { enrolment } = programme
	const blocks = markdownToTextBlocks(programme.description)
	const paid = programme.courses.filter((course) => course.pricePence > 0)
	const { t } = useTranslation('catalogue')
	const format = useFormat()
	return (
		<>
			<div className="border-b border-brand-100 bg-brand-50">
				<Container className="py-10 sm:py-14">
					<nav aria-label={t('programme.breadcrumb')}>
						<ol className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
							<li>
								<Link to="/programmes" className="font-medium text-brand-700 underline underline-offset-2">
									{t('programmes.heading')}
								</Link>
							</li>
							<li aria-hidden="true">/</li>
							<li aria-current="page" className="truncate">
								{programme.title}
							</li>
						</ol>
					</nav>
					<p className="mt-6">
						<Badge tone="accent">{t('programmes.badge')}</Badge>
					</p>
					<h1 className="mt-4 max-w-4xl text-3xl leading-tight font-bold tracking-tight text-brand-900 sm:text-5xl">
						{programme.title}
					</h1>
					<p className="mt-4 max-w-3xl text-lg text-stone-700">{programme.summary}</p>
					<p className="mt-4 text-stone-800">
						{t('programmes.courses', { count: programme.courses.length })} ·{' '}
						{t('programmes.inTotal', { hours: formatCpdHours(programme.cpdMinutes, format.language) })} ·{' '}
						{programme.sequential ? t('programmes.inOrder') : t('programme.anyOrder')}
					</p>
					{locked ? (
						<Notice
							tone="info"
							role="status"
							className="mt-6 max-w-2xl"
							title={t('programme.lockedTitle', { title: locked.title, waitingFor: locked.waitingFor })}
						>
							{t('programme.lockedBody')}
						</Notice>
					) : null}
					<div className="mt-6">
						{enrolment?.certificateCode ? (
							<div role="status" className="max-w-2xl rounded-2xl border-2 border-green-700 bg-green-50 p-5">
								<p className="text-lg font-semibold text-green-900">
									{t('programme.completedOn', { date: format.date(enrolment.completedAt!) })}
								</p>
								<p className="mt-3 flex flex-wrap gap-3">
									<ButtonLink to={`/programme-certificates/${enrolment.certificateCode}.pdf`} reloadDocument>
										{t('programmes.certificate')}
									</ButtonLink>
									<ButtonLink to={`/verify/programmes/${enrolment.certificateCode}`} variant="secondary">
										{t('programme.verifyPage')}
									</ButtonLink>
								</p>
							</div>
						) : enrolment ? (
							<p role="status" className="text-lg font-semibold text-brand-900">
								{t('programme.joinedOn', { date: format.date(enrolment.enrolledAt) })}
							</p>
						) : (
							<Form method="post">
								<input type="hidden" name="intent" value={priced ? 'buy' : 'join'} />
								<Button type="submit" size="lg">
									{priced
										? signedIn
											? t('programme.buy', { price: format.coursePrice(programme.pricePence) })
											: t('programme.logInToBuy')
										: signedIn
											? t('programme.join')
											: t('programme.logInToJoin')}
								</Button>
							</Form>
						)}
						{actionData?.error ? (
							<Notice tone="error" role="alert" title={actionData.error} className="mt-4 max-w-2xl" />
						) : null}
					</div>
					{priced && !enrolment ? <p className="mt-4 max-w-3xl text-stone-700">{t('programme.onePrice')}</p> : null}
					{!priced && paid.length && !enrolment?.certificateCode ? (
						<p className="mt-4 max-w-3xl text-stone-700">{t('programme.soldSeparately', { count: paid.length })}</p>
					) : null}
				</Container>
			</div>
			<Container className="py-10 sm:py-12">
				<div className="grid gap-10 lg:grid-cols-3">
					<section aria-labelledby="courses-heading" className="lg:col-span-2">
						<h2 id="courses-heading" className="text-2xl font-bold text-stone-900">
							{t('programme.coursesHeading')}
						</h2>
						<ol className="mt-6 space-y-4">
							{programme.courses.map((course) => (
								<li key={course.slug} className="rounded-2xl border border-stone-200 bg-white p-5">
									<div className="flex flex-wrap items-start justify-between gap-3">
										<div>
											<p className="text-sm font-semibold text-accent-700">
												{t('programme.courseNumber', { position: course.position })}
											</p>
											<h3 className="mt-1 text-lg font-semibold text-stone-900">
												<Link to={`/courses/${course.slug}`} className="underline-offset-2 hover:underline">
													{course.title}
												</Link>
											</h3>
											<p className="mt-1 text-stone-700">{course.summary}</p>
											<p className="mt-2 text-sm text-stone-700">
												{formatCpdHours(course.cpdMinutes, format.language)} · {format.coursePrice(course.pricePence)}
											</p>
										</div>
										{course.state ? (
											<Badge
												tone={course.state === 'completed' ? 'success' : course.state === 'open' ? 'brand' : 'neutral'}
											>
												{t(`programme.states.${course.state}`)}
											</Badge>
										) : null}
									</div>
									<CourseAction course={course} />
								</li>
							))}
						</ol>
					</section>
					{blocks.length ? (
						<section aria-labelledby="about-heading">
							<h2 id="about-heading" className="text-2xl font-bold text-stone-900">
								{t('programme.about')}
							</h2>
							<div className="mt-4 space-y-4 text-stone-800">
								{blocks.map((block, index) =>
									block.kind === 'list' ? (
										<ul key={index} className="list-disc space-y-1 pl-6">
											{block.items.map((item) => (
												<li key={item}>{item}</li>
											))}
										</ul>
									) : block.kind === 'heading' ? (
										<h3 key={index} className="text-lg font-semibold text-stone-900">
											{block.text}
										</h3>
									) : (
										<p key={index}>{block.text}</p>
									),
								)}
							</div>
						</section>
					) : null}
				</div>
			</Container>
		</>
	)
}

type CourseRow = Route.ComponentProps['loaderData']['programme']['courses'][number]

/** What a learner on the programme can do with each course now. */
function CourseAction({ course }: { course: CourseRow }) {
	const { t } = useTranslation('catalogue')
	const format = useFormat()
	if (!course.available && course.state !== 'completed' && !course.enrolled) {
		return <p className="mt-3 text-stone-700">{t('programme.closed')}</p>
	}
	if (!course.state || course.state === 'locked') return null
	if (course.state === 'completed') {
		return course.certificateCode ? (
			<p className="mt-3">
				<Link
					to={`/verify/${course.certificateCode}`}
					className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
				>
					{t('programme.courseCertificate', { code: course.certificateCode })}
				</Link>
			</p>
		) : null
	}
	if (course.enrolled) {
		return (
			<p className="mt-3">
				<ButtonLink to={`/learn/${course.slug}`}>{t('programme.goToCourse')}</ButtonLink>
			</p>
		)
	}
	return (
		<p className="mt-3">
			<ButtonLink to={`/courses/${course.slug}/buy`}>
				{t('programme.buyCourse', { price: format.coursePrice(course.pricePence) })}
			</ButtonLink>
		</p>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
