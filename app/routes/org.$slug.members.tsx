import { parseWithZod } from '@conform-to/zod/v4'
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
import { formatDate, pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { changeMemberRole, listMembers, removeMember } from '#modules/organisations/members.ts'
import { ChangeRoleSchema, ORG_ROLE_LABELS, ORG_ROLES, RemoveMemberSchema } from '#modules/organisations/schemas.ts'
import type { Route } from './+types/org.$slug.members'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Members | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		`Who belongs to ${data?.organisation.name ?? 'your organisation'} on Circle, their roles, and removing people who have left.`,
		NOINDEX,
	)

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
				message: 'Choose a role from the list.',
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
				message: changed ? `Their role is now ${ORG_ROLE_LABELS[value.role]}.` : 'Their role was already that.',
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
			message: `${target?.name ?? 'They'} ${target ? 'has' : 'have'} been removed.${
				seatsEnded
					? ` Their ${seatsEnded === 1 ? 'seat has' : `${seatsEnded} seats have`} ended; ${pluralise(seatsReturned, 'seat')} went back to the pool.`
					: ''
			}`,
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
	const reply = actionData as ActionReply | undefined
	// Errors about one member are shown in that member's row; everything else above the table.
	const rowError = reply && !reply.ok && reply.membershipId ? reply : null
	const pageNotice = reply && !rowError ? reply : null
	return (
		<Container className="py-10">
			<PageHeading
				title="Members"
				intro={
					<p>
						Everyone who has joined {organisation.name}. Owners and administrators manage seats and see the team report;
						members take the courses they are given. Only owners can make someone an owner, and an organisation always
						keeps at least one owner.
					</p>
				}
			/>
			{pageNotice ? (
				<Notice tone={pageNotice.ok ? 'success' : 'error'} role={pageNotice.ok ? 'status' : 'alert'} className="mt-6">
					{pageNotice.message}
				</Notice>
			) : null}

			{removing ? (
				<ConfirmPanel title={`Remove ${removing.name} from ${organisation.name}?`} tone="danger">
					<p>
						They will leave the organisation and lose access to every course they were given a seat on. Seats they had
						not started go back to the pool; seats they had started stay used. Any invitations waiting for them are
						withdrawn. Their certificates, CPD and reflections stay theirs.
					</p>
					<Form method="post" action={pathname} className="flex flex-wrap items-center gap-4 pt-1">
						<input type="hidden" name="intent" value="remove" />
						<input type="hidden" name="membershipId" value={removing.id} />
						<Button type="submit" variant="danger" aria-disabled={busy || undefined}>
							Yes, remove {removing.userId === actorId ? 'me' : removing.name}
						</Button>
						<Link to={pathname} className={linkClasses}>
							Cancel
						</Link>
					</Form>
				</ConfirmPanel>
			) : null}

			<Section
				id="members-heading"
				title={`${pluralise(members.filter((m) => !m.deactivatedAt).length, 'member')}${
					members.some((m) => m.deactivatedAt) ? `, ${members.filter((m) => m.deactivatedAt).length} deactivated` : ''
				}`}
			>
				<DataTable
					caption={`Members of ${organisation.name}`}
					columns={['Person', 'Role', 'Joined', 'Change role', 'Remove']}
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
										{m.userId === actorId ? ' (you)' : ''}
									</span>
									<span className="block break-all text-stone-600">{m.email}</span>
								</td>
								<td className={tdClasses}>
									<Badge tone={m.role === 'MEMBER' ? 'neutral' : 'brand'}>{ORG_ROLE_LABELS[m.role]}</Badge>
									{m.deactivatedAt ? (
										<span className="mt-1 block text-sm text-stone-700">
											Deactivated by provisioning on {formatDate(m.deactivatedAt)}
										</span>
									) : null}
								</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{formatDate(m.joinedAt)}</td>
								<td className={tdClasses}>
									<Form method="post" action={pathname} className="flex flex-wrap items-center gap-2">
										<input type="hidden" name="intent" value="change-role" />
										<input type="hidden" name="membershipId" value={m.id} />
										<label htmlFor={`role-${m.id}`} className="sr-only">
											Role for {m.name}
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
													{ORG_ROLE_LABELS[role]}
												</option>
											))}
										</select>
										<Button type="submit" variant="secondary" size="sm" aria-disabled={busy || undefined}>
											Save<span className="sr-only"> role for {m.name}</span>
										</Button>
									</Form>
									{error ? (
										<p id={errorId} role="alert" className="mt-2 text-sm font-semibold text-red-700">
											<span className="sr-only">Error: </span>
											{error}
										</p>
									) : null}
								</td>
								<td className={tdClasses}>
									<Link to={`?${new URLSearchParams({ remove: m.id })}`} className={linkClasses}>
										Remove<span className="sr-only"> {m.name}</span>
									</Link>
								</td>
							</tr>
						)
					})}
				</DataTable>
				{actorRole !== 'OWNER' ? (
					<p className="mt-3 text-sm text-stone-600">As an administrator you cannot change or remove owners.</p>
				) : null}
				<p className="mt-4 max-w-prose text-stone-700">
					People join when they accept an invitation to a course. To add another administrator, invite them from a
					course&rsquo;s seats page, then change their role here.
				</p>
			</Section>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
