import { getFormProps, getInputProps, getSelectProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useLocation, useNavigation, useSearchParams } from 'react-router'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { ConfirmPanel, DataTable, linkClasses, PageHeading, Section, tdClasses } from '#app/components/org/org-ui.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { replyWithDomainError, replyWithProblem, withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { getTeam, listTeams } from '#modules/teams/list-teams.ts'
import { deleteTeam, moveTeam, renameTeam } from '#modules/teams/manage-teams.ts'
import {
	AddTeamMemberSchema,
	DeleteTeamSchema,
	MAX_TEAM_DEPTH,
	MoveTeamSchema,
	RemoveTeamMemberSchema,
	RenameTeamSchema,
	SetTeamManagerSchema,
} from '#modules/teams/schemas.ts'
import { addTeamMember, removeTeamMember, setTeamManager } from '#modules/teams/team-members.ts'
import type { Route } from './+types/org.$slug.teams.$teamId'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	return pageMeta(
		`${data?.team.name ?? t('team.team', { ns: 'org' })} | ${data?.organisation.name ?? t('organisation', { ns: 'org' })} | Circle`,
		t('team.meta.description', { ns: 'org' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const team = await withDomainErrors(() => getTeam({ organisationId, teamId: params.teamId, scope: access.scope }))
	const isAdmin = access.scope.kind === 'organisation'
	// Where the team may move: anywhere but inside itself, and not so deep that its sub-teams pass the limit.
	const all = isAdmin ? await listTeams({ organisationId, scope: access.scope }) : []
	const own = new Set<string>([team.id])
	for (const t of all) if (t.parentId && own.has(t.parentId)) own.add(t.id)
	const height = Math.max(1, ...all.filter((t) => own.has(t.id)).map((t) => t.depth - (team.depth - 1) + 1))
	const moveTargets = all
		.filter((t) => !own.has(t.id) && t.depth + 1 + height <= MAX_TEAM_DEPTH)
		.map((t) => ({ value: t.id, label: [...t.path, t.name].join(' › ') }))
	return {
		organisation: access.organisation,
		isAdmin,
		team: {
			...team,
			members: team.members.map((m) => ({ ...m, addedAt: m.addedAt.toISOString() })),
		},
		moveTargets,
	}
}

const TeamActionSchema = z.discriminatedUnion('intent', [
	RenameTeamSchema,
	MoveTeamSchema,
	DeleteTeamSchema,
	AddTeamMemberSchema,
	RemoveTeamMemberSchema,
	SetTeamManagerSchema,
])

type Reply = {
	intent: string
	result?: SubmissionResult<string[]>
	ok?: boolean
	message?: string
	membershipId?: string | null
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const formData = await request.formData()
	const intent = String(formData.get('intent') ?? '')
	const t = await getT(request)
	const submission = parseWithZod(formData, { schema: TeamActionSchema })
	if (submission.status !== 'success')
		return data({ intent, result: submission.reply() } satisfies Reply, { status: 400 })
	const value = submission.value
	const actor = {
		organisationId: access.organisation.id,
		actorId: access.actorId,
		origin: { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') },
	}
	const teamId = params.teamId
	const now = new Date()
	try {
		switch (value.intent) {
			case 'rename': {
				await renameTeam({ ...actor, teamId, name: value.name })
				return {
					intent,
					ok: true,
					message: t('team.renamed', { ns: 'org', name: value.name }),
					result: submission.reply(),
				} satisfies Reply
			}
			case 'move': {
				await moveTeam({ ...actor, teamId, parentId: value.parentId ?? null })
				return { intent, ok: true, message: t('team.moved', { ns: 'org' }), result: submission.reply() } satisfies Reply
			}
			case 'delete': {
				await deleteTeam({ ...actor, teamId, now })
				return redirect(`/org/${access.organisation.slug}/teams`)
			}
			case 'add-member': {
				const added = await addTeamMember({
					...actor,
					teamId,
					membershipId: value.membershipId,
					asManager: value.asManager,
					now,
				})
				return {
					intent,
					ok: true,
					message: [
						added.added
							? t('team.added', { ns: 'org', name: added.name })
							: t('team.nowManager', { ns: 'org', name: added.name }),
						added.assigned
							? t('team.assignedNewStarter', {
									ns: 'org',
									name: added.name,
									courses: t('team.courses', { ns: 'org', count: added.assigned }),
								})
							: null,
					]
						.filter(Boolean)
						.join(' '),
					result: submission.reply({ resetForm: true }),
				} satisfies Reply
			}
			case 'remove-member': {
				await removeTeamMember({ ...actor, teamId, membershipId: value.membershipId })
				return {
					intent,
					ok: true,
					message: t('team.takenOut', { ns: 'org' }),
					membershipId: null,
				} satisfies Reply
			}
			case 'set-manager': {
				await setTeamManager({ ...actor, teamId, membershipId: value.membershipId, isManager: value.isManager })
				return {
					intent,
					ok: true,
					message: value.isManager ? t('team.nowManages', { ns: 'org' }) : t('team.noLongerManages', { ns: 'org' }),
					membershipId: null,
				} satisfies Reply
			}
		}
	} catch (error) {
		if (value.intent === 'remove-member' || value.intent === 'set-manager' || value.intent === 'delete') {
			return replyWithProblem(error, { intent, membershipId: 'membershipId' in value ? value.membershipId : null })
		}
		const reply = replyWithDomainError(submission, error)
		return data({ intent, result: reply.data.result } satisfies Reply, reply.init ?? undefined)
	}
}

// Between the steps of the breadcrumb (hidden from screen readers: the list says the order).
const CRUMB = '› '
const DELETE_SEARCH = '?delete=1'
const CHECKBOX = { type: 'checkbox' } as const

export default function TeamRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, isAdmin, team, moveTargets } = loaderData
	// Administrators and the team's managers change its people, unless the directory keeps them.
	const canChangePeople = !team.managedByDirectory
	const reply = actionData as Reply | undefined
	const navigation = useNavigation()
	const { pathname } = useLocation()
	const [searchParams] = useSearchParams()
	const busy = navigation.state !== 'idle'
	const { t } = useTranslation('org')
	const format = useFormat()
	const justCreated = Boolean(searchParams.get('created'))
	const confirmingDelete = Boolean(searchParams.get('delete'))
	const base = `/org/${organisation.slug}`
	const resultFor = (intent: string) => (reply?.intent === intent ? reply.result : undefined)
	const notice = reply?.message ? reply : null
	return (
		<Container className="py-10">
			<nav aria-label={t('team.breadcrumb')} className="mb-4 text-sm">
				<ol className="flex flex-wrap gap-1 text-stone-700">
					<li>
						<Link to={`${base}/teams`} className={linkClasses}>
							{t('team.teams')}
						</Link>
					</li>
					{team.path.map((step) => (
						<li key={step.id}>
							<span aria-hidden="true">{CRUMB}</span>
							<Link to={`${base}/teams/${step.id}`} className={linkClasses}>
								{step.name}
							</Link>
						</li>
					))}
					<li aria-current="page">
						<span aria-hidden="true">{CRUMB}</span>
						{team.name}
					</li>
				</ol>
			</nav>
			<PageHeading
				title={team.name}
				intro={
					<p>
						{team.children.length
							? t('team.introSub', {
									members: t('team.members', { count: team.members.length }),
									subTeams: t('team.subTeams', { count: team.children.length }),
								})
							: t('team.intro', { members: t('team.members', { count: team.members.length }) })}
					</p>
				}
			/>
			{justCreated && !notice ? (
				<Notice tone="success" role="status" className="mt-6">
					{t('team.created')}
				</Notice>
			) : null}
			{notice ? (
				<Notice tone={notice.ok ? 'success' : 'error'} role={notice.ok ? 'status' : 'alert'} className="mt-6">
					{notice.message}
				</Notice>
			) : null}

			{team.managedByDirectory ? (
				<Notice tone="info" className="mt-6">
					{t('team.directory', { organisation: organisation.name })}
				</Notice>
			) : null}

			{isAdmin && confirmingDelete ? (
				<ConfirmPanel title={t('team.deleteTitle', { name: team.name })} tone="danger">
					<p>{t('team.deleteBody', { organisation: organisation.name })}</p>
					<Form method="post" action={pathname} className="flex flex-wrap items-center gap-4 pt-1">
						<input type="hidden" name="intent" value="delete" />
						<Button type="submit" variant="danger" aria-disabled={busy || undefined}>
							{t('team.deleteConfirm', { name: team.name })}
						</Button>
						<Link to={pathname} className={linkClasses}>
							{t('cancel')}
						</Link>
					</Form>
				</ConfirmPanel>
			) : null}

			<Section id="members-heading" title={t('team.membersHeading')}>
				{team.members.length ? (
					<DataTable
						caption={t('team.caption', { name: team.name })}
						columns={[
							t('team.columns.person'),
							t('team.columns.inTeam'),
							t('team.columns.added'),
							...(isAdmin ? [t('team.columns.manager')] : []),
							...(canChangePeople ? [t('team.columns.remove')] : []),
						]}
						minWidth={isAdmin ? '52rem' : '36rem'}
					>
						{team.members.map((m) => (
							<tr key={m.membershipId}>
								<td className={tdClasses}>
									<span className="block font-semibold text-stone-900">{m.name}</span>
									<span className="block break-all text-stone-600">{m.email}</span>
								</td>
								<td className={tdClasses}>
									<Badge tone={m.isManager ? 'brand' : 'neutral'}>
										{m.isManager ? t('team.manager') : t('team.member')}
									</Badge>
									{m.deactivated ? (
										<span className="mt-1 block text-sm text-stone-700">{t('team.deactivated')}</span>
									) : null}
								</td>
								<td className={`${tdClasses} whitespace-nowrap`}>{format.date(m.addedAt)}</td>
								{isAdmin ? (
									<td className={tdClasses}>
										<Form method="post" action={pathname}>
											<input type="hidden" name="intent" value="set-manager" />
											<input type="hidden" name="membershipId" value={m.membershipId} />
											<input type="hidden" name="isManager" value={m.isManager ? 'false' : 'true'} />
											<Button type="submit" variant="secondary" size="sm" aria-disabled={busy || undefined}>
												<Trans
													t={t}
													i18nKey={m.isManager ? 'team.stopManaging' : 'team.makeManager'}
													values={{ name: m.name }}
													components={[<span key="who" className="sr-only" />]}
												/>
											</Button>
										</Form>
									</td>
								) : null}
								{canChangePeople ? (
									<td className={tdClasses}>
										{isAdmin || !m.isManager ? (
											<Form method="post" action={pathname}>
												<input type="hidden" name="intent" value="remove-member" />
												<input type="hidden" name="membershipId" value={m.membershipId} />
												<Button type="submit" variant="secondary" size="sm" aria-disabled={busy || undefined}>
													<Trans
														t={t}
														i18nKey="team.remove"
														values={{ name: m.name }}
														components={[<span key="who" className="sr-only" />]}
													/>
												</Button>
											</Form>
										) : (
											<span className="text-sm text-stone-700">{t('team.adminCan')}</span>
										)}
									</td>
								) : null}
							</tr>
						))}
					</DataTable>
				) : (
					<p className="mt-3 text-stone-700">{t('team.nobody')}</p>
				)}
			</Section>

			{canChangePeople ? (
				<AddMemberForm
					candidates={team.candidates}
					canMakeManager={isAdmin}
					lastResult={resultFor('add-member')}
					busy={busy}
				/>
			) : null}

			<Section id="sub-teams-heading" title={t('team.subTeamsHeading')}>
				{team.children.length ? (
					<ul className="mt-3 list-disc space-y-1 pl-6">
						{team.children.map((child) => (
							<li key={child.id}>
								<Link to={`${base}/teams/${child.id}`} className={linkClasses}>
									{child.name}
								</Link>
							</li>
						))}
					</ul>
				) : (
					<p className="mt-3 text-stone-700">{t('team.none')}</p>
				)}
			</Section>

			{isAdmin ? (
				<>
					{team.managedByDirectory ? null : (
						<RenameForm name={team.name} lastResult={resultFor('rename')} busy={busy} />
					)}
					<MoveForm parentId={team.parentId} options={moveTargets} lastResult={resultFor('move')} busy={busy} />
					{team.managedByDirectory ? null : (
						<Section id="delete-heading" title={t('team.deleteHeading')}>
							<p className="mt-2 max-w-prose text-stone-700">
								{team.children.length ? t('team.deleteSubFirst') : t('team.deleteNote')}
							</p>
							{team.children.length ? null : (
								<p className="mt-3">
									<Link to={DELETE_SEARCH} className={linkClasses}>
										{t('team.deleteLink', { name: team.name })}
									</Link>
								</p>
							)}
						</Section>
					)}
				</>
			) : null}
		</Container>
	)
}

function AddMemberForm({
	candidates,
	canMakeManager,
	lastResult,
	busy,
}: {
	candidates: Array<{ membershipId: string; name: string; email: string }>
	canMakeManager: boolean
	lastResult: SubmissionResult<string[]> | undefined
	busy: boolean
}) {
	const { t } = useTranslation('org')
	const [form, fields] = useForm({
		id: 'add-team-member',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: AddTeamMemberSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<Section id="add-member-heading" title={t('team.add')}>
			{candidates.length ? (
				<Form method="post" className="mt-4 grid max-w-2xl gap-5" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="add-member" />
					<FormErrors id={form.errorId} errors={form.errors} />
					<SelectField
						labelProps={{ children: t('team.person') }}
						selectProps={getSelectProps(fields.membershipId)}
						placeholder={t('team.chooseSomeone')}
						options={candidates.map((c) => ({ value: c.membershipId, label: `${c.name} (${c.email})` }))}
						errors={fields.membershipId.errors}
					/>
					{canMakeManager ? (
						<div className="flex items-center gap-3">
							<input {...getInputProps(fields.asManager, CHECKBOX)} className="size-5 rounded border-stone-500" />
							<label htmlFor={fields.asManager.id} className="text-stone-900">
								{t('team.asManager')}
							</label>
						</div>
					) : null}
					<div>
						<SubmitButton pending={busy}>{t('team.addSubmit')}</SubmitButton>
					</div>
				</Form>
			) : (
				<p className="mt-3 max-w-prose text-stone-700">{t('team.everyoneIn')}</p>
			)}
		</Section>
	)
}

function RenameForm({
	name,
	lastResult,
	busy,
}: {
	name: string
	lastResult: SubmissionResult<string[]> | undefined
	busy: boolean
}) {
	const { t } = useTranslation('org')
	const [form, fields] = useForm({
		id: 'rename-team',
		lastResult,
		defaultValue: { name },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RenameTeamSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<Section id="rename-heading" title={t('team.rename')}>
			<Form method="post" className="mt-4 grid max-w-2xl gap-5" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="rename" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: t('team.name') }}
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
					errors={fields.name.errors}
				/>
				<div>
					<SubmitButton pending={busy}>{t('team.saveName')}</SubmitButton>
				</div>
			</Form>
		</Section>
	)
}

function MoveForm({
	parentId,
	options,
	lastResult,
	busy,
}: {
	parentId: string | null
	options: Array<{ value: string; label: string }>
	lastResult: SubmissionResult<string[]> | undefined
	busy: boolean
}) {
	const { t } = useTranslation('org')
	const [form, fields] = useForm({
		id: 'move-team',
		lastResult,
		defaultValue: { parentId: parentId ?? '' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema: MoveTeamSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<Section id="move-heading" title={t('team.move')}>
			<Form method="post" className="mt-4 grid max-w-2xl gap-5" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="move" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<SelectField
					labelProps={{ children: t('team.inside') }}
					description={t('team.moveHint', { depth: MAX_TEAM_DEPTH })}
					selectProps={getSelectProps(fields.parentId)}
					placeholder={t('team.topLevel')}
					options={options}
					errors={fields.parentId.errors}
				/>
				<div>
					<SubmitButton pending={busy}>{t('team.moveSubmit')}</SubmitButton>
				</div>
			</Form>
		</Section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
