import { Link, useSearchParams } from 'react-router'
import { Badge } from '#app/components/ui/badge.tsx'
import { ButtonLink } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Container } from '#app/components/ui/container.tsx'
import { Notice } from '#app/components/ui/notice.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { formatIsoDate } from '#modules/portfolio/cpd-dates.ts'
import { listRecords } from '#modules/reflective-records/records.ts'
import { RECORD_KIND_INFO, RECORD_KINDS } from '#modules/reflective-records/schemas.ts'
import type { Route } from './+types/records._index'

export const meta: Route.MetaFunction = () =>
	pageMeta(
		'Reflective records | Circle',
		'Reflective accounts, feedback, discussions, supervision logs, CPD records and HCPC profiles on the NMC’s, Social Work England’s, the HCPC’s and the RJC’s structures.',
	)

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const records = await listRecords({ userId: user.id })
	return {
		records: records.map((r) => ({
			id: r.id,
			kind: r.kind,
			title: r.title,
			date: r.date,
			partnerStatus: r.partnerStatus,
		})),
	}
}

const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900'

const FORM_BLURB: Record<(typeof RECORD_KINDS)[number], string> = {
	NMC_REFLECTIVE_ACCOUNT:
		'What happened, what you learnt, what you changed, and how it relates to the Code. The NMC asks for five.',
	NMC_FEEDBACK: 'Practice-related feedback and what you did with it. The NMC asks for five pieces.',
	NMC_DISCUSSION: 'Your reflective discussion with another registrant, who confirms it from an emailed link.',
	SWE_CPD: 'A CPD record with the impact on your practice and, once a year, a peer reflection your peer confirms.',
	HCPC_PROFILE:
		'Your HCPC CPD profile, built from your portfolio: summary, statement, and a dated list of activities with any gaps flagged.',
	RJC_SUPERVISION:
		'One entry in your supervision log: cases discussed without naming anyone, what you learnt and agreed. The RJC asks for supervision at least every 12 weeks.',
	RJC_OBSERVED_PRACTICE:
		'A restorative process someone watched you run, and their feedback. The RJC asks for one a year.',
	TEACHER_SIGN_OFF:
		'Development tagged to the Teachers’ Standards, with the difference it made to pupils, signed off by your mentor or line manager.',
}

export default function RecordsRoute({ loaderData }: Route.ComponentProps) {
	const { records } = loaderData
	const [searchParams] = useSearchParams()
	return (
		<Container className="py-10 sm:py-12">
			<p>
				<Link to="/cpd" className={LINK}>
					CPD portfolio
				</Link>
			</p>
			<div className="mt-4 flex flex-wrap items-end justify-between gap-4">
				<div>
					<h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Reflective records</h1>
					<p className="mt-2 max-w-prose text-lg text-stone-700">
						Your records on your regulator’s own forms. They belong to you: they stay with you whoever you work for.
					</p>
				</div>
				<ButtonLink to="/cpd/revalidation" variant="secondary">
					Revalidation and renewal
				</ButtonLink>
			</div>
			{searchParams.get('done') === 'deleted' ? (
				<Notice tone="success" role="status" className="mt-6" title="The record has been deleted." />
			) : null}

			<section aria-labelledby="new-heading" className="mt-8">
				<h2 id="new-heading" className="text-2xl font-bold text-stone-900">
					Start a record
				</h2>
				<ul className="mt-4 grid gap-4 sm:grid-cols-2">
					{RECORD_KINDS.map((kind) => (
						<Card as="li" key={kind} className="p-5">
							<h3 className="text-lg font-semibold text-stone-900">
								<Link to={`/records/new/${RECORD_KIND_INFO[kind].slug}`} className={LINK}>
									{RECORD_KIND_INFO[kind].label}
								</Link>
							</h3>
							<p className="mt-1 text-stone-700">{FORM_BLURB[kind]}</p>
						</Card>
					))}
				</ul>
			</section>

			<section aria-labelledby="records-heading" className="mt-10">
				<div className="flex flex-wrap items-baseline justify-between gap-4">
					<h2 id="records-heading" className="text-2xl font-bold text-stone-900">
						Your records
					</h2>
					{records.length ? (
						<p className="flex gap-4">
							<a href="/records/export.csv" className={LINK}>
								Download CSV
							</a>
							<a href="/records/export.json" className={LINK}>
								Download JSON
							</a>
						</p>
					) : null}
				</div>
				{records.length === 0 ? (
					<p className="mt-4 text-stone-700">You have not written any records yet.</p>
				) : (
					<ul className="mt-4 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
						{records.map((r) => (
							<li key={r.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
								<div>
									<Link to={`/records/${r.id}`} className={LINK}>
										{r.title}
									</Link>
									<p className="text-sm text-stone-600">
										{RECORD_KIND_INFO[r.kind].label} · {formatIsoDate(r.date)}
									</p>
								</div>
								{r.partnerStatus === 'confirmed' ? (
									<Badge tone="success">Confirmed</Badge>
								) : r.partnerStatus === 'invited' ? (
									<Badge tone="accent">Waiting for confirmation</Badge>
								) : null}
							</li>
						))}
					</ul>
				)}
			</section>
		</Container>
	)
}
