import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, isRouteErrorResponse, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import { CircleTime } from '#app/components/circles/circle-time.tsx'
import { errorTitle, GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SubmitButton } from '#app/components/forms.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, replyWithProblem, withDomainErrors } from '#app/utils/errors.server.ts'
import { useCpdFormat } from '#app/components/cpd/use-cpd-format.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { checkIn } from '#modules/circles/attendance.ts'
import { bookCircle, cancelBooking } from '#modules/circles/book-circle.ts'
import { getCircle } from '#modules/circles/queries.ts'
import { CheckInSchema } from '#modules/circles/schemas.ts'
import type { Route } from './+types/circles.$circleId'
import { Trans } from '#app/utils/trans.tsx'

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const circle = await withDomainErrors(() =>
		getCircle({ circleId: params.circleId, userId: user.id, now: new Date() }),
	)
	// A QR code opens this page with ?code=: the field is filled in, and the attendee only confirms.
	const code = new URL(request.url).searchParams.get('code')?.slice(0, 12) ?? ''
	return { circle, code }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export const meta: Route.MetaFunction = ({ loaderData, error, matches }) => {
	const t = metaT(matches)
	if (!loaderData || error) {
		return pageMeta(
			isRouteErrorResponse(error) && error.status === 404 ? t('circle.notFound', { ns: 'circles' }) : errorTitle(error),
			t('circle.couldNotShow', { ns: 'circles' }),
			NOINDEX,
		)
	}
	return pageMeta(
		t('circle.metaTitle', { ns: 'circles', title: loaderData.circle.title }),
		t('circle.metaDescription', { ns: 'circles' }),
		NOINDEX,
	)
}

export async function action({ request, params }: Route.ActionArgs) {
	const here = `/circles/${encodeURIComponent(params.circleId)}`
	const user = await requireUser(request, { redirectTo: here })
	const formData = await request.formData()
	const intent = formData.get('intent')
	const now = new Date()
	if (intent === 'check-in') {
		const submission = parseWithZod(formData, { schema: CheckInSchema })
		if (submission.status !== 'success') return data({ result: submission.reply(), intent }, { status: 400 })
		try {
			await checkIn({ circleId: params.circleId, userId: user.id, code: submission.value.code, now })
		} catch (error) {
			return replyWithDomainError(submission, error)
		}
		throw redirect(`${here}?done=checked-in`)
	}
	if (intent !== 'book' && intent !== 'cancel') {
		const t = await getT(request)
		return data({ ok: false as const, message: t('circle.unknownAction', { ns: 'circles' }) }, { status: 400 })
	}
	try {
		if (intent === 'book') {
			const { status } = await bookCircle({ circleId: params.circleId, userId: user.id, now })
			throw redirect(`${here}?done=${status === 'BOOKED' ? 'booked' : 'waiting'}`)
		}
		await cancelBooking({ circleId: params.circleId, userId: user.id, now })
		throw redirect(`${here}?done=cancelled`)
	} catch (error) {
		if (error instanceof Response) throw error
		return replyWithProblem(error, { intent })
	}
}

const DONE = {
	booked: 'success',
	waiting: 'info',
	cancelled: 'info',
	'checked-in': 'success',
} as const satisfies Record<string, 'success' | 'info'>

