import { useTranslation } from 'react-i18next'
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
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
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
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const values = {
		organisation: data?.organisation.name ?? t('organisation', { ns: 'org' }),
		course: data?.pool.courseTitle ?? t('seats.course', { ns: 'org' }),
	}
	return pageMeta(
		t('seats.meta.title', { ns: 'org', ...values }),
		t('seats.meta.description', { ns: 'org', ...values }),
		NOINDEX,
	)
}

async function requirePool(request: Request, params: { slug: string; courseSlug: string }) {
	const access = await requireOrgAccess(request, params.slug)
	const pool = await getSeatPoolByCourse({ organisationId: access.organisation.id, courseSlug: params.courseSlug })
	if (!pool) throw data({ message: (await getT(request))('seats.noPool', { ns: 'org' }) }, { status: 404 })
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
	const t = await getT(request)

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
				message: t('seats.incomplete', { ns: 'org' }),
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
					message: t('seats.resent', { ns: 'org' }),
				}
			case 'revoke':
				await revokeInvitation({ organisationId, invitationId: value.invitationId, actorId })
				return { intent, ok: true, message: t('seats.revoked', { ns: 'org' }) }
			case 'reclaim':
				await reclaimSeat({ organisationId, poolId: pool.id, assignmentId: value.assignmentId, actorId })
				return { intent, ok: true, message: t('seats.reclaimed', { ns: 'org' }) }
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
					message: seatReturned ? t('seats.endedReturned', { ns: 'org' }) : t('seats.endedUsed', { ns: 'org' }),
				}
			}
			case 'remind':
				await sendSeatReminder({ organisationId, poolId: pool.id, assignmentId: value.assignmentId, actorId })
				return { intent, ok: true, message: t('seats.reminded', { ns: 'org' }) }
			case 'remind-all': {
				const { sent, skipped } = await sendPoolReminders({ organisationId, poolId: pool.id, actorId })
				return {
					intent,
					ok: true,
					message: [
						sent ? t('seats.remindersSent', { ns: 'org', count: sent }) : t('seats.nobodyNeeded', { ns: 'org' }),
						skipped ? t('seats.skipped', { ns: 'org', count: skipped }) : null,
					]
						.filter(Boolean)
						.join(' '),
				}
			}
		}
	} catch (error) {
		return replyWithProblem(error, { intent })
	}
}

const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1 }

