import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect } from 'react'
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
import { formatCpdHours, pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { checkIn } from '#modules/circles/attendance.ts'
import { bookCircle, cancelBooking } from '#modules/circles/book-circle.ts'
import { getCircle } from '#modules/circles/queries.ts'
import { CheckInSchema } from '#modules/circles/schemas.ts'
import type { Route } from './+types/circles.$circleId'

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

export const meta: Route.MetaFunction = ({ loaderData, error }) => {
	if (!loaderData || error) {
		return pageMeta(
			isRouteErrorResponse(error) && error.status === 404 ? 'Circle not found | Circle' : errorTitle(error),
			'This circle could not be shown.',
			NOINDEX,
		)
	}
	return pageMeta(
		`${loaderData.circle.title} | Reflective circles | Circle`,
		'A facilitated reflective circle.',
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
	if (intent !== 'book' && intent !== 'cancel')
		return data({ ok: false as const, message: 'Unknown action' }, { status: 400 })
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

const DONE: Record<string, { title: string; tone: 'success' | 'info' }> = {
	booked: { title: 'You have a place. We have emailed you a calendar invitation.', tone: 'success' },
	waiting: {
		title:
			'The circle is full, so you are on the waiting list. If a place comes up it is yours automatically, and we will email you.',
		tone: 'info',
	},
	cancelled: { title: 'Your booking is cancelled.', tone: 'info' },
	'checked-in': {
		title: 'You are checked in. The circle is in your CPD portfolio as participatory learning.',
		tone: 'success',
	},
}

export default function CircleRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { circle, code } = loaderData
	const [searchParams] = useSearchParams()
	const done = DONE[searchParams.get('done') ?? '']
	// The outcome of what they just did is where keyboard and screen reader users land.
	useEffect(() => {
		if (done) document.getElementById('circle-outcome')?.focus()
	}, [done])
	const problem = actionData && 'message' in actionData ? actionData.message : null
	const about = circle.course?.publishedVersion?.title ?? circle.programme?.title ?? null
	return (
		<Container width="prose" className="py-10 sm:py-12">
			<p>
				<Link to="/circles" className="font-medium text-brand-700 underline underline-offset-2">
					Reflective circles
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">{circle.title}</h1>
			{done ? (
				<Notice id="circle-outcome" tabIndex={-1} tone={done.tone} role="status" title={done.title} className="mt-6" />
			) : null}
			{problem ? <Notice tone="error" role="alert" title={problem} className="mt-6" /> : null}
			<dl className="mt-6 space-y-3 text-stone-800">
				<div>
					<dt className="font-semibold">When</dt>
					<dd>
						<CircleTime startsAt={circle.startsAt} durationMinutes={circle.durationMinutes} />
					</dd>
				</div>
				<div>
					<dt className="font-semibold">Where</dt>
					<dd>
						{circle.mode === 'IN_PERSON' ? (
							circle.venue
						) : circle.meetingUrl ? (
							<a
								href={circle.meetingUrl}
								className="font-medium text-brand-700 underline underline-offset-2"
								rel="noopener noreferrer"
							>
								Join online: {circle.meetingUrl}
							</a>
						) : (
							'Online. The link is shown here to people with a place.'
						)}
					</dd>
				</div>
				<div>
					<dt className="font-semibold">Facilitator</dt>
					<dd>{circle.facilitator.name}</dd>
				</div>
				{about ? (
					<div>
						<dt className="font-semibold">Part of</dt>
						<dd>{about}</dd>
					</div>
				) : null}
				<div>
					<dt className="font-semibold">Places</dt>
					<dd>
						{circle.booked} of {circle.capacity} taken
						{circle.placesLeft === 0 ? ' (full: new bookings join the waiting list)' : ''}
					</dd>
				</div>
				<div>
					<dt className="font-semibold">CPD</dt>
					<dd>{formatCpdHours(circle.durationMinutes)} of participatory learning when you attend</dd>
				</div>
			</dl>
			{circle.description ? <p className="mt-6 whitespace-pre-line text-stone-800">{circle.description}</p> : null}
			{circle.questions.length ? (
				<section aria-labelledby="questions-heading" className="mt-8">
					<h2 id="questions-heading" className="text-xl font-bold text-stone-900">
						The circle’s questions
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
					Your booking
				</h2>
				<BookingPanel circle={circle} />
			</section>
			{circle.myStatus === 'BOOKED' && !circle.attendedAt && circle.checkInOpen ? (
				<CheckInForm code={code} lastResult={actionData && 'result' in actionData ? actionData.result : undefined} />
			) : null}
			{circle.runs ? (
				<p className="mt-8">
					<ButtonLink to={`/circles/${circle.id}/register`} variant="secondary">
						Register and check-in code
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
	if (circle.cancelledAt) return <p className="mt-3 text-stone-800">This circle has been cancelled.</p>
	if (circle.attendedAt) {
		return (
			<p className="mt-3 text-stone-800">
				<Badge tone="success">Attended</Badge> Its hours are in your{' '}
				<Link to="/cpd" className="font-medium text-brand-700 underline underline-offset-2">
					CPD portfolio
				</Link>
				.
			</p>
		)
	}
	if (circle.ended) return <p className="mt-3 text-stone-800">This circle has ended.</p>
	return (
		<div className="mt-3 space-y-3 text-stone-800">
			<p>
				{circle.myStatus === 'BOOKED'
					? circle.checkInOpen
						? 'You have a place, and the circle is running: check in below with the code the facilitator shows.'
						: 'You have a place.'
					: circle.myStatus === 'WAITING'
						? `You are on the waiting list: number ${circle.waitingPosition}. If someone cancels, the first person waiting gets the place automatically.`
						: circle.placesLeft > 0
							? `${pluralise(circle.placesLeft, 'place')} left.`
							: 'The circle is full. You can join the waiting list.'}
			</p>
			<Form method="post">
				{circle.myStatus === 'BOOKED' || circle.myStatus === 'WAITING' ? (
					<Button type="submit" name="intent" value="cancel" variant="secondary" aria-disabled={busy || undefined}>
						{circle.myStatus === 'BOOKED' ? 'Cancel my place' : 'Leave the waiting list'}
					</Button>
				) : (
					<Button type="submit" name="intent" value="book" aria-disabled={busy || undefined}>
						{circle.placesLeft > 0 ? 'Book a place' : 'Join the waiting list'}
					</Button>
				)}
			</Form>
		</div>
	)
}

function CheckInForm({ code, lastResult }: { code: string; lastResult: SubmissionResult<string[]> | undefined }) {
	const navigation = useNavigation()
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
				Check in
			</h2>
			<Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="check-in" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: 'Check-in code' }}
					description="The six characters the facilitator is showing."
					inputProps={{
						...getInputProps(fields.code, { type: 'text' }),
						autoComplete: 'off',
						autoCapitalize: 'characters',
					}}
					errors={fields.code.errors}
				/>
				<SubmitButton pending={navigation.state === 'submitting'} pendingText="Checking in…">
					Check in
				</SubmitButton>
			</Form>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
