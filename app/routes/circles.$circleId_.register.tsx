import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import { BookPeopleForm } from '#app/components/circles/book-people-form.tsx'
import { CircleTime } from '#app/components/circles/circle-time.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ConfirmPanel } from '#app/components/org/org-ui.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithDomainError, replyWithProblem, withDomainErrors } from '#app/utils/errors.server.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { qrCodeDataUrl } from '#app/utils/qr-code.server.ts'
import { appUrl } from '#modules/env/env.ts'
import { markRegister, unmarkAttendance } from '#modules/circles/attendance.ts'
import { bookPeople } from '#modules/circles/book-circle.ts'
import { getRegister, listBookablePeople } from '#modules/circles/queries.ts'
import { BookPeopleSchema } from '#modules/circles/schemas.ts'
import { cancelCircle } from '#modules/circles/schedule-circle.ts'
import { z } from 'zod'
import type { Route } from './+types/circles.$circleId_.register'

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		loaderData
			? t('register.metaTitleCircle', { ns: 'circles', title: loaderData.circle.title })
			: t('register.metaTitle', { ns: 'circles' }),
		t('register.metaDescription', { ns: 'circles' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const circle = await withDomainErrors(() =>
		getRegister({ circleId: params.circleId, actorId: user.id, now: new Date() }),
	)
	// The QR code opens the circle's page with the code filled in; it is shown only while check-in is open.
	const checkInUrl = `${appUrl()}/circles/${circle.id}?code=${circle.checkInCode}`
	// An organisation's circle that has not ended can have its people booked into it by whoever runs it.
	const bookable =
		circle.organisationId && !circle.ended && !circle.cancelledAt
			? await listBookablePeople({ circleId: circle.id, actorId: user.id })
			: null
	return { circle, bookable, qrCode: circle.checkInOpen ? await qrCodeDataUrl(checkInUrl) : null }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

const RegisterSchema = z.object({
	intent: z.enum(['mark', 'cancel-circle']),
	userId: z.array(z.string().max(64)).max(500).default([]),
})

// "Take … off the register" buttons carry the person: intent=unmark:<userId>.
const UnmarkSchema = z.object({ intent: z.string().regex(/^unmark:[\w-]{1,64}$/) })

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const formData = await request.formData()
	const now = new Date()
	const t = await getT(request)
	if (formData.get('intent') === 'book-people') {
		const submission = parseWithZod(formData, { schema: BookPeopleSchema })
		if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
		let outcome
		try {
			outcome = await bookPeople({
				circleId: params.circleId,
				actorId: user.id,
				userIds: submission.value.userId,
				teamId: submission.value.teamId ?? null,
				now,
			})
		} catch (error) {
			return replyWithDomainError(submission, error)
		}
		const query = new URLSearchParams({
			booked: String(outcome.booked),
			waiting: String(outcome.waiting),
			already: String(outcome.already),
		})
		throw redirect(`/circles/${encodeURIComponent(params.circleId)}/register?${query}#people-heading`)
	}
	const unmark = UnmarkSchema.safeParse({ intent: formData.get('intent') })
	if (unmark.success) {
		const userId = unmark.data.intent.slice('unmark:'.length)
		try {
			const { reflectionKept } = await unmarkAttendance({ circleId: params.circleId, actorId: user.id, userId, now })
			return {
				ok: true as const,
				message: reflectionKept
					? t('register.unmarkedKept', { ns: 'circles' })
					: t('register.unmarked', { ns: 'circles' }),
			}
		} catch (error) {
			return replyWithProblem(error, {})
		}
	}
	const parsed = RegisterSchema.safeParse({ intent: formData.get('intent'), userId: formData.getAll('userId') })
	if (!parsed.success)
		return data({ ok: false as const, message: t('register.chooseWho', { ns: 'circles' }) }, { status: 400 })
	try {
		if (parsed.data.intent === 'cancel-circle') {
			await cancelCircle({ actorId: user.id, circleId: params.circleId, now })
			return { ok: true as const, message: t('register.cancelledDone', { ns: 'circles' }) }
		}
		const { recorded } = await markRegister({
			circleId: params.circleId,
			actorId: user.id,
			userIds: parsed.data.userId,
			now,
		})
		return {
			ok: true as const,
			message: t('register.marked', { ns: 'circles', people: t('people', { ns: 'circles', count: recorded }) }),
		}
	} catch (error) {
		return replyWithProblem(error, {})
	}
}

export default function CircleRegisterRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { circle, qrCode, bookable } = loaderData
	const navigation = useNavigation()
	const { t } = useTranslation('circles')
	const [searchParams] = useSearchParams()
	const scheduled = searchParams.get('scheduled') === '1'
	const updated = searchParams.get('updated')
	const confirmCancel = searchParams.get('cancel') === 'confirm' && !actionData
	const bookedNow = searchParams.has('booked') ? bookedSummary(t, searchParams) : null
	const notice = actionData && 'message' in actionData ? actionData : null
	// The outcome of booking people or correcting the register is where keyboard users land.
	useEffect(() => {
		if (bookedNow || notice) document.getElementById('register-outcome')?.focus()
	}, [bookedNow, notice])
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to={`/circles/${circle.id}`} className="font-medium text-brand-700 underline underline-offset-2">
					{t('register.back')}
				</Link>
			</p>
			<h1 className="mt-4 text-3xl font-bold tracking-tight text-stone-900">
				{t('register.heading', { title: circle.title })}
			</h1>
			<p className="mt-2 text-stone-800">
				<CircleTime startsAt={circle.startsAt} durationMinutes={circle.durationMinutes} />
				{t('register.summary', {
					booked: circle.booked,
					capacity: circle.capacity,
					waiting: t('people', { count: circle.waiting.length }),
				})}
			</p>
			{scheduled ? <Notice tone="success" role="status" title={t('register.scheduled')} className="mt-6" /> : null}
			{updated ? (
				<Notice
					tone="success"
					role="status"
					title={updated === 'moved' ? t('register.savedMoved') : t('register.saved')}
					className="mt-6"
				/>
			) : null}
			{notice ? (
				<Notice
					id="register-outcome"
					tabIndex={-1}
					tone={notice.ok ? 'success' : 'error'}
					role={notice.ok ? 'status' : 'alert'}
					title={notice.message}
					className="mt-6"
				/>
			) : bookedNow ? (
				<Notice id="register-outcome" tabIndex={-1} tone="success" role="status" title={bookedNow} className="mt-6" />
			) : null}
			{circle.cancelledAt ? <Notice tone="warning" title={t('register.cancelled')} className="mt-6" /> : null}

			<section aria-labelledby="code-heading" className="mt-8 rounded-2xl border-2 border-brand-700 bg-brand-50 p-5">
				<h2 id="code-heading" className="text-xl font-bold text-stone-900">
					{t('register.code')}
				</h2>
				{circle.checkInOpen ? (
					<div className="mt-3 flex flex-wrap items-center gap-6">
						<p
							className="font-mono text-5xl font-bold tracking-[0.3em] text-brand-900"
							aria-label={t('register.codeLabel', { code: circle.checkInCode.split('').join(' ') })}
						>
							{circle.checkInCode}
						</p>
						{qrCode ? <img src={qrCode} width={160} height={160} alt={t('register.qrAlt')} /> : null}
						<p className="max-w-sm text-stone-800">{t('register.showCode')}</p>
					</div>
				) : (
					<p className="mt-3 text-stone-800">{t('register.codeLater')}</p>
				)}
			</section>

			<section aria-labelledby="people-heading" className="mt-8">
				<h2 id="people-heading" className="text-xl font-bold text-stone-900">
					{t('register.withPlace')}
				</h2>
				{circle.people.length === 0 ? (
					<p className="mt-3 text-stone-700">{t('register.nobody')}</p>
				) : (
					<Form method="post" className="mt-3">
						<fieldset>
							<legend className="text-stone-800">{circle.started ? t('register.tick') : t('register.later')}</legend>
							<ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
								{circle.people.map((person) => (
									<li key={person.id} className="flex items-center gap-3 px-4 py-3">
										{person.attended ? (
											<Badge tone="success">
												{person.attended.method === 'CODE' ? t('register.checkedIn') : t('register.markedPresent')}
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
										{person.attended && circle.canUnmark ? (
											<Button
												type="submit"
												name="intent"
												value={`unmark:${person.id}`}
												variant="secondary"
												className="ml-auto"
												aria-disabled={navigation.state === 'submitting' || undefined}
											>
												{t('register.takeOff')}
												<span className="sr-only">: {person.name}</span>
											</Button>
										) : null}
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
								{t('register.save')}
							</Button>
						) : null}
					</Form>
				)}
			</section>

			{bookable ? (
				<BookPeopleForm
					lastResult={actionData && 'result' in actionData ? actionData.result : undefined}
					people={bookable.people}
					teams={bookable.teams}
					placesLeft={Math.max(0, circle.capacity - circle.booked)}
				/>
			) : null}

			{circle.waiting.length ? (
				<section aria-labelledby="waiting-heading" className="mt-8">
					<h2 id="waiting-heading" className="text-xl font-bold text-stone-900">
						{t('register.waitingList')}
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
					<ConfirmPanel title={t('register.cancelTitle')} tone="danger">
						<p>{t('register.cancelText')}</p>
						<Form method="post" className="flex flex-wrap gap-3">
							<Button type="submit" name="intent" value="cancel-circle" variant="danger">
								{t('register.yesCancel')}
							</Button>
							<ButtonLink to={`/circles/${circle.id}/register`} variant="secondary">
								{t('register.keep')}
							</ButtonLink>
						</Form>
					</ConfirmPanel>
				) : (
					<p className="mt-10 flex flex-wrap gap-3">
						<ButtonLink to={`/circles/${circle.id}/edit`} variant="secondary">
							{t('register.change')}
						</ButtonLink>
						<ButtonLink to={`/circles/${circle.id}/register?cancel=confirm`} variant="secondary">
							{t('register.cancel')}
						</ButtonLink>
					</p>
				)
			) : null}
		</Container>
	)
}

function bookedSummary(t: TFunction<'circles'>, params: URLSearchParams) {
	const count = (name: string) => Number(params.get(name)) || 0
	const people = (name: string) => t('people', { count: count(name) })
	const parts = [
		t('register.booked', { people: people('booked') }),
		count('waiting') ? t('register.bookedWaiting', { people: people('waiting') }) : '',
		count('already') ? t('register.already', { people: people('already') }) : '',
	].filter(Boolean)
	return t('register.bookedEnd', { parts: parts.join(', ') })
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
