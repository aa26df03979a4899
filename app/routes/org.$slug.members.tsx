import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useLocation, useNavigation } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireOrgAccess } from '#app/utils/org-access.server.ts'
import { ConfirmPanel, DataTable, linkClasses, PageHeading, Section, tdClasses } from '#app/components/org/org-ui.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { replyWithProblem } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { changeMemberRole, listMembers, removeMember } from '#modules/organisations/members.ts'
import { ChangeRoleSchema, ORG_ROLES, RemoveMemberSchema } from '#modules/organisations/schemas.ts'
import type { Route } from './+types/org.$slug.members'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('members.meta.title', { ns: 'org', organisation }),
		t('members.meta.description', { ns: 'org', organisation }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const members = await listMembers({ organisationId: access.organisation.id })
	const removeId = new URL(request.url).searchParams.get('remove')
	return {
		organisation: access.organisation,
		actorRole: access.role,
		actorId: access.actorId,
		members: members.map((m) => ({
			...m,
			joinedAt: m.joinedAt.toISOString(),
			deactivatedAt: m.deactivatedAt?.toISOString() ?? null,
		})),
		removing: members.find((m) => m.id === removeId) ?? null,
	}
}

const MemberActionSchema = z.discriminatedUnion('intent', [ChangeRoleSchema, RemoveMemberSchema])

type ActionReply = { intent: string; membershipId: string | null; ok: boolean; message: string }

