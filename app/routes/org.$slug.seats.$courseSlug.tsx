import { data, Form, Link, useLocation, useNavigation } from 'react-router'
import { parseWithZod } from '@conform-to/zod/v4'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InviteForm, type InviteOutcome } from '#app/components/org/invite-form.tsx'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import {
	buySeatsHref,
	ConfirmPanel,
	DataTable,
	linkClasses,
	PageHeading,
	Section,
	StatusBadge,
	tdClasses,
} from '#app/components/org/org-ui.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithDomainError, replyWithProblem } from '#app/utils/errors.server.ts'
import { formatDate, pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getSeatPoolByCourse } from '#modules/organisations/create-organisation.ts'
import { reclaimSeat, removeSeatAccess } from '#modules/organisations/end-seat.ts'
import {
	inviteStaff,
	listPendingInvitations,
	resendInvitation,
	revokeInvitation,
} from '#modules/organisations/invitations.ts'
import {
	parseInvitationCsv,
	parsePastedList,
	type InvitationRow,
} from '#modules/organisations/parse-invitation-list.ts'
import { InviteStaffFormSchema, SeatActionSchema } from '#modules/organisations/schemas.ts'
import { sendPoolReminders, sendSeatReminder } from '#modules/organisations/seat-reminders.ts'
import { getTeamReport } from '#modules/organisations/team-report.ts'
import type { Route } from './+types/org.$slug.seats.$courseSlug'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Seats: ${data?.pool.courseTitle ?? 'Course'} | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		`Seats of ${data?.organisation.name ?? 'your organisation'} on ${data?.pool.courseTitle ?? 'this course'}: invite staff, see who has a seat, reclaim or remove seats.`,
		NOINDEX,
	)

async function requirePool(request: Request, params: { slug: string; courseSlug: string }) {
	const access = await requireOrgAccess(request, params.slug)
	const pool = await getSeatPoolByCourse({ organisationId: access.organisation.id, courseSlug: params.courseSlug })
	if (!pool) throw data({ message: 'Your organisation has no seats on that course.' }, { status: 404 })
	return { access, pool }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const { access, pool } = await requirePool(request, params)
	const organisationId = access.organisation.id
	const [report, invitations] = await Promise.all([
		getTeamReport({ organisationId, filters: { courseId: pool.courseId } }),
		listPendingInvitations({ organisationId, poolId: pool.id }),
	])
	const now = Date.now()
	const holders = report.rows
		.filter((r) => r.kind === 'seat' && r.assignmentId)
		.map((r) => ({
			assignmentId: r.assignmentId!,
			name: r.name,
			email: r.email,
			status: r.status,
			progressPercent: r.progressPercent,
			lastActiveAt: r.lastActiveAt?.toISOString() ?? null,
			certificateCode: r.certificateCode,
		}))
	const pending = invitations.map((i) => ({
		id: i.id,
		email: i.email,
		invitedAt: i.createdAt.toISOString(),
		expiresAt: i.expiresAt.toISOString(),
		expired: i.expiresAt.getTime() <= now,
		invitedBy: i.invitedBy?.name ?? null,
	}))
	const waiting = pending.filter((p) => !p.expired).length
	const endId = new URL(request.url).searchParams.get('end')
	return {
		organisation: access.organisation,
		pool: { ...pool, waiting, invitable: Math.max(0, pool.free - waiting) },
		holders,
		holdersTruncated: report.truncated,
		pending,
		ending: holders.find((h) => h.assignmentId === endId) ?? null,
	}
}

type ActionReply = { intent: string; ok: boolean; message: string | null; invite?: InviteOutcome }

