import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { controlClasses, PageHeading, Section } from '#app/components/org/org-ui.tsx'
import { ThemeBars } from '#app/components/org/theme-bars.tsx'
import { buttonClasses } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireComplianceOrgAccess } from '#app/utils/compliance-access.server.ts'
import { withDomainErrors } from '#app/utils/errors.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listTeams } from '#modules/teams/list-teams.ts'
import { getTeamThemes } from '#modules/themes/get-team-themes.ts'
import { NMC_CODE_THEMES } from '#modules/reflective-records/schemas.ts'
import { ThemesQuerySchema } from '#modules/themes/schemas.ts'
import type { Route } from './+types/org.$slug.themes'

export const meta: Route.MetaFunction = ({ data, matches }) => {
	const t = metaT(matches)
	const organisation = data?.organisation.name ?? t('organisation', { ns: 'org' })
	return pageMeta(
		t('themes.meta.title', { ns: 'org', organisation }),
		t('themes.meta.description', { ns: 'org' }),
		NOINDEX,
	)
}

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

const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 }

export default function OrganisationThemesRoute({ loaderData }: Route.ComponentProps) {
	const { organisation, wholeOrganisation, teams, teamId, groupName, themes } = loaderData
	const { t } = useTranslation('org')
	const format = useFormat()
	const people = (count: number) => t('themes.people', { count })
	// The NMC Code's four themes are stored in English; each is shown in the reader's language.
	const codeTheme = (theme: string) => {
		const index = (NMC_CODE_THEMES as readonly string[]).indexOf(theme)
		return index === -1 ? theme : t(`themes.codeThemes.${index as 0 | 1 | 2 | 3}`)
	}
	const difficulty = (average: number) => {
		const level = Math.min(5, Math.max(1, Math.round(average))) as 1 | 2 | 3 | 4 | 5
		return t(`themes.difficulty.${level}`)
	}
	return (
		<Container className="py-10 sm:py-12">
			<PageHeading
				title={t('themes.title')}
				intro={
					<>
						<p>{t('themes.intro1', { organisation: organisation.name })}</p>
						<p className="mt-2">{t('themes.intro2', { organisation: organisation.name })}</p>
					</>
				}
			/>
			{teams.length > 0 ? (
				<Form method="get" className="mt-6 flex flex-wrap items-end gap-3">
					<div>
						<label htmlFor="team" className="block font-medium text-stone-900">
							{t('themes.group')}
						</label>
						<p id="team-hint" className="text-sm text-stone-700">
							{t('themes.groupHint')}
						</p>
						<select
							id="team"
							name="team"
							defaultValue={teamId ?? ''}
							aria-describedby="team-hint"
							className={controlClasses}
						>
							{wholeOrganisation ? (
								<option value="">{t('themes.everyone', { organisation: organisation.name })}</option>
							) : null}
							{teams.map((team) => (
								<option key={team.id} value={team.id}>
									{'\u00a0\u00a0'.repeat(team.depth)}
									{team.name}
								</option>
							))}
						</select>
					</div>
					<button type="submit" className={buttonClasses({ variant: 'secondary' })}>
						{t('themes.show')}
					</button>
				</Form>
			) : null}

			{!themes.enough ? (
				<Notice tone="info" title={t('themes.tooFew')} className="mt-8 max-w-3xl">
					<p>{t('themes.tooFewBody', { group: groupName, minimum: themes.minimum })}</p>
				</Notice>
			) : (
				<>
					<p className="mt-8 max-w-3xl text-stone-700">
						{t('themes.summary', { group: groupName, people: people(themes.people), date: format.date(themes.since) })}
					</p>

					<Section id="code-themes" title={t('themes.code')} intro={t('themes.codeIntro')}>
						<div className="mt-4">
							{themes.codeThemes.themes.length ? (
								<ThemeBars
									caption={t('themes.codeCaption', { people: people(themes.codeThemes.writers) })}
									valueLabel={t('themes.accountsLabel')}
									rows={themes.codeThemes.themes.map((row) => ({
										label: codeTheme(row.theme),
										value: row.accounts,
										note: t('themes.codeNote', {
											accounts: t('themes.accounts', { count: row.accounts }),
											people: people(row.people),
										}),
									}))}
								/>
							) : (
								<p className="text-stone-700">{t('themes.codeNone')}</p>
							)}
						</div>
					</Section>

					<Section id="hardest" title={t('themes.hardest')} intro={t('themes.hardestIntro')}>
						<div className="mt-4">
							{themes.hardestPrompts.length ? (
								<ol className="space-y-4">
									{themes.hardestPrompts.map((row) => (
										<li key={`${row.courseTitle}\n${row.prompt}`} className="rounded-xl border border-stone-200 p-4">
											<p className="font-semibold text-stone-900">{row.prompt}</p>
											<p className="mt-1 text-sm text-stone-700">{row.courseTitle}</p>
											<p className="mt-2 text-stone-800">
												{t('themes.average', {
													average: format.number(row.averageDifficulty, ONE_DECIMAL),
													difficulty: difficulty(row.averageDifficulty),
													hardFor: row.hardFor,
													people: row.people,
												})}
											</p>
										</li>
									))}
								</ol>
							) : (
								<p className="text-stone-700">{t('themes.hardestNone')}</p>
							)}
						</div>
					</Section>

					<Section id="ratings" title={t('themes.ratings')} intro={t('themes.ratingsIntro')}>
						{themes.ratings.length ? (
							<div className="mt-4 space-y-8">
								{themes.ratings.map((question) => (
									<ThemeBars
										key={question.questionId}
										caption={
											<>
												<span className="block font-semibold text-stone-900">{question.prompt}</span>
												<span className="block text-sm font-normal text-stone-700">
													{t('themes.answered', { course: question.courseTitle, people: people(question.people) })}
												</span>
											</>
										}
										valueLabel={t('themes.peopleLabel')}
										rows={question.counts.map((c, index) => ({
											label:
												index === 0 && question.scaleMinLabel
													? `${c.value} (${question.scaleMinLabel})`
													: index === question.counts.length - 1 && question.scaleMaxLabel
														? `${c.value} (${question.scaleMaxLabel})`
														: String(c.value),
											value: c.people,
											note: people(c.people),
										}))}
									/>
								))}
							</div>
						) : (
							<p className="mt-4 text-stone-700">{t('themes.ratingsNone')}</p>
						)}
					</Section>

					<Section
						id="shared"
						title={t('themes.shared', { organisation: organisation.name })}
						intro={t('themes.sharedIntro')}
					>
						{themes.shared.length ? (
							<ul className="mt-4 space-y-4">
								{themes.shared.map((row) => (
									<li key={row.id} className="rounded-xl border border-stone-200 bg-white p-4">
										<p className="text-sm text-stone-700">
											{row.courseTitle} · {format.date(row.updatedAt)}
										</p>
										<p className="mt-1 font-semibold text-stone-900">{row.prompt}</p>
										<blockquote className="mt-2 border-l-4 border-brand-200 pl-3 whitespace-pre-line text-stone-800">
											{row.text}
										</blockquote>
									</li>
								))}
							</ul>
						) : (
							<p className="mt-4 text-stone-700">{t('themes.sharedNone', { organisation: organisation.name })}</p>
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
