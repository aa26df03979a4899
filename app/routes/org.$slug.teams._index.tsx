import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { DataTable, linkClasses, PageHeading, Section, tdClasses } from '#app/components/org/org-ui.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listTeams } from '#modules/teams/list-teams.ts'
import { createTeam } from '#modules/teams/manage-teams.ts'
import { CreateTeamSchema, MAX_TEAM_DEPTH } from '#modules/teams/schemas.ts'
import type { Route } from './+types/org.$slug.teams._index'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('teams.meta.title', { ns: 'org', organisation }),
		t('teams.meta.description', { ns: 'org' }),
		NOINDEX,
	)
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const teams = await listTeams({ organisationId: access.organisation.id, scope: access.scope })
	return { organisation: access.organisation, isAdmin: access.scope.kind === 'organisation', teams }
}

/** Creates a team (administrators only; the module checks again in its transaction). */
export async function action({ request, params, context }: Route.ActionArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const submission = parseWithZod(await request.formData(), { schema: CreateTeamSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	try {
		const team = await createTeam({
			organisationId: access.organisation.id,
			actorId: access.actorId,
			name: submission.value.name,
			parentId: submission.value.parentId ?? null,
			origin: { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') },
		})
		return redirect(`/org/${access.organisation.slug}/teams/${team.id}?created=1`)
	} catch (error) {
		return replyWithDomainError(submission, error)
	}
}

// Drawn before a team inside another (hidden from screen readers, which hear the path instead).
const BRANCH = '└ '

export default function TeamsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, isAdmin, teams } = loaderData
	const { t } = useTranslation('org')
	const base = `/org/${organisation.slug}`
	return (
		<Container className="py-10">
			<PageHeading
				title={t('teams.title')}
				intro={
					<p>
						{isAdmin
							? t('teams.introAdmin', { organisation: organisation.name, depth: MAX_TEAM_DEPTH })
							: t('teams.introManager')}
					</p>
				}
			/>
			{isAdmin ? <CreateTeamForm teams={teams} lastResult={actionData?.result} /> : null}
			<Section id="teams-heading" title={t('teams.count', { count: teams.length })}>
				{teams.length ? (
					<DataTable
						caption={t('teams.caption', { organisation: organisation.name })}
						columns={[t('teams.columns.team'), t('teams.columns.members'), t('teams.columns.managers')]}
					>
						{teams.map((team) => (
							<tr key={team.id}>
								<td className={tdClasses}>
									<span style={{ paddingInlineStart: `${team.depth * 1.5}rem` }} className="block">
										{team.depth > 0 ? (
											<span aria-hidden="true" className="text-stone-500">
												{BRANCH}
											</span>
										) : null}
										<Link to={`${base}/teams/${team.id}`} className={linkClasses}>
											{team.name}
										</Link>
										{team.path.length ? (
											<span className="sr-only">{t('teams.inPath', { path: team.path.join(' › ') })}</span>
										) : null}
										{team.managedByDirectory ? (
											<Badge tone="neutral" className="ms-2">
												{t('teams.fromDirectory')}
											</Badge>
										) : null}
									</span>
								</td>
								<td className={tdClasses}>{team.memberCount}</td>
								<td className={tdClasses}>{team.managers.length ? team.managers.join(', ') : t('teams.none')}</td>
							</tr>
						))}
					</DataTable>
				) : (
					<p className="mt-3 max-w-prose text-stone-700">
						{isAdmin ? t('teams.noTeamsAdmin') : t('teams.noTeamsManager')}
					</p>
				)}
			</Section>
		</Container>
	)
}

function CreateTeamForm({
	teams,
	lastResult,
}: {
	teams: Array<{ id: string; name: string; depth: number; path: string[] }>
	lastResult: Route.ComponentProps['actionData'] extends infer A
		? A extends { result: infer R }
			? R
			: undefined
		: undefined
}) {
	const navigation = useNavigation()
	const { t } = useTranslation('org')
	const [form, fields] = useForm({
		id: 'create-team',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateTeamSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<Section id="create-team-heading" title={t('teams.create')}>
			<Form method="post" className="mt-4 grid max-w-2xl gap-5" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="create" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: t('teams.name') }}
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
					errors={fields.name.errors}
				/>
				<SelectField
					labelProps={{ children: t('teams.inside') }}
					description={t('teams.insideHint')}
					selectProps={getSelectProps(fields.parentId)}
					placeholder={t('teams.topLevel')}
					options={teams
						.filter((team) => team.depth < MAX_TEAM_DEPTH - 1)
						.map((team) => ({ value: team.id, label: [...team.path, team.name].join(' › ') }))}
					errors={fields.parentId.errors}
				/>
				<div>
					<SubmitButton pending={navigation.state === 'submitting'} pendingText={t('teams.creating')}>
						{t('teams.createSubmit')}
					</SubmitButton>
				</div>
			</Form>
		</Section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
