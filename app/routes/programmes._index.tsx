import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Badge } from '#app/components/ui/badge.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { metaT, useFormat } from '#app/utils/i18n.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { formatCpdHours } from '#modules/i18n/format.ts'
import { listLearnerProgrammes, listProgrammes } from '#modules/programmes/list-programmes.ts'
import type { Route } from './+types/programmes._index'
import { Trans } from '#app/utils/trans.tsx'

export const meta: Route.MetaFunction = ({ matches }) => {
	const t = metaT(matches)
	return pageMeta(
		t('programmes.meta.title', { ns: 'catalogue' }),
		t('programmes.meta.description', { ns: 'catalogue' }),
	)
}

export async function loader({ request }: Route.LoaderArgs) {
	const user = await getOptionalUser(request)
	const [programmes, mine] = await Promise.all([
		listProgrammes(),
		user ? listLearnerProgrammes({ userId: user.id }) : Promise.resolve([]),
	])
	return { programmes, mine }
}

export function headers() {
	return { 'Cache-Control': 'private, no-store' }
}

export default function ProgrammesRoute({ loaderData }: Route.ComponentProps) {
	const { programmes, mine } = loaderData
	// Under "All programmes" when the learner's own are listed first, so headings stay in order.
	const CardHeading = mine.length ? 'h3' : 'h2'
	const { t } = useTranslation('catalogue')
	const f = useFormat()
	return (
		<Container className="py-10 sm:py-12">
			<h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t('programmes.heading')}</h1>
			<p className="mt-3 max-w-3xl text-lg text-stone-700">
				<Trans
					t={t}
					i18nKey="programmes.intro"
					components={{ a: <Link to="/courses" className="font-medium text-brand-700 underline underline-offset-2" /> }}
				/>
			</p>
			{mine.length ? (
				<section aria-labelledby="mine-heading" className="mt-8">
					<h2 id="mine-heading" className="text-2xl font-bold text-stone-900">
						{t('programmes.yours')}
					</h2>
					<ul className="mt-4 space-y-3">
						{mine.map((programme) => (
							<li key={programme.slug} className="rounded-xl border border-stone-200 bg-white p-4">
								<Link
									to={`/programmes/${programme.slug}`}
									className="font-semibold text-brand-700 underline underline-offset-2"
								>
									{programme.title}
								</Link>
								<p className="mt-1 text-stone-700">
									{programme.completedAt
										? t('programmes.completedOn', { date: f.date(programme.completedAt) })
										: t('programmes.finished', {
												count: programme.courseCount,
												done: f.number(programme.completedCount),
											})}
									{programme.certificateCode ? (
										<>
											{' · '}
											<a
												href={`/programme-certificates/${programme.certificateCode}.pdf`}
												className="font-medium text-brand-700 underline underline-offset-2"
											>
												{t('programmes.certificate')}
											</a>
										</>
									) : null}
								</p>
							</li>
						))}
					</ul>
				</section>
			) : null}
			{mine.length ? <h2 className="mt-10 text-2xl font-bold text-stone-900">{t('programmes.all')}</h2> : null}
			{programmes.length === 0 ? (
				<p className="mt-10 text-stone-700">{t('programmes.none')}</p>
			) : (
				<ul className="mt-8 grid gap-6 md:grid-cols-2">
					{programmes.map((programme) => (
						<li key={programme.slug} className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
							<Badge tone="accent">{t('programmes.badge')}</Badge>
							<CardHeading className="mt-3 text-xl font-semibold text-stone-900">
								<Link to={`/programmes/${programme.slug}`} className="underline-offset-2 hover:underline">
									{programme.title}
								</Link>
							</CardHeading>
							<p className="mt-2 text-stone-700">{programme.summary}</p>
							<p className="mt-3 text-sm text-stone-700">
								{t('programmes.courses', { count: programme.courseCount })} ·{' '}
								{t('programmes.inTotal', { hours: formatCpdHours(programme.cpdMinutes, f.language) })}
								{programme.sequential ? ` · ${t('programmes.inOrder')}` : null}
							</p>
							<ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-stone-800">
								{programme.courseTitles.map((title) => (
									<li key={title}>{title}</li>
								))}
							</ol>
						</li>
					))}
				</ul>
			)}
		</Container>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