export default function CircleRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { circle, code } = loaderData
	const [searchParams] = useSearchParams()
	const { t } = useTranslation('circles')
	const f = useCpdFormat()
	const doneKey = searchParams.get('done') ?? ''
	const done =
		doneKey in DONE
			? { tone: DONE[doneKey as keyof typeof DONE], title: t(`circle.done.${doneKey as keyof typeof DONE}`) }
			: null
	// The outcome of what they just did is where keyboard and screen reader users land.
	useEffect(() => {
		if (doneKey in DONE) document.getElementById('circle-outcome')?.focus()
	}, [doneKey])
	const problem = actionData && 'message' in actionData ? actionData.message : null
	const about = circle.course?.publishedVersion?.title ?? circle.programme?.title ?? null
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/circles" className="font-medium text-brand-700 underline underline-offset-2">
					{t('circle.back')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{circle.title}</h1>
			{done ? (
				<Notice id="circle-outcome" tabIndex={-1} tone={done.tone} role="status" title={done.title} className="mt-6" />
			) : null}
			{problem ? <Notice tone="error" role="alert" title={problem} className="mt-6" /> : null}
			<dl className="mt-6 space-y-3 text-stone-800">
				<div>
					<dt className="font-semibold">{t('circle.when')}</dt>
					<dd>
						<CircleTime startsAt={circle.startsAt} durationMinutes={circle.durationMinutes} />
					</dd>
				</div>
				<div>
					<dt className="font-semibold">{t('circle.where')}</dt>
					<dd>
						{circle.mode === 'IN_PERSON' ? (
							circle.venue
						) : circle.meetingUrl ? (
							<a
								href={circle.meetingUrl}
								className="font-medium text-brand-700 underline underline-offset-2"
								rel="noopener noreferrer"
							>
								{t('circle.joinOnline', { url: circle.meetingUrl })}
							</a>
						) : (
							t('circle.onlineHidden')
						)}
					</dd>
				</div>
				<div>
					<dt className="font-semibold">{t('circle.facilitator')}</dt>
					<dd>{circle.facilitator.name}</dd>
				</div>
				{about ? (
					<div>
						<dt className="font-semibold">{t('circle.partOf')}</dt>
						<dd>{about}</dd>
					</div>
				) : null}
				<div>
					<dt className="font-semibold">{t('circle.places')}</dt>
					<dd>
						{t('circle.taken', { booked: circle.booked, capacity: circle.capacity })}
						{circle.placesLeft === 0 ? t('circle.full') : ''}
					</dd>
				</div>
				<div>
					<dt className="font-semibold">{t('circle.cpd')}</dt>
					<dd>{t('circle.cpdText', { hours: f.cpdHours(circle.durationMinutes) })}</dd>
				</div>
			</dl>
			{circle.description ? <p className="mt-6 whitespace-pre-line text-stone-800">{circle.description}</p> : null}
			{circle.questions.length ? (
				<section aria-labelledby="questions-heading" className="mt-8">
					<h2 id="questions-heading" className="text-xl font-bold text-stone-900">
						{t('circle.questions')}
					</h2>
					<ol className="mt-3 list-decimal space-y-1 pl-6 text-stone-800">
						{circle.questions.map((question) => (
							<li key={question}>{question}</li>
						))}
					</ol>
				</section>
			) : null}
			<section aria-labelledby="booking-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-5">
				<h2 id="booking-heading" className="text-xl font-bold text-stone-900">
					{t('circle.yourBooking')}
				</h2>
				<BookingPanel circle={circle} />
			</section>
			{circle.myStatus === 'BOOKED' && !circle.attendedAt && circle.checkInOpen ? (
				<CheckInForm code={code} lastResult={actionData && 'result' in actionData ? actionData.result : undefined} />
			) : null}
			{circle.runs ? (
				<p className="mt-8">
					<ButtonLink to={`/circles/${circle.id}/register`} variant="secondary">
						{t('circle.register')}
					</ButtonLink>
				</p>
			) : null}
		</Container>
	)
}

type CircleView = Route.ComponentProps['loaderData']['circle']

function BookingPanel({ circle }: { circle: CircleView }) {
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const { t } = useTranslation('circles')
	if (circle.cancelledAt) return <p className="mt-3 text-stone-800">{t('circle.cancelledCircle')}</p>
	if (circle.attendedAt) {
		return (
			<p className="mt-3 text-stone-800">
				<Badge tone="success">{t('circle.attended')}</Badge>{' '}
				<Trans
					t={t}
					i18nKey="circle.attendedText"
					components={{ a: <Link to="/cpd" className="font-medium text-brand-700 underline underline-offset-2" /> }}
				/>
			</p>
		)
	}
	if (circle.ended) return <p className="mt-3 text-stone-800">{t('circle.ended')}</p>
	return (
		<div className="mt-3 space-y-3 text-stone-800">
			<p>
				{circle.myStatus === 'BOOKED'
					? circle.checkInOpen
						? t('circle.placeRunning')
						: t('circle.place')
					: circle.myStatus === 'WAITING'
						? t('circle.waitingNumber', { position: circle.waitingPosition })
						: circle.placesLeft > 0
							? t('circle.placesLeft', { count: circle.placesLeft })
							: t('circle.isFull')}
			</p>
			<Form method="post">
				{circle.myStatus === 'BOOKED' || circle.myStatus === 'WAITING' ? (
					<Button type="submit" name="intent" value="cancel" variant="secondary" aria-disabled={busy || undefined}>
						{circle.myStatus === 'BOOKED' ? t('circle.cancelPlace') : t('circle.leaveWaiting')}
					</Button>
				) : (
					<Button type="submit" name="intent" value="book" aria-disabled={busy || undefined}>
						{circle.placesLeft > 0 ? t('circle.book') : t('circle.joinWaiting')}
					</Button>
				)}
			</Form>
		</div>
	)
}

function CheckInForm({ code, lastResult }: { code: string; lastResult: SubmissionResult<string[]> | undefined }) {
	const navigation = useNavigation()
	const { t } = useTranslation('circles')
	const [form, fields] = useForm({
		id: 'check-in',
		lastResult,
		defaultValue: { code },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CheckInSchema }),
		shouldValidate: 'onSubmit',
	})
	return (
		<section aria-labelledby="check-in-heading" className="mt-8 rounded-2xl border-2 border-brand-700 bg-brand-50 p-5">
			<h2 id="check-in-heading" className="text-xl font-bold text-stone-900">
				{t('circle.checkIn')}
			</h2>
			<Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="check-in" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: t('circle.code') }}
					description={t('circle.codeHint')}
					inputProps={{
						...getInputProps(fields.code, { type: 'text' }),
						autoComplete: 'off',
						autoCapitalize: 'characters',
					}}
					errors={fields.code.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('circle.checkingIn')}>
					{t('circle.checkIn')}
				</SubmitButton>
			</Form>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