/** Invite, resend, revoke, reclaim, remove access and remind: owners and administrators only. */
export async function action({ request, params }: Route.ActionArgs) {
	const { access, pool } = await requirePool(request, params)
	const organisationId = access.organisation.id
	const actorId = access.actorId
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')

	if (intent === 'invite') {
		const submission = parseWithZod(formData, { schema: InviteStaffFormSchema })
		if (submission.status !== 'success') {
			return data({ intent, ok: false, message: null, invite: { result: submission.reply() } } satisfies ActionReply, {
				status: 400,
			})
		}
		const value = submission.value
		try {
			let rows: InvitationRow[]
			if (value.mode === 'single') rows = [{ row: 1, email: value.email, name: null }]
			else if (value.mode === 'list') rows = parsePastedList(value.emails)
			else rows = parseInvitationCsv(await value.file.text())
			const outcome = await inviteStaff({
				organisationId,
				poolId: pool.id,
				actorId,
				rows,
				language: value.language,
			})
			const sentAny = outcome.invited.length > 0
			return data(
				{
					intent,
					ok: sentAny,
					message: null,
					invite: {
						// Keep what was typed when nothing was sent, so it can be corrected and sent again.
						result: sentAny ? submission.reply({ resetForm: true }) : submission.reply(),
						mode: value.mode,
						invited: outcome.invited,
						rejected: outcome.rejected,
						notEnoughSeats: outcome.notEnoughSeats,
					},
				} satisfies ActionReply,
				{ status: sentAny || outcome.rejected.length === 0 ? 200 : 422 },
			)
		} catch (error) {
			const reply = replyWithDomainError(submission, error)
			return data(
				{ intent, ok: false, message: null, invite: { result: reply.data.result } } satisfies ActionReply,
				reply.init ?? undefined,
			)
		}
	}

	const submission = parseWithZod(formData, { schema: SeatActionSchema })
	if (submission.status !== 'success') {
		return data(
			{
				intent,
				ok: false,
				message: 'That request was not complete. Reload the page and try again.',
			} satisfies ActionReply,
			{
				status: 400,
			},
		)
	}
	const value = submission.value
	try {
		switch (value.intent) {
			case 'resend':
				await resendInvitation({ organisationId, invitationId: value.invitationId, actorId })
				return {
					intent,
					ok: true,
					message: 'The invitation has been sent again with a new link. The old link no longer works.',
				}
			case 'revoke':
				await revokeInvitation({ organisationId, invitationId: value.invitationId, actorId })
				return { intent, ok: true, message: 'The invitation has been withdrawn: its link no longer works.' }
			case 'reclaim':
				await reclaimSeat({ organisationId, poolId: pool.id, assignmentId: value.assignmentId, actorId })
				return { intent, ok: true, message: 'The seat is back in the pool, ready for someone else.' }
			case 'remove-access': {
				const { seatReturned } = await removeSeatAccess({
					organisationId,
					poolId: pool.id,
					assignmentId: value.assignmentId,
					actorId,
				})
				return {
					intent,
					ok: true,
					message: seatReturned
						? 'Their access has ended. They had not started, so the seat is back in the pool.'
						: 'Their access has ended. They had started the course, so the seat stays used.',
				}
			}
			case 'remind':
				await sendSeatReminder({ organisationId, poolId: pool.id, assignmentId: value.assignmentId, actorId })
				return { intent, ok: true, message: 'A reminder is on its way.' }
			case 'remind-all': {
				const { sent, skipped } = await sendPoolReminders({ organisationId, poolId: pool.id, actorId })
				const skippedNote = skipped
					? ` ${pluralise(skipped, 'person was', 'people were')} reminded in the last 24 hours, so not again.`
					: ''
				return {
					intent,
					ok: true,
					message: sent
						? `Reminders are on their way to ${pluralise(sent, 'person', 'people')}.${skippedNote}`
						: `Nobody needed a reminder.${skippedNote}`,
				}
			}
		}
	} catch (error) {
		return replyWithProblem(error, { intent })
	}
}

