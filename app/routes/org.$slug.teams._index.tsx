import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, SelectField, SubmitButton } from '#app/components/forms.tsx'
import { DataTable, linkClasses, PageHeading, Section, tdClasses } from '#app/components/org/org-ui.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { replyWithDomainError } from '#app/utils/errors.server.ts'
import { pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listTeams } from '#modules/teams/list-teams.ts'
import { createTeam } from '#modules/teams/manage-teams.ts'
import { CreateTeamSchema, MAX_TEAM_DEPTH } from '#modules/teams/schemas.ts'
import type { Route } from './+types/org.$slug.teams._index'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Teams | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		'The teams of your organisation, nested as your schools, departments or wings are, with their managers.',
		NOINDEX,
	)

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

export default function TeamsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisation, isAdmin, teams } = loaderData
	const base = `/org/${organisation.slug}`
	return (
		<Container className="py-10">
			<PageHeading
				title="Teams"
				intro={
					<p>
						{isAdmin
							? `Group ${organisation.name}’s people as you run it: schools within a trust, departments, wings. Teams can hold other teams, up to ${MAX_TEAM_DEPTH} levels deep. A team’s managers see it and every team beneath it, and can assign it training.`
							: 'The teams you manage, and the teams beneath them: open one to add or remove its people.'}
					</p>
				}
			/>
			{isAdmin ? <CreateTeamForm teams={teams} lastResult={actionData?.result} /> : null}
			<Section id="teams-heading" title={pluralise(teams.length, 'team')}>
				{teams.length ? (
					<DataTable caption={`Teams of ${organisation.name}`} columns={['Team', 'Members', 'Managers']}>
						{teams.map((team) => (
							<tr key={team.id}>
								<td className={tdClasses}>
									<span style={{ paddingInlineStart: `${team.depth * 1.5}rem` }} className="block">
										{team.depth > 0 ? (
											<span aria-hidden="true" className="text-stone-500">
												└{' '}
											</span>
										) : null}
										<Link to={`${base}/teams/${team.id}`} className={linkClasses}>
											{team.name}
										</Link>
										{team.path.length ? <span className="sr-only">, in {team.path.join(' › ')}</span> : null}
										{team.managedByDirectory ? (
											<Badge tone="neutral" className="ms-2">
												From your directory
											</Badge>
										) : null}
									</span>
								</td>
								<td className={tdClasses}>{team.memberCount}</td>
								<td className={tdClasses}>{team.managers.length ? team.managers.join(', ') : 'None'}</td>
							</tr>
						))}
					</DataTable>
				) : (
					<p className="mt-3 max-w-prose text-stone-700">
						{isAdmin ? 'No teams yet: create the first one above.' : 'You do not manage a team here any more.'}
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
	const [form, fields] = useForm({
		id: 'create-team',
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateTeamSchema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<Section id="create-team-heading" title="Create a team">
			<Form method="post" className="mt-4 grid max-w-2xl gap-5" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="create" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field
					labelProps={{ children: 'Team name' }}
					inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
					errors={fields.name.errors}
				/>
				<SelectField
					labelProps={{ children: 'Inside' }}
					description="Leave as “Top level” for a team that is not part of another."
					selectProps={getSelectProps(fields.parentId)}
					placeholder="Top level"
					options={teams
						.filter((t) => t.depth < MAX_TEAM_DEPTH - 1)
						.map((t) => ({ value: t.id, label: [...t.path, t.name].join(' › ') }))}
					errors={fields.parentId.errors}
				/>
				<div>
					<SubmitButton pending={navigation.state === 'submitting'} pendingText="Creating the team…">
						Create team
					</SubmitButton>
				</div>
			</Form>
		</Section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
