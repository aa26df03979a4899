import { Form } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { controlClasses, PageHeading, Section } from '#app/components/org/org-ui.tsx'
import { ThemeBars } from '#app/components/org/theme-bars.tsx'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { formatDate, pluralise } from '#app/utils/format.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listTeams } from '#modules/teams/list-teams.ts'
import { getTeamThemes } from '#modules/themes/get-team-themes.ts'
import { DIFFICULTY_LABELS, ThemesQuerySchema } from '#modules/themes/schemas.ts'
import type { Route } from './+types/org.$slug.themes'

export const meta: Route.MetaFunction = ({ data }) =>
	pageMeta(
		`Team themes | ${data?.organisation.name ?? 'Organisation'} | Circle`,
		'What your staff reflect on, counted only from people who said yes and only for groups of five or more.',
		NOINDEX,
	)

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const access = await requireComplianceOrgAccess(request, params.slug)
	const organisationId = access.organisation.id
	const query = ThemesQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
	const teams = await listTeams({ organisationId, scope: access.scope })
	// A team manager has no whole-organisation view: they start on the first team they manage.
	const teamId = query.team || (access.scope.kind === 'teams' ? (teams[0]?.id ?? null) : null)
	const themes = await withDomainErrors(() =>
		getTeamThemes({ organisationId, actorId: access.actorId, teamId, now: new Date() }),
	)
	return {
		organisation: access.organisation,
		wholeOrganisation: access.scope.kind === 'organisation',
		teams: teams.map((t) => ({ id: t.id, name: t.name, depth: t.depth })),
		teamId,
		groupName: teams.find((t) => t.id === teamId)?.name ?? access.organisation.name,
		themes,
	}
}