export default function SeatsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, pool, holders, holdersTruncated, pending, ending } = loaderData
	const navigation = useNavigation()
	const { pathname } = useLocation()
	const busy = navigation.state !== 'idle'
	const { t } = useTranslation('org')
	const format = useFormat()
	const reply = actionData as ActionReply | undefined
	const notice = reply && reply.intent !== 'invite' && reply.message ? reply : null
	const base = `/org/${organisation.slug}`
	const remindable = holders.filter((h) => h.status === 'not_started' || h.status === 'in_progress').length

	return (
		<Container className="py-10">
			<p className="mb-4">
				<Link to={base} className={linkClasses}>
					{t('seats.back')}
				</Link>
			</p>
			<PageHeading
				title={pool.courseTitle}
				intro={
					<p>
						{t('seats.inUse', { used: pool.used, seats: pool.seats, free: pool.free })}
						{pool.waiting ? t('seats.waiting', { count: pool.waiting }) : null}
					</p>
				}
			>
				<ButtonLink to={buySeatsHref(pool.courseSlug, organisation.slug)} variant="secondary">
					{t('seats.buyMore')}
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
				title={t('seats.invite')}
				intro={<p>{t('seats.inviteIntro', { count: pool.invitable })}</p>}
			>
				<InviteForm action={pathname} outcome={reply?.intent === 'invite' ? reply.invite : undefined} />
			</Section>

			<Section
				id="holders-heading"
				title={t('seats.holders')}
				actions={
					remindable ? (
						<Form method="post" action={pathname}>
							<input type="hidden" name="intent" value="remind-all" />
							<Button type="submit" variant="secondary" size="sm" aria-disabled={busy || undefined}>
								{t('seats.remindAll')}
							</Button>
						</Form>
					) : null
				}
				intro={<SeatRule />}
			>
				{holders.length ? (
					<DataTable
						caption={t('seats.holdersCaption', { course: pool.courseTitle })}
						columns={[
							t('seats.columns.person'),
							t('seats.columns.status'),
							t('seats.columns.progress'),
							t('seats.columns.lastActive'),
							t('seats.columns.actions'),
						]}
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
								<td className={tdClasses}>{format.number(h.progressPercent / 100, PERCENT)}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{h.lastActiveAt ? format.date(h.lastActiveAt) : t('seats.notYet')}
								</td>
								<td className={tdClasses}>
									<div className="flex flex-wrap items-center gap-x-4 gap-y-2">
										{h.status !== 'completed' ? (
											<Form method="post" action={pathname}>
												<input type="hidden" name="intent" value="remind" />
												<input type="hidden" name="assignmentId" value={h.assignmentId} />
												<Button type="submit" variant="ghost" size="sm" aria-disabled={busy || undefined}>
													<Trans
														t={t}
														i18nKey="seats.sendReminder"
														values={{ name: h.name ?? h.email }}
														components={[<span key="to" className="sr-only" />]}
													/>
												</Button>
											</Form>
										) : null}
										<Link to={`?${new URLSearchParams({ end: h.assignmentId })}`} className={linkClasses}>
											<Trans
												t={t}
												i18nKey={h.status === 'not_started' ? 'seats.reclaim' : 'seats.removeAccess'}
												values={{ name: h.name ?? h.email }}
												components={[<span key="of" className="sr-only" />]}
											/>
										</Link>
									</div>
								</td>
							</tr>
						))}
					</DataTable>
				) : (
					<p className="mt-3 text-stone-700">{t('seats.noHolders')}</p>
				)}
				{holdersTruncated ? (
					<p className="mt-2 text-stone-700">
						<Trans
							t={t}
							i18nKey="seats.truncated"
							values={{ count: holders.length }}
							components={[
								<Link
									key="report"
									to={`${base}/report?${new URLSearchParams({ course: pool.courseSlug })}`}
									className={linkClasses}
								/>,
							]}
						/>
					</p>
				) : null}
			</Section>

			<Section id="pending-heading" title={t('seats.pending')}>
				{pending.length ? (
					<DataTable
						caption={t('seats.pendingCaption', { course: pool.courseTitle })}
						columns={[
							t('seats.columns.email'),
							t('seats.columns.invited'),
							t('seats.columns.expires'),
							t('seats.columns.actions'),
						]}
						minWidth="44rem"
					>
						{pending.map((i) => (
							<tr key={i.id}>
								<td className={`${tdClasses} break-all`}>{i.email}</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{format.date(i.invitedAt)}
									{i.invitedBy ? (
										<span className="block text-stone-600">{t('seats.invitedBy', { name: i.invitedBy })}</span>
									) : null}
								</td>
								<td className={`${tdClasses} whitespace-nowrap`}>
									{i.expired ? (
										<span className="font-semibold text-red-800">{t('seats.expired')}</span>
									) : (
										format.date(i.expiresAt)
									)}
								</td>
								<td className={tdClasses}>
									<div className="flex flex-wrap gap-x-4 gap-y-2">
										<Form method="post" action={pathname}>
											<input type="hidden" name="intent" value="resend" />
											<input type="hidden" name="invitationId" value={i.id} />
											<Button type="submit" variant="ghost" size="sm" aria-disabled={busy || undefined}>
												<Trans
													t={t}
													i18nKey="seats.resend"
													values={{ email: i.email }}
													components={[<span key="to" className="sr-only" />]}
												/>
											</Button>
										</Form>
										<Form method="post" action={pathname}>
											<input type="hidden" name="intent" value="revoke" />
											<input type="hidden" name="invitationId" value={i.id} />
											<Button type="submit" variant="ghost" size="sm" aria-disabled={busy || undefined}>
												<Trans
													t={t}
													i18nKey="seats.withdraw"
													values={{ email: i.email }}
													components={[<span key="to" className="sr-only" />]}
												/>
											</Button>
										</Form>
									</div>
								</td>
							</tr>
						))}
					</DataTable>
				) : (
					<p className="mt-3 text-stone-700">{t('seats.noPending')}</p>
				)}
			</Section>
		</Container>
	)
}

/** The rule, in plain words, next to the buttons it governs. */
function SeatRule() {
	const { t } = useTranslation('org')
	return (
		<p>
			<Trans t={t} i18nKey="seats.rule" components={[<strong key="rule" />]} />
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
	const { t } = useTranslation('org')
	const who = holder.name ?? holder.email
	const reclaim = holder.status === 'not_started'
	return (
		<ConfirmPanel
			title={reclaim ? t('seats.reclaimTitle', { name: who }) : t('seats.removeTitle', { name: who })}
			tone={reclaim ? 'warning' : 'danger'}
		>
			{reclaim ? (
				<p>{t('seats.reclaimBody', { name: who })}</p>
			) : (
				<>
					<p>
						<Trans t={t} i18nKey="seats.removeBody" values={{ name: who }} components={[<strong key="used" />]} />
					</p>
					<p>{t('seats.progressKept')}</p>
				</>
			)}
			<Form method="post" action={action} className="flex flex-wrap items-center gap-4 pt-1">
				<input type="hidden" name="intent" value={reclaim ? 'reclaim' : 'remove-access'} />
				<input type="hidden" name="assignmentId" value={holder.assignmentId} />
				<Button type="submit" variant={reclaim ? 'primary' : 'danger'} aria-disabled={busy || undefined}>
					{reclaim ? t('seats.reclaimConfirm') : t('seats.removeConfirm')}
				</Button>
				<Link to={cancelTo} className={linkClasses}>
					{t('cancel')}
				</Link>
			</Form>
		</ConfirmPanel>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
