import { data, Form, Link, useNavigation, useSearchParams } from 'react-router'
import { CircleTime } from '#app/components/circles/circle-time.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ConfirmPanel } from '#app/components/org/org-ui.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithProblem, withDomainErrors } from '#app/utils/errors.server.ts'
import { pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { qrCodeDataUrl } from '#app/utils/qr-code.server.ts'
import { appUrl } from '#modules/env/env.ts'
import { markRegister } from '#modules/circles/attendance.ts'
import { getRegister } from '#modules/circles/queries.ts'
import { cancelCircle } from '#modules/circles/schedule-circle.ts'
import { z } from 'zod'
import type { Route } from './+types/circles.$circleId_.register'

export const meta: Route.MetaFunction = ({ loaderData }) =>
	pageMeta(
		`Register${loaderData ? `: ${loaderData.circle.title}` : ''} | Circle`,
		'A circle’s register and check-in code.',
		NOINDEX,
	)

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const circle = await withDomainErrors(() =>
		getRegister({ circleId: params.circleId, actorId: user.id, now: new Date() }),
	)
	// The QR code opens the circle's page with the code filled in; it is shown only while check-in is open.
	const checkInUrl = `${appUrl()}/circles/${circle.id}?code=${circle.checkInCode}`
	return { circle, qrCode: circle.checkInOpen ? await qrCodeDataUrl(checkInUrl) : null }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

const RegisterSchema = z.object({
	intent: z.enum(['mark', 'cancel-circle']),
	userId: z.array(z.string().max(64)).max(500).default([]),
})

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const formData = await request.formData()
	const parsed = RegisterSchema.safeParse({ intent: formData.get('intent'), userId: formData.getAll('userId') })
	if (!parsed.success) return data({ ok: false as const, message: 'Choose who attended.' }, { status: 400 })
	const now = new Date()
	try {
		if (parsed.data.intent === 'cancel-circle') {
			await cancelCircle({ actorId: user.id, circleId: params.circleId, now })
			return { ok: true as const, message: 'The circle is cancelled. Everyone booked or waiting has been emailed.' }
		}
		const { recorded } = await markRegister({
			circleId: params.circleId,
			actorId: user.id,
			userIds: parsed.data.userId,
			now,
		})
		return { ok: true as const, message: `${pluralise(recorded, 'person', 'people')} marked as attended.` }
	} catch (error) {
		return replyWithProblem(error, {})
	}
}

