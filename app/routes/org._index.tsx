import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ConfirmPanel, linkClasses } from '#app/components/org/org-ui.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Button, ButtonLink } from '#app/components/ui/button.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { replyWithProblem } from '#app/utils/errors.server.ts'
import { metaT } from '#app/utils/i18n.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { NOINDEX, pageMeta } from '#app/utils/meta.ts'
import { listMyOrganisations } from '#modules/organisations/create-organisation.ts'
import { listOrganisationsWithManagedTeams } from '#modules/teams/list-teams.ts'
import { leaveOrganisation } from '#modules/organisations/members.ts'
import { LeaveOrganisationSchema } from '#modules/organisations/schemas.ts'
import type { Route } from './+types/org._index'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(t('list.meta.title', { ns: 'org' }), t('list.meta.description', { ns: 'org' }), NOINDEX)
}

/** The signed-in user's organisations; someone who manages exactly one goes straight to it. */
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const managesTeamsIn = await listOrganisationsWithManagedTeams({ userId: user.id })
	const organisations = (await listMyOrganisations({ userId: user.id })).map((o) => ({
		...o,
		// A member who manages a team reaches the organisation's Teams and Assignments pages for it.
		managesTeams: o.role === 'MEMBER' && managesTeamsIn.has(o.id),
	}))
	const managed = organisations.filter((o) => o.role !== 'MEMBER' || o.managesTeams)
	const leaveId = new URL(request.url).searchParams.get('leave')
	if (!leaveId && organisations.length === 1 && managed.length === 1) throw redirect(`/org/${managed[0]!.slug}`)
	return { organisations, leaving: organisations.find((o) => o.id === leaveId) ?? null }
}

/**
 * Leaves an organisation of one's own accord (the module refuses the last owner). The person keeps
 * everything they learnt; the organisation's single sign-on will not add them back by itself.
 */
export async function action({ request, context }: Route.ActionArgs) {
	const user = await requireUser(request)
	const t = await getT(request)
	const submission = parseWithZod(await request.formData(), { schema: LeaveOrganisationSchema })
	if (submission.status !== 'success') {
		return data({ ok: false as const, message: t('list.chooseToLeave', { ns: 'org' }) }, { status: 400 })
	}
	const left = (await listMyOrganisations({ userId: user.id })).find((o) => o.id === submission.value.organisationId)
	try {
		await leaveOrganisation({
			organisationId: submission.value.organisationId,
			userId: user.id,
			origin: { ipAddress: context.clientIp, userAgent: request.headers.get('User-Agent') },
		})
	} catch (error) {
		return replyWithProblem(error, {})
	}
	return {
		ok: true as const,
		message: t('list.left', { ns: 'org', organisation: left?.name ?? t('list.theOrganisation', { ns: 'org' }) }),
	}
}

export default function OrganisationsRoute({ loaderData, actionData }: Route.ComponentProps) {
	const { organisations, leaving } = loaderData
	const busy = useNavigation().state !== 'idle'
	const { t } = useTranslation('org')
	const reply = actionData as { ok: boolean; message: string } | undefined
	return (
		<Container width="prose" className="py-10">
			<h1 className="text-3xl font-bold text-stone-900">{t('list.title')}</h1>
			<p className="mt-2 text-stone-700">{t('list.intro')}</p>
			{reply ? (
				<Notice tone={reply.ok ? 'success' : 'error'} role={reply.ok ? 'status' : 'alert'} className="mt-6">
					{reply.message}
				</Notice>
			) : null}
			{leaving && !reply?.ok ? (
				<ConfirmPanel title={t('list.leaveTitle', { organisation: leaving.name })} tone="danger">
					<p>{t('list.leaveBody', { organisation: leaving.name })}</p>
					<Form method="post" action="/org" className="flex flex-wrap items-center gap-4 pt-1">
						<input type="hidden" name="intent" value="leave" />
						<input type="hidden" name="organisationId" value={leaving.id} />
						<Button type="submit" variant="danger" aria-disabled={busy || undefined}>
							{t('list.leaveConfirm', { organisation: leaving.name })}
						</Button>
						<Link to="/org" className={linkClasses}>
							{t('cancel')}
						</Link>
					</Form>
				</ConfirmPanel>
			) : null}
			{organisations.length ? (
				<ul className="mt-8 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
					{organisations.map((org) => (
						<li key={org.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
							<div>
								{org.role === 'MEMBER' && !org.managesTeams ? (
									<p className="font-semibold text-stone-900">{org.name}</p>
								) : (
									<Link
										to={org.managesTeams ? `/org/${org.slug}/teams` : `/org/${org.slug}`}
										className={`${linkClasses} text-lg font-semibold`}
									>
										{org.name}
									</Link>
								)}
								{org.sector ? <p className="text-sm text-stone-600">{t(`sectors.${org.sector}`)}</p> : null}
							</div>
							<div className="flex flex-wrap items-center gap-3">
								<Badge tone={org.role === 'MEMBER' && !org.managesTeams ? 'neutral' : 'brand'}>
									{org.managesTeams ? t('roles.teamManager') : t(`roles.${org.role}`)}
								</Badge>
								<Link to={`/org?${new URLSearchParams({ leave: org.id })}`} className={`${linkClasses} text-sm`}>
									<Trans
										t={t}
										i18nKey="list.leave"
										values={{ organisation: org.name }}
										components={[<span key="name" className="sr-only" />]}
									/>
								</Link>
							</div>
						</li>
					))}
				</ul>
			) : (
				<p className="mt-8 rounded-2xl border border-stone-200 bg-white p-5 text-stone-700">{t('list.none')}</p>
			)}
			{organisations.some((o) => o.role === 'MEMBER') ? (
				<p className="mt-4 text-sm text-stone-600">
					<Trans
						t={t}
						i18nKey="list.members"
						components={[<Link key="dashboard" to="/dashboard" className={linkClasses} />]}
					/>
				</p>
			) : null}
			<p className="mt-8">
				<ButtonLink to="/org/new">{t('list.setUp')}</ButtonLink>
			</p>
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