export default function SeatsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, pool, holders, holdersTruncated, pending, ending } = loaderData
	const navigation = useNavigation()
	const { pathname } = useLocation()
	const busy = navigation.state !== 'idle'
	const reply = actionData as ActionReply | undefined
	const notice = reply && reply.intent !== 'invite' && reply.message ? reply : null
	const base = `/org/${organisation.slug}`
	const remindable = holders.filter((h) => h.status === 'not_started' || h.status === 'in_progress').length

	return (
		<Container className="py-10">
			<p className="mb-4">
				<Link to={base} className={linkClasses}>
					Back to the overview
				</Link>
			</p>
			<PageHeading
				title={pool.courseTitle}
				intro={
					<p>
						{pool.used} of {pool.seats} seats in use · {pool.free} free
						{pool.waiting ? ` (${pluralise(pool.waiting, 'invitation')} waiting to be accepted)` : ''}
					</p>
				}
			>
				<ButtonLink to={buySeatsHref(pool.courseSlug, organisation.slug)} variant="secondary">
					Buy more seats
				</ButtonLink>
			</PageHeading>

			{notice ? (
				<Notice tone={notice.ok ? 'success' : 'error'} role={notice.ok ? 'status' : 'alert'} className="mt-6">
					{notice.message}
				</Notice>
			) : null}

			{ending ? <EndSeatConfirmation holder={ending} action={pathname} cancelTo={pathname} busy={busy} /> : null}

			<Section
				id="invite-heading"
				title="Invite staff"
				intro={
					<p>
						Each person gets an email with a link that works once and lasts 14 days. Accepting it takes a seat and
						enrols them. You can invite up to {pluralise(pool.invitable, 'more person', 'more people')} with the seats
						you have free.
					</p>
				}
			>
				<InviteForm action={pathname} outcome={reply?.intent === 'invite' ? reply.invite : undefined} />
			</Section>

			<Section
				id="holders-heading"
				title="People with a seat"
				actions={
					remindable ? (
						<Form method="post" action={pathname}>
							<input type="hidden" name="intent" value="remind-all" />
							<Button type="submit" variant="secondary" size="sm" aria-disabled={busy || undefined}>
								Remind everyone not started or stalled
							</Button>
						</Form>
					) : null
				}
				intro={<SeatRule />}
			>
				{holders.length ? (
					<DataTable
						caption={`People with a seat on ${pool.courseTitle}`}
						columns={['Person', 'Status', 'Progress', 'Last active', 'Actions']}
						minWidth="52rem"
					>
						{holders.map((h) => (
							<tr key={h.assignmentId}>
								<td className={tdClasses}>
									<span className="block font-semibold text-stone-900">{h.name ?? h.email}</span>
									{h.name ? <span className="block break-all text-stone-600">{h.email}</span> : null}
								</td>
								<td className={tdClasses}>
									<StatusBadge status={h.status} />
								</td>
								<td className={tdClasses}>{h.progressPercent}%</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{h.lastActiveAt ? formatDate(h.lastActiveAt) : 'Not yet'}
								</td>
								<td className={tdClasses}>
									<div className="flex flex-wrap items-center gap-x-4 gap-y-2">
										{h.status !== 'completed' ? (
											<Form method="post" action={pathname}>
												<input type="hidden" name="intent" value="remind" />
												<input type="hidden" name="assignmentId" value={h.assignmentId} />
												<Button type="submit" variant="ghost" size="sm" aria-disabled={busy || undefined}>
													Send reminder<span className="sr-only"> to {h.name ?? h.email}</span>
												</Button>
											</Form>
										) : null}
										<Link to={`?${new URLSearchParams({ end: h.assignmentId })}`} className={linkClasses}>
											{h.status === 'not_started' ? 'Reclaim seat' : 'Remove access'}
											<span className="sr-only"> of {h.name ?? h.email}</span>
										</Link>
									</div>
								</td>
							</tr>
						))}
					</DataTable>
				) : (
					<p className="mt-3 text-stone-700">Nobody has taken a seat yet.</p>
				)}
				{holdersTruncated ? (
					<p className="mt-2 text-stone-700">
						Showing the first {holders.length}. The{' '}
						<Link to={`${base}/report?${new URLSearchParams({ course: pool.courseSlug })}`} className={linkClasses}>
							team report
						</Link>{' '}
						lists everyone.
					</p>
				) : null}
			</Section>

			<Section id="pending-heading" title="Invitations waiting">
				{pending.length ? (
					<DataTable
						caption={`Invitations to ${pool.courseTitle} not yet accepted`}
						columns={['Email', 'Invited', 'Link expires', 'Actions']}
						minWidth="44rem"
					>
						{pending.map((i) => (
							<tr key={i.id}>
								<td className={`${tdClasses} break-all`}>{i.email}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{formatDate(i.invitedAt)}
									{i.invitedBy ? <span className="block text-stone-600">by {i.invitedBy}</span> : null}
								</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{i.expired ? <span className="font-semibold text-red-800">Expired</span> : formatDate(i.expiresAt)}
								</td>
								<td className={tdClasses}>
									<div className="flex flex-wrap gap-x-4 gap-y-2">
										<Form method="post" action={pathname}>
											<input type="hidden" name="intent" value="resend" />
											<input type="hidden" name="invitationId" value={i.id} />
											<Button type="submit" variant="ghost" size="sm" aria-disabled={busy || undefined}>
												Resend<span className="sr-only"> the invitation to {i.email}</span>
											</Button>
										</Form>
										<Form method="post" action={pathname}>
											<input type="hidden" name="intent" value="revoke" />
											<input type="hidden" name="invitationId" value={i.id} />
											<Button type="submit" variant="ghost" size="sm" aria-disabled={busy || undefined}>
												Withdraw<span className="sr-only"> the invitation to {i.email}</span>
											</Button>
										</Form>
									</div>
								</td>
							</tr>
						))}
					</DataTable>
				) : (
					<p className="mt-3 text-stone-700">No invitations are waiting.</p>
				)}
			</Section>
		</Container>
	)
}