export default function OrganisationThemesRoute({ loaderData }: Route.ComponentProps) {
	const { organisation, wholeOrganisation, teams, teamId, groupName, themes } = loaderData
	return (
		<Container className="py-10 sm:py-12">
			<PageHeading
				title="Team themes"
				intro={
					<>
						<p>
							What people in {organisation.name} are reflecting on: the themes they choose, the prompts they find
							hardest to put into practice and how they answer rating questions. Only people who said yes to team themes
							in their own account are counted, and only in groups of five or more.
						</p>
						<p className="mt-2">
							You see counts, never anyone’s words, unless a person chose to share a particular reflection with{' '}
							{organisation.name}. Names are never shown.
						</p>
					</>
				}
			/>
			{teams.length > 0 ? (
				<Form method="get" className="mt-6 flex flex-wrap items-end gap-3">
					<div>
						<label htmlFor="team" className="block font-medium text-stone-900">
							Group
						</label>
						<p id="team-hint" className="text-sm text-stone-700">
							A team includes the teams beneath it.
						</p>
						<select
							id="team"
							name="team"
							defaultValue={teamId ?? ''}
							aria-describedby="team-hint"
							className={controlClasses}
						>
							{wholeOrganisation ? <option value="">Everyone in {organisation.name}</option> : null}
							{teams.map((team) => (
								<option key={team.id} value={team.id}>
									{'\u00a0\u00a0'.repeat(team.depth)}
									{team.name}
								</option>
							))}
						</select>
					</div>
					<button type="submit" className={buttonClasses({ variant: 'secondary' })}>
						Show
					</button>
				</Form>
			) : null}

			{!themes.enough ? (
				<Notice tone="info" title="Fewer than five people, so nothing is shown" className="mt-8 max-w-3xl">
					<p>
						Themes for {groupName} appear once at least {themes.minimum} people in it have said yes to team themes in
						their account. We do not say how many have so far, so that nobody can be picked out.
					</p>
				</Notice>
			) : (
				<>
					<p className="mt-8 max-w-3xl text-stone-700">
						{groupName}: from {pluralise(themes.people, 'person', 'people')} who said yes, over the twelve months since{' '}
						{formatDate(themes.since)}. A figure needs five people behind it before it appears.
					</p>

					<Section
						id="code-themes"
						title="The Code themes people chose"
						intro="From NMC reflective accounts: how often each of the Code’s four themes was chosen."
					>
						<div className="mt-4">
							{themes.codeThemes.themes.length ? (
								<ThemeBars
									caption={`Code themes on the reflective accounts of ${pluralise(themes.codeThemes.writers, 'person', 'people')}`}
									valueLabel="Accounts"
									rows={themes.codeThemes.themes.map((t) => ({
										label: t.theme,
										value: t.accounts,
										note: `${pluralise(t.accounts, 'account')} by ${pluralise(t.people, 'person', 'people')}`,
									}))}
								/>
							) : (
								<p className="text-stone-700">
									Fewer than five people have written an NMC reflective account, so nothing is shown.
								</p>
							)}
						</div>
					</Section>

					<Section
						id="hardest"
						title="Hardest to put into practice"
						intro="Lesson reflection prompts, by how hard people said it was to put what they wrote into practice (1 easy, 5 very hard)."
					>
						<div className="mt-4">
							{themes.hardestPrompts.length ? (
								<ol className="space-y-4">
									{themes.hardestPrompts.map((row) => (
										<li key={`${row.courseTitle}\n${row.prompt}`} className="rounded-xl border border-stone-200 p-4">
											<p className="font-semibold text-stone-900">{row.prompt}</p>
											<p className="mt-1 text-sm text-stone-700">{row.courseTitle}</p>
											<p className="mt-2 text-stone-800">
												Average {row.averageDifficulty.toFixed(1)} out of 5 (
												{DIFFICULTY_LABELS[Math.round(row.averageDifficulty) - 1]?.toLowerCase()}); hard or very hard
												for {row.hardFor} of {row.people} people.
											</p>
										</li>
									))}
								</ol>
							) : (
								<p className="text-stone-700">No prompt has been rated by five people yet, so nothing is shown.</p>
							)}
						</div>
					</Section>

					<Section
						id="ratings"
						title="Answers to rating questions"
						intro="Each person’s latest answer to the rating questions in course quizzes."
					>
						{themes.ratings.length ? (
							<div className="mt-4 space-y-8">
								{themes.ratings.map((question) => (
									<ThemeBars
										key={question.questionId}
										caption={
											<>
												<span className="block font-semibold text-stone-900">{question.prompt}</span>
												<span className="block text-sm font-normal text-stone-700">
													{question.courseTitle}: {pluralise(question.people, 'person', 'people')} answered
												</span>
											</>
										}
										valueLabel="People"
										rows={question.counts.map((c, index) => ({
											label:
												index === 0 && question.scaleMinLabel
													? `${c.value} (${question.scaleMinLabel})`
													: index === question.counts.length - 1 && question.scaleMaxLabel
														? `${c.value} (${question.scaleMaxLabel})`
														: String(c.value),
											value: c.people,
											note: pluralise(c.people, 'person', 'people'),
										}))}
									/>
								))}
							</div>
						) : (
							<p className="mt-4 text-stone-700">
								No rating question has been answered by five people yet, so nothing is shown.
							</p>
						)}
					</Section>

					<Section
						id="shared"
						title={`Reflections shared with ${organisation.name}`}
						intro="Each of these was shared on purpose by the person who wrote it. Names are left off."
					>
						{themes.shared.length ? (
							<ul className="mt-4 space-y-4">
								{themes.shared.map((row) => (
									<li key={row.id} className="rounded-xl border border-stone-200 bg-white p-4">
										<p className="text-sm text-stone-700">
											{row.courseTitle} · {formatDate(row.updatedAt)}
										</p>
										<p className="mt-1 font-semibold text-stone-900">{row.prompt}</p>
										<blockquote className="mt-2 border-l-4 border-brand-200 pl-3 whitespace-pre-line text-stone-800">
											{row.text}
										</blockquote>
									</li>
								))}
							</ul>
						) : (
							<p className="mt-4 text-stone-700">
								Nobody in this group has shared a reflection with {organisation.name} yet.
							</p>
						)}
					</Section>
				</>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