/** Change a member's role or remove them; the rules (owners only for owners, never the last owner) are the module's. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireOrgAccess(request, params.slug)
	const t = await getT(request)
	const organisationId = access.organisation.id
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: MemberActionSchema })
	const membershipId = String(formData.get('membershipId') ?? '') || null
	if (submission.status !== 'success') {
		return data(
			{
				intent: String(formData.get('intent') ?? ''),
				membershipId,
				ok: false,
				message: t('members.chooseRole', { ns: 'org' }),
			} satisfies ActionReply,
			{ status: 400 },
		)
	}
	const value = submission.value
	const origin = { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') }
	try {
		if (value.intent === 'change-role') {
			const { changed } = await changeMemberRole({
				organisationId,
				membershipId: value.membershipId,
				role: value.role,
				actorId: access.actorId,
				origin,
			})
			return {
				intent: value.intent,
				membershipId,
				ok: true,
				message: changed
					? t('members.roleNow', { ns: 'org', role: t(`roles.${value.role}`, { ns: 'org' }) })
					: t('members.roleSame', { ns: 'org' }),
			} satisfies ActionReply
		}
		const target = await listMembers({ organisationId }).then((all) => all.find((m) => m.id === value.membershipId))
		const { seatsEnded, seatsReturned } = await removeMember({
			organisationId,
			membershipId: value.membershipId,
			actorId: access.actorId,
			origin,
		})
		// Someone who removed themselves can no longer see this page.
		if (target?.userId === access.actorId && !access.isPlatformAdmin) return redirect('/org')
		return {
			intent: value.intent,
			membershipId: null,
			ok: true,
			message: [
				target ? t('members.removed', { ns: 'org', name: target.name }) : t('members.removedSomeone', { ns: 'org' }),
				seatsEnded
					? t('members.seatsEnded', {
							ns: 'org',
							count: seatsEnded,
							returned: t('members.seatCount', { ns: 'org', count: seatsReturned }),
						})
					: null,
			]
				.filter(Boolean)
				.join(' '),
		} satisfies ActionReply
	} catch (error) {
		return replyWithProblem(error, { intent: value.intent, membershipId })
	}
}

export default function MembersRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, actorRole, actorId, members, removing } = loaderData
	const navigation = useNavigation()
	const { pathname } = useLocation()
	const busy = navigation.state !== 'idle'
	const { t } = useTranslation('org')
	const format = useFormat()
	const reply = actionData as ActionReply | undefined
	// Errors about one member are shown in that member's row; everything else above the table.
	const rowError = reply && !reply.ok && reply.membershipId ? reply : null
	const pageNotice = reply && !rowError ? reply : null
	return (
		<Container className="py-10">
			<PageHeading
				title={t('members.title')}
				intro={<p>{t('members.intro', { organisation: organisation.name })}</p>}
			/>
			{pageNotice ? (
				<Notice tone={pageNotice.ok ? 'success' : 'error'} role={pageNotice.ok ? 'status' : 'alert'} className="mt-6">
					{pageNotice.message}
				</Notice>
			) : null}

			{removing ? (
				<ConfirmPanel
					title={t('members.removeTitle', { name: removing.name, organisation: organisation.name })}
					tone="danger"
				>
					<p>{t('members.removeBody')}</p>
					<Form method="post" action={pathname} className="flex flex-wrap items-center gap-4 pt-1">
						<input type="hidden" name="intent" value="remove" />
						<input type="hidden" name="membershipId" value={removing.id} />
						<Button type="submit" variant="danger" aria-disabled={busy || undefined}>
							{removing.userId === actorId
								? t('members.removeMe')
								: t('members.removeConfirm', { name: removing.name })}
						</Button>
						<Link to={pathname} className={linkClasses}>
							{t('cancel')}
						</Link>
					</Form>
				</ConfirmPanel>
			) : null}

			<Section
				id="members-heading"
				title={
					members.some((m) => m.deactivatedAt)
						? t('members.countDeactivated', {
								members: t('members.count', { count: members.filter((m) => !m.deactivatedAt).length }),
								count: members.filter((m) => m.deactivatedAt).length,
							})
						: t('members.count', { count: members.length })
				}
			>
				<DataTable
					caption={t('members.caption', { organisation: organisation.name })}
					columns={[
						t('members.columns.person'),
						t('members.columns.role'),
						t('members.columns.joined'),
						t('members.columns.changeRole'),
						t('members.columns.remove'),
					]}
					minWidth="56rem"
				>
					{members.map((m) => {
						const error = rowError?.membershipId === m.id ? rowError.message : null
						const errorId = `member-${m.id}-error`
						return (
							<tr key={m.id}>
								<td className={tdClasses}>
									<span className="block font-semibold text-stone-900">
										{m.name}
										{m.userId === actorId ? t('members.you') : null}
									</span>
									<span className="block break-all text-stone-600">{m.email}</span>
								</td>
								<td className={tdClasses}>
									<Badge tone={m.role === 'MEMBER' ? 'neutral' : 'brand'}>{t(`roles.${m.role}`)}</Badge>
									{m.deactivatedAt ? (
										<span className="mt-1 block text-sm text-stone-700">
											{t('members.deactivated', { date: format.date(m.deactivatedAt) })}
										</span>
									) : null}
								</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{format.date(m.joinedAt)}</td>
								<td className={tdClasses}>
									<Form method="post" action={pathname} className="flex flex-wrap items-center gap-2">
										<input type="hidden" name="intent" value="change-role" />
										<input type="hidden" name="membershipId" value={m.id} />
										<label htmlFor={`role-${m.id}`} className="sr-only">
											{t('members.roleFor', { name: m.name })}
										</label>
										<select
											id={`role-${m.id}`}
											name="role"
											defaultValue={m.role}
											aria-invalid={error ? true : undefined}
											aria-describedby={error ? errorId : undefined}
											className="block min-h-11 rounded-lg border border-stone-500 bg-white px-3 py-2 text-base text-stone-900"
										>
											{ORG_ROLES.map((role) => (
												<option key={role} value={role}>
													{t(`roles.${role}`)}
												</option>
											))}
										</select>
										<Button type="submit" variant="secondary" size="sm" aria-disabled={busy || undefined}>
											<Trans
												t={t}
												i18nKey="members.save"
												values={{ name: m.name }}
												components={[<span key="for" className="sr-only" />]}
											/>
										</Button>
									</Form>
									{error ? (
										<p id={errorId} role="alert" className="mt-2 text-sm font-semibold text-red-700">
											<span className="sr-only">{t('members.error')}</span>
											{error}
										</p>
									) : null}
								</td>
								<td className={tdClasses}>
									<Link to={`?${new URLSearchParams({ remove: m.id })}`} className={linkClasses}>
										<Trans
											t={t}
											i18nKey="members.remove"
											values={{ name: m.name }}
											components={[<span key="name" className="sr-only" />]}
										/>
									</Link>
								</td>
							</tr>
						)
					})}
				</DataTable>
				{actorRole !== 'OWNER' ? <p className="mt-3 text-sm text-stone-600">{t('members.adminNote')}</p> : null}
				<p className="mt-4 max-w-prose text-stone-700">{t('members.howToJoin')}</p>
			</Section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