/** The rule, in plain words, next to the buttons it governs. */
function SeatRule() {
	return (
		<p>
			<strong>Reclaim or remove?</strong> If someone has not started the course, you can reclaim their seat: it goes
			back to the pool for a colleague. Once they have started, the seat has been used: you can remove their access, but
			the seat does not come back.
		</p>
	)
}

function EndSeatConfirmation({
	holder,
	action,
	cancelTo,
	busy,
}: {
	holder: { assignmentId: string; name: string | null; email: string; status: string }
	action: string
	cancelTo: string
	busy: boolean
}) {
	const who = holder.name ?? holder.email
	const reclaim = holder.status === 'not_started'
	return (
		<ConfirmPanel
			title={reclaim ? `Reclaim the seat from ${who}?` : `Remove ${who}’s access to the course?`}
			tone={reclaim ? 'warning' : 'danger'}
		>
			{reclaim ? (
				<p>
					{who} has not started the course, so their seat goes back to the pool and you can invite someone else. They
					will no longer see the course.
				</p>
			) : (
				<>
					<p>
						{who} has started the course, so <strong>the seat has been used and does not go back to the pool</strong>.
						They will no longer be able to open the course.
					</p>
					<p>Their progress is kept: if you give them a seat again, they carry on where they left off.</p>
				</>
			)}
			<Form method="post" action={action} className="flex flex-wrap items-center gap-4 pt-1">
				<input type="hidden" name="intent" value={reclaim ? 'reclaim' : 'remove-access'} />
				<input type="hidden" name="assignmentId" value={holder.assignmentId} />
				<Button type="submit" variant={reclaim ? 'primary' : 'danger'} aria-disabled={busy || undefined}>
					{reclaim ? 'Yes, reclaim the seat' : 'Yes, remove their access'}
				</Button>
				<Link to={cancelTo} className={linkClasses}>
					Cancel
				</Link>
			</Form>
		</ConfirmPanel>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