export default function CircleRegisterRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { circle, qrCode } = loaderData
	const navigation = useNavigation()
	const [searchParams] = useSearchParams()
	const scheduled = searchParams.get('scheduled') === '1'
	const updated = searchParams.get('updated')
	const confirmCancel = searchParams.get('cancel') === 'confirm' && !actionData
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to={`/circles/${circle.id}`} className="font-medium text-brand-700 underline underline-offset-2">
					The circle’s page
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">Register: {circle.title}</h1>
			<p className="mt-2 text-stone-800">
				<CircleTime startsAt={circle.startsAt} durationMinutes={circle.durationMinutes} /> · {circle.booked} of{' '}
				{circle.capacity} places taken · {pluralise(circle.waiting.length, 'person', 'people')} waiting
			</p>
			{scheduled ? <Notice tone="success" role="status" title="The circle is scheduled." className="mt-6" /> : null}
			{updated ? (
				<Notice
					tone="success"
					role="status"
					title={
						updated === 'moved' ? 'Saved. Everyone with a place has been emailed an updated invitation.' : 'Saved.'
					}
					className="mt-6"
				/>
			) : null}
			{actionData ? (
				<Notice
					tone={actionData.ok ? 'success' : 'error'}
					role={actionData.ok ? 'status' : 'alert'}
					title={actionData.message}
					className="mt-6"
				/>
			) : null}
			{circle.cancelledAt ? <Notice tone="warning" title="This circle has been cancelled." className="mt-6" /> : null}

			<section aria-labelledby="code-heading" className="mt-8 rounded-2xl border-2 border-brand-700 bg-brand-50 p-5">
				<h2 id="code-heading" className="text-xl font-bold text-stone-900">
					Check-in code
				</h2>
				{circle.checkInOpen ? (
					<div className="mt-3 flex flex-wrap items-center gap-6">
						<p
							className="font-mono text-5xl font-bold tracking-[0.3em] text-brand-900"
							aria-label={`Check-in code: ${circle.checkInCode.split('').join(' ')}`}
						>
							{circle.checkInCode}
						</p>
						{qrCode ? (
							<img
								src={qrCode}
								width={160}
								height={160}
								alt="QR code that opens the circle’s page with this code filled in"
							/>
						) : null}
						<p className="max-w-sm text-stone-800">
							Show this to the circle. People with a place enter it on the circle’s page (or scan the QR code) until the
							circle ends.
						</p>
					</div>
				) : (
					<p className="mt-3 text-stone-800">
						The code appears here when the circle starts, and works only until it ends.
					</p>
				)}
			</section>

			<section aria-labelledby="register-heading" className="mt-8">
				<h2 id="register-heading" className="text-xl font-bold text-stone-900">
					People with a place
				</h2>
				{circle.people.length === 0 ? (
					<p className="mt-3 text-stone-700">Nobody has booked yet.</p>
				) : (
					<Form method="post" className="mt-3">
						<fieldset>
							<legend className="text-stone-800">
								{circle.started ? 'Tick everyone who attended.' : 'You can mark the register once the circle starts.'}
							</legend>
							<ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
								{circle.people.map((person) => (
									<li key={person.id} className="flex items-center gap-3 px-4 py-3">
										{person.attended ? (
											<Badge tone="success">
												{person.attended.method === 'CODE' ? 'Checked in' : 'Marked present'}
											</Badge>
										) : (
											<input
												type="checkbox"
												name="userId"
												value={person.id}
												id={`attended-${person.id}`}
												disabled={!circle.started || Boolean(circle.cancelledAt)}
												className="size-5"
											/>
										)}
										<label htmlFor={`attended-${person.id}`} className="text-stone-900">
											{person.name} <span className="text-stone-700">({person.email})</span>
										</label>
									</li>
								))}
							</ul>
						</fieldset>
						{circle.started && !circle.cancelledAt ? (
							<Button
								type="submit"
								name="intent"
								value="mark"
								className="mt-4"
								aria-disabled={navigation.state === 'submitting' || undefined}
							>
								Save the register
							</Button>
						) : null}
					</Form>
				)}
			</section>

			{circle.waiting.length ? (
				<section aria-labelledby="waiting-heading" className="mt-8">
					<h2 id="waiting-heading" className="text-xl font-bold text-stone-900">
						Waiting list
					</h2>
					<ol className="mt-3 list-decimal space-y-1 pl-6 text-stone-800">
						{circle.waiting.map((person) => (
							<li key={person.id}>{person.name}</li>
						))}
					</ol>
				</section>
			) : null}

			{!circle.started && !circle.cancelledAt ? (
				confirmCancel ? (
					<ConfirmPanel title="Cancel this circle?" tone="danger">
						<p>
							Everyone with a place or on the waiting list is emailed, and the event is removed from the calendars of
							people with a place. This cannot be undone.
						</p>
						<Form method="post" className="flex flex-wrap gap-3">
							<Button type="submit" name="intent" value="cancel-circle" variant="danger">
								Yes, cancel the circle
							</Button>
							<ButtonLink to={`/circles/${circle.id}/register`} variant="secondary">
								Keep it
							</ButtonLink>
						</Form>
					</ConfirmPanel>
				) : (
					<p className="mt-10 flex flex-wrap gap-3">
						<ButtonLink to={`/circles/${circle.id}/edit`} variant="secondary">
							Change the circle
						</ButtonLink>
						<ButtonLink to={`/circles/${circle.id}/register?cancel=confirm`} variant="secondary">
							Cancel this circle
						</ButtonLink>
					</p>
				)
			) : null}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
